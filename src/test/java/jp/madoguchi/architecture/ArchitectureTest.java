package jp.madoguchi.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toList;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The package structure of CONVENTIONS practices 1, 2 and 16, from the bottom up: the ground floor (calendar, engine,
 * the shared process core, the request register), security, the features (cluster among them: it names the node in
 * the job executor's locks after the outbox's node id), and the top (intake, desk, report, deployment), which nothing
 * below uses. Which class may write which table is {@link TableOwnershipTest}'s.
 */
class ArchitectureTest {

  private static final String ROOT = "jp.madoguchi";

  private static final List<String> GROUND_FLOOR = List.of("calendar", "engine", "process", "request");
  private static final List<String> SECURITY = List.of("security");
  private static final List<String> FEATURES = List.of("cluster", "complaint", "correspondence", "deadline",
      "connector", "decision", "disclosure", "fee", "handling", "identity", "inventory", "investigation", "provision", "reply", "requester", "search");
  private static final List<String> TOP = List.of("intake", "desk", "report", "deployment");

  /** The packages whose processes have a contract class ({@code *Process} with its {@code KEY}). */
  private static final List<String> PROCESS_PACKAGES = List.of("handling", "complaint", "identity", "fee", "reply",
      "requester");
  /** The packages that may talk SQL through Spring's JDBC classes; which tables each may write is checked apart. */
  private static final List<String> JDBC_PACKAGES = List.of("request", "correspondence", "report", "desk", "cluster",
      "deployment", "security", "provision", "inventory", "search", "disclosure", "connector");

  private static final Class<?>[] SPRING_JDBC = {JdbcClient.class, JdbcTemplate.class,
      NamedParameterJdbcTemplate.class, JdbcOperations.class, NamedParameterJdbcOperations.class, DataSource.class};
  private static final Class<?>[] ENGINE_SERVICES = {TaskService.class, RuntimeService.class, IdentityService.class,
      ManagementService.class, HistoryService.class, RepositoryService.class, DecisionService.class};

  private static final JavaClasses MAIN = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages(ROOT);

  @Test
  void everyClassIsInAPackageOfTheStructure() {
    classes().that().resideOutsideOfPackage(ROOT)
        .should().resideInAnyPackage(packages(GROUND_FLOOR, SECURITY, FEATURES, TOP))
        .because("a new top-level package must first be given its floor here, or the rules below do not see it")
        .check(MAIN);
  }

