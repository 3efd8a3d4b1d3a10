package jp.madoguchi.intake;

import java.util.Arrays;
import java.util.List;
import jp.madoguchi.correspondence.CompanyProperties;
import jp.madoguchi.fee.RequestFees;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.request.RequestEnums.PersonalInformationKind;
import jp.madoguchi.request.RequestType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The published items about retained personal data (APPI Art 32(1), Cabinet Order Art 10), a public page that the
 * company links from its privacy policy: who the company is, the purposes of use of all its retained personal data
 * (from the inventory), how to make a request and its fee (from the {@code request-fee} decision table, as the
 * request page shows it), the security measures, and where to complain.
 */
@Controller
class NoticeController {

  private final CompanyProperties company;
  private final NoticeProperties notice;
  private final Inventory inventory;
  private final RequestFees fees;

  NoticeController(CompanyProperties company, NoticeProperties notice, Inventory inventory, RequestFees fees) {
    this.company = company;
    this.notice = notice;
    this.inventory = inventory;
    this.fees = fees;
  }

  /** A request type with its fees in yen (0: free), for ordinary personal information and for My Number. */
  record Fee(RequestType type, int ordinaryYen, int myNumberYen) {}

  @GetMapping("/notice")
  String notice(Model model) {
    model.addAttribute("company", company);
    model.addAttribute("purposes", inventory.publishedPurposesOfRetainedData());
    List<Fee> byType = Arrays.stream(RequestType.values()).filter(type -> type != RequestType.COMPLAINT)
        .map(type -> new Fee(type, fees.feeYen(type, PersonalInformationKind.ORDINARY),
            fees.feeYen(type, PersonalInformationKind.SPECIFIC)))
        .toList();
    model.addAttribute("fees", byType);
    model.addAttribute("myNumberFeesDiffer", byType.stream().anyMatch(fee -> fee.ordinaryYen() != fee.myNumberYen()));
    model.addAttribute("securityMeasures", notice.securityMeasures());
    return "intake/notice";
  }
}
