/**
 * Signed calls to any SNAP path: {@link dev.snapbi.nicepay.call.SnapCall} (what to send, and whether it moves
 * money), {@link dev.snapbi.nicepay.call.SnapCallResponse} (the successful answer) and
 * {@link dev.snapbi.nicepay.call.SnapCaller} (who sends it).
 */
package dev.snapbi.nicepay.call;
