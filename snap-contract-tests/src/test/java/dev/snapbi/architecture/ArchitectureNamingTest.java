package dev.snapbi.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The naming conventions of {@code docs/NAMING.md} that a machine can check, over every production class of
 * {@code dev.snapbi} in every module (the same classes {@link ArchitectureTest} analyses).
 */
@AnalyzeClasses(packages = "dev.snapbi", importOptions = {ImportOption.DoNotIncludeTests.class,
        ArchitectureTest.ProductionJarsOnly.class})
class ArchitectureNamingTest {

    /** Declared before the rules that use it: static fields are initialised in order. */
    private static final DescribedPredicate<JavaClass> TOP_LEVEL_TYPE = DescribedPredicate.describe(
            "top-level types", c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"));

    @ArchTest
    static final ArchRule no_type_is_named_impl = noClasses()
            .that().resideInAPackage("dev.snapbi..")
            .should().haveSimpleNameEndingWith("Impl")
            .because("'Impl' says nothing a reader needs: name an implementation by what makes it different"
                    + " (InMemoryTokenCache, RedisTokenCache, RsaSigner), see docs/NAMING.md");

    @ArchTest
    static final ArchRule top_level_types_have_unique_simple_names = uniqueSimpleNames(Set.of());

    @ArchTest
    static final ArchRule a_supplier_implements_supplier = classes()
            .that().resideInAPackage("dev.snapbi..").and().haveSimpleNameEndingWith("Supplier")
            .should().beAssignableTo(Supplier.class)
            .because("a type named XSupplier is a java.util.function.Supplier; a type that gives a value without"
                    + " arguments but is no Supplier is an XProvider, one that takes arguments an XFactory"
                    + " (docs/NAMING.md)");

    @ArchTest
    static final ArchRule a_builder_builds_its_enclosing_type = buildersBuildTheirEnclosingType(Set.of());

    /** No two top-level types share a simple name, but for {@code excused} names. */
    static ArchRule uniqueSimpleNames(Set<String> excused) {
        return classes()
                .that().resideInAPackage("dev.snapbi..").and(TOP_LEVEL_TYPE)
                .should(new ArchCondition<JavaClass>("have a simple name no other type of the project has") {
                    private Map<String, List<String>> shared = Map.of();

                    @Override
                    public void init(Collection<JavaClass> all) {
                        shared = sharedSimpleNames(all);
                    }

                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        List<String> same = shared.get(item.getSimpleName());
                        if (same != null && !excused.contains(item.getSimpleName())) {
                            events.add(SimpleConditionEvent.violated(item, item.getName() + " shares its simple"
                                    + " name with " + same.stream().filter(n -> !n.equals(item.getName())).toList()));
                        }
                    }
                })
                .because("one simple name per meaning: a reader must never tell two types apart by their package"
                        + " (docs/NAMING.md)");
    }

    /** Simple name to the full names of the types that share it, for names held by more than one type. */
    private static Map<String, List<String>> sharedSimpleNames(Collection<JavaClass> types) {
        return types.stream()
                .collect(Collectors.groupingBy(JavaClass::getSimpleName, Collectors.mapping(JavaClass::getName,
                        Collectors.toCollection(TreeSet::new))))
                .entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())));
    }

    /**
     * A nested {@code Builder} has a no-argument {@code build()} returning its enclosing type, or {@code start()} when
     * what it builds runs (a server: {@code SnapSandbox.builder().start()}); {@code excused} are full class names.
     */
    static ArchRule buildersBuildTheirEnclosingType(Set<String> excused) {
        return classes()
                .that().resideInAPackage("dev.snapbi..").and().haveSimpleName("Builder").and().areNestedClasses()
                .should(new ArchCondition<JavaClass>("have a build() (or start()) method returning their enclosing"
                        + " type") {
                    @Override
                    public void check(JavaClass builder, ConditionEvents events) {
                        if (!excused.contains(builder.getName()) && !buildsEnclosingType(builder)) {
                            events.add(SimpleConditionEvent.violated(builder, builder.getName() + " has no build()"
                                    + " method returning " + builder.getEnclosingClass().orElseThrow().getName()));
                        }
                    }
                })
                .because("X.builder().build() returns an X: a reader must never guess what a Builder builds"
                        + " (docs/NAMING.md)");
    }

    /**
     * The one principled exception: an entry class with no instances (only private constructors, only static
     * methods), like the JDK's {@code Executors}, whose builder assembles the service its name says
     * ({@code FeignAccessTokens.builder().build()} returns an {@code AccessTokenService}).
     */
    private static boolean buildsEnclosingType(JavaClass builder) {
        JavaClass enclosing = builder.getEnclosingClass().orElseThrow();
        boolean entryWithoutInstances = enclosing.getConstructors().stream()
                .allMatch(c -> c.getModifiers().contains(JavaModifier.PRIVATE))
                && enclosing.getMethods().stream().allMatch(m -> m.getModifiers().contains(JavaModifier.STATIC));
        if (entryWithoutInstances) {
            return builder.getAllMethods().stream().anyMatch(m -> m.getName().equals("build")
                    && m.getRawParameterTypes().isEmpty());
        }
        return builder.getAllMethods().stream()
                .filter(m -> (m.getName().equals("build") || m.getName().equals("start"))
                        && m.getRawParameterTypes().isEmpty())
                .map(JavaMethod::getRawReturnType)
                .anyMatch(type -> type.equals(enclosing));
    }
}
