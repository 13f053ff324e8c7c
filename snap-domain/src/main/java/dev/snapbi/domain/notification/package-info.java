/**
 * Notifications from the provider (SNAP-SPEC section 6): {@link dev.snapbi.domain.notification.NotificationVerifier},
 * the implementation of the inbound port {@link dev.snapbi.domain.port.VerifyNotificationUseCase}, checks the
 * provider's signature on a callback's headers, for any web framework, and answers with a typed
 * {@link dev.snapbi.domain.model.NotificationVerification}, never an exception for what the headers hold;
 * {@link dev.snapbi.domain.notification.InMemoryNotificationReplayStore} remembers accepted notifications.
 */
package dev.snapbi.domain.notification;
