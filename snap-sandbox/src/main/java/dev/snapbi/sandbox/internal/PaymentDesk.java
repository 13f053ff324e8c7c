package dev.snapbi.sandbox.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pays a waiting VA, QRIS or e-wallet payment (what a customer would do at the bank or in the wallet app), then
 * notifies the merchant as NICEPAY does: a signed {@code POST} to the {@code additionalInfo.dbProcessUrl} of the
 * creating request (for an e-wallet payment, else its {@code urlParam} of type {@code PAY_NOTIFY}).
 */
public final class PaymentDesk {

    /**
     * What paying did.
     *
     * @param payment            the payment, now paid
     * @param notificationUrl    where the notification went, or {@code null} when the request named no usable URL
     * @param notificationBody   the notification's JSON body (also built when it could not be sent)
     * @param notificationStatus the merchant's HTTP status, 0 when not sent or unanswered
     * @param notificationError  why no answer came, or {@code null}
     */
    public record Outcome(Ledger.Payment payment, URI notificationUrl, String notificationBody,
                          int notificationStatus, String notificationError) {
    }

    private final Ledger ledger;
    private final Notifier notifier;
    private final Clock clock;

    /** A desk over this ledger, notifying with this notifier. */
    public PaymentDesk(Ledger ledger, Notifier notifier, Clock clock) {
        this.ledger = ledger;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Pays the payment with NICEPAY's reference ({@code tXidVA} or {@code referenceNo}), of {@code kind} when not
     * null, and notifies the merchant (within the notifier's 10 s bound; a failed notification does not undo the
     * payment).
     *
     * @throws IllegalArgumentException when no such payment exists
     * @throws IllegalStateException    when it is not waiting for payment
     */
    public Outcome pay(String referenceNo, Ledger.Kind kind) {
        Ledger.Payment paid = ledger.pay(referenceNo, kind, clock.instant());
        String body = SandboxJson.write(notification(paid));
        URI url = notificationUrl(paid);
        if (url == null) {
            return new Outcome(paid, null, body, 0, "the creating request named no absolute http(s) dbProcessUrl");
        }
        try {
            return new Outcome(paid, url, body, notifier.send(url, paid.partner(), body), null);
        } catch (IOException e) {
            return new Outcome(paid, url, body, 0, "no answer from the merchant: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(paid, url, body, 0, "interrupted while notifying");
        }
    }

    private static URI notificationUrl(Ledger.Payment payment) {
        Object info = payment.request().get("additionalInfo");
        String candidate = info instanceof Map<?, ?> map && map.get("dbProcessUrl") instanceof String s ? s : null;
        if ((candidate == null || candidate.isEmpty()) && payment.request().get("urlParam") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> param && "PAY_NOTIFY".equals(param.get("type"))
                        && param.get("url") instanceof String s) {
                    candidate = s;
                }
            }
        }
        if (candidate == null || candidate.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme();
            boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
            return uri.isAbsolute() && uri.getHost() != null && http ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The notification body NICEPAY sends for this kind of payment. */
    static Map<String, Object> notification(Ledger.Payment p) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> request = p.request();
        Map<String, Object> info = new LinkedHashMap<>();
        switch (p.kind()) {
            case VIRTUAL_ACCOUNT -> {
                out.put("partnerServiceId", string(request.get("partnerServiceId")));
                out.put("customerNo", string(request.get("customerNo")));
                out.put("virtualAccountNo", p.virtualAccountNo());
                out.put("virtualAccountName", string(request.get("virtualAccountName")));
                out.put("trxId", p.partnerReferenceNo());
                out.put("paymentRequestId", p.referenceNo());
                out.put("paidAmount", p.amount().json());
                out.put("trxDateTime", NicepayServices.iso(p.paid()));
                info.put("tXidVA", p.referenceNo());
                Object given = request.get("additionalInfo");
                if (given instanceof Map<?, ?> map && map.get("bankCd") instanceof String bank) {
                    info.put("bankCd", bank);
                }
                info.put("totalAmount", p.amount().json());
                info.put("latestTransactionStatus", p.status());
                info.put("transactionStatusDesc", p.statusDesc());
            }
            case QRIS, EWALLET -> {
                out.put("originalReferenceNo", p.referenceNo());
                out.put("originalPartnerReferenceNo", p.partnerReferenceNo());
                out.put("merchantId", p.partner());
                out.put("latestTransactionStatus", p.status());
                out.put("transactionStatusDesc", p.statusDesc());
                out.put("amount", p.amount().json());
                out.put("paidTime", NicepayServices.iso(p.paid()));
                if (p.kind() == Ledger.Kind.EWALLET && request.get("additionalInfo") instanceof Map<?, ?> map
                        && map.get("mitraCd") instanceof String mitra) {
                    info.put("mitraCd", mitra);
                }
            }
            default -> throw new IllegalStateException("unknown kind " + p.kind());
        }
        out.put("additionalInfo", info);
        return out;
    }

    private static String string(Object value) {
        return value instanceof String s ? s : "";
    }
}
