package jp.madoguchi.correspondence;

import java.nio.charset.StandardCharsets;
import jp.madoguchi.request.RequestRegister;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public end of a download link: the person (or agent, or client) opens the link from the e-mail and gets the
 * letter as PDF. Whether the link never existed, expired or was withdrawn, the answer is the same 404, so that a
 * link reveals nothing about letters it does not open.
 */
@RestController
class LetterDownloadController {

  static final String NOT_FOUND = """
      このリンクは無効か、有効期限が切れています。お手数ですが、窓口までお問い合わせください。
      This link is not valid or has expired. Please contact the desk.
      """;

  private final DownloadTokens tokens;

  LetterDownloadController(DownloadTokens tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/letters/download/{token}")
  ResponseEntity<byte[]> download(@PathVariable String token) {
    return tokens.redeem(token, RequestRegister.now())
        .map(download -> ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_PDF)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(download.fileName(), StandardCharsets.UTF_8).build()
                    .toString())
            .cacheControl(CacheControl.noStore())
            // the token is in the address: it must not travel on in a Referer header
            .header("Referrer-Policy", "no-referrer")
            .body(download.pdf()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
            .cacheControl(CacheControl.noStore())
            .header("Referrer-Policy", "no-referrer")
            .body(NOT_FOUND.getBytes(StandardCharsets.UTF_8)));
  }
}
