package dev.snapbi.examples.merchant;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An order and its payment.
 *
 * @param id             the order id, also NICEPAY's business reference ({@code trxId}, {@code partnerReferenceNo})
 * @param description    what is sold
 * @param amount         IDR, two decimals
 * @param status         NEW, PENDING (a payment was created), PAID
 * @param paymentMethod  VA or QRIS, once chosen
 * @param nicepayRef     NICEPAY's reference (the VA's tXidVA, the QRIS referenceNo)
 * @param vaNumber       the virtual account number to pay to
 * @param qrContent      the QRIS payload to show
 * @param paidAt         when NICEPAY's notification marked it paid
 */
public record Order(String id, String description, BigDecimal amount, String status, String paymentMethod,
                    String nicepayRef, String vaNumber, String qrContent, OffsetDateTime paidAt) {
}
