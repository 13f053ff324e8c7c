package dev.snapbi.cache.redis;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.TokenCacheKey;
import dev.snapbi.domain.port.CoordinatedTokenCache;
import dev.snapbi.domain.port.CoordinatedTokenCache.FetchLease;
import dev.snapbi.domain.port.CoordinatedTokenCache.SharedToken;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link CoordinatedTokenCache} promises (and so every {@link dev.snapbi.domain.port.TokenCache}): run
 * against the in-memory implementation and against Redis.
 */
abstract class CoordinatedTokenCacheContract {

    /** The store under test (fresh per test or at least empty for the keys used). */
    abstract CoordinatedTokenCache cache();

    /** Makes the lease of this key expire now, as if its TTL had passed. */
    abstract void expireLease(TokenCacheKey key) throws Exception;

    private final String unique = UUID.randomUUID().toString().substring(0, 8);
    final TokenCacheKey key = TokenCacheKey.of("https://sandbox.test/" + unique, ClientKey.of("IONPAYTEST"));
    final TokenCacheKey other = TokenCacheKey.of("https://sandbox.test/" + unique, ClientKey.of("OTHERMERCHANT"));

    static AccessToken token(String name) {
        return AccessToken.bearer(name + "-" + "z".repeat(30), Instant.now(), Duration.ofSeconds(900));
    }

    @Test
    void an_empty_store_has_nothing_to_read() {
        assertThat(cache().read(key)).isEmpty();
        assertThat(cache().get(key)).isEmpty();
    }

    @Test
    void one_owner_at_a_time_holds_the_lease_and_every_new_lease_has_a_larger_fence() {
        Optional<FetchLease> first = cache().tryAcquireLease(key, "a", Duration.ofSeconds(30));
        assertThat(first).isPresent();
        assertThat(cache().tryAcquireLease(key, "b", Duration.ofSeconds(30))).isEmpty();
        assertThat(cache().releaseLease(first.get())).isTrue();
        Optional<FetchLease> second = cache().tryAcquireLease(key, "b", Duration.ofSeconds(30));
        assertThat(second).isPresent();
        assertThat(second.get().fence()).isGreaterThan(first.get().fence());
        assertThat(second.get().owner()).isEqualTo("b");
    }

    @Test
    void the_lease_holder_stores_and_readers_get_the_token_with_the_stores_remaining_lifetime() {
        FetchLease lease = cache().tryAcquireLease(key, "a", Duration.ofSeconds(30)).orElseThrow();
        AccessToken token = token("first");
        assertThat(cache().storeFenced(lease, token, Duration.ofSeconds(20))).isTrue();
        SharedToken read = cache().read(key).orElseThrow();
        assertThat(read.token()).isEqualTo(token);
        assertThat(read.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20))
                .isGreaterThan(Duration.ofSeconds(10));
        assertThat(cache().get(key)).contains(token);
    }

    @Test
    void a_holder_paused_past_its_lease_cannot_overwrite_the_newer_token() throws Exception {
        FetchLease paused = cache().tryAcquireLease(key, "paused", Duration.ofSeconds(30)).orElseThrow();
        expireLease(key);
        FetchLease newer = cache().tryAcquireLease(key, "newer", Duration.ofSeconds(30)).orElseThrow();
        AccessToken fresh = token("fresh");
        assertThat(cache().storeFenced(newer, fresh, Duration.ofSeconds(60))).isTrue();

        assertThat(cache().storeFenced(paused, token("late"), Duration.ofSeconds(60))).isFalse();
        assertThat(cache().releaseLease(paused)).isFalse(); // and it cannot release the newer holder's lease
        assertThat(cache().tryAcquireLease(key, "third", Duration.ofSeconds(30))).isEmpty();
        assertThat(cache().read(key).orElseThrow().token()).isEqualTo(fresh);
    }

    @Test
    void a_holder_whose_lease_passed_to_another_cannot_store_even_before_the_other_did() throws Exception {
        FetchLease paused = cache().tryAcquireLease(key, "paused", Duration.ofSeconds(30)).orElseThrow();
        expireLease(key);
        cache().tryAcquireLease(key, "newer", Duration.ofSeconds(30)).orElseThrow();
        assertThat(cache().storeFenced(paused, token("late"), Duration.ofSeconds(60))).isFalse();
        assertThat(cache().read(key)).isEmpty();
    }

    @Test
    void invalidating_an_old_token_never_deletes_a_newer_one() {
        FetchLease lease = cache().tryAcquireLease(key, "a", Duration.ofSeconds(30)).orElseThrow();
        AccessToken old = token("old");
        AccessToken newer = token("newer");
        cache().storeFenced(lease, old, Duration.ofSeconds(60));
        assertThat(cache().storeFenced(lease, newer, Duration.ofSeconds(60))).isTrue();

        assertThat(cache().compareAndSet(key, old, null)).isFalse();
        assertThat(cache().read(key).orElseThrow().token()).isEqualTo(newer);
        assertThat(cache().compareAndSet(key, newer, null)).isTrue();
        assertThat(cache().read(key)).isEmpty();
    }

    @Test
    void compare_and_set_replaces_only_the_expected_token() {
        AccessToken first = token("first");
        AccessToken second = token("second");
        assertThat(cache().compareAndSet(key, null, first)).isTrue();
        assertThat(cache().compareAndSet(key, null, second)).isFalse();
        assertThat(cache().compareAndSet(key, second, first)).isFalse();
        assertThat(cache().compareAndSet(key, first, second)).isTrue();
        assertThat(cache().get(key)).contains(second);
    }

    @Test
    void credentials_never_see_each_others_tokens_or_leases() {
        FetchLease lease = cache().tryAcquireLease(key, "a", Duration.ofSeconds(30)).orElseThrow();
        assertThat(cache().tryAcquireLease(other, "a", Duration.ofSeconds(30))).isPresent();
        cache().storeFenced(lease, token("mine"), Duration.ofSeconds(60));
        assertThat(cache().read(other)).isEmpty();
    }
}
