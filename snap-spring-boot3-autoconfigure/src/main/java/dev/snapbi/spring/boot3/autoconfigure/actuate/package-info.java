/** Actuator: the {@code snapbi} health contributor, which never calls NICEPAY. */
package dev.snapbi.spring.boot3.autoconfigure.actuate;
