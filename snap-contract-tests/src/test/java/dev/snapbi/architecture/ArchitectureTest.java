package dev.snapbi.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The hexagon, as executable rules over every production class of {@code dev.snapbi} in every module (this module
 * depends on all of them). A failing rule names the offending dependency and says why the rule exists.
 */
@AnalyzeClasses(packages = "dev.snapbi", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.ProductionJarsOnly.class})
class ArchitectureTest {

    /**
     * Sibling modules arrive as directories or as their jars (in a reactor build after {@code package}); both count.
     * Test classes never do: neither test directories nor {@code -tests.jar} artifacts.
     */
    static final class ProductionJarsOnly implements ImportOption {
        private static final java.util.regex.Pattern TEST_JAR = java.util.regex.Pattern.compile(".*-tests\\.jar!/.*");

        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.matches(TEST_JAR);
        }
    }

    private static final String[] MODULE_ROOTS = {"dev.snapbi.domain", "dev.snapbi.crypto",
            "dev.snapbi.adapter.feign", "dev.snapbi.sandbox", "dev.snapbi.cli", "dev.snapbi.testing",
            "dev.snapbi.nicepay", "dev.snapbi.adapter.jdk", "dev.snapbi.cache.redis",
            "dev.snapbi.spring.boot3.autoconfigure"};

    /** A rule that sees no classes proves nothing: every module's production classes must be analysed. */
    @ArchTest
    static void every_module_is_analysed(com.tngtech.archunit.core.domain.JavaClasses classes) {
        for (String root : MODULE_ROOTS) {
            org.assertj.core.api.Assertions.assertThat(classes.stream().filter(c -> c.getPackageName().equals(root)
                    || c.getPackageName().startsWith(root + "."))).as("production classes of " + root).isNotEmpty();
        }
    }

    @ArchTest
    static final ArchRule domain_depends_only_on_the_jdk = classes()
            .that().resideInAPackage("dev.snapbi.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.snapbi.domain..")
            .because("the domain is the inside of the hexagon: users must be able to take it with any HTTP client,"
                    + " any crypto provider and any cache, and it must never drag a framework along");

    @ArchTest
    static final ArchRule only_the_feign_adapter_touches_feign_and_resilience4j = noClasses()
            .that().resideOutsideOfPackages("dev.snapbi.adapter.feign..", "dev.snapbi.spring..")
            .should().dependOnClassesThat().resideInAnyPackage("feign..", "io.github.resilience4j..")
            .because("Feign and Resilience4j are one adapter's choice; anyone who plugs in their own HTTP adapter"
                    + " must not need them, so nothing else may mention them (the Spring Boot starter excepted: it"
                    + " publishes the Feign adapter's Resilience4j registries and offers its Feign capability)");

    @ArchTest
    static final ArchRule only_snap_crypto_touches_bouncy_castle = noClasses()
            .that().resideOutsideOfPackage("dev.snapbi.crypto..")
            .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
            .because("Bouncy Castle is snap-crypto's implementation detail; other modules sign through the domain's"
                    + " Signer port so the provider can be swapped or measured in one place");

    @ArchTest
    static final ArchRule the_http_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("dev.snapbi.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.snapbi.crypto..", "dev.snapbi.sandbox..",
                    "dev.snapbi.cli..")
            .because("adapters meet only through the domain's ports; wiring them together is the job of a"
                    + " composition root such as the CLI or the user's application");

    @ArchTest
    static final ArchRule the_crypto_adapter_does_not_depend_on_other_adapters = noClasses()
            .that().resideInAPackage("dev.snapbi.crypto..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.snapbi.adapter..", "dev.snapbi.sandbox..",
                    "dev.snapbi.cli..")
            .because("a signer must be usable with any transport: it implements a domain port and nothing more");

    @ArchTest
    static final ArchRule the_sandbox_stands_alone = noClasses()
            .that().resideInAPackage("dev.snapbi.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.snapbi.domain..", "dev.snapbi.crypto..",
                    "dev.snapbi.adapter..", "dev.snapbi.cli..")
            .because("the simulator checks requests on its own terms; sharing the client's code would mirror the"
                    + " client's bugs instead of catching them");

    @ArchTest
    static final ArchRule the_test_kit_builds_only_on_the_domain_and_the_sandbox = noClasses()
            .that().resideInAPackage("dev.snapbi.testing..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.snapbi.crypto..", "dev.snapbi.adapter..",
                    "dev.snapbi.cli..", "org.bouncycastle..")
            .because("every module's tests above the domain and the sandbox use snap-testing, and users add it next"
                    + " to whichever adapter they chose: it must not pull in another");

    @ArchTest
    static final ArchRule nothing_depends_on_the_composition_root = noClasses()
            .that().resideOutsideOfPackage("dev.snapbi.cli..")
            .should().dependOnClassesThat().resideInAPackage("dev.snapbi.cli..")
            .because("the CLI is an application of the library, not part of it");

    @ArchTest
    static final ArchRule packages_are_free_of_cycles = slices().matching("dev.snapbi.(**)")
            .should().beFreeOfCycles()
            .because("a cycle between packages makes them one package in disguise: neither can be understood,"
                    + " tested or replaced alone");

    @ArchTest
    static final ArchRule internal_packages_stay_inside_their_module = classes()
            .should(new com.tngtech.archunit.lang.ArchCondition<JavaClass>("not use another module's internal package") {
                @Override
                public void check(JavaClass item, com.tngtech.archunit.lang.ConditionEvents events) {
                    String own = moduleOf(item.getPackageName());
                    item.getDirectDependenciesFromSelf().forEach(d -> {
                        String target = d.getTargetClass().getPackageName();
                        if (target.contains(".internal") && target.startsWith("dev.snapbi.")
                                && !moduleOf(target).equals(own)) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(d,
                                    d.getDescription()));
                        }
                    });
                }
            })
            .because("internal packages are not API: another module that uses them breaks the day they change");

    @ArchTest
    static final ArchRule public_value_types_are_final = classes()
            .that().resideInAPackage("dev.snapbi.domain.model..")
            .and().arePublic().and().areNotInterfaces().and().areTopLevelClasses()
            .should().haveModifier(JavaModifier.FINAL)
            .because("a value that a subclass can change is not a value: tokens, keys and timestamps must never"
                    + " exist in an invalid or mutated state");

    @ArchTest
    static final ArchRule public_value_types_have_only_final_fields = fields()
            .that().areDeclaredInClassesThat(DescribedPredicate.describe("public top-level value types",
                    (JavaClass c) -> c.getPackageName().startsWith("dev.snapbi.domain.model")
                            && c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass()))
            .and().areNotStatic()
            .should().beFinal()
            .because("immutable values can be shared between threads and cached without copies or locks");

    @ArchTest
    static final ArchRule errors_are_the_domains_sealed_kinds = classes()
            .that().areAssignableTo(RuntimeException.class).and().resideInAPackage("dev.snapbi..")
            .and().arePublic()
            .should().beAssignableTo(dev.snapbi.domain.error.SnapException.class)
            .because("users catch errors by meaning (rejected, unavailable, protocol, configuration); a public"
                    + " exception outside that hierarchy would slip past their handlers");

    static String moduleOf(String packageName) {
        for (String root : MODULE_ROOTS) {
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return root;
            }
        }
        return packageName;
    }
}
