package dev.snapbi.domain.token;

import dev.snapbi.domain.error.SnapConfigurationException;
import dev.snapbi.domain.error.SnapException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.model.Base64Signature;
import dev.snapbi.domain.model.SnapTimestamp;
import dev.snapbi.domain.model.StringToSign;
import dev.snapbi.domain.model.TokenRequest;
import dev.snapbi.domain.port.Signer;
import dev.snapbi.domain.port.TokenRequestSupplier;

import java.time.Clock;
import java.time.ZoneId;

/**
 * Signs B2B token requests: reads the clock once, formats {@code X-TIMESTAMP} in the provider's zone, signs
 * {@code clientKey|X-TIMESTAMP} with the {@link Signer}, and refuses to go on if signing fails or yields nothing
 * (instead of sending an empty signature and getting a confusing 401).
 */
public final class B2bTokenRequestSupplier implements TokenRequestSupplier {

    private final ClientKey clientKey;
    private final Signer signer;
    private final Clock clock;
    private final ZoneId zone;

    private B2bTokenRequestSupplier(ClientKey clientKey, Signer signer, Clock clock, ZoneId zone) {
        this.clientKey = required(clientKey, "the client key");
        this.signer = required(signer, "the signer (the private key's Signer, e.g. RsaSigner)");
        this.clock = required(clock, "the clock");
        this.zone = required(zone, "the zone");
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new SnapConfigurationException(what + " of the token request supplier is missing");
        }
        return value;
    }

    /**
     * Requests for this client, timestamped by {@code clock} in {@code zone}.
     *
     * @throws SnapConfigurationException when a part is null
     */
    public static B2bTokenRequestSupplier create(ClientKey clientKey, Signer signer, Clock clock, ZoneId zone) {
        return new B2bTokenRequestSupplier(clientKey, signer, clock, zone);
    }

    /**
     * Requests for this client, timestamped by {@code clock} in the profile's zone.
     *
     * @throws SnapConfigurationException when a part is null
     */
    public static B2bTokenRequestSupplier create(ClientKey clientKey, Signer signer, Clock clock,
                                                 ProviderProfile profile) {
        return new B2bTokenRequestSupplier(clientKey, signer, clock, required(profile, "the provider profile").zone());
    }

    @Override
    public ClientKey clientKey() {
        return clientKey;
    }

    @Override
    public TokenRequest get() {
        SnapTimestamp timestamp = SnapTimestamp.now(clock, zone); // the only clock read: header and signature agree
        StringToSign stringToSign = StringToSign.b2b(clientKey, timestamp);
        Base64Signature signature;
        try {
            signature = signer.sign(stringToSign);
        } catch (SnapException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SnapConfigurationException("signing the token request for client " + clientKey
                    + " failed (" + e.getClass().getSimpleName() + "); check the private key", e);
        }
        if (signature == null) {
            throw new SnapConfigurationException("the signer returned no signature for client " + clientKey
                    + "; refusing to send an unsigned token request");
        }
        return TokenRequest.of(clientKey, timestamp, signature);
    }

    @Override
    public String toString() {
        return "B2bTokenRequestSupplier[" + clientKey + ", zone " + zone + "]";
    }
}
