package ec.gob.iess.claveempleador.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;
import static com.tngtech.archunit.library.GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules that keep the features apart and the process adapters thin. */
@AnalyzeClasses(packages = "ec.gob.iess.claveempleador", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule identityNumbersDependOnNothingOfOurs = classes()
            .that().resideInAPackage("..claveempleador.identity..")
            .should().onlyDependOnClassesThat().resideOutsideOfPackages(
                    "..claveempleador.employer..", "..claveempleador.credential..", "..claveempleador.recovery..",
                    "..claveempleador.mail..", "..claveempleador.security..");

    @ArchTest
    static final ArchRule processAdaptersAreLeaves = noClasses()
            .that().resideOutsideOfPackage("..recovery.process..")
            .should().dependOnClassesThat().resideInAPackage("..recovery.process..");

    @ArchTest
    static final ArchRule onlyTheRecoveryFeatureTalksToTheEngineRuntime = noClasses()
            .that().resideInAnyPackage("..claveempleador.employer..", "..claveempleador.credential..",
                    "..claveempleador.identity..", "..claveempleador.mail..")
            .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine..");

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
