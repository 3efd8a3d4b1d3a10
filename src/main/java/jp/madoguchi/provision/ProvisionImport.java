package jp.madoguchi.provision;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager's CSV import of provision records (UTF-8, see {@link ProvisionCsv}): all its records stored, or none,
 * with every problem named by its line; the import is written to the audit trail.
 */
@Service
class ProvisionImport {

  private final ProvisionRegister register;
  private final ApplicationEventPublisher events;

  ProvisionImport(ProvisionRegister register, ApplicationEventPublisher events) {
    this.register = register;
    this.events = events;
  }

  @Transactional
  ProvisionRegister.Batch importCsv(byte[] file, String fileName, String actor) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
    } catch (CharacterCodingException e) {
      throw new ProvisionCsv.InvalidFile(List.of(new ProvisionCsv.LineProblem(1, "", "not-utf8")));
    }
    ProvisionCsv.Parsed parsed = ProvisionCsv.parse(text);
    ProvisionRegister.Batch batch;
    try {
      batch = register.store(parsed.records(), actor);
    } catch (InvalidProvisionRecords e) {
      throw new ProvisionCsv.InvalidFile(parsed.byLine(e.problems()));
    }
    events.publishEvent(new ProvisionAudit(actor, ProvisionAudit.RECORDS_IMPORTED,
        (fileName == null ? "CSV" : fileName) + ": " + batch.records().size() + " record(s), " + batch.created()
            + " new"));
    return batch;
  }
}
