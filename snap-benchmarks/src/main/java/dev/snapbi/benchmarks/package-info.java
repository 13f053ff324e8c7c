/**
 * JMH benchmarks of snapbi-java: the token hot path ({@link dev.snapbi.benchmarks.TokenHotPathBenchmark}), RSA
 * signing ({@link dev.snapbi.benchmarks.SignerBenchmark}), a full token fetch against the sandbox
 * ({@link dev.snapbi.benchmarks.TokenFetchBenchmark}) and the symmetric signature
 * ({@link dev.snapbi.benchmarks.SymmetricSignatureBenchmark}). Build with {@code ./mvnw -pl snap-benchmarks -am
 * package}, run with {@code java -jar snap-benchmarks/target/benchmarks.jar}; results and commands are in
 * BENCHMARKS.md at the repository root.
 */
package dev.snapbi.benchmarks;
