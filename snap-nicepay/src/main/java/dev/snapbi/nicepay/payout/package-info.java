/** NICEPAY payouts: {@link dev.snapbi.nicepay.payout.PayoutService} and its request and response types. */
package dev.snapbi.nicepay.payout;
