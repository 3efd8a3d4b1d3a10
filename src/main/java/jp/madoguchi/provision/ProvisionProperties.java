package jp.madoguchi.provision;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The register's configuration ({@code madoguchi.provision.*}).
 *
 * @param maxBodyBytes the largest body {@code POST /api/provision-records} reads (a bulk record of many persons is
 *     large; larger bulks are sent in several records)
 * @param maxImportBytes the largest CSV file the import page reads
 */
@ConfigurationProperties("madoguchi.provision")
record ProvisionProperties(@DefaultValue("10485760") long maxBodyBytes,
    @DefaultValue("10485760") long maxImportBytes) {}
