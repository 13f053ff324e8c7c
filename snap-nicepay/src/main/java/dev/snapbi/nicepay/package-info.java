/**
 * One client object for NICEPAY's SNAP APIs: configured once, it gives the access token provider, signed calls to any SNAP path and the typed NICEPAY services.
 */
package dev.snapbi.nicepay;
