/** NICEPAY balance inquiry: {@link dev.snapbi.nicepay.balance.BalanceService} and its request and response types. */
package dev.snapbi.nicepay.balance;
