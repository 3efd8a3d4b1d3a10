package jp.madoguchi.intake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of intake.
 *
 * @param maxDocumentBytes the largest document accepted (Spring's multipart limit per file follows it)
 * @param maxDocumentsPerRequest how many documents one request may collect, over all uploads
 * @param idempotencyKeyRetention how long a submission's idempotency key answers with the first result
 * @param arrivalBackdating how far in the past the desk may date a request's arrival when registering it
 * @param statusKeyInterval the least time between two new status keys a requester asks for (one request)
 */
@ConfigurationProperties("madoguchi.intake")
record IntakeProperties(
    @DefaultValue("10MB") DataSize maxDocumentBytes,
    @DefaultValue("20") int maxDocumentsPerRequest,
    @DefaultValue("PT24H") Duration idempotencyKeyRetention,
    @DefaultValue("P1Y") java.time.Period arrivalBackdating,
    @DefaultValue("PT15M") Duration statusKeyInterval) {}
