package dev.bookings.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * HTTP/1.1 as raw bytes, for the requests HTTP clients refuse to send (a forged {@code Host}, malformed framing,
 * escapes and paths clients normalise): one request on its own connection, and whatever the server answers.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * What came back: the status ({@code -1} when the server reset the connection or closed it without a status
     * line), the head (status line and headers) and the body, de-chunked.
     */
    public record Answer(int status, String head, String body) {

        /** {@code raw} holds one byte per character (ISO-8859-1), so that chunk sizes count what they say. */
        static Answer of(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String[] statusLine = head.lines().findFirst().orElse("").split(" ");
            int status = statusLine.length > 1 && statusLine[0].startsWith("HTTP/") && statusLine[1].matches("\\d{3}")
                    ? Integer.parseInt(statusLine[1]) : -1;
            String rest = end < 0 ? "" : raw.substring(end + 4);
            boolean chunked = head.toLowerCase(Locale.ROOT).contains("\r\ntransfer-encoding: chunked");
            String body = chunked ? unchunk(rest) : rest;
            return new Answer(status, head, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return head + "\n\n" + body;
        }
    }

    /**
     * Sends {@code head} (request line and headers, each ending in CRLF; {@code Connection: close} and the blank line
     * are added) and {@code body}, then reads until the server closes the connection, resets it or stays silent for
     * {@code timeout}. A server that answers and closes before the whole request is written (an oversized header)
     * is not an error: its answer, if any, is returned.
     */
    public static Answer exchange(String host, int port, String head, String body, Duration timeout)
            throws IOException {
        try (Socket socket = new Socket(host, port)) {
            socket.setSoTimeout((int) timeout.toMillis());
            try {
                socket.getOutputStream().write((head + "Connection: close\r\n\r\n" + body)
                        .getBytes(StandardCharsets.UTF_8));
                socket.getOutputStream().flush();
            } catch (SocketException answeredWhileSending) {
                // read what the server said before it closed
            }
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    received.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException | SocketException silentOrReset) {
                // what came before is the answer
            }
            return Answer.of(received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    private static String unchunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (at < chunked.length()) {
            int lineEnd = chunked.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
            at = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }
}
