package dev.snapbi.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /_sandbox/requests} renders a bounded page even when the log is full of large bodies that JSON must
 * escape six-fold (control characters): paging, cut bodies, a page that stops growing at about 1 MiB.
 */
class RequestLogPagingTest {

    private SnapSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = SnapSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private URI requests(String query) {
        return sandbox.baseUrl().resolve("/_sandbox/requests" + query);
    }

    private static int number(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":(\\d+)").matcher(json);
        assertThat(m.find()).as(name + " in the page").isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void eleven_hundred_control_character_bodies_render_as_bounded_pages_that_reach_every_entry() {
        byte[] body = new byte[16 * 1024];
        java.util.Arrays.fill(body, (byte) 0x01);
        for (int i = 0; i < 1100; i++) {
            assertThat(Snap.token(sandbox.baseUrl()).body(body).send().statusCode()).isEqualTo(400);
        }

        HttpResponse<String> first = Snap.get(requests(""));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body().length()).isLessThan(1_200_000);
        assertThat(number(first.body(), "total")).isEqualTo(1000);
        assertThat(first.body()).contains("\"truncated\":true").contains("\"offset\":0");
        assertThat(first.body()).doesNotContain("\\u0001".repeat(2049));

        int seen = 0;
        int offset = 0;
        while (true) {
            String page = Snap.get(requests("?offset=" + offset + "&limit=1000")).body();
            assertThat(page.length()).isLessThan(1_200_000);
            int entries = page.split("\"method\":", -1).length - 1;
            assertThat(entries).isPositive();
            seen += entries;
            Matcher next = Pattern.compile("\"nextOffset\":(\\d+|null)").matcher(page);
            assertThat(next.find()).isTrue();
            if (next.group(1).equals("null")) {
                break;
            }
            offset = Integer.parseInt(next.group(1));
        }
        assertThat(seen).isEqualTo(1000);
        assertThat(Snap.get(requests("?limit=0")).statusCode()).isEqualTo(400);
    }
}
