package jp.madoguchi.connector;

import java.util.Locale;
import jp.madoguchi.inventory.Inventory;
import jp.madoguchi.security.DeskGroups;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's page of which configured connector searches each system of the inventory: the desk reads it, managers
 * choose (WebSecurity lets only managers post under /desk/inventory). Only configured connectors can be chosen; a
 * wrong one is refused with a message naming the field, and nothing is saved.
 */
@Controller
class SystemConnectorsController {

  private final Inventory inventory;
  private final SystemConnectors systems;
  private final ConnectorDefinitions definitions;
  private final MessageSource messages;

  SystemConnectorsController(Inventory inventory, SystemConnectors systems, ConnectorDefinitions definitions,
      MessageSource messages) {
    this.inventory = inventory;
    this.systems = systems;
    this.definitions = definitions;
    this.messages = messages;
  }

  @GetMapping("/desk/inventory/connectors")
  String page(Model model, Authentication user) {
    model.addAttribute("systems", inventory.snapshot().systems());
    model.addAttribute("chosen", systems.all());
    model.addAttribute("connectors", definitions.all().values().stream()
        .sorted(java.util.Comparator.comparing(ConnectorDefinitions.Definition::code)).toList());
    model.addAttribute("manager", user != null && user.getAuthorities().stream()
        .anyMatch(role -> role.getAuthority().equals("ROLE_" + DeskGroups.PRIVACY_MANAGERS)));
    return "desk/inventory-connectors";
  }

  @PostMapping("/desk/inventory/connectors/{systemCode}")
  String choose(@PathVariable String systemCode, @RequestParam(required = false) String connectorCode,
      Authentication user, Model model, Locale locale) {
    try {
      systems.choose(systemCode, connectorCode, user.getName());
      return "redirect:/desk/inventory/connectors?saved=" + systemCode;
    } catch (SystemConnectors.InvalidChoiceException invalid) {
      model.addAttribute("error", messages.getMessage(invalid.messageKey(), new Object[] {invalid.value()},
          locale));
      return page(model, user);
    }
  }
}
