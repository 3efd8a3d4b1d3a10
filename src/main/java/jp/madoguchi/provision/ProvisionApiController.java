package jp.madoguchi.provision;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the company's systems send their provision records: one record (a JSON object) or many (an array, or an
 * object with {@code records}), all stored or none; and the further provisions of a continuing record. HTTP Basic
 * of a member of {@code provision-recorders} or {@code privacy-managers} (WebSecurity); the body is read up to the
 * configured limit and no further.
 */
@RestController
@RequestMapping("/api/provision-records")
@Tag(name = "Provision records / 第三者提供記録", description = "Records of provision to and receipt from third parties "
    + "(APPI Art 29, 30), sent by the company's systems; HTTP Basic of a member of provision-recorders")
class ProvisionApiController {

  private final ProvisionRegister register;
  private final ObjectMapper json;
  private final ProvisionProperties properties;

  ProvisionApiController(ProvisionRegister register, ObjectMapper json, ProvisionProperties properties) {
    this.register = register;
    this.json = json;
    this.properties = properties;
  }

  /** A body longer than the limit: refused before it is read to the end. */
  static class BodyTooLarge extends RuntimeException {
    BodyTooLarge() {
      super("body over the limit");
    }
  }

  /** A body that is not the JSON the API reads. */
  static class NotReadable extends RuntimeException {
    NotReadable(String message) {
      super(message);
    }
  }

  @Operation(summary = "Store records / 記録の登録",
      description = "One record (an object) or many (an array, or {\"records\": [...]}), all stored or none; "
          + "idempotent by sourceId. 201 when something was stored, 200 for a retry; 400/422/409/413 problems.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE,
          array = @ArraySchema(schema = @Schema(implementation = ProvisionRecordInput.class)))))
  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> store(HttpServletRequest request, Authentication user) throws IOException {
    List<ProvisionRecordInput> inputs = records(read(request));
    ProvisionRegister.Batch batch;
    try {
      batch = register.store(inputs, user.getName());
    } catch (DuplicateKeyException e) {
      // the same record sent twice at once: the other call stored it; this one is now a retry (or a conflict)
      batch = register.store(inputs, user.getName());
    }
    return ResponseEntity.status(batch.created() > 0 ? HttpStatus.CREATED : HttpStatus.OK)
        .body(Map.of("records", batch.records()));
  }

  /** The body of a further provision: its own id and its date. */
  record FurtherProvision(String provisionId, String providedOn) {}

  @Operation(summary = "Add a further provision / 継続提供の追加",
      description = "Idempotent by provisionId; moves the record's last provision and so its retention.",
      requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
          mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = FurtherProvision.class))))
  @PostMapping(path = "/{sourceId}/provisions", consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ProvisionRegister.FurtherStored> addProvision(@PathVariable String sourceId,
      HttpServletRequest request, Authentication user) throws IOException {
    FurtherProvision body;
    try {
      body = json.treeToValue(read(request), FurtherProvision.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new NotReadable("not a further provision");
    }
    if (body == null) {
      throw new NotReadable("empty");
    }
    return ResponseEntity.ok(register.addProvision(sourceId, body.provisionId(), body.providedOn(),
        user.getName()));
  }

  private JsonNode read(HttpServletRequest request) throws IOException {
    long limit = properties.maxBodyBytes();
    if (request.getContentLengthLong() > limit) {
      throw new BodyTooLarge();
    }
    byte[] body;
    try (InputStream in = request.getInputStream()) {
      body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
    }
    if (body.length > limit) {
      throw new BodyTooLarge();
    }
    try {
      return json.readTree(body);
    } catch (JsonProcessingException e) {
      throw new NotReadable("not JSON");
    }
  }

  private List<ProvisionRecordInput> records(JsonNode body) {
    if (body == null || body.isMissingNode() || body.isNull()) {
      throw new NotReadable("empty");
    }
    JsonNode list = body.isObject() && body.has("records") ? body.get("records") : body;
    List<ProvisionRecordInput> inputs = new ArrayList<>();
    try {
      if (list.isArray()) {
        for (JsonNode one : list) {
          inputs.add(one.isObject() ? json.treeToValue(one, ProvisionRecordInput.class) : null);
        }
      } else if (list.isObject()) {
        inputs.add(json.treeToValue(list, ProvisionRecordInput.class));
      } else {
        throw new NotReadable("neither a record nor a list of records");
      }
    } catch (JsonProcessingException e) {
      throw new NotReadable("a record that is not one: " + e.getOriginalMessage());
    }
    return inputs;
  }
}
