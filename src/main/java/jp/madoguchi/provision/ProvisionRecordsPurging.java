package jp.madoguchi.provision;

import java.util.List;

/** Records about to be deleted (their retention ended): whoever keeps rows about them deletes those first. */
record ProvisionRecordsPurging(List<Long> recordIds) {}
