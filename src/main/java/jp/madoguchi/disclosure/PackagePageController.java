package jp.madoguchi.disclosure;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.madoguchi.decision.RequestDecisions;
import jp.madoguchi.request.DeskRequest;
import jp.madoguchi.request.RequestRegister;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The disclosure package page of a request (linked from the request file and from "Approve refusal"): its items by
 * category, what is withheld and why, the state (open or frozen, with the manifest); staff add items, withhold or
 * mask, and release. Same rights as the request file, My Number requests only for the specific-information desk.
 * Forms carry the CSRF token.
 */
@Controller
class PackagePageController {

  private static final String PAGE = "/desk/requests/{reference:" + RequestRegister.REFERENCE_PATTERN + "}/package";

  private final DisclosurePackage disclosure;

  PackagePageController(DisclosurePackage disclosure) {
    this.disclosure = disclosure;
  }

  @GetMapping(PAGE)
  String show(@PathVariable String reference, Authentication user, Model model) {
    DeskRequest request = visible(reference, user);
    model.addAttribute("request", request);
    model.addAttribute("items", disclosure.items(request.id()));
    model.addAttribute("withholdings", disclosure.withholdings(request.id()));
    model.addAttribute("state", disclosure.state(request.id()));
    model.addAttribute("manifest", disclosure.manifest(request.id()));
    model.addAttribute("grounds", RequestDecisions.groundsFor(request.type()).stream().map(Enum::name).toList());
    return "desk/disclosure-package";
  }

  @PostMapping(PAGE + "/items")
  String add(@PathVariable String reference, @RequestParam("file") MultipartFile file,
      @RequestParam(name = "category", required = false) String category,
      @RequestParam(name = "system", required = false) String system, Authentication user, Model model)
      throws IOException {
    DeskRequest request = visible(reference, user);
    try (InputStream content = file.getInputStream()) {
      disclosure.addItem(request, category, system, file.getOriginalFilename(), file.getContentType(), content,
          user.getName());
    } catch (DisclosurePackage.PackageProblem | DisclosurePackage.TooLarge problem) {
      model.addAttribute("problem", problem.getMessage());
      return show(reference, user, model);
    }
    return "redirect:/desk/requests/" + reference + "/package?added";
  }

  @PostMapping(PAGE + "/withholdings")
  String withhold(@PathVariable String reference, @RequestParam long item,
      @RequestParam(required = false) Integer row, @RequestParam(required = false) String field,
      @RequestParam(defaultValue = "WITHHELD") Withholding.Kind kind, @RequestParam(required = false) String ground,
      @RequestParam(required = false) String reason, Authentication user, Model model) {
    DeskRequest request = visible(reference, user);
    return change(reference, "?withheld", user, model, () -> disclosure.withhold(request, item, row,
        field == null || field.isBlank() ? null : field.strip(), kind, ground, reason, user.getName()));
  }

  @PostMapping(PAGE + "/withholdings/{id}/release")
  String release(@PathVariable String reference, @PathVariable long id, Authentication user, Model model) {
    DeskRequest request = visible(reference, user);
    return change(reference, "", user, model, () -> disclosure.release(request, id, user.getName()));
  }

  @PostMapping(PAGE + "/items/{id}/remove")
  String remove(@PathVariable String reference, @PathVariable long id, Authentication user, Model model) {
    DeskRequest request = visible(reference, user);
    return change(reference, "", user, model, () -> disclosure.removeItem(request, id, user.getName()));
  }

  /** Makes a change to the package: back to the page, or the page again with the problem the change met. */
  private String change(String reference, String outcome, Authentication user, Model model, Runnable change) {
    try {
      change.run();
    } catch (DisclosurePackage.PackageProblem problem) {
      model.addAttribute("problem", problem.getMessage());
      return show(reference, user, model);
    }
    return "redirect:/desk/requests/" + reference + "/package" + outcome;
  }

  /** An item as it was added, streamed, always as a download (staff open it with the program of its kind). */
  @GetMapping(PAGE + "/items/{id}")
  void item(@PathVariable String reference, @PathVariable long id, Authentication user,
      HttpServletResponse response) throws IOException {
    DeskRequest request = visible(reference, user);
    PackageItem item = disclosure.items(request.id()).stream().filter(i -> i.id() == id && i.storageKey() != null)
        .findFirst().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    response.setContentType("application/octet-stream");
    response.setContentLengthLong(item.size());
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(item.fileName(), StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    response.setHeader("X-Content-Type-Options", "nosniff");
    try (InputStream in = disclosure.open(new ManifestEntry(item.fileName(), item.sha256(), item.size(),
        item.storageKey()))) {
      in.transferTo(response.getOutputStream());
    }
  }

  /** The frozen package's annex, to print with a paper reply. */
  @GetMapping(PAGE + "/annex.pdf")
  void annex(@PathVariable String reference, Authentication user, HttpServletResponse response) throws IOException {
    DeskRequest request = visible(reference, user);
    ManifestEntry annex = disclosure.annex(request.id()).filter(e -> e.storageKey() != null)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    response.setContentType("application/pdf");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
        .filename(reference + "-annex.pdf", StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    try (InputStream in = disclosure.open(annex)) {
      in.transferTo(response.getOutputStream());
    }
  }

  /** The frozen package's archive, to write to a medium (the method OTHER), streamed. */
  @GetMapping(PAGE + "/archive.zip")
  void archive(@PathVariable String reference, Authentication user, HttpServletResponse response)
      throws IOException {
    DeskRequest request = visible(reference, user);
    if (!disclosure.state(request.id()).frozen()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    response.setContentType("application/zip");
    response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
        .filename(reference + "-disclosure.zip", StandardCharsets.UTF_8).build().toString());
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    disclosure.writeArchive(request.id(), response.getOutputStream());
  }

  private DeskRequest visible(String reference, Authentication user) {
    List<String> groups = PackageApiController.groups(user);
    return disclosure.visible(reference, groups)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }
}
