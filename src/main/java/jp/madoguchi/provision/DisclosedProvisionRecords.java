package jp.madoguchi.provision;

import java.util.List;

/**
 * What a reply to a third-party records request discloses (Art 33(5)): the records the investigation confirmed as
 * the person's, oldest first, without those whose existence is protected (Cabinet Order Art 11).
 */
@FunctionalInterface
public interface DisclosedProvisionRecords {

  List<ProvisionRecord> disclosed(long requestId);
}
