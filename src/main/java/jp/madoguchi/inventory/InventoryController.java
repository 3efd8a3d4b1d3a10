package jp.madoguchi.inventory;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.madoguchi.security.DeskGroups;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The desk's pages of the data inventory: desk staff and managers read it, managers change it (WebSecurity lets
 * only managers post here), entry by entry or by importing CSV files, which shows what would change before it is
 * applied. Every kind can be exported as CSV; each export is recorded in the desk's audit trail.
 */
@Controller
class InventoryController {

  static final String KINDS = "categories|purposes|systems|provisions";
  static final String CODE = "[A-Z][A-Z0-9_]{1,63}";
  /** The largest CSV file an import reads: a company's inventory is far smaller. */
  static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

  private final Inventory inventory;
  private final InventoryCsv csv;
  private final MessageSource messages;

  InventoryController(Inventory inventory, InventoryCsv csv, MessageSource messages) {
    this.inventory = inventory;
    this.csv = csv;
    this.messages = messages;
  }

  @GetMapping("/desk/inventory")
  String index(Authentication user, Model model) {
    model.addAttribute("inventory", inventory.snapshot());
    model.addAttribute("manager", isManager(user));
    model.addAttribute("kinds", InventoryKind.values());
    return "desk/inventory";
  }

  /** One kind's list alone (the overview lists all four). */
  @GetMapping("/desk/inventory/{kind:" + KINDS + "}")
  String list(@PathVariable String kind, Authentication user, Model model) {
    index(user, model);
    model.addAttribute("kinds", new InventoryKind[] {kind(kind)});
    model.addAttribute("only", kind(kind));
    return "desk/inventory";
  }

  @GetMapping("/desk/inventory/{kind:" + KINDS + "}/{code:" + CODE + "}")
  String view(@PathVariable String kind, @PathVariable String code, Authentication user, Model model) {
    InventoryKind of = kind(kind);
    InventoryEntry entry = inventory.entry(of, code).orElseThrow(InventoryController::notFound);
    model.addAttribute("kind", of);
    model.addAttribute("entry", entry);
    model.addAttribute("row", entry.row());
    model.addAttribute("history", inventory.history(of, code));
    model.addAttribute("names", names());
    model.addAttribute("manager", isManager(user));
    return "desk/inventory-entry";
  }

  @GetMapping("/desk/inventory/{kind:" + KINDS + "}/new")
  String newEntry(@PathVariable String kind, Authentication user, Model model) {
    requireManager(user);
    return form(model, kind(kind), null, InventoryEntry.row(kind(kind)), Map.of());
  }

