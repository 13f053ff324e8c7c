/**
 * JSON as SNAP signs it: {@link dev.snapbi.domain.json.CompactJson}, the one compact-JSON implementation used by the
 * runtime and the CLI.
 */
package dev.snapbi.domain.json;
