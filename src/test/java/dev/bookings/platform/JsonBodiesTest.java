package dev.bookings.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.bookings.errors.InvalidRequest;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonBodiesTest {

    @Test
    void aBodyTheClientStoppedSendingIs400NotAFailureOfOurs() {
        InputStream aborted = new SequenceInputStream(new ByteArrayInputStream("{\"display".getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new EOFException();
                    }
                });
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> JsonBodies.readObject(aborted, false));
        assertEquals(400, e.status());
        assertEquals("invalidRequest", e.code());
    }

    @Test
    void aBodyMeansOneThing() {
        assertRefused(bytes("{\"displayName\":\"first\"}{\"displayName\":\"second\"}"), "more after");
        assertRefused(bytes("{\"displayName\":\"first\"} garbage"), "more after");
        assertRefused(bytes("{\"a\":1} 2"), "more after");
        assertEquals("first", read(bytes(" {\"displayName\":\"first\"} \r\n\t")).getString("displayName"),
                "whitespace after the value is nothing");
    }

    @Test
    void bytesThatAreNotUtf8AndLoneSurrogatesAre400NeverReplaced() {
        byte[] latin1 = "{\"displayName\":\"café\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertRefused(latin1, "UTF-8");
        assertRefused(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, "UTF-8");
        assertRefused(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, "UTF-8");
        assertRefused(bytes("{\"displayName\":\"\\uD800\"}"), "surrogate");
        assertRefused(bytes("{\"x\\uDC00\":1}"), "surrogate");
        assertEquals("café \uD83D\uDE00", read(bytes("{\"displayName\":\"café \\uD83D\\uDE00\"}"))
                .getString("displayName"), "an escaped pair is one character");
        assertEquals("café", read("\uFEFF{\"displayName\":\"café\"}".getBytes(StandardCharsets.UTF_8))
                .getString("displayName"), "a byte order mark is ignored");
    }

    @Test
    void onlyUtf8IsAJsonCharset() {
        assertEquals(true, Utf8Bodies.isUtf8("UTF-8"));
        assertEquals(true, Utf8Bodies.isUtf8("\"utf8\""));
        assertEquals(false, Utf8Bodies.isUtf8("ISO-8859-1"));
        assertEquals(false, Utf8Bodies.isUtf8("windows-1252"));
        assertEquals(false, Utf8Bodies.isUtf8("utf-16"));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static jakarta.json.JsonObject read(byte[] body) {
        return JsonBodies.readObject(new ByteArrayInputStream(body), false);
    }

    private static void assertRefused(byte[] body, String why) {
        InvalidRequest e = assertThrows(InvalidRequest.class, () -> read(body), () -> new String(body,
                StandardCharsets.UTF_8));
        assertEquals(400, e.status());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains(why), e.getMessage());
    }
}
