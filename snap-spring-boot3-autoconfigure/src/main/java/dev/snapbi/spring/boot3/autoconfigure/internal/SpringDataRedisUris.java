package dev.snapbi.spring.boot3.autoconfigure.internal;

import io.lettuce.core.RedisURI;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import java.util.function.Supplier;

/**
 * The URI of the application's Spring Data Redis {@link LettuceConnectionFactory} (standalone), read from its
 * configuration rather than its native client, which only exists once the factory has started. Loaded only when
 * Spring Data Redis is on the classpath.
 */
public final class SpringDataRedisUris {

    private SpringDataRedisUris() {
    }

    /** A supplier of the URI, or of {@code null} when there is no such factory. */
    public static Supplier<RedisURI> of(ObjectProvider<LettuceConnectionFactory> factories) {
        return () -> {
            LettuceConnectionFactory factory = factories.getIfUnique();
            if (factory == null) {
                return null;
            }
            RedisStandaloneConfiguration standalone = factory.getStandaloneConfiguration();
            RedisURI.Builder uri = RedisURI.builder()
                    .withHost(standalone.getHostName())
                    .withPort(standalone.getPort())
                    .withDatabase(standalone.getDatabase())
                    .withSsl(factory.isUseSsl());
            if (standalone.getPassword().isPresent()) {
                char[] password = standalone.getPassword().get();
                if (standalone.getUsername() != null) {
                    uri.withAuthentication(standalone.getUsername(), password);
                } else {
                    uri.withPassword(password);
                }
            }
            return uri.build();
        };
    }
}
