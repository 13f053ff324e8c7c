/** Not API: the signed-call engine, the JSON codec and the field checks of snap-nicepay. */
package dev.snapbi.nicepay.internal;
