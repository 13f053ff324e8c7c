package dev.snapbi.examples.merchant;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A small merchant backend on snap-spring-boot3-starter: orders in an embedded H2 database, a VA or a QRIS payment per
 * order, NICEPAY's payment notifications marking orders paid. Without NICEPAY configuration it runs against an
 * embedded NICEPAY sandbox ({@link EmbeddedSandbox}).
 */
@SpringBootApplication
public class MerchantApplication {

    /** Starts the service. */
    public static void main(String[] args) {
        run(args);
    }

    /** Starts the service and returns its context (for tests of the default, sandboxed start). */
    public static ConfigurableApplicationContext run(String... args) {
        SpringApplication application = new SpringApplication(MerchantApplication.class);
        application.addInitializers(new EmbeddedSandbox());
        return application.run(args);
    }
}
