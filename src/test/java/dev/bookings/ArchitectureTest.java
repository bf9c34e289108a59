package dev.bookings;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of the packages (src/site/markdown/architecture.md), held against the compiled classes:
 * <ol>
 * <li>the ground: {@code errors} imports nothing of ours, {@code platform} only {@code errors}, {@code security}
 * only those two; none of them imports a component;</li>
 * <li>the components above them import one another one way only: no cycle between any two packages under
 * {@code dev.bookings}, however long;</li>
 * <li>{@code api}, the root of the URL tree, stands on top: no other package imports it;</li>
 * <li>inside each component, boundary / control / entity: an entity imports no control or boundary, a control no
 * boundary.</li>
 * </ol>
 */
@AnalyzeClasses(packages = "dev.bookings", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String OURS = "dev.bookings..";

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.bookings.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule errorsStandOnNothingOfOurs = noClasses().that().resideInAPackage("dev.bookings.errors..")
            .should().dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAPackage("dev.bookings.errors.."))));

    @ArchTest
    static final ArchRule platformStandsOnErrorsOnly = noClasses().that().resideInAPackage("dev.bookings.platform..")
            .should().dependOnClassesThat(resideInAPackage(OURS)
                    .and(not(resideInAnyPackage("dev.bookings.platform..", "dev.bookings.errors.."))));

    @ArchTest
    static final ArchRule securityStandsOnTheGroundOnly = noClasses().that().resideInAPackage("dev.bookings.security..")
            .should().dependOnClassesThat(resideInAPackage(OURS).and(not(resideInAnyPackage(
                    "dev.bookings.security..", "dev.bookings.platform..", "dev.bookings.errors.."))));

    @ArchTest
    static final ArchRule nothingImportsTheRootOfTheUrlTree = noClasses()
            .that().resideOutsideOfPackage("dev.bookings.api..")
            .should().dependOnClassesThat().resideInAPackage("dev.bookings.api..");

    @ArchTest
    static final ArchRule entitiesImportNoControlOrBoundary = noClasses().that().resideInAPackage("..entity..")
            .should().dependOnClassesThat().resideInAnyPackage("..control..", "..boundary..");

    /** Use cases join a write request's one transaction and must write their changes when they return. */
    @ArchTest
    static final ArchRule useCasesWriteThrough = classes().that().areAnnotatedWith(jakarta.ejb.Stateless.class)
            .and().resideOutsideOfPackages("dev.bookings.platform..", "dev.bookings.idempotency..")
            .should().beAnnotatedWith(dev.bookings.platform.WritesThrough.class);

    @ArchTest
    static final ArchRule controlsImportNoBoundary = noClasses().that().resideInAPackage("..control..")
            .should().dependOnClassesThat().resideInAPackage("..boundary..");
}