  @PostMapping("/desk/inventory/{kind:" + KINDS + "}")
  String create(@PathVariable String kind, @RequestParam MultiValueMap<String, String> form, Authentication user,
      Locale locale, Model model, HttpServletResponse response) {
    InventoryKind of = kind(kind);
    Map<String, String> values = values(of, form);
    try {
      InventoryEntry entry = InventoryEntry.read(of, values);
      inventory.create(entry, user.getName());
      return "redirect:/desk/inventory/" + of.path() + "/" + entry.code() + "?saved";
    } catch (InvalidInventoryException invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model, of, null, values, fieldErrors(invalid.problems(), locale));
    }
  }

  @GetMapping("/desk/inventory/{kind:" + KINDS + "}/{code:" + CODE + "}/edit")
  String edit(@PathVariable String kind, @PathVariable String code, Authentication user, Model model) {
    requireManager(user);
    InventoryKind of = kind(kind);
    InventoryEntry entry = inventory.entry(of, code).orElseThrow(InventoryController::notFound);
    return form(model, of, code, entry.row(), Map.of());
  }

  @PostMapping("/desk/inventory/{kind:" + KINDS + "}/{code:" + CODE + "}")
  String update(@PathVariable String kind, @PathVariable String code,
      @RequestParam MultiValueMap<String, String> form, Authentication user, Locale locale, Model model,
      HttpServletResponse response) {
    InventoryKind of = kind(kind);
    inventory.entry(of, code).orElseThrow(InventoryController::notFound);
    Map<String, String> values = values(of, form);
    // the code names the entry: it does not change
    values.put("code", code);
    try {
      inventory.update(InventoryEntry.read(of, values), user.getName());
      return "redirect:/desk/inventory/" + of.path() + "/" + code + "?saved";
    } catch (InvalidInventoryException invalid) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return form(model, of, code, values, fieldErrors(invalid.problems(), locale));
    }
  }

  @PostMapping("/desk/inventory/{kind:" + KINDS + "}/{code:" + CODE + "}/delete")
  String delete(@PathVariable String kind, @PathVariable String code, Authentication user, Locale locale,
      Model model, HttpServletResponse response) {
    InventoryKind of = kind(kind);
    try {
      inventory.delete(of, code, user.getName());
      return "redirect:/desk/inventory?deleted=" + code;
    } catch (UnknownEntryException unknown) {
      throw notFound();
    } catch (InvalidInventoryException inUse) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      view(kind, code, user, model);
      model.addAttribute("deleteErrors", inUse.problems().stream().map(p -> message(p, locale)).toList());
      return "desk/inventory-entry";
    }
  }

  /** One kind as CSV (UTF-8 with a byte order mark, bilingual headers), recorded in the desk's audit trail. */
  @GetMapping("/desk/inventory/{kind:" + KINDS + "}.csv")
  ResponseEntity<byte[]> export(@PathVariable String kind, Authentication user) {
    InventoryKind of = kind(kind);
    inventory.exported(of, user.getName());
    String text = csv.write(of, inventory.snapshot().entries(of));
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("madoguchi-inventory-" + of.path() + ".csv").build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(text.getBytes(StandardCharsets.UTF_8));
  }

  @GetMapping("/desk/inventory/import")
  String importForm(Authentication user, Model model) {
    requireManager(user);
    model.addAttribute("kinds", InventoryKind.values());
    model.addAttribute("errors", List.of());
    return "desk/inventory-import";
  }

  /**
   * Reads the uploaded files (one per kind, any of them) and shows what applying them would change; nothing is
   * written yet. The files travel on to the confirmation in the page itself, so any node of a cluster applies them.
   */
  @PostMapping("/desk/inventory/import")
  String upload(@RequestParam Map<String, MultipartFile> files, Locale locale, Model model,
      HttpServletResponse response) throws IOException {
    Map<InventoryKind, String> texts = new EnumMap<>(InventoryKind.class);
    List<String> errors = new ArrayList<>();
    for (InventoryKind kind : InventoryKind.values()) {
      MultipartFile file = files.get(kind.path());
      if (file == null || file.isEmpty()) {
        continue;
      }
      if (file.getSize() > MAX_CSV_BYTES) {
        errors.add(fileError(kind, "inventory.error.fileTooLarge", locale, MAX_CSV_BYTES / 1024 / 1024));
        continue;
      }
      String text = utf8(file.getBytes());
      if (text == null) {
        errors.add(fileError(kind, "inventory.error.notUtf8", locale));
      } else {
        texts.put(kind, text);
      }
    }
    if (errors.isEmpty() && texts.isEmpty()) {
      errors.add(messages.getMessage("inventory.error.noFile", null, locale));
    }
    return preview(texts, errors, locale, model, response);
  }

  /** Applies the files shown on the confirmation page, all or nothing. */
  @PostMapping("/desk/inventory/import/apply")
  String apply(@RequestParam Map<String, String> form, Authentication user, Locale locale, Model model,
      HttpServletResponse response) {
    Map<InventoryKind, String> texts = new EnumMap<>(InventoryKind.class);
    for (InventoryKind kind : InventoryKind.values()) {
      String encoded = form.get(kind.path());
      if (encoded != null && !encoded.isEmpty()) {
        try {
          texts.put(kind, new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException tampered) {
          throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
      }
    }
    if (texts.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
    }
    Parsed parsed = parse(texts, locale);
    if (parsed.errors().isEmpty()) {
      try {
        List<InventoryChange> changes = inventory.replace(parsed.entries(), user.getName());
        return "redirect:/desk/inventory?imported=" + changes.size();
      } catch (InvalidInventoryException invalid) {
        parsed.errors().addAll(importErrors(invalid.problems(), parsed.lines(), locale));
      }
    }
    return preview(texts, parsed.errors(), locale, model, response);
  }

  private String preview(Map<InventoryKind, String> texts, List<String> errors, Locale locale, Model model,
      HttpServletResponse response) {
    model.addAttribute("kinds", InventoryKind.values());
    Parsed parsed = errors.isEmpty() ? parse(texts, locale) : null;
    if (parsed != null) {
      errors = parsed.errors();
      if (errors.isEmpty()) {
        List<FieldProblem> problems = Inventory.check(inventory.snapshot().with(parsed.entries()));
        errors.addAll(importErrors(problems, parsed.lines(), locale));
      }
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("errors", errors);
      return "desk/inventory-import";
    }
    List<InventoryChange> changes = inventory.differences(parsed.entries());
    model.addAttribute("changes", changes);
    model.addAttribute("uploaded", texts.keySet());
    Map<String, String> encoded = new LinkedHashMap<>();
    texts.forEach((kind, text) -> encoded.put(kind.path(),
        Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))));
    model.addAttribute("files", encoded);
    model.addAttribute("counts", counts(changes));
    return "desk/inventory-confirm";
  }

  private record Parsed(Map<InventoryKind, List<InventoryEntry>> entries, Map<InventoryKind, Map<String, Integer>> lines,
      List<String> errors) {}

  private Parsed parse(Map<InventoryKind, String> texts, Locale locale) {
    Map<InventoryKind, List<InventoryEntry>> entries = new EnumMap<>(InventoryKind.class);
    Map<InventoryKind, Map<String, Integer>> lines = new EnumMap<>(InventoryKind.class);
    List<String> errors = new ArrayList<>();
    texts.forEach((kind, text) -> {
      try {
        InventoryCsv.Read read = csv.read(kind, text);
        entries.put(kind, read.entries());
        lines.put(kind, read.lines());
      } catch (InvalidInventoryException invalid) {
        errors.addAll(importErrors(invalid.problems(), Map.of(), locale));
      }
    });
    return new Parsed(entries, lines, errors);
  }

  private static Map<String, Long> counts(List<InventoryChange> changes) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (InventoryChange.Action action : InventoryChange.Action.values()) {
      counts.put(action.name(), changes.stream().filter(c -> c.action() == action).count());
    }
    return counts;
  }

  /** An import's problems, each naming the file, the CSV line (when known) and the column. */
  private List<String> importErrors(List<FieldProblem> problems, Map<InventoryKind, Map<String, Integer>> lines,
      Locale locale) {
    return problems.stream().map(problem -> {
      int line = problem.line() > 0 ? problem.line()
          : lines.getOrDefault(problem.kind(), Map.of()).getOrDefault(problem.code(), 0);
      String file = messages.getMessage("inventory.kind." + problem.kind().path(), null, locale);
      String where = line > 0
          ? messages.getMessage("inventory.error.atLine", new Object[] {file, line}, locale)
          : messages.getMessage("inventory.error.atEntry", new Object[] {file, String.valueOf(problem.code())},
              locale);
      return where + " " + message(problem, locale);
    }).toList();
  }

  private String fileError(InventoryKind kind, String code, Locale locale, Object... args) {
    return messages.getMessage("inventory.kind." + kind.path(), null, locale) + ": "
        + messages.getMessage(code, args, locale);
  }

  /** The field's label and what is wrong with it, e.g. "名称(日本語): 入力してください。". */
  private String message(FieldProblem problem, Locale locale) {
    String text = messages.getMessage(problem.message(), problem.args().toArray(), locale);
    return problem.field().isEmpty() ? text : label(problem.field(), locale) + ": " + text;
  }

  private Map<String, String> fieldErrors(List<FieldProblem> problems, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldProblem problem : problems) {
      errors.putIfAbsent(problem.field(), message(problem, locale));
    }
    return errors;
  }

  private String label(String field, Locale locale) {
    try {
      return messages.getMessage("inventory.field." + field, null, locale);
    } catch (NoSuchMessageException unknownColumn) {
      return field;
    }
  }

  private String form(Model model, InventoryKind kind, String code, Map<String, String> values,
      Map<String, String> errors) {
    model.addAttribute("kind", kind);
    model.addAttribute("code", code);
    model.addAttribute("values", values);
    model.addAttribute("errors", errors);
    model.addAttribute("fields", InventoryForm.fields(kind, inventory.snapshot()));
    return "desk/inventory-form";
  }

  /** The form's fields by column key; checkboxes of one field (several values) are joined as in the CSV. */
  private static Map<String, String> values(InventoryKind kind, MultiValueMap<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String column : kind.editableColumns()) {
      List<String> given = form.getOrDefault(column, List.of());
      values.put(column, String.join(RowReader.SEPARATOR, given));
    }
    return values;
  }

  /** The display names of the categories by code, for the links of purposes, systems and provisions. */
  private Map<String, DataCategory> names() {
    Map<String, DataCategory> names = new LinkedHashMap<>();
    inventory.snapshot().categories().forEach(category -> names.put(category.code(), category));
    return names;
  }

  private static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException notUtf8) {
      return null;
    }
  }

  private static InventoryKind kind(String path) {
    return InventoryKind.ofPath(path).orElseThrow(InventoryController::notFound);
  }

  static boolean isManager(Authentication user) {
    return user != null && user.getAuthorities().stream()
        .anyMatch(role -> role.getAuthority().equals("ROLE_" + DeskGroups.PRIVACY_MANAGERS));
  }

  private static void requireManager(Authentication user) {
    if (!isManager(user)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN);
    }
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND);
  }
}
