package dev.snapbi.examples.merchant;

import dev.snapbi.nicepay.model.PaymentStatus;
import dev.snapbi.nicepay.model.VirtualAccountStatus;
import dev.snapbi.nicepay.notification.QrisNotification;
import dev.snapbi.nicepay.notification.VaPaymentNotification;
import dev.snapbi.spring.boot3.autoconfigure.notification.SnapNotification;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * NICEPAY's payment notifications. The starter verifies the signature before these methods run: a forged one is
 * answered {@code 401 4012500} and never reaches them.
 */
@RestController
class NotificationController {

    private static final Logger log = LoggerFactory.getLogger(NotificationController.class);

    private final OrderRepository orders;
    private final Counter handled;

    NotificationController(OrderRepository orders, MeterRegistry meters) {
        this.orders = orders;
        this.handled = Counter.builder("merchant.notifications.handled")
                .description("Verified notifications handled by the controller").register(meters);
    }

    @PostMapping(path = "/api/v1.0/transfer-va/payment", produces = MediaType.APPLICATION_JSON_VALUE)
    String vaPaid(@SnapNotification VaPaymentNotification paid) {
        handled.increment();
        if (paid.status() == VirtualAccountStatus.PAID && paid.paidAmount() != null
                && orders.markPaid(paid.trxId(), paid.paidAmount().value())) {
            log.info("order {} paid by VA {}", paid.trxId(), paid.virtualAccountNo());
        }
        return "{\"responseCode\":\"2002500\",\"responseMessage\":\"Successful\"}";
    }

    @PostMapping(path = "/api/v1.0/qr/qr-mpm-notify", produces = MediaType.APPLICATION_JSON_VALUE)
    String qrisPaid(@SnapNotification QrisNotification paid) {
        handled.increment();
        if (paid.status() == PaymentStatus.SUCCESS && paid.amount() != null
                && orders.markPaid(paid.originalPartnerReferenceNo(), paid.amount().value())) {
            log.info("order {} paid by QRIS", paid.originalPartnerReferenceNo());
        }
        return "{\"responseCode\":\"2005200\",\"responseMessage\":\"Successful\"}";
    }
}
