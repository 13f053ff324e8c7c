/** NICEPAY e-wallet direct debit: {@link dev.snapbi.nicepay.ewallet.EwalletService} and its request and response types. */
package dev.snapbi.nicepay.ewallet;
