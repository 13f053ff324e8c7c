package dev.snapbi.sandbox.internal;

/**
 * One simulated API operation on one exact path. New operations (e.g. VA creation with its symmetric signature) are
 * new implementations registered with the {@link Router}; they share {@link SnapReplies} for the standard answers.
 */
public interface Endpoint {

    /** The exact raw path served, e.g. {@code /nicepay/v1.0/access-token/b2b}. */
    String path();

    /** The two-digit SNAP service code used in this endpoint's response codes ({@code 73} for the B2B token). */
    String serviceCode();

    /**
     * Answers one request. Never throws for bad input: a bad request is an answer. An exception here is a sandbox
     * bug and becomes {@code 500 General Error}.
     */
    Reply handle(Incoming request);
}
