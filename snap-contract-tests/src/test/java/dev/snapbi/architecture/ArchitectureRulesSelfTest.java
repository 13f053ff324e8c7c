package dev.snapbi.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.snapbi.architecture.fixture.UsesAnotherModulesInternal;
import dev.snapbi.domain.error.SnapErrors;
import org.junit.jupiter.api.Test;

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
}
