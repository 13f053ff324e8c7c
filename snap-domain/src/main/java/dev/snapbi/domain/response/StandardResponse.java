package dev.snapbi.domain.response;

import java.util.Optional;

/**
 * The catalogue of SNAP's standard cases: an HTTP status with a two-digit case code and its standard message.
 * The same case means the same thing under every service code ({@code 4017300} and {@code 4012700} are both
 * "Unauthorized").
 */
public enum StandardResponse {
    /** 200xx00. */ SUCCESSFUL(200, 0, "Successful"),
    /** 202xx00. */ REQUEST_IN_PROGRESS(202, 0, "Request In Progress"),
    /** 400xx00. */ BAD_REQUEST(400, 0, "Bad Request"),
    /** 400xx01. */ INVALID_FIELD_FORMAT(400, 1, "Invalid Field Format"),
    /** 400xx02. */ INVALID_MANDATORY_FIELD(400, 2, "Invalid Mandatory Field"),
    /** 401xx00. */ UNAUTHORIZED(401, 0, "Unauthorized"),
    /** 401xx01. */ INVALID_TOKEN(401, 1, "Invalid Token (B2B)"),
    /** 401xx02. */ INVALID_CUSTOMER_TOKEN(401, 2, "Invalid Customer Token"),
    /** 401xx03. */ TOKEN_NOT_FOUND(401, 3, "Token Not Found (B2B)"),
    /** 401xx04. */ CUSTOMER_TOKEN_NOT_FOUND(401, 4, "Customer Token Not Found"),
    /** 403xx00. */ TRANSACTION_EXPIRED(403, 0, "Transaction Expired"),
    /** 403xx01. */ FEATURE_NOT_ALLOWED(403, 1, "Feature Not Allowed"),
    /** 403xx02. */ EXCEEDS_TRANSACTION_AMOUNT_LIMIT(403, 2, "Exceeds Transaction Amount Limit"),
    /** 403xx03. */ SUSPECTED_FRAUD(403, 3, "Suspected Fraud"),
    /** 403xx04. */ ACTIVITY_COUNT_LIMIT_EXCEEDED(403, 4, "Activity Count Limit Exceeded"),
    /** 403xx05. */ DO_NOT_HONOR(403, 5, "Do Not Honor"),
    /** 403xx06. */ FEATURE_NOT_ALLOWED_AT_THIS_TIME(403, 6, "Feature Not Allowed At This Time"),
    /** 403xx07. */ CARD_BLOCKED(403, 7, "Card Blocked"),
    /** 403xx08. */ CARD_EXPIRED(403, 8, "Card Expired"),
    /** 403xx09. */ DORMANT_ACCOUNT(403, 9, "Dormant Account"),
    /** 403xx10. */ NEED_TO_SET_TOKEN_LIMIT(403, 10, "Need To Set Token Limit"),
    /** 403xx11. */ OTP_BLOCKED(403, 11, "OTP Blocked"),
    /** 403xx12. */ OTP_LIFETIME_EXPIRED(403, 12, "OTP Lifetime Expired"),
    /** 403xx13. */ OTP_SENT_TO_CARDHOLDER(403, 13, "OTP Sent To Cardholder"),
    /** 403xx14. */ INSUFFICIENT_FUNDS(403, 14, "Insufficient Funds"),
    /** 403xx15. */ TRANSACTION_NOT_PERMITTED(403, 15, "Transaction Not Permitted"),
    /** 403xx16. */ SUSPEND_TRANSACTION(403, 16, "Suspend Transaction"),
    /** 403xx17. */ TOKEN_LIMIT_EXCEEDED(403, 17, "Token Limit Exceeded"),
    /** 403xx18. */ INACTIVE_CARD_ACCOUNT_CUSTOMER(403, 18, "Inactive Card/Account/Customer"),
    /** 403xx19. */ MERCHANT_BLACKLISTED(403, 19, "Merchant Blacklisted"),
    /** 403xx20. */ MERCHANT_LIMIT_EXCEED(403, 20, "Merchant Limit Exceed"),
    /** 403xx21. */ SET_LIMIT_NOT_ALLOWED(403, 21, "Set Limit Not Allowed"),
    /** 403xx22. */ TOKEN_LIMIT_INVALID(403, 22, "Token Limit Invalid"),
    /** 403xx23. */ ACCOUNT_LIMIT_EXCEED(403, 23, "Account Limit Exceed"),
    /** 404xx00. */ INVALID_TRANSACTION_STATUS(404, 0, "Invalid Transaction Status"),
    /** 404xx01. */ TRANSACTION_NOT_FOUND(404, 1, "Transaction Not Found"),
    /** 404xx02. */ INVALID_ROUTING(404, 2, "Invalid Routing"),
    /** 404xx03. */ BANK_NOT_SUPPORTED_BY_SWITCH(404, 3, "Bank Not Supported By Switch"),
    /** 404xx04. */ TRANSACTION_CANCELLED(404, 4, "Transaction Cancelled"),
    /** 404xx05. */ MERCHANT_NOT_REGISTERED_FOR_CARD_REGISTRATION(404, 5,
            "Merchant Is Not Registered For Card Registration Services"),
    /** 404xx06. */ NEED_TO_REQUEST_OTP(404, 6, "Need To Request OTP"),
    /** 404xx07. */ JOURNEY_NOT_FOUND(404, 7, "Journey Not Found"),
    /** 404xx08. */ INVALID_MERCHANT(404, 8, "Invalid Merchant"),
    /** 404xx09. */ NO_CUSTOMER_FOUND(404, 9, "No Customer Found"),
    /** 404xx10. */ INVALID_CARD_ACCOUNT_CUSTOMER_VA(404, 10, "Invalid Card/Account/Customer/Virtual Account"),
    /** 404xx11. */ INVALID_CARD_ACCOUNT_CUSTOMER_VA_INFO(404, 11, "Invalid Card/Account/Customer [info]/Virtual Account"),
    /** 404xx12. */ INVALID_BILL_VA(404, 12, "Invalid Bill/Virtual Account"),
    /** 404xx13. */ INVALID_AMOUNT(404, 13, "Invalid Amount"),
    /** 404xx14. */ PAID_BILL(404, 14, "Paid Bill"),
    /** 404xx15. */ INVALID_OTP(404, 15, "Invalid OTP"),
    /** 404xx16. */ PARTNER_NOT_FOUND(404, 16, "Partner Not Found"),
    /** 404xx17. */ INVALID_TERMINAL(404, 17, "Invalid Terminal"),
    /** 404xx18. */ INCONSISTENT_REQUEST(404, 18, "Inconsistent Request"),
    /** 404xx19. */ INVALID_BILL_VA_REASON(404, 19, "Invalid Bill/Virtual Account [Reason]"),
    /** 405xx00. */ REQUESTED_FUNCTION_NOT_SUPPORTED(405, 0, "Requested Function Is Not Supported"),
    /** 405xx01. */ REQUESTED_OPERATION_NOT_ALLOWED(405, 1, "Requested Operation Is Not Allowed"),
    /** 409xx00. */ CONFLICT(409, 0, "Conflict"),
    /** 409xx01. */ DUPLICATE_PARTNER_REFERENCE_NO(409, 1, "Duplicate partnerReferenceNo"),
    /** 429xx00. */ TOO_MANY_REQUESTS(429, 0, "Too Many Requests"),
    /** 500xx00. */ GENERAL_ERROR(500, 0, "General Error"),
    /** 500xx01. */ INTERNAL_SERVER_ERROR(500, 1, "Internal Server Error"),
    /** 500xx02. */ EXTERNAL_SERVER_ERROR(500, 2, "External Server Error"),
    /** 504xx00. */ TIMEOUT(504, 0, "Timeout");

    private final int httpStatus;
    private final int caseCode;
    private final String message;

    StandardResponse(int httpStatus, int caseCode, String message) {
        this.httpStatus = httpStatus;
        this.caseCode = caseCode;
        this.message = message;
    }

    /** The standard case for this HTTP status and case code, if SNAP defines one. */
    public static Optional<StandardResponse> lookup(int httpStatus, int caseCode) {
        for (StandardResponse r : values()) {
            if (r.httpStatus == httpStatus && r.caseCode == caseCode) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The HTTP status of this case. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The two-digit case code. */
    public int caseCode() {
        return caseCode;
    }

    /** SNAP's standard message for this case. */
    public String message() {
        return message;
    }

    /** The full seven-digit response code of this case under the given service. */
    public ResponseCode under(ServiceCode service) {
        return ResponseCode.of(httpStatus, service.code(), caseCode);
    }
}
