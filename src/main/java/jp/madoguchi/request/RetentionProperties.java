package jp.madoguchi.request;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a closed request's personal data is kept.
 *
 * @param personalData kept this long after closing (the register entry itself stays for audits)
 */
@ConfigurationProperties("madoguchi.retention")
public record RetentionProperties(@DefaultValue("P1Y") Period personalData) {}
