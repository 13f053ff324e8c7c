package dev.snapbi.spring.boot3.autoconfigure.notification;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a Spring MVC handler parameter as a NICEPAY notification whose signature is verified before the handler runs
 * (SNAP-SPEC section 6, with {@code snapbi.nicepay.nicepay-public-key}). The parameter is a
 * {@link VerifiedNotification}, the raw {@code byte[]} or {@code String} body, or one of snap-nicepay's typed
 * notifications ({@code VaPaymentNotification}, {@code QrisNotification}, {@code EwalletNotification}). A notification
 * that fails the check never reaches the handler: it is answered with NICEPAY's error body
 * ({@code 401xx00 Unauthorized. [Signature]}, or {@code 400xx00 Bad Request} for a genuine but unreadable body).
 * <pre>
 * &#64;PostMapping("/api/v1.0/transfer-va/payment")
 * Map&lt;String, String&gt; paid(&#64;SnapNotification VaPaymentNotification paid) {
 *     orders.markPaid(paid.trxId(), paid.paidAmount().value());
 *     return Map.of("responseCode", "2002500", "responseMessage", "Successful");
 * }
 * </pre>
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SnapNotification {

    /**
     * The client it is meant for (a name under {@code snapbi.nicepay.clients}); default: the client whose client key
     * the notification's {@code X-CLIENT-KEY} names, or the only one.
     */
    String client() default "";

    /**
     * The SNAP service code of the notification, for the answer's {@code responseCode}; default from the path
     * ({@code 25} VA payment, {@code 52} QRIS, {@code 56} e-wallet, else {@code 00}).
     */
    String serviceCode() default "";
}
