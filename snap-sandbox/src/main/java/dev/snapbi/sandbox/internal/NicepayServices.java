package dev.snapbi.sandbox.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every NICEPAY SNAP service of SNAP-SPEC section 8, statefully over the {@link Ledger}: paths, service codes,
 * success codes and field checks as NICEPAY's own SDKs use them. Lookups accept what NICEPAY's SDK samples send:
 * NICEPAY's reference when given, else the merchant's reference (and the two must agree when both are given);
 * optional members may be {@code ""}.
 */
public final class NicepayServices {

    /** The root of every service path. */
    public static final String ROOT = "/nicepay/api/v1.0";
    /** VA create, service 27. */
    public static final String VA_CREATE = ROOT + "/transfer-va/create-va";
    /** VA status, service 26. */
    public static final String VA_STATUS = ROOT + "/transfer-va/status";
    /** VA cancel (DELETE with a body), service 31. */
    public static final String VA_DELETE = ROOT + "/transfer-va/delete-va";
    /** QRIS MPM generate, service 47. */
    public static final String QRIS_GENERATE = ROOT + "/qr/qr-mpm-generate";
    /** QRIS MPM status, service 51. */
    public static final String QRIS_QUERY = ROOT + "/qr/qr-mpm-query";
    /** QRIS MPM refund, service 78. */
    public static final String QRIS_REFUND = ROOT + "/qr/qr-mpm-refund";
    /** E-wallet direct debit payment, service 54. */
    public static final String EWALLET_PAYMENT = ROOT + "/debit/payment-host-to-host";
    /** E-wallet status, service 55. */
    public static final String EWALLET_STATUS = ROOT + "/debit/status";
    /** E-wallet refund, service 58. */
    public static final String EWALLET_REFUND = ROOT + "/debit/refund";
    /** Payout registration, service 00. */
    public static final String PAYOUT_REGISTRATION = ROOT + "/transfer/registration";
    /** Payout approval, service 00. */
    public static final String PAYOUT_APPROVE = ROOT + "/transfer/approve";
    /** Payout status, service 00. */
    public static final String PAYOUT_INQUIRY = ROOT + "/transfer/inquiry";
    /** Payout cancel, service 00. */
    public static final String PAYOUT_CANCEL = ROOT + "/transfer/cancel";
    /** Payout reject, service 00. */
    public static final String PAYOUT_REJECT = ROOT + "/transfer/reject";
    /** Balance inquiry, service 11. */
    public static final String BALANCE_INQUIRY = ROOT + "/balance-inquiry";

    /** The members of a VA's {@code additionalInfo} echoed back, when strings. */
    private static final List<String> VA_ECHOED = List.of("bankCd", "goodsNm", "vacctValidDt", "vacctValidTm");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter TXID_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss", Locale.ROOT);
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

    private final SandboxContext context;
    private final Ledger ledger;
    private final AtomicLong sequence = new AtomicLong();
    private final String vaPrefix;

    /** The services over this sandbox's state. */
    public NicepayServices(SandboxContext context) {
        this.context = context;
        this.ledger = context.ledger();
        this.vaPrefix = "88" + String.format(Locale.ROOT, "%06d", new SecureRandom().nextInt(1_000_000));
    }

    /** One endpoint per service, sharing one framing and authentication path. */
    public List<Endpoint> endpoints() {
        return List.of(
                endpoint(VA_CREATE, "27", "POST", this::createVa),
                endpoint(VA_STATUS, "26", "POST", this::vaStatus),
                endpoint(VA_DELETE, "31", "DELETE", this::cancelVa),
                endpoint(QRIS_GENERATE, "47", "POST", this::generateQris),
                endpoint(QRIS_QUERY, "51", "POST", this::queryQris),
                endpoint(QRIS_REFUND, "78", "POST", this::refundQris),
                endpoint(EWALLET_PAYMENT, "54", "POST", this::payEwallet),
                endpoint(EWALLET_STATUS, "55", "POST", this::ewalletStatus),
                endpoint(EWALLET_REFUND, "58", "POST", this::refundEwallet),
                endpoint(PAYOUT_REGISTRATION, "00", "POST", this::registerPayout),
                endpoint(PAYOUT_APPROVE, "00", "POST", (call, svc) -> decidePayout(call, Ledger.PAID)),
                endpoint(PAYOUT_INQUIRY, "00", "POST", this::payoutStatus),
                endpoint(PAYOUT_CANCEL, "00", "POST", (call, svc) -> decidePayout(call, Ledger.CLOSED)),
                endpoint(PAYOUT_REJECT, "00", "POST", (call, svc) -> decidePayout(call, Ledger.REJECTED)),
                endpoint(BALANCE_INQUIRY, "11", "POST", this::balance));
    }

