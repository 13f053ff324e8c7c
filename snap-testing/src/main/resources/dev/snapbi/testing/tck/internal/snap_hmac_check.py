#!/usr/bin/env python3
"""Recomputes a SNAP transactional X-SIGNATURE from a captured request, with Python's own hmac and hashlib.

Independent of the project's Java code: everything but the client secret comes from the request as captured on
the wire. SNAP-SPEC section 5:

    Base64(HMAC-SHA512(key = UTF-8 bytes of the client secret,
        METHOD ":" signed-path ":" access-token ":" lowercase-hex(SHA-256(raw body)) ":" X-TIMESTAMP))

where the signed path is the request target (path and query as sent) without NICEPAY's "/nicepay" prefix, and the
token is the Authorization header without "Bearer ".

Usage: SNAP_CLIENT_SECRET=... snap_hmac_check.py METHOD TARGET AUTHORIZATION X-TIMESTAMP X-SIGNATURE BODY_FILE
Prints "verified" and exits 0 when the signature matches, prints "mismatch" and exits 1 otherwise.
"""
import base64
import hashlib
import hmac
import os
import sys


def signed_path(target):
    prefix = "/nicepay"
    if target == prefix or target.startswith(prefix + "/") or target.startswith(prefix + "?"):
        rest = target[len(prefix):]
        return rest if rest.startswith("/") else "/" + rest
    return target


def main(argv):
    if len(argv) != 7:
        print("usage: snap_hmac_check.py METHOD TARGET AUTHORIZATION X-TIMESTAMP X-SIGNATURE BODY_FILE")
        return 2
    method, target, authorization, timestamp, signature, body_file = argv[1:]
    secret = os.environ["SNAP_CLIENT_SECRET"]
    if not authorization.startswith("Bearer "):
        print("mismatch: Authorization is not a Bearer token")
        return 1
    token = authorization[len("Bearer "):]
    with open(body_file, "rb") as f:
        body = f.read()
    string_to_sign = ":".join([method, signed_path(target), token, hashlib.sha256(body).hexdigest(), timestamp])
    expected = base64.b64encode(
        hmac.new(secret.encode("utf-8"), string_to_sign.encode("utf-8"), hashlib.sha512).digest()).decode("ascii")
    if hmac.compare_digest(expected, signature):
        print("verified")
        return 0
    print("mismatch")
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
