package dev.snapbi.spring.boot3.autoconfigure.notification;

import dev.snapbi.spring.boot3.autoconfigure.NicepayClients;
import dev.snapbi.spring.boot3.autoconfigure.SnapbiNicepayAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/** {@link SnapNotification} parameters in Spring MVC, and NICEPAY's error answer for refused notifications. */
@AutoConfiguration(after = SnapbiNicepayAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(WebMvcConfigurer.class)
@ConditionalOnBean(NicepayClients.class)
public class SnapbiNotificationAutoConfiguration {

    /** Verifies and resolves {@code @SnapNotification} parameters. */
    @Bean
    @ConditionalOnMissingBean
    SnapNotificationArgumentResolver snapNotificationArgumentResolver(NicepayClients clients) {
        return new SnapNotificationArgumentResolver(clients);
    }

    /** Answers refused notifications the way NICEPAY expects. */
    @Bean
    @ConditionalOnMissingBean
    RefusedNotificationExceptionResolver refusedNotificationExceptionResolver() {
        return new RefusedNotificationExceptionResolver();
    }

    /** Registers both with Spring MVC. */
    @Bean
    WebMvcConfigurer snapbiNotificationWebMvcConfigurer(SnapNotificationArgumentResolver resolver,
                                                        RefusedNotificationExceptionResolver refused) {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(0, resolver);
            }

            @Override
            public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
                resolvers.add(0, refused);
            }
        };
    }
}
