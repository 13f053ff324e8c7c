package dev.snapbi.sandbox.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sandbox's money state: virtual accounts, QRIS and e-wallet payments with their refunds, payouts and each
 * partner's balance. All methods are synchronized on the ledger (one request changes it at a time); the records it
 * hands out are copies. Bounded: beyond {@link #MAX_RECORDS} transactions the oldest are forgotten.
 */
public final class Ledger {

    /** The most transactions (payments and payouts together) remembered. */
    public static final int MAX_RECORDS = 100_000;

    /** What a payment is. */
    public enum Kind {
        /** A virtual account (status 03 unpaid, 00 paid, 04 cancelled). */
        VIRTUAL_ACCOUNT,
        /** A QRIS MPM payment (03 pending, 00 success, 04 refunded). */
        QRIS,
        /** An e-wallet host-to-host payment (03 pending, 00 success, 04 refunded). */
        EWALLET
    }

    /** Status codes and their descriptions (SNAP-SPEC section 8). */
    public static final String PAID = "00";
    /** Unpaid (VA) or pending (QRIS, e-wallet, payout: pending approval). */
    public static final String PENDING = "03";
    /** Cancelled (VA) or refunded (QRIS, e-wallet) or cancelled (payout). */
    public static final String CLOSED = "04";
    /** A payout rejected. */
    public static final String REJECTED = "05";

    /**
     * One payment as recorded.
     *
     * @param kind               VA, QRIS or e-wallet
     * @param partner            the partner (client key) that created it
     * @param referenceNo        NICEPAY's reference ({@code tXidVA} for a VA)
     * @param partnerReferenceNo the merchant's reference ({@code trxId} for a VA)
     * @param amount             the amount to pay
     * @param status             the status code (see the constants)
     * @param refunded           the sum refunded so far
     * @param request            the creating request's body (for echoes and the notification)
     * @param virtualAccountNo   the VA number (VA only, else {@code ""})
     * @param created            when it was created
     * @param paid               when it was paid, or {@code null}
     */
    public record Payment(Kind kind, String partner, String referenceNo, String partnerReferenceNo, Money amount,
                          String status, BigDecimal refunded, Map<String, Object> request, String virtualAccountNo,
                          Instant created, Instant paid) {

        /** The status's description for this kind. */
        public String statusDesc() {
            if (kind == Kind.VIRTUAL_ACCOUNT) {
                return switch (status) {
                    case PAID -> "Paid";
                    case CLOSED -> "Cancelled";
                    default -> "Unpaid";
                };
            }
            return switch (status) {
                case PAID -> "Success";
                case CLOSED -> "Refunded";
                default -> "Pending";
            };
        }

        Payment with(String newStatus, BigDecimal newRefunded, Instant newPaid) {
            return new Payment(kind, partner, referenceNo, partnerReferenceNo, amount, newStatus, newRefunded,
                    request, virtualAccountNo, created, newPaid);
        }
    }

    /**
     * One payout as recorded.
     *
     * @param partner            the partner
     * @param referenceNo        NICEPAY's reference ({@code originalReferenceNo} in later calls)
     * @param partnerReferenceNo the merchant's reference
     * @param amount             the amount
     * @param status             03 pending approval, 00 success, 04 cancelled, 05 rejected
     * @param request            the registration's body (for the beneficiary echo)
     */
    public record Payout(String partner, String referenceNo, String partnerReferenceNo, Money amount, String status,
                         Map<String, Object> request) {

        /** The status's description. */
        public String statusDesc() {
            return switch (status) {
                case PAID -> "Success";
                case CLOSED -> "Cancelled";
                case REJECTED -> "Rejected";
                default -> "Pending Approval";
            };
        }
    }

    /** A refund as answered: its own reference and the payment after it. */
    public record Refund(String refundNo, Money amount, Payment payment) {
    }

    private final Map<String, Payment> payments = new LinkedHashMap<>();
    private final Map<String, String> paymentsByPartnerRef = new HashMap<>();
    private final Map<String, Payout> payouts = new LinkedHashMap<>();
    private final Map<String, String> payoutsByPartnerRef = new HashMap<>();
    private final Map<String, String> refundNos = new LinkedHashMap<>();
    private final java.util.Set<String> refundReferences = new java.util.HashSet<>();
    private final Map<String, BigDecimal> balances = new HashMap<>();
    private volatile BigDecimal initialBalance;

    /** A ledger in which every partner starts with {@code initialBalance}. */
    public Ledger(BigDecimal initialBalance) {
        this.initialBalance = initialBalance.setScale(2);
    }

    private static String key(String partner, Object kind, String reference) {
        return partner + "|" + kind + "|" + reference;
    }

    /**
     * Records a new payment; {@code 409 svc01} when the partner already used the business reference for this kind.
     */
    public synchronized Payment create(Kind kind, String service, String partner, String referenceNo,
                                       String partnerReferenceNo, Money amount, Map<String, Object> request,
                                       String virtualAccountNo, Instant now, String referenceName) throws Rejection {
        String byRef = key(partner, kind, partnerReferenceNo);
        if (paymentsByPartnerRef.containsKey(byRef)) {
            throw Rejection.of(409, "409" + service + "01", "Duplicate " + referenceName);
        }
        Payment payment = new Payment(kind, partner, referenceNo, partnerReferenceNo, amount, PENDING,
                BigDecimal.ZERO.setScale(2), Collections.unmodifiableMap(new LinkedHashMap<>(request)),
                virtualAccountNo, now, null);
        payments.put(referenceNo, payment);
        paymentsByPartnerRef.put(byRef, referenceNo);
        trim();
        return payment;
    }

    /** Whether NICEPAY's reference is taken (by a payment, payout or refund). */
    public synchronized boolean referenceTaken(String reference) {
        return payments.containsKey(reference) || payouts.containsKey(reference) || refundReferences.contains(reference);
    }

    /**
     * The partner's payment of this kind named by NICEPAY's reference (preferred when given) or the business
     * reference; when both are given they must name the same payment. {@code 404 svc01} otherwise.
     */
    public synchronized Payment find(Kind kind, String service, String partner, String referenceNo,
                                     String partnerReferenceNo) throws Rejection {
        Payment found = null;
        if (!referenceNo.isEmpty()) {
            found = payments.get(referenceNo);
        } else if (!partnerReferenceNo.isEmpty()) {
            String ref = paymentsByPartnerRef.get(key(partner, kind, partnerReferenceNo));
            found = ref == null ? null : payments.get(ref);
        }
        if (found == null || found.kind() != kind || !found.partner().equals(partner)
                || (!partnerReferenceNo.isEmpty() && !found.partnerReferenceNo().equals(partnerReferenceNo))) {
            throw notFound(service);
        }
        return found;
    }

    /** A VA found by {@code tXidVA}, else {@code trxId}, else its number; {@code trxId} must match when given. */
    public synchronized Payment findVirtualAccount(String service, String partner, String tXidVA, String trxId,
                                                   String virtualAccountNo) throws Rejection {
        if (!tXidVA.isEmpty() || !trxId.isEmpty()) {
            return find(Kind.VIRTUAL_ACCOUNT, service, partner, tXidVA, trxId);
        }
        if (!virtualAccountNo.isEmpty()) {
            for (Payment p : payments.values()) {
                if (p.kind() == Kind.VIRTUAL_ACCOUNT && p.partner().equals(partner)
                        && p.virtualAccountNo().equals(virtualAccountNo)) {
                    return p;
                }
            }
        }
        throw notFound(service);
    }

    private static Rejection notFound(String service) {
        return Rejection.of(404, "404" + service + "01", "Transaction Not Found");
    }

    /** Cancels an unpaid VA: {@code 404 svc14 Paid Bill} when paid, {@code 404 svc04} when already cancelled. */
    public synchronized Payment cancel(Payment payment, String service) throws Rejection {
        Payment current = payments.get(payment.referenceNo());
        if (PAID.equals(current.status())) {
            throw Rejection.of(404, "404" + service + "14", "Paid Bill");
        }
        if (CLOSED.equals(current.status())) {
            throw Rejection.of(404, "404" + service + "04", "Transaction Cancelled");
        }
        Payment cancelled = current.with(CLOSED, current.refunded(), null);
        payments.put(current.referenceNo(), cancelled);
        return cancelled;
    }

    /**
     * Marks a pending payment paid.
     *
     * @throws IllegalArgumentException when no payment has this reference (or it is of another kind)
     * @throws IllegalStateException    when it is not pending (already paid, cancelled or refunded)
     */
    public synchronized Payment pay(String referenceNo, Kind kind, Instant now) {
        Payment current = referenceNo == null ? null : payments.get(referenceNo);
        if (current == null || (kind != null && current.kind() != kind)) {
            throw new IllegalArgumentException("no " + (kind == null ? "payment" : kind.name().toLowerCase()
                    .replace('_', ' ')) + " with reference " + Shown.of(referenceNo));
        }
        if (!PENDING.equals(current.status())) {
            throw new IllegalStateException("the payment " + referenceNo + " is " + current.statusDesc()
                    .toLowerCase() + ", not waiting for payment");
        }
        Payment paid = current.with(PAID, current.refunded(), now);
        payments.put(referenceNo, paid);
        return paid;
    }

    /**
     * Refunds part or all of a paid payment: {@code 403 svc15 Transaction Not Permitted} when it is not paid,
     * {@code 404 svc13 Invalid Amount} above what remains, {@code 409 svc01} for a refund number used before.
     */
    public synchronized Refund refund(Payment payment, String service, String partnerRefundNo, Money amount,
                                      String refundNo) throws Rejection {
        Payment current = payments.get(payment.referenceNo());
        String refundKey = key(current.partner(), "refund", partnerRefundNo);
        if (refundNos.containsKey(refundKey)) {
            throw Rejection.of(409, "409" + service + "01", "Duplicate partnerRefundNo");
        }
        if (!PAID.equals(current.status())) {
            throw Rejection.of(403, "403" + service + "15", "Transaction Not Permitted");
        }
        BigDecimal remaining = current.amount().value().subtract(current.refunded());
        if (!amount.currency().equals(current.amount().currency()) || amount.value().signum() <= 0
                || amount.value().compareTo(remaining) > 0) {
            throw Rejection.of(404, "404" + service + "13", "Invalid Amount");
        }
        BigDecimal refunded = current.refunded().add(amount.value());
        Payment after = current.with(refunded.compareTo(current.amount().value()) == 0 ? CLOSED : PAID, refunded,
                current.paid());
        payments.put(current.referenceNo(), after);
        refundNos.put(refundKey, refundNo);
        refundReferences.add(refundNo);
        if (refundNos.size() > MAX_RECORDS) {
            Iterator<Map.Entry<String, String>> oldest = refundNos.entrySet().iterator();
            refundReferences.remove(oldest.next().getValue());
            oldest.remove();
        }
        return new Refund(refundNo, amount, after);
    }

    /** Registers a payout, pending approval; {@code 409 svc01} for a reused {@code partnerReferenceNo}. */
    public synchronized Payout register(String service, String partner, String referenceNo, String partnerReferenceNo,
                                        Money amount, Map<String, Object> request) throws Rejection {
        String byRef = key(partner, "payout", partnerReferenceNo);
        if (payoutsByPartnerRef.containsKey(byRef)) {
            throw Rejection.of(409, "409" + service + "01", "Duplicate partnerReferenceNo");
        }
        Payout payout = new Payout(partner, referenceNo, partnerReferenceNo, amount, PENDING,
                Collections.unmodifiableMap(new LinkedHashMap<>(request)));
        payouts.put(referenceNo, payout);
        payoutsByPartnerRef.put(byRef, referenceNo);
        trim();
        return payout;
    }

    /** The partner's payout by NICEPAY's reference (preferred) or the business reference; {@code 404 svc01}. */
    public synchronized Payout findPayout(String service, String partner, String referenceNo,
                                          String partnerReferenceNo) throws Rejection {
        Payout found = null;
        if (!referenceNo.isEmpty()) {
            found = payouts.get(referenceNo);
        } else if (!partnerReferenceNo.isEmpty()) {
            String ref = payoutsByPartnerRef.get(key(partner, "payout", partnerReferenceNo));
            found = ref == null ? null : payouts.get(ref);
        }
        if (found == null || !found.partner().equals(partner)
                || (!partnerReferenceNo.isEmpty() && !found.partnerReferenceNo().equals(partnerReferenceNo))) {
            throw notFound(service);
        }
        return found;
    }

    /**
     * Moves a pending payout to {@code newStatus}: {@code 403 svc15 Transaction Not Permitted} unless pending; an
     * approval also needs the balance ({@code 403 svc14 Insufficient Funds}) and takes the amount from it.
     */
    public synchronized Payout decide(Payout payout, String service, String newStatus) throws Rejection {
        Payout current = payouts.get(payout.referenceNo());
        if (!PENDING.equals(current.status())) {
            throw Rejection.of(403, "403" + service + "15", "Transaction Not Permitted");
        }
        if (PAID.equals(newStatus)) {
            BigDecimal balance = balance(current.partner());
            if (balance.compareTo(current.amount().value()) < 0) {
                throw Rejection.of(403, "403" + service + "14", "Insufficient Funds");
            }
            balances.put(current.partner(), balance.subtract(current.amount().value()));
        }
        Payout after = new Payout(current.partner(), current.referenceNo(), current.partnerReferenceNo(),
                current.amount(), newStatus, current.request());
        payouts.put(current.referenceNo(), after);
        return after;
    }

    /** The partner's available balance. */
    public synchronized BigDecimal balance(String partner) {
        return balances.getOrDefault(partner, initialBalance);
    }

    /** Sets the partner's available balance. */
    public synchronized void setBalance(String partner, BigDecimal balance) {
        if (balance.signum() < 0 || balance.scale() > 2) {
            throw new IllegalArgumentException("a balance is zero or more with at most two decimals, got "
                    + balance.toPlainString());
        }
        balances.put(partner, balance.setScale(2));
    }

    /** A payment by NICEPAY's reference, or {@code null}. */
    public synchronized Payment payment(String referenceNo) {
        return payments.get(referenceNo);
    }

    /** A payout by NICEPAY's reference, or {@code null}. */
    public synchronized Payout payout(String referenceNo) {
        return payouts.get(referenceNo);
    }

    /** Every payment, oldest first. */
    public synchronized List<Payment> payments() {
        return new ArrayList<>(payments.values());
    }

    private void trim() {
        while (payments.size() + payouts.size() > MAX_RECORDS) {
            if (payments.size() >= payouts.size()) {
                Payment oldest = payments.values().iterator().next();
                payments.remove(oldest.referenceNo());
                paymentsByPartnerRef.remove(key(oldest.partner(), oldest.kind(), oldest.partnerReferenceNo()));
            } else {
                Payout oldest = payouts.values().iterator().next();
                payouts.remove(oldest.referenceNo());
                payoutsByPartnerRef.remove(key(oldest.partner(), "payout", oldest.partnerReferenceNo()));
            }
        }
    }

    /** Text safe to show in a message: at most 64 visible ASCII characters. */
    static final class Shown {
        private Shown() {
        }

        static String of(String text) {
            if (text == null) {
                return "null";
            }
            String s = text.length() > 64 ? text.substring(0, 64) + "..." : text;
            return "'" + s.replaceAll("[^\\x20-\\x7e]", "?") + "'";
        }
    }
}