    private Endpoint endpoint(String path, String service, String method, Operation operation) {
        return new TransactionalEndpoint(context, path, service, method, call -> operation.apply(call, service));
    }

    @FunctionalInterface
    private interface Operation {
        Reply apply(TransactionalEndpoint.Call call, String service) throws Rejection;
    }

    // ---------------------------------------------------------------- virtual accounts

    private Reply createVa(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        String trxId = body.required("trxId");
        Money amount = body.amount("totalAmount");
        String name = body.optional("virtualAccountName");
        body.object("additionalInfo"); // checked: an object when given
        long n = sequence.incrementAndGet();
        String vaNo = vaPrefix + String.format(Locale.ROOT, "%08d", n % 100_000_000L);
        String tXidVA = newReference(call.partner(), "02", call.arrival());
        Ledger.Payment va = ledger.create(Ledger.Kind.VIRTUAL_ACCOUNT, service, call.partner(), tXidVA, trxId, amount,
                call.body(), vaNo, call.arrival(), "trxId");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerServiceId", body.optional("partnerServiceId"));
        data.put("customerNo", body.optional("customerNo"));
        data.put("virtualAccountNo", vaNo);
        data.put("virtualAccountName", name);
        data.put("trxId", trxId);
        data.put("totalAmount", call.body().get("totalAmount"));
        data.put("additionalInfo", vaInfo(va));
        Map<String, Object> out = success(service);
        out.put("virtualAccountData", data);
        return Reply.json(200, out);
    }

    private Ledger.Payment findVa(TransactionalEndpoint.Call call, String service, BodyFields body) throws Rejection {
        BodyFields info = body.object("additionalInfo");
        String tXidVA = info.optional("tXidVA");
        String trxId = body.has("trxId") ? body.optional("trxId") : info.optional("trxId");
        String vaNo = body.optional("virtualAccountNo");
        if (tXidVA.isEmpty() && trxId.isEmpty() && vaNo.isEmpty()) {
            throw new Rejection(SnapReplies.invalidMandatoryField(service, "additionalInfo.tXidVA"));
        }
        info.optionalAmount("totalAmount");
        return ledger.findVirtualAccount(service, call.partner(), tXidVA, trxId, vaNo);
    }

