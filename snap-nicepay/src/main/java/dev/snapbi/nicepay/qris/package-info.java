/** NICEPAY QRIS (MPM): {@link dev.snapbi.nicepay.qris.QrisService} and its request and response types. */
package dev.snapbi.nicepay.qris;
