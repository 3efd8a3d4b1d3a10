package jp.madoguchi.disclosure;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The disclosure package's configuration ({@code madoguchi.disclosure.*}).
 *
 * @param storeDirectory where items and renderings are kept (ADR 0029); every node of a cluster must see the same
 *     directory (a shared volume)
 * @param maxItemSize the largest item staff may add (a call recording of an hour is some 60 MB as MP3)
 * @param maxPackageSize the largest package, all items together
 * @param packageRequired whether a disclosure reply needs a frozen package (off only for tests written before
 *     packages existed)
 */
@ConfigurationProperties("madoguchi.disclosure")
record DisclosureProperties(Path storeDirectory,
    @DefaultValue("512MB") DataSize maxItemSize, @DefaultValue("2GB") DataSize maxPackageSize,
    @DefaultValue("true") boolean packageRequired) {}
