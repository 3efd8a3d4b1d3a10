package jp.madoguchi.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jp.madoguchi.correspondence.LetterKind;
import jp.madoguchi.correspondence.ReplyAttachments;
import jp.madoguchi.correspondence.ReplyLinks;
import jp.madoguchi.request.RequestRegister;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The archive of a disclosure, through the reply's download link: streamed as a ZIP, each download recorded. The
 * link works for the archive exactly as long as for its letter; any other link gets the letter link's 404.
 */
@Controller
class PackageArchiveDownloadController implements ReplyAttachments {

  private final ReplyLinks links;
  private final DisclosurePackage disclosure;
  private final RequestRegister register;

  PackageArchiveDownloadController(ReplyLinks links, DisclosurePackage disclosure, RequestRegister register) {
    this.links = links;
    this.disclosure = disclosure;
    this.register = register;
  }

  @Override
  public boolean hasArchive(long requestId, LetterKind kind) {
    return (kind == LetterKind.DISCLOSURE || kind == LetterKind.PARTIAL_DISCLOSURE)
        && disclosure.state(requestId).frozen();
  }

  @Override
  public Optional<Enclosure> enclosure(long requestId, String language) {
    return disclosure.enclosure(requestId, language);
  }

  @GetMapping("/letters/download/{token}/archive")
  void download(@PathVariable String token, HttpServletResponse response) throws IOException {
    response.setHeader("Referrer-Policy", "no-referrer");
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    Optional<ReplyLinks.Link> link = links.of(token, RequestRegister.now())
        .filter(valid -> hasArchive(valid.requestId(), valid.letter()));
    if (link.isEmpty()) {
      response.setStatus(404);
      response.setContentType("text/plain;charset=UTF-8");
      response.getOutputStream().write(("このリンクは無効か、有効期限が切れています。お手数ですが、窓口までお問い合わせください。\n"
          + "This link is not valid or has expired. Please contact the desk.\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    long requestId = link.get().requestId();
    String reference = register.find(requestId).reference();
    disclosure.recordDownload(requestId, link.get().tokenId());
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(reference + "-disclosure.zip", StandardCharsets.UTF_8).build().toString());
    disclosure.writeArchive(requestId, response.getOutputStream());
  }
}
