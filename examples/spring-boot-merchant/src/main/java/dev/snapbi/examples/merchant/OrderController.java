package dev.snapbi.examples.merchant;

import dev.snapbi.nicepay.NicepayClient;
import dev.snapbi.nicepay.model.Amount;
import dev.snapbi.nicepay.qris.QrisGenerateRequest;
import dev.snapbi.nicepay.qris.QrisGenerateResponse;
import dev.snapbi.nicepay.va.CreateVaRequest;
import dev.snapbi.nicepay.va.CreateVaResponse;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Orders, and a VA or a QRIS payment for an order through NICEPAY. */
@RestController
@RequestMapping("/orders")
class OrderController {

    /** What a new order needs. */
    record NewOrder(String description, BigDecimal amount) {
    }

    /** The bank of the virtual account (NICEPAY's bankCd, e.g. BMRI, BBBA, CENA); default BMRI. */
    record NewVirtualAccount(String bankCd) {
    }

    private final OrderRepository orders;
    private final NicepayClient nicepay;
    private final Environment environment;

    OrderController(OrderRepository orders, NicepayClient nicepay, Environment environment) {
        this.orders = orders;
        this.nicepay = nicepay;
        this.environment = environment;
    }

    @PostMapping
    ResponseEntity<Order> create(@RequestBody NewOrder request) {
        if (request.amount() == null || request.amount().signum() <= 0) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "amount must be positive");
        }
        String id = "ORD-" + UUID.randomUUID().toString().substring(0, 13).toUpperCase(Locale.ROOT);
        orders.insert(id, request.description() == null ? "order" : request.description(),
                request.amount().setScale(2));
        return ResponseEntity.status(HttpStatus.CREATED).body(order(id));
    }

    @GetMapping("/{id}")
    Order get(@PathVariable String id) {
        return order(id);
    }

    @PostMapping("/{id}/virtual-account")
    Order virtualAccount(@PathVariable String id, @RequestBody(required = false) NewVirtualAccount request) {
        Order order = unpaid(id);
        CreateVaResponse created = nicepay.virtualAccounts().create(CreateVaRequest.builder()
                .partnerServiceId("")
                .customerNo("")
                .virtualAccountNo("")
                .virtualAccountName(order.description())
                .trxId(order.id())
                .totalAmount(Amount.idr(order.amount()))
                .additionalInfo(CreateVaRequest.AdditionalInfo.builder()
                        .bankCd(request == null || request.bankCd() == null ? "BMRI" : request.bankCd())
                        .goodsNm(order.description())
                        .dbProcessUrl(notificationBase() + "/api/v1.0/transfer-va/payment")
                        .build())
                .build());
        orders.paymentCreated(id, "VA", created.virtualAccountData().tXidVA(),
                created.virtualAccountData().virtualAccountNo(), null);
        return order(id);
    }

    @PostMapping("/{id}/qris")
    Order qris(@PathVariable String id) {
        Order order = unpaid(id);
        QrisGenerateResponse created = nicepay.qris().generate(QrisGenerateRequest.builder()
                .merchantId(nicepay.clientKey().value())
                .partnerReferenceNo(order.id())
                .storeId("NICEPAY")
                .validityPeriod("")
                .amount(Amount.idr(order.amount()))
                .additionalInfo(QrisGenerateRequest.AdditionalInfo.builder()
                        .goodsNm(order.description())
                        .dbProcessUrl(notificationBase() + "/api/v1.0/qr/qr-mpm-notify")
                        .mitraCd("QSHP")
                        .userIP("127.0.0.1")
                        .build())
                .build());
        orders.paymentCreated(id, "QRIS", created.referenceNo(), null, created.qrContent());
        return order(id);
    }

    private Order unpaid(String id) {
        Order order = order(id);
        if ("PAID".equals(order.status())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "order " + id + " is paid");
        }
        return order;
    }

    private Order order(String id) {
        return orders.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no order " + id));
    }

    /** Where NICEPAY posts its notifications: this service's public URL. */
    private String notificationBase() {
        String configured = environment.getProperty("merchant.notification-base-url");
        if (configured != null && !configured.isBlank()) {
            return configured.replaceAll("/+$", "");
        }
        return "http://127.0.0.1:" + environment.getProperty("local.server.port", "8080");
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(dev.snapbi.domain.error.SnapException.class)
    ResponseEntity<Map<String, String>> nicepayFailed(dev.snapbi.domain.error.SnapException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY)
                .body(Map.of("error", e.getClass().getSimpleName(), "message", String.valueOf(e.getMessage())));
    }
}
