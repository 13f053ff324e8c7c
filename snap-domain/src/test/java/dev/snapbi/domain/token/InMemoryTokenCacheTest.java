package dev.snapbi.domain.token;

import dev.snapbi.domain.model.AccessToken;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.TokenCacheKey;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class InMemoryTokenCacheTest {

    private static final TokenCacheKey KEY = TokenCacheKey.of("https://dev.nicepay.co.id/t", ClientKey.of("A"));
    private static final AccessToken ONE = AccessToken.bearer("token-one-xxxxxxxxxxxxxxxxxxxx", Instant.EPOCH,
            Duration.ofMinutes(15));
    private static final AccessToken TWO = AccessToken.bearer("token-two-xxxxxxxxxxxxxxxxxxxx", Instant.EPOCH,
            Duration.ofMinutes(15));

    @Test
    void stores_only_when_the_expected_token_matches() {
        InMemoryTokenCache cache = InMemoryTokenCache.create();
        assertThat(cache.compareAndSet(KEY, null, ONE)).isTrue();
        assertThat(cache.compareAndSet(KEY, null, TWO)).isFalse();
        assertThat(cache.compareAndSet(KEY, TWO, TWO)).isFalse();
        assertThat(cache.get(KEY)).contains(ONE);
        assertThat(cache.compareAndSet(KEY, ONE, TWO)).isTrue();
        assertThat(cache.get(KEY)).contains(TWO);
    }

    @Test
    void removes_only_the_exact_token() {
        InMemoryTokenCache cache = InMemoryTokenCache.create();
        cache.compareAndSet(KEY, null, TWO);
        assertThat(cache.compareAndSet(KEY, ONE, null)).isFalse();
        assertThat(cache.compareAndSet(KEY, TWO, null)).isTrue();
        assertThat(cache.get(KEY)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void keeps_credentials_apart() {
        InMemoryTokenCache cache = InMemoryTokenCache.create();
        TokenCacheKey other = TokenCacheKey.of("https://dev.nicepay.co.id/t", ClientKey.of("B"));
        cache.compareAndSet(KEY, null, ONE);
        cache.compareAndSet(other, null, TWO);
        assertThat(cache.get(KEY)).contains(ONE);
        assertThat(cache.get(other)).contains(TWO);
        assertThat(KEY.toString()).isEqualTo("A@https://dev.nicepay.co.id/t");
    }
}