  @Test
  void thePackagesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles()
        .because("a cycle makes two packages one: neither can be understood, tested or moved without the other")
        .check(MAIN);
  }

  @Test
  void theSharedProcessCoreDependsOnNoOtherPackageOfOurs() {
    mayOnlyUse("process")
        .because("every process of a request shares ProcessVariable and RequestFacts, so whatever they used, every "
            + "process would use")
        .check(MAIN);
  }

  @Test
  void calendarAndEngineDependOnlyOnTheCalendar() {
    CompositeArchRule.of(mayOnlyUse("calendar")).and(mayOnlyUse("engine", "calendar"))
        .because("the engine's helpers serve every feature, so they may know the business calendar and nothing "
            + "else of ours")
        .check(MAIN);
  }

  @Test
  void theRequestRegisterDependsOnlyOnTheGroundFloor() {
    mayOnlyUse("request", GROUND_FLOOR.toArray(String[]::new))
        .because("every feature reads and writes requests through the register, so the register cannot know a "
            + "feature")
        .check(MAIN);
  }

  @Test
  void securityDependsOnlyOnTheGroundFloor() {
    mayOnlyUse("security", GROUND_FLOOR.toArray(String[]::new))
        .because("the desk's groups and authorizations are used by features and pages, so they cannot use them")
        .check(MAIN);
  }

  @Test
  void nothingBelowTheTopDependsOnIt() {
    noClasses().that().resideOutsideOfPackages(packages(TOP))
        .should().dependOnClassesThat().resideInAnyPackage(packages(TOP))
        .because("intake, desk, report and deployment are the entry points built on the features; a package below "
            + "that used one would depend on its own caller")
        .check(MAIN);
  }

  @Test
  void theTopPackagesDoNotDependOnEachOther() {
    slices().assignedFrom(topPackages()).should().notDependOnEachOther()
        .because("each top package serves its own audience (requesters, staff, managers, operators) from the "
            + "features below, so what two of them share belongs below them")
        .check(MAIN);
  }

  @Test
  void delegatesCallOurServicesNotTheDatabaseOrTheEngine() {
    noClasses().that().implement(JavaDelegate.class)
        .should().dependOnClassesThat().belongToAnyOf(SPRING_JDBC)
        .orShould().dependOnClassesThat().belongToAnyOf(ENGINE_SERVICES)
        .because("a delegate is a thin adapter that calls one of our services, where plain unit tests reach the "
            + "business rule (CONVENTIONS 2)")
        .check(MAIN);
  }

  @Test
  void delegatesArePackagePrivateComponents() {
    classes().that().implement(JavaDelegate.class)
        .should().beAnnotatedWith(Component.class).andShould().notBePublic()
        .because("the models wire delegates by bean name (${fooDelegate}) and no Java code calls one "
            + "(CONVENTIONS 1, 2)")
        .check(MAIN);
  }

  @Test
  void noFieldIsInjected() {
    noFields()
        .should().beAnnotatedWith(Autowired.class)
        .orShould().beAnnotatedWith(Value.class)
        .orShould().beAnnotatedWith("jakarta.inject.Inject")
        .orShould().beAnnotatedWith("javax.inject.Inject")
        .orShould().beAnnotatedWith("jakarta.annotation.Resource")
        .because("constructor injection makes a class's needs visible and lets a test build it without Spring "
            + "(CONVENTIONS 13)")
        .check(MAIN);
  }

  @Test
  void onlyPackagesThatOwnTablesOrTuneTheEngineUseJdbc() {
    noClasses().that().resideOutsideOfPackages(packages(JDBC_PACKAGES))
        .should().dependOnClassesThat().belongToAnyOf(SPRING_JDBC)
        .because("a feature reaches data through the owner of its table (CONVENTIONS 16), so SQL stays in the "
            + "packages that own tables or tune the engine's")
        .check(MAIN);
  }

  @Test
  void processContractsAreFinalAndLiveWithTheirProcess() {
    classes().that(describe("are top-level classes named *Process with a static field KEY",
            ArchitectureTest::isProcessContract))
        .should().resideInAnyPackage(packages(PROCESS_PACKAGES))
        .andShould().haveModifier(JavaModifier.FINAL)
        .because("a process's key, element IDs and variables are its contract with the model and live beside its "
            + "delegates (CONVENTIONS 3)")
        .check(MAIN);
  }

  private static boolean isProcessContract(JavaClass type) {
    return type.isTopLevelClass()
        && type.getSimpleName().endsWith("Process")
        && type.tryGetField("KEY").filter(key -> key.getModifiers().contains(JavaModifier.STATIC)).isPresent();
  }

  /** Classes of {@code home} depend on no package of ours but {@code home} and {@code allowed}. */
  private static ArchRule mayOnlyUse(String home, String... allowed) {
    List<String> permitted = Stream.concat(Stream.of(home), Stream.of(allowed)).distinct().toList();
    return classes().that().resideInAPackage(ROOT + "." + home + "..").should(useOnlyOurPackages(permitted));
  }

  /** Reports each class of ours used outside {@code permitted} once per user, where the user first uses it. */
  private static ArchCondition<JavaClass> useOnlyOurPackages(List<String> permitted) {
    DescribedPredicate<JavaClass> elsewhereInOurs = resideInAPackage(ROOT + "..")
        .and(not(resideInAnyPackage(packages(permitted))));
    return new ArchCondition<>("use no package of ours but " + permitted) {
      @Override
      public void check(JavaClass type, ConditionEvents events) {
        Map<String, List<Dependency>> byTarget = type.getDirectDependenciesFromSelf().stream()
            .filter(dependency -> elsewhereInOurs.test(dependency.getTargetClass().getBaseComponentType()))
            .collect(groupingBy(dependency -> dependency.getTargetClass().getBaseComponentType().getName(),
                TreeMap::new, toList()));
        byTarget.forEach((target, dependencies) -> events.add(SimpleConditionEvent.violated(type,
            type.getName() + " uses " + target + " " + firstLine(dependencies))));
      }
    };
  }

  private static String firstLine(List<Dependency> dependencies) {
    return dependencies.stream().map(Dependency::getSourceCodeLocation)
        .min(Comparator.comparingInt(location -> location.getLineNumber() == 0
            ? Integer.MAX_VALUE : location.getLineNumber()))
        .map(Object::toString)
        .orElse("");
  }

  private static String[] packages(List<?>... groups) {
    return Stream.of(groups).flatMap(List::stream).map(name -> ROOT + "." + name + "..").toArray(String[]::new);
  }

  private static SliceAssignment topPackages() {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        return TOP.stream()
            .filter(top -> type.getPackageName().equals(ROOT + "." + top)
                || type.getPackageName().startsWith(ROOT + "." + top + "."))
            .findFirst()
            .map(SliceIdentifier::of)
            .orElse(SliceIdentifier.ignore());
      }

      @Override
      public String getDescription() {
        return "the top packages " + TOP;
      }
    };
  }
}
