/**
 * Values shared by NICEPAY's products: {@link dev.snapbi.nicepay.model.Amount} and the typed transaction statuses.
 */
package dev.snapbi.nicepay.model;
