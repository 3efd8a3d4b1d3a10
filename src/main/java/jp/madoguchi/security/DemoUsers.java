package jp.madoguchi.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** One demo user per role, for the embedded default only. Their passwords are printed in the README. */
final class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, String password, List<String> groups) {}

  static final List<DemoUser> ALL =
      List.of(
          new DemoUser("desk", "窓口", "担当 (Desk staff)", "desk-demo-2026",
              List.of(DeskGroups.PRIVACY_DESK)),
          new DemoUser("specialist", "特定", "担当 (My Number desk)", "specialist-demo-2026",
              List.of(DeskGroups.PRIVACY_DESK, DeskGroups.PRIVACY_DESK_SPECIFIC)),
          new DemoUser("manager", "保護", "管理者 (Privacy manager)", "manager-demo-2026",
              List.of(DeskGroups.PRIVACY_MANAGERS, DeskGroups.PRIVACY_DESK)),
          new DemoUser("designer", "業務", "設計者 (Process designer)", "designer-demo-2026",
              List.of(DeskGroups.PROCESS_DESIGNERS)),
          new DemoUser("admin", "システム", "管理者 (Administrator)", "admin-demo-2026",
              List.of(DeskGroups.CAMUNDA_ADMIN)));

  static Set<String> passwords() {
    return ALL.stream().map(DemoUser::password).collect(Collectors.toUnmodifiableSet());
  }

  private DemoUsers() {}
}
