/** NICEPAY virtual accounts: {@link dev.snapbi.nicepay.va.VirtualAccountService} and its request and response types. */
package dev.snapbi.nicepay.va;
