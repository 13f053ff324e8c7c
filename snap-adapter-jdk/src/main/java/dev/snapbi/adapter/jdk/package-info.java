/**
 * The token endpoint and transactional transport ports over the JDK's java.net.http client, with no third-party dependency.
 */
package dev.snapbi.adapter.jdk;
