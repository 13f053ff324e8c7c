/** Not API: the parts of the auto-configuration that users never name. */
package dev.snapbi.spring.boot3.autoconfigure.internal;
