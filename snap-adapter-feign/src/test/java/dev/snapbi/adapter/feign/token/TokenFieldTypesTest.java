package dev.snapbi.adapter.feign.token;

import com.sun.net.httpserver.HttpServer;
import dev.snapbi.crypto.RsaKeyPairs;
import dev.snapbi.crypto.RsaSigner;
import dev.snapbi.domain.error.SnapProtocolException;
import dev.snapbi.domain.model.ClientKey;
import dev.snapbi.domain.model.ProviderProfile;
import dev.snapbi.domain.token.B2bTokenRequestSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenFieldTypesTest {

    private static final RsaSigner SIGNER = RsaSigner.create(RsaKeyPairs.generate(2048).privateKey());
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "900", "1.5"})
    void refuses_a_token_or_code_that_is_not_a_json_string(String scalar) throws Exception {
        for (String body : new String[]{
                "{\"responseCode\":\"2007300\",\"responseMessage\":\"Successful\",\"accessToken\":" + scalar
                        + ",\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}",
                "{\"responseCode\":" + scalar + ",\"responseMessage\":\"Successful\",\"accessToken\":\"abc\","
                        + "\"tokenType\":\"Bearer\",\"expiresIn\":\"900\"}"}) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            FeignTokenEndpoint endpoint = FeignTokenEndpoint.create(ProviderProfile.nicepay(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort())));
            B2bTokenRequestSupplier requests = B2bTokenRequestSupplier.create(ClientKey.of("IONPAYTEST"),
                    SIGNER, Clock.systemUTC(),
                    ProviderProfile.nicepayDevelopment());
            assertThatThrownBy(() -> endpoint.requestToken(requests)).isInstanceOf(SnapProtocolException.class);
            server.stop(0);
            server = null;
        }
    }
}
