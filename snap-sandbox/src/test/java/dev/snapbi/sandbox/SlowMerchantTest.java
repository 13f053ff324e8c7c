package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@code sendNotification} promises an answer or a failure within its timeout, also when the merchant answers its
 * status line at once and then drips (or never sends) the body. Loopback only; the outer timeout is a safety net.
 * The notification timeout (2 s) is long enough for the merchant's headers to arrive on loopback: the JDK client's
 * own request timeout stops at the headers, so only a bound over the whole exchange ends these calls.
 */
class SlowMerchantTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private ServerSocket merchant;
    private Thread merchantThread;
    private SnapSandbox sandbox;

    @AfterEach
    void stop() throws IOException, InterruptedException {
        release.countDown();
        if (merchant != null) {
            merchant.close();
        }
        if (merchantThread != null) {
            merchantThread.join(10_000);
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    /** A merchant that reads the request, answers headers promising 100 bytes, sends one, and holds the rest. */
    private URI drippingMerchant() throws IOException {
        merchant = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
        merchantThread = new Thread(() -> {
            try (Socket socket = merchant.accept()) {
                InputStream in = socket.getInputStream();
                StringBuilder head = new StringBuilder();
                while (!head.toString().endsWith("\r\n\r\n")) {
                    int c = in.read();
                    if (c < 0) {
                        return;
                    }
                    head.append((char) c);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                release.await(30, TimeUnit.SECONDS); // the rest would come a byte every few seconds
            } catch (IOException | InterruptedException e) {
                // the test is over
            }
        }, "dripping-merchant");
        merchantThread.setDaemon(true);
        merchantThread.start();
        return URI.create("http://127.0.0.1:" + merchant.getLocalPort() + "/api/v1.0/transfer-va/payment");
    }

    @Test
    void a_merchant_that_drips_its_answer_gets_a_failure_within_the_notification_timeout() throws IOException {
        sandbox = SnapSandbox.builder().notificationTimeout(Duration.ofSeconds(2)).start();
        URI url = drippingMerchant();

        assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                assertThatThrownBy(() -> sandbox.sendNotification(url, "IONPAYTEST", "{\"trxId\":\"T\"}"))
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessageContaining("got no answer"));
    }

    @Test
    void paying_does_not_wait_for_a_dripping_merchant_either_and_reports_it() throws IOException {
        sandbox = SnapSandbox.builder().notificationTimeout(Duration.ofSeconds(2)).start();
        Merchant client = new Merchant(sandbox, Snap.newRsaKeyPair(), Merchant.CLIENT);
        URI url = drippingMerchant();
        String created = client.post(SnapSandbox.QRIS_GENERATE_PATH, "{\"merchantId\":\"IONPAYTEST\","
                + "\"partnerReferenceNo\":\"Q-DRIP\",\"amount\":{\"value\":\"5.00\",\"currency\":\"IDR\"},"
                + "\"additionalInfo\":{\"dbProcessUrl\":\"" + url + "\"}}").body();

        SandboxPayment paid = assertTimeoutPreemptively(Duration.ofSeconds(20), () ->
                sandbox.payQris(Merchant.field(created, "referenceNo")));

        assertThat(paid.notificationStatus()).isZero();
        assertThat(paid.notificationError()).contains("no answer");
        assertThat(paid.notificationUrl()).isEqualTo(url);
    }
}
