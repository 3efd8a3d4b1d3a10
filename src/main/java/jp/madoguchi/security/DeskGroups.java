package jp.madoguchi.security;

/** The groups of the desk, as models, filters and authorizations name them. */
public final class DeskGroups {

  /** Desk staff: work the desk's tasks in Tasklist. */
  public static final String PRIVACY_DESK = "privacy-desk";

  /** Desk staff entitled to specific personal information (My Number): only they work those requests. */
  public static final String PRIVACY_DESK_SPECIFIC = "privacy-desk-specific";

  /** The personal information protection manager and deputies: oversee, approve refusals. */
  public static final String PRIVACY_MANAGERS = "privacy-managers";

  /** Change and deploy processes, decision tables and forms. */
  public static final String PROCESS_DESIGNERS = "process-designers";

  /**
   * The company's systems (a technical user each) that send third-party provision records to
   * {@code /api/provision-records}: that API and nothing else.
   */
  public static final String PROVISION_RECORDERS = "provision-recorders";

  /** Camunda's administrator group: every right. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * The engine tenant of every process instance of a My Number request (and of its call activities, tasks and
   * history). Only the tenant's member groups ({@link #SPECIFIC_INFORMATION_GROUPS}) see them; see ADR 0014.
   */
  public static final String SPECIFIC_INFORMATION_TENANT = "specific-personal-information";

  /**
   * The groups that see My Number requests in the engine: the entitled desk, managers, admins. Not the designers,
   * who change models and read no request (ADR 18).
   */
  public static final java.util.List<String> SPECIFIC_INFORMATION_GROUPS =
      java.util.List.of(PRIVACY_DESK_SPECIFIC, PRIVACY_MANAGERS, CAMUNDA_ADMIN);

  /** The groups whose members work requests: they may register requests received by post, telephone or in person. */
  public static final java.util.List<String> REQUEST_STAFF =
      java.util.List.of(PRIVACY_DESK, PRIVACY_DESK_SPECIFIC, PRIVACY_MANAGERS);

  private DeskGroups() {}
}
