/**
 * Notifications from the provider (SNAP-SPEC section 6): {@link dev.snapbi.domain.notification.NotificationVerifier}
 * checks the provider's signature on a callback's headers, for any web framework, and answers with a typed
 * {@link dev.snapbi.domain.notification.NotificationVerification}.
 */
package dev.snapbi.domain.notification;
