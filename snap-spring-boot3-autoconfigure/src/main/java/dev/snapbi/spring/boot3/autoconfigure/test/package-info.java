/** Test support: {@link dev.snapbi.spring.boot3.autoconfigure.test.AutoConfigureSnapSandbox}. */
package dev.snapbi.spring.boot3.autoconfigure.test;
