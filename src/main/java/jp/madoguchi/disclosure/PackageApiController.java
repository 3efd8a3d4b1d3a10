package jp.madoguchi.disclosure;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.madoguchi.request.DeskRequest;
import org.apache.tomcat.util.http.fileupload.FileItemIterator;
import org.apache.tomcat.util.http.fileupload.FileItemStream;
import org.apache.tomcat.util.http.fileupload.FileUpload;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.apache.tomcat.util.http.fileupload.servlet.ServletRequestContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /desk/api/requests/{reference}/package/items}: adds an item to the request's disclosure package
 * (multipart: {@code file}, optional {@code category} and {@code system} before it). The body is read as a stream,
 * straight into the store: an item of hundreds of megabytes never sits in the heap. The API has no session, so no
 * CSRF token: a call must carry the header {@value #REQUIRED_HEADER}, which a cross-site form cannot send.
 */
@RestController
class PackageApiController {

  static final String REQUIRED_HEADER = "X-Requested-By";

  private final DisclosurePackage disclosure;

  PackageApiController(DisclosurePackage disclosure) {
    this.disclosure = disclosure;
  }

  @PostMapping("/desk/api/requests/{reference}/package/items")
  ResponseEntity<?> add(@PathVariable String reference, HttpServletRequest request, Authentication user)
      throws IOException {
    if (request.getHeader(REQUIRED_HEADER) == null || request.getHeader(REQUIRED_HEADER).isBlank()) {
      return problem(HttpStatus.FORBIDDEN, "Header required", REQUIRED_HEADER
          + ": スクリプトからの呼び出しにはこのヘッダーが必要です / this header is required (CSRF protection)");
    }
    DeskRequest desk = disclosure.visible(reference, groups(user)).orElse(null);
    if (desk == null) {
      return problem(HttpStatus.NOT_FOUND, "Not found", "reference: " + reference);
    }
    if (request.getContentType() == null || !request.getContentType().startsWith("multipart/form-data")) {
      return problem(HttpStatus.BAD_REQUEST, "Bad request", "file: multipart/form-data で送ってください"
          + " / send multipart/form-data");
    }
    String category = null;
    String system = null;
    PackageItem added = null;
    try {
      FileUpload upload = new FileUpload();
      upload.setSizeMax(-1);
      upload.setFileSizeMax(-1);
      FileItemIterator parts = upload.getItemIterator(new ServletRequestContext(request));
      while (parts.hasNext()) {
        FileItemStream part = parts.next();
        try (InputStream content = part.openStream()) {
          if (part.isFormField()) {
            String value = new String(content.readNBytes(1000), StandardCharsets.UTF_8);
            if ("category".equals(part.getFieldName())) {
              category = value.strip();
            } else if ("system".equals(part.getFieldName())) {
              system = value.strip();
            }
          } else if ("file".equals(part.getFieldName()) && added == null) {
            added = disclosure.addItem(desk, category, system, part.getName(), part.getContentType(), content,
                user.getName());
          }
        }
      }
    } catch (FileUploadException broken) {
      return problem(HttpStatus.BAD_REQUEST, "Bad request", "file: " + broken.getMessage());
    }
    if (added == null) {
      return problem(HttpStatus.BAD_REQUEST, "Bad request", "file: ファイルがありません / the part 'file' is missing");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", added.id());
    body.put("category", added.categoryCode());
    body.put("system", added.systemCode());
    body.put("fileName", added.fileName());
    body.put("mediaType", added.mediaType());
    body.put("size", added.size());
    body.put("sha256", added.sha256());
    return ResponseEntity.created(URI.create("/desk/requests/" + reference + "/package")).body(body);
  }

  @ExceptionHandler(DisclosurePackage.TooLarge.class)
  ResponseEntity<ProblemDetail> tooLarge(DisclosurePackage.TooLarge tooLarge) {
    return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", tooLarge.getMessage());
  }

  @ExceptionHandler(DisclosurePackage.PackageProblem.class)
  ResponseEntity<ProblemDetail> invalid(DisclosurePackage.PackageProblem problem) {
    return problem(HttpStatus.BAD_REQUEST, "Bad request", problem.getMessage());
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).body(problem);
  }

  static List<String> groups(Authentication user) {
    Collection<? extends GrantedAuthority> authorities = user.getAuthorities();
    return authorities.stream().map(GrantedAuthority::getAuthority)
        .filter(role -> role.startsWith("ROLE_")).map(role -> role.substring("ROLE_".length())).toList();
  }
}
