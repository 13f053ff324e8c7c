/** Helpers of the token endpoint contract; not API, may change without notice. */
package dev.snapbi.contract.internal;
