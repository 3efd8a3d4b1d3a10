package jp.madoguchi.inventory;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param sample load the sample inventory of a contact-centre company into an empty inventory at start-up (the
 *     embedded default, so that a new user sees a working desk; never on a production database)
 */
@ConfigurationProperties("madoguchi.inventory")
public record InventoryProperties(boolean sample) {}
