package jp.madoguchi.intake;

import java.util.Arrays;
import java.util.List;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.request.RequestType;

/**
 * A request type as the form offers it: its plain explanation comes from the messages, its fee from the
 * {@code request-fee} decision table.
 *
 * @param type the type
 * @param feeYen the fee in yen, tax included; 0 when free
 */
record RequestTypeChoice(RequestType type, int feeYen) {

  static List<RequestTypeChoice> all(RequestFees fees) {
    return Arrays.stream(RequestType.values()).map(type -> new RequestTypeChoice(type, fees.feeYen(type))).toList();
  }

  public String getName() {
    return type.name();
  }

  public boolean isDisclosureMethodApplies() {
    return type.disclosureMethodApplies();
  }
}
