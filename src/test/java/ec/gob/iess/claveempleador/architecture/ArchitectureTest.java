package ec.gob.iess.claveempleador.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules that keep the features apart and the process adapters thin. The layer rules are allow-lists
 * (buckpal's style): they say what a package may depend on, so a new dependency has to be added here on purpose.
 */
@AnalyzeClasses(packages = "ec.gob.iess.claveempleador", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "ec.gob.iess.claveempleador";
    private static final DescribedPredicate<JavaClass> TOUCH_THE_ENGINE = DescribedPredicate.describe(
            "depend on the engine API (org.camunda..)", type -> type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> dependency.getTargetClass().getPackageName().startsWith("org.camunda.")));

    /** The JDK and the logging facade: identity numbers are plain rules that any layer, or another service, can use. */
    @ArchTest
    static final ArchRule identityDependsOnlyOnTheJdkAndLogging = classes()
            .that().resideInAPackage(ROOT + ".identity..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + ".identity..", "java..", "org.slf4j..");

    /**
     * Who may touch the engine API ({@code org.camunda..}): the process adapters (delegates, listeners) and the staff
     * setup (users, groups, grants, Tasklist filter, the engine REST and webapp gates) by package; besides them, by
     * name and each for one reason:
     * <ul>
     * <li>{@code recovery.RecoveryService}: the use cases start the process and correlate its messages on the
     * employer's request, in the same transaction as the recovery row;</li>
     * <li>{@code config.ClockConfiguration}: one clock for the engine and the application ({@code ClockUtil}), so
     * expiry checks and timer due dates agree to the second;</li>
     * <li>{@code security.OperatorSecurityConfiguration}: the actuator's operators are Camunda administrators,
     * checked against the engine's identity service.</li>
     * </ul>
     * Health and retention read the database through JDBC and need no engine.
     */
    @ArchTest
    static final ArchRule onlyTheProcessAdaptersAndTheStaffSetupTouchTheEngine = classes()
            .that().resideInAPackage(ROOT + "..")
            .and(TOUCH_THE_ENGINE)
            .should().resideInAnyPackage(ROOT + ".recovery.process..", ROOT + ".staff..")
            .orShould().haveNameMatching("\\Q" + ROOT + ".recovery.RecoveryService\\E(\\$.*)?")
            .orShould().haveNameMatching("\\Q" + ROOT + ".config.ClockConfiguration\\E(\\$.*)?")
            .orShould().haveNameMatching("\\Q" + ROOT + ".security.OperatorSecurityConfiguration\\E(\\$.*)?")
            // the refusal staff read: it extends the engine's BadUserRequestException so that the engine rolls the
            // command back, logs no error and passes its code through to the staff screens
            .orShould().haveNameMatching("\\Q" + ROOT + ".recovery.StaffRefusalException\\E(\\$.*)?")
            // the audit trail names the staff member acting: the engine's current authentication says who
            .orShould().haveNameMatching("\\Q" + ROOT + ".audit.AuditActors\\E(\\$.*)?")
            // an employer's new-link request wakes the case's process, like RecoveryService: in the same transaction as
            // the locked recovery row that decides it, so two requests at once give one link
            .orShould().haveNameMatching("\\Q" + ROOT + ".recovery.AssistedCases\\E(\\$.*)?");

    /**
     * The web layers translate HTTP to use cases and back: the JDK, Spring, Jakarta (servlet, validation, mail for the
     * dev mailbox), Jackson, the OpenAPI annotations and logging; of ours, the domain's value types and use cases.
     * Not the engine, not the process adapters, not the staff setup.
     */
    @ArchTest
    static final ArchRule webLayersDependOnlyOnTheUseCasesAndTheWebStack = classes()
            .that().resideInAnyPackage(ROOT + ".api..", ROOT + ".portal..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    ROOT + ".api..", ROOT + ".portal..",
                    ROOT + ".identity..", ROOT + ".recovery", ROOT + ".credential..", ROOT + ".ratelimit..",
                    // the country's time zone and locale, and the one rounding of waits to minutes
                    ROOT + ".config",
                    "java..", "jakarta.servlet..", "jakarta.validation..", "jakarta.mail..",
                    "org.springframework..", "com.fasterxml.jackson..", "io.swagger.v3.oas..", "org.springdoc..",
                    "org.slf4j..",
                    // the error summary orders Thymeleaf's field errors as the form lays them out
                    "org.thymeleaf.spring6.util..",
                    // the dev mailbox (default profile only) reads the embedded mail server
                    "com.icegreen.greenmail..");

    @ArchTest
    static final ArchRule processAdaptersAreLeaves = noClasses()
            .that().resideOutsideOfPackage("..recovery.process..")
            .should().dependOnClassesThat().resideInAPackage("..recovery.process..");

    @ArchTest
    static final ArchRule repositoriesStayInsideTheirFeature = classes()
            .that().haveSimpleName("RecoveryRepository")
            .should().onlyBeAccessed().byClassesThat().resideInAPackage("..claveempleador.recovery");

    @ArchTest
    static final ArchRule noFieldInjection = NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

    @ArchTest
    static final ArchRule noStandardStreams = NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

    @ArchTest
    static final ArchRule noMutableStaticState = fields().that().areStatic().should().beFinal();
}