    private Map<String, Object> vaData(Ledger.Payment va) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("partnerServiceId", string(va.request().get("partnerServiceId")));
        data.put("customerNo", string(va.request().get("customerNo")));
        data.put("virtualAccountNo", va.virtualAccountNo());
        data.put("virtualAccountName", string(va.request().get("virtualAccountName")));
        data.put("trxId", va.partnerReferenceNo());
        data.put("totalAmount", va.amount().json());
        return data;
    }

    private Reply vaStatus(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        Ledger.Payment va = findVa(call, service, body);
        Map<String, Object> data = vaData(va);
        data.put("inquiryRequestId", body.optional("inquiryRequestId"));
        data.put("latestTransactionStatus", va.status());
        data.put("transactionStatusDesc", va.statusDesc());
        if (va.paid() != null) {
            data.put("paidAmount", va.amount().json());
            data.put("transactionDate", iso(va.paid()));
        }
        data.put("additionalInfo", vaInfo(va));
        Map<String, Object> out = success(service);
        out.put("virtualAccountData", data);
        out.put("latestTransactionStatus", va.status());
        out.put("transactionStatusDesc", va.statusDesc());
        return Reply.json(200, out);
    }

    private static Map<String, Object> vaInfo(Ledger.Payment va) {
        Map<String, Object> info = new LinkedHashMap<>();
        Object given = va.request().get("additionalInfo");
        if (given instanceof Map<?, ?> map) {
            for (String echoed : VA_ECHOED) {
                if (map.get(echoed) instanceof String s) {
                    info.put(echoed, s);
                }
            }
        }
        info.put("tXidVA", va.referenceNo());
        return info;
    }

    private Reply cancelVa(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        body.required("trxId");
        Ledger.Payment cancelled = ledger.cancel(findVa(call, service, body), service);
        Map<String, Object> data = vaData(cancelled);
        Map<String, Object> info = vaInfo(cancelled);
        Object message = body.object("additionalInfo").raw("cancelMessage");
        if (message instanceof String s) {
            info.put("cancelMessage", s);
        }
        data.put("additionalInfo", info);
        Map<String, Object> out = success(service);
        out.put("virtualAccountData", data);
        return Reply.json(200, out);
    }

    // ---------------------------------------------------------------- QRIS and e-wallet

    private Reply generateQris(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        merchant(body, "merchantId", call, service, true);
        String partnerReferenceNo = body.required("partnerReferenceNo");
        Money amount = body.amount("amount");
        body.optional("storeId");
        body.optional("validityPeriod");
        body.object("additionalInfo");
        String referenceNo = newReference(call.partner(), "08", call.arrival());
        ledger.create(Ledger.Kind.QRIS, service, call.partner(), referenceNo, partnerReferenceNo, amount, call.body(),
                "", call.arrival(), "partnerReferenceNo");
        Map<String, Object> out = success(service);
        out.put("referenceNo", referenceNo);
        out.put("partnerReferenceNo", partnerReferenceNo);
        out.put("qrContent", qrContent(referenceNo, amount));
        out.put("qrUrl", "https://sandbox.snapbi.invalid/qr/" + referenceNo);
        out.put("storeId", body.optional("storeId"));
        out.put("amount", amount.json());
        return Reply.json(200, out);
    }

    /** An EMV-shaped QR payload (not a real one: the sandbox's QR codes pay only through the sandbox). */
    private static String qrContent(String referenceNo, Money amount) {
        String value = amount.text();
        return "00020101021226" + String.format(Locale.ROOT, "%02d", Math.min(99, 20 + referenceNo.length()))
                + "0018ID.CO.SNAPSANDBOX01" + referenceNo + "5303360540" + value.length() + value + "5802ID6304";
    }

    private Ledger.Payment findPayment(TransactionalEndpoint.Call call, String service, BodyFields body,
                                       Ledger.Kind kind, String expectedServiceCode) throws Rejection {
        String[] original = originalReferences(call, service, body);
        if (expectedServiceCode != null) {
            body.optionalOneOf("serviceCode", expectedServiceCode);
        }
        return ledger.find(kind, service, call.partner(), original[0], original[1]);
    }

    private Reply queryQris(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        Ledger.Payment qr = findPayment(call, service, body, Ledger.Kind.QRIS, "47");
        Map<String, Object> out = success(service);
        out.put("originalReferenceNo", qr.referenceNo());
        out.put("originalPartnerReferenceNo", qr.partnerReferenceNo());
        out.put("serviceCode", "47");
        out.put("latestTransactionStatus", qr.status());
        out.put("transactionStatusDesc", qr.statusDesc());
        if (qr.paid() != null) {
            out.put("paidTime", iso(qr.paid()));
        }
        out.put("amount", qr.amount().json());
        out.put("externalStoreId", body.optional("externalStoreId"));
        out.put("additionalInfo", Map.of("refundedAmount", qr.amount().withValue(qr.refunded()).json()));
        return Reply.json(200, out);
    }

    private Reply refundQris(TransactionalEndpoint.Call call, String service) throws Rejection {
        Refunded r = refund(call, service, Ledger.Kind.QRIS, "cancelType", "R8");
        Map<String, Object> out = success(service);
        out.put("originalReferenceNo", r.payment().referenceNo());
        out.put("originalPartnerReferenceNo", r.payment().partnerReferenceNo());
        out.put("referenceNo", r.refund().refundNo());
        out.put("partnerRefundNo", r.partnerRefundNo());
        out.put("refundAmount", r.amount().json());
        out.put("merchantId", call.partner());
        out.put("externalStoreId", r.body().optional("externalStoreId"));
        out.put("refundTime", iso(call.arrival()));
        return Reply.json(200, out);
    }

    /** A refund as QRIS and e-wallet payments read it, applied. */
    private record Refunded(Ledger.Payment payment, Ledger.Refund refund, String partnerRefundNo, Money amount,
                            BodyFields body) {
    }

    /**
     * Reads and applies a refund of a {@code kind} payment: its {@code additionalInfo.<typeMember>} is {@code 1} or
     * {@code 2} when given; the refund's reference is of {@code referenceKind}.
     */
    private Refunded refund(TransactionalEndpoint.Call call, String service, Ledger.Kind kind, String typeMember,
                            String referenceKind) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        Ledger.Payment payment = findPayment(call, service, body, kind, null);
        String partnerRefundNo = body.required("partnerRefundNo");
        Money amount = body.amount("refundAmount");
        body.optional("reason");
        body.object("additionalInfo").optionalOneOf(typeMember, "1", "2");
        Ledger.Refund refund = ledger.refund(payment, service, partnerRefundNo, amount,
                newReference(call.partner(), referenceKind, call.arrival()));
        return new Refunded(payment, refund, partnerRefundNo, amount, body);
    }

    private Reply payEwallet(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        String partnerReferenceNo = body.required("partnerReferenceNo");
        merchant(body, "merchantId", call, service, true);
        Money amount = body.amount("amount");
        Object urlParam = body.raw("urlParam");
        if (urlParam != null && !(urlParam instanceof List<?>) && !"".equals(urlParam)) {
            throw new Rejection(SnapReplies.invalidFieldFormat(service, "urlParam"));
        }
        body.object("additionalInfo").optionalOneOf("mitraCd", "DANA", "OVOE", "ESHP", "LINK");
        String referenceNo = newReference(call.partner(), "05", call.arrival());
        ledger.create(Ledger.Kind.EWALLET, service, call.partner(), referenceNo, partnerReferenceNo, amount,
                call.body(), "", call.arrival(), "partnerReferenceNo");
        Map<String, Object> out = success(service);
        out.put("partnerReferenceNo", partnerReferenceNo);
        out.put("referenceNo", referenceNo);
        out.put("webRedirectUrl", "https://sandbox.snapbi.invalid/ewallet/" + referenceNo);
        out.put("appRedirectUrl", "");
        out.put("additionalInfo", Map.of());
        return Reply.json(200, out);
    }

    private Reply ewalletStatus(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        Ledger.Payment payment = findPayment(call, service, body, Ledger.Kind.EWALLET, "54");
        body.optionalAmount("amount");
        Map<String, Object> out = success(service);
        out.put("originalPartnerReferenceNo", payment.partnerReferenceNo());
        out.put("originalReferenceNo", payment.referenceNo());
        out.put("serviceCode", "54");
        out.put("latestTransactionStatus", payment.status());
        out.put("transactionStatusDesc", payment.statusDesc());
        out.put("transAmount", payment.amount().json());
        out.put("amount", payment.amount().json());
        if (payment.paid() != null) {
            out.put("paidTime", iso(payment.paid()));
        }
        out.put("additionalInfo", Map.of("refundedAmount", payment.amount().withValue(payment.refunded()).json()));
        return Reply.json(200, out);
    }

    private Reply refundEwallet(TransactionalEndpoint.Call call, String service) throws Rejection {
        Refunded r = refund(call, service, Ledger.Kind.EWALLET, "refundType", "R5");
        Map<String, Object> out = success(service);
        out.put("originalPartnerReferenceNo", r.payment().partnerReferenceNo());
        out.put("originalReferenceNo", r.payment().referenceNo());
        out.put("refundNo", r.refund().refundNo());
        out.put("partnerRefundNo", r.partnerRefundNo());
        out.put("refundAmount", r.amount().json());
        out.put("refundTime", iso(call.arrival()));
        return Reply.json(200, out);
    }

    // ---------------------------------------------------------------- payouts and balance

    private Reply registerPayout(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        String partnerReferenceNo = body.required("partnerReferenceNo");
        merchant(body, "merchantId", call, service, true);
        body.required("beneficiaryAccountNo");
        body.required("beneficiaryBankCode");
        Money amount = body.amount("amount");
        body.optionalOneOf("payoutMethod", "0", "1", "2", "3", "4");
        for (String member : List.of("beneficiaryName", "beneficiaryPhone", "beneficiaryCustomerResidence",
                "beneficiaryCustomerType", "beneficiaryPostalCode", "reservedDt", "reservedTm", "deliveryId",
                "deliveryNm", "msId")) {
            body.optional(member);
        }
        Ledger.Payout payout = ledger.register(service, call.partner(),
                newReference(call.partner(), "07", call.arrival()), partnerReferenceNo, amount, call.body());
        Map<String, Object> out = success(service);
        out.put("originalReferenceNo", payout.referenceNo());
        out.put("partnerReferenceNo", partnerReferenceNo);
        beneficiary(payout, out);
        out.put("transactionStatus", payout.status());
        return Reply.json(200, out);
    }

    private static void beneficiary(Ledger.Payout payout, Map<String, Object> out) {
        for (String echoed : List.of("beneficiaryAccountNo", "beneficiaryName", "beneficiaryBankCode",
                "beneficiaryCustomerResidence", "beneficiaryCustomerType", "payoutMethod")) {
            out.put(echoed, string(payout.request().get(echoed)));
        }
        out.put("amount", payout.amount().json());
    }

    private Ledger.Payout findPayout(TransactionalEndpoint.Call call, String service, BodyFields body)
            throws Rejection {
        String[] original = originalReferences(call, service, body);
        return ledger.findPayout(service, call.partner(), original[0], original[1]);
    }

    private Reply payoutAnswer(String service, Ledger.Payout payout) {
        Map<String, Object> out = success(service);
        out.put("originalReferenceNo", payout.referenceNo());
        out.put("originalPartnerReferenceNo", payout.partnerReferenceNo());
        beneficiary(payout, out);
        out.put("transactionStatus", payout.status());
        out.put("transactionStatusDesc", payout.statusDesc());
        return Reply.json(200, out);
    }

    private Reply payoutStatus(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        body.optional("beneficiaryAccountNo");
        return payoutAnswer(service, findPayout(call, service, body));
    }

    private Reply decidePayout(TransactionalEndpoint.Call call, String newStatus) throws Rejection {
        String service = "00";
        BodyFields body = BodyFields.of(call.body(), service);
        return payoutAnswer(service, ledger.decide(findPayout(call, service, body), service, newStatus));
    }

    private Reply balance(TransactionalEndpoint.Call call, String service) throws Rejection {
        BodyFields body = BodyFields.of(call.body(), service);
        merchant(body, "accountNo", call, service, false);
        body.object("additionalInfo").optional("msId");
        Map<String, Object> account = new LinkedHashMap<>();
        account.put("balanceType", "Cash");
        account.put("availableBalance", new Money(ledger.balance(call.partner()), "IDR").json());
        Map<String, Object> out = success(service);
        out.put("accountNo", call.partner());
        out.put("accountInfos", List.of(account));
        return Reply.json(200, out);
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The {@code originalReferenceNo} and {@code originalPartnerReferenceNo} of a lookup, at least one given, for the
     * partner's own {@code merchantId}.
     */
    private static String[] originalReferences(TransactionalEndpoint.Call call, String service, BodyFields body)
            throws Rejection {
        merchant(body, "merchantId", call, service, false);
        String referenceNo = body.optional("originalReferenceNo");
        String partnerReferenceNo = body.optional("originalPartnerReferenceNo");
        if (referenceNo.isEmpty() && partnerReferenceNo.isEmpty()) {
            throw new Rejection(SnapReplies.invalidMandatoryField(service, "originalReferenceNo"));
        }
        return new String[] {referenceNo, partnerReferenceNo};
    }

    /** {@code 404 svc08 Invalid Merchant} when the member names another merchant than the partner. */
    private static void merchant(BodyFields body, String member, TransactionalEndpoint.Call call, String service,
                                 boolean required) throws Rejection {
        String merchantId = required ? body.required(member) : body.optional(member);
        if (!merchantId.isEmpty() && !merchantId.equals(call.partner())) {
            throw Rejection.of(404, "404" + service + "08", "Invalid Merchant");
        }
    }

    private static Map<String, Object> success(String service) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responseCode", "200" + service + "00");
        out.put("responseMessage", "Successful");
        return out;
    }

    /** NICEPAY-shaped reference: partner, a two-character kind, Jakarta time to the second, four digits. */
    private String newReference(String partner, String kind, Instant now) {
        String stem = partner + kind + TXID_TIME.format(now.atZone(JAKARTA));
        while (true) {
            String reference = stem + String.format(Locale.ROOT, "%04d", sequence.incrementAndGet() % 10_000);
            if (!ledger.referenceTaken(reference)) {
                return reference;
            }
        }
    }

    /** ISO-8601 in Jakarta time, second precision. */
    public static String iso(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), JAKARTA).format(ISO);
    }

    private static String string(Object value) {
        return value instanceof String s ? s : "";
    }
}
