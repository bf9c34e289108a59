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
}
