/**
 * NICEPAY's notifications in Spring MVC: {@link dev.snapbi.spring.boot3.autoconfigure.notification.SnapNotification}
 * on a handler parameter verifies the signature before the handler runs and answers a bad one with NICEPAY's error
 * body.
 */
package dev.snapbi.spring.boot3.autoconfigure.notification;
