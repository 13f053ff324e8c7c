package dev.snapbi.domain.response;

import java.util.Map;
import java.util.Objects;

/**
 * The two-digit SNAP service code in the middle of a response code ({@code 200 73 00}: 73 = access token B2B).
 * Known NICEPAY services have constants; any other two-digit code is accepted as an unnamed service.
 */
public final class ServiceCode {

    /** 73: access token B2B. */
    public static final ServiceCode ACCESS_TOKEN_B2B = new ServiceCode(73, "Access Token B2B");
    /** 11: balance inquiry. */
    public static final ServiceCode BALANCE_INQUIRY = new ServiceCode(11, "Balance Inquiry");
    /** 47: QRIS generate. */
    public static final ServiceCode QRIS_GENERATE = new ServiceCode(47, "QRIS Generate");
    /** 51: QRIS query. */
    public static final ServiceCode QRIS_QUERY = new ServiceCode(51, "QRIS Query");
    /** 78: QRIS refund. */
    public static final ServiceCode QRIS_REFUND = new ServiceCode(78, "QRIS Refund");
    /** 54: e-wallet payment (direct debit). */
    public static final ServiceCode EWALLET_PAYMENT = new ServiceCode(54, "E-Wallet Payment");
    /** 55: e-wallet status. */
    public static final ServiceCode EWALLET_STATUS = new ServiceCode(55, "E-Wallet Status");
    /** 58: e-wallet refund. */
    public static final ServiceCode EWALLET_REFUND = new ServiceCode(58, "E-Wallet Refund");
    /** 27: virtual account create. */
    public static final ServiceCode VA_CREATE = new ServiceCode(27, "Virtual Account Create");
    /** 26: virtual account status. */
    public static final ServiceCode VA_STATUS = new ServiceCode(26, "Virtual Account Status");
    /** 31: virtual account delete. */
    public static final ServiceCode VA_DELETE = new ServiceCode(31, "Virtual Account Delete");

    private static final Map<Integer, ServiceCode> KNOWN = Map.ofEntries(
            entry(ACCESS_TOKEN_B2B), entry(BALANCE_INQUIRY), entry(QRIS_GENERATE), entry(QRIS_QUERY),
            entry(QRIS_REFUND), entry(EWALLET_PAYMENT), entry(EWALLET_STATUS), entry(EWALLET_REFUND),
            entry(VA_CREATE), entry(VA_STATUS), entry(VA_DELETE));

    private final int code;
    private final String name;

    private ServiceCode(int code, String name) {
        this.code = code;
        this.name = name;
    }

    private static Map.Entry<Integer, ServiceCode> entry(ServiceCode service) {
        return Map.entry(service.code, service);
    }

    /**
     * The service with this code: a catalogued one when known, an unnamed one otherwise.
     *
     * @throws IllegalArgumentException when the code is not in 0..99
     */
    public static ServiceCode of(int code) {
        ServiceCode known = KNOWN.get(code);
        if (known != null) {
            return known;
        }
        if (code < 0 || code > 99) {
            throw new IllegalArgumentException("a SNAP service code has two digits (0..99), got " + code);
        }
        return new ServiceCode(code, "Service " + String.format("%02d", code));
    }

    /** The numeric code, 0..99. */
    public int code() {
        return code;
    }

    /** A human name: the catalogue's name, or {@code Service NN}. */
    public String name() {
        return name;
    }

    /** Whether this code is in the catalogue of known NICEPAY services. */
    public boolean isKnown() {
        return KNOWN.containsKey(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceCode other && other.code == code;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(code);
    }

    @Override
    public String toString() {
        return String.format("%02d", code) + " (" + name + ")";
    }
}
