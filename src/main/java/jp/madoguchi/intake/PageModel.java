package jp.madoguchi.intake;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every intake page shows: the upload limit. */
@ControllerAdvice(assignableTypes = {RequestPageController.class, StatusPageController.class,
    DeskIntakeController.class})
class PageModel {

  private final IntakeProperties properties;

  PageModel(IntakeProperties properties) {
    this.properties = properties;
  }

  @ModelAttribute("maxMegabytes")
  String maxMegabytes() {
    return DocumentRules.megabytes(properties.maxDocumentBytes().toBytes());
  }

  @ModelAttribute("maxDocuments")
  int maxDocuments() {
    return properties.maxDocumentsPerRequest();
  }
}
