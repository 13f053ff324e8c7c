/**
 * NICEPAY's notifications, verified and parsed in one step: {@link dev.snapbi.nicepay.notification.NicepayNotifications}
 * gives a {@link dev.snapbi.nicepay.notification.NotificationResult} with the typed body and the acknowledgement.
 */
package dev.snapbi.nicepay.notification;
