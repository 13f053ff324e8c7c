package dev.snapbi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.snapbi.architecture.fixture.LedgerImpl;
import dev.snapbi.architecture.fixture.Receipt;
import dev.snapbi.architecture.fixture.ReceiptSupplier;
import dev.snapbi.architecture.fixture.Receipts;
import dev.snapbi.architecture.fixture.UsesAnotherModulesInternal;
import dev.snapbi.domain.error.SnapErrors;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written architecture conditions can fail: each one reports a deliberate violation. */
class ArchitectureRulesSelfTest {

    @Test
    void the_internal_package_rule_reports_a_class_that_uses_another_modules_internals() {
        JavaClasses violating = new ClassFileImporter().importClasses(UsesAnotherModulesInternal.class);

        assertThat(ArchitectureTest.internal_packages_stay_inside_their_module.evaluate(violating).hasViolation())
                .isTrue();
    }

    @Test
    void the_internal_package_rule_accepts_a_class_that_uses_only_public_packages() {
        JavaClasses clean = new ClassFileImporter().importClasses(SnapErrors.class);

        assertThat(ArchitectureTest.internal_packages_stay_inside_their_module.evaluate(clean).hasViolation())
                .isFalse();
    }

    @Test
    void the_impl_rule_reports_a_class_named_impl_and_accepts_a_class_named_by_what_it_does() {
        assertThat(ArchitectureNamingTest.no_type_is_named_impl
                .evaluate(new ClassFileImporter().importClasses(LedgerImpl.class)).hasViolation()).isTrue();
        assertThat(ArchitectureNamingTest.no_type_is_named_impl
                .evaluate(new ClassFileImporter().importClasses(Receipt.class)).hasViolation()).isFalse();
    }

    @Test
    void the_unique_name_rule_reports_two_types_with_one_simple_name_unless_the_name_is_excused() {
        JavaClasses twoLedgers = new ClassFileImporter().importClasses(
                dev.snapbi.architecture.fixture.one.Ledger.class, dev.snapbi.architecture.fixture.two.Ledger.class);

        assertThat(ArchitectureNamingTest.uniqueSimpleNames(Set.of()).evaluate(twoLedgers).getFailureReport()
                .getDetails()).hasSize(2).allMatch(line -> line.contains("shares its simple name with"));
        assertThat(ArchitectureNamingTest.uniqueSimpleNames(Set.of("Ledger")).evaluate(twoLedgers).hasViolation())
                .isFalse();
        assertThat(ArchitectureNamingTest.uniqueSimpleNames(Set.of()).evaluate(new ClassFileImporter()
                .importClasses(dev.snapbi.architecture.fixture.one.Ledger.class, LedgerImpl.class)).hasViolation())
                .isFalse();
    }

    @Test
    void the_supplier_rule_reports_a_supplier_that_is_no_supplier_and_accepts_one_that_is() {
        assertThat(ArchitectureNamingTest.a_supplier_implements_supplier
                .evaluate(new ClassFileImporter().importClasses(ReceiptSupplier.class)).hasViolation()).isTrue();
        assertThat(ArchitectureNamingTest.a_supplier_implements_supplier
                .evaluate(new ClassFileImporter().importClasses(Receipt.NumberSupplier.class)).hasViolation())
                .isFalse();
    }

    @Test
    void the_builder_rule_reports_a_builder_of_another_type_and_accepts_one_that_builds_its_enclosing_type() {
        JavaClasses wrong = new ClassFileImporter().importClasses(Receipt.class, Receipt.Builder.class);
        JavaClasses right = new ClassFileImporter().importClasses(Receipt.Ticket.class, Receipt.Ticket.Builder.class);

        assertThat(ArchitectureNamingTest.buildersBuildTheirEnclosingType(Set.of()).evaluate(wrong)
                .getFailureReport().getDetails()).singleElement().asString()
                .contains(Receipt.Builder.class.getName() + " has no build() method returning "
                        + Receipt.class.getName());
        assertThat(ArchitectureNamingTest.buildersBuildTheirEnclosingType(Set.of()).evaluate(right).hasViolation())
                .isFalse();
        JavaClasses entryWithoutInstances = new ClassFileImporter().importClasses(Receipts.class,
                Receipts.Builder.class);
        assertThat(ArchitectureNamingTest.buildersBuildTheirEnclosingType(Set.of()).evaluate(entryWithoutInstances)
                .hasViolation()).isFalse();
    }
}
