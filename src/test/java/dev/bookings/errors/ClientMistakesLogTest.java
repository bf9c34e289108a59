package dev.bookings.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Only the container's records of a client's malformed URI or broken framing are taken from its log; everything
 * else passes.
 */
class ClientMistakesLogTest {

    private static final StackTraceElement URL_DECODER =
            frame("org.glassfish.grizzly.http.util.URLDecoder", "decode");
    private static final StackTraceElement URI_DECODER =
            frame("org.glassfish.grizzly.http.util.HttpRequestURIDecoder", "decode");
    private static final StackTraceElement NORMALIZE =
            frame("org.glassfish.grizzly.http.util.HttpRequestURIDecoder", "normalizeBytes");
    private static final StackTraceElement URI_REF =
            frame("org.glassfish.grizzly.http.util.RequestURIRef", "getDecodedRequestURIBC");
    private static final StackTraceElement PARSE =
            frame("org.apache.catalina.connector.CoyoteAdapter", "postParseRequest");
    private static final StackTraceElement SERVICE = frame("org.apache.catalina.connector.CoyoteAdapter", "service");

    @Test
    void aMalformedEscapeOrDotDotPathIsTheClients() {
        assertTrue(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalArgumentException(
                "URLDecoder: Illegal hex characters in escape (%) pattern - %u0"), URL_DECODER, URI_DECODER, URI_REF,
                PARSE, SERVICE)));
        assertTrue(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalStateException("Unexpected termination"),
                URL_DECODER, URI_DECODER, URI_REF, PARSE, SERVICE)), "an escape cut short (/x/%4)");
        assertTrue(ClientMistakesLog.isClientsMalformedUri(thrown(new ArrayIndexOutOfBoundsException(
                "Index 41 out of bounds for length 41"), NORMALIZE, URI_DECODER, URI_REF, PARSE, SERVICE)));
    }

    @Test
    void theContainersOwnFaultsAreNot() {
        // another exception type from the same place
        assertFalse(ClientMistakesLog.isClientsMalformedUri(thrown(new NullPointerException(), URI_DECODER, PARSE)));
        // the same type elsewhere in the container, or in the application
        assertFalse(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalArgumentException(), PARSE, SERVICE)));
        assertFalse(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalArgumentException(), URI_DECODER,
                frame("dev.bookings.Something", "run"))));
        // the decoder called from somewhere other than the request's parsing
        assertFalse(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalArgumentException(), URI_DECODER, SERVICE)));
        // an IllegalArgumentException of the URI decoder itself (a character set the server was configured with)
        assertFalse(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalArgumentException("unknown charset"),
                URI_DECODER, URI_REF, PARSE)));
        // an IllegalStateException thrown anywhere but the escape decoder
        assertFalse(ClientMistakesLog.isClientsMalformedUri(thrown(new IllegalStateException(), URI_DECODER, URI_REF,
                PARSE)));
        assertFalse(ClientMistakesLog.isClientsMalformedUri(null));
        assertFalse(ClientMistakesLog.isClientsMalformedUri(new IllegalArgumentException()), "no stack trace");
    }

    @Test
    void theFilterDropsTheClientsRecordAndPassesTheRestThroughThePreviousFilter() {
        Logger container = Logger.getLogger(ClientMistakesLog.WEB_CORE);
        java.util.logging.Filter before = container.getFilter();
        java.util.logging.Filter previous = record -> !"blocked".equals(record.getMessage());
        container.setFilter(previous);
        ClientMistakesLog.Watch cut = new ClientMistakesLog.Watch(ClientMistakesLog.WEB_CORE,
                r -> ClientMistakesLog.isClientsMalformedUri(r.getThrown()), "Malformed");
        try {
            cut.install();
            assertSame(cut, container.getFilter());
            LogRecord clients = new LogRecord(Level.SEVERE, "An exception or error occurred");
            clients.setThrown(thrown(new IllegalArgumentException("bad %u0"), URL_DECODER, URI_DECODER, PARSE));
            assertFalse(cut.isLoggable(clients));
            LogRecord fault = new LogRecord(Level.SEVERE, "An exception or error occurred");
            fault.setThrown(new IllegalStateException("ours"));
            assertTrue(cut.isLoggable(fault));
            assertFalse(cut.isLoggable(new LogRecord(Level.INFO, "blocked")), "the previous filter still applies");
            cut.remove();
            assertSame(previous, container.getFilter(), "the previous filter is back");
            assertTrue(cut.isLoggable(clients), "once stopped, a filter left behind passes everything on");
        } finally {
            container.setFilter(before);
        }
    }

    @Test
    void bothFramingsIsTheClientsOnlyAsPayarasOwnMessageWithoutATrace() {
        assertTrue(ClientMistakesLog.isBothFramings(new LogRecord(Level.SEVERE, ClientMistakesLog.BOTH_FRAMINGS)));
        LogRecord withTrace = new LogRecord(Level.SEVERE, ClientMistakesLog.BOTH_FRAMINGS);
        withTrace.setThrown(new IllegalStateException());
        assertFalse(ClientMistakesLog.isBothFramings(withTrace));
        assertFalse(ClientMistakesLog.isBothFramings(new LogRecord(Level.SEVERE, "Something else failed")));
    }

    @Test
    void brokenFramingIsTheClientsOnlyAsGrizzlysHttpCodecThrowsIt() {
        StackTraceElement chunk = frame("org.glassfish.grizzly.http.ChunkedTransferEncoding", "parseHttpChunkLength");
        StackTraceElement codec = frame("org.glassfish.grizzly.http.HttpCodecFilter", "handleRead");
        StackTraceElement chain = frame("org.glassfish.grizzly.filterchain.DefaultFilterChain", "executeFilter");
        assertTrue(ClientMistakesLog.isClientsBrokenFraming(thrown(new HttpBrokenContentException(
                "Invalid byte representing a hex value within a chunk length encountered : 122"), chunk, codec, chain)));
        assertFalse(ClientMistakesLog.isClientsBrokenFraming(thrown(new IllegalStateException(), chunk, codec)));
        assertFalse(ClientMistakesLog.isClientsBrokenFraming(thrown(new HttpBrokenContentException("elsewhere"),
                frame("dev.bookings.Something", "run"), chain)));
        assertFalse(ClientMistakesLog.isClientsBrokenFraming(null));
    }

    @Test
    void noControlCharacterOfTheUriReachesTheLog() {
        assertEquals("pattern - %?A?", ClientMistakesLog.printable("pattern - %\u0007A\u001b"));
    }

    private static Throwable thrown(Throwable t, StackTraceElement... frames) {
        t.setStackTrace(frames);
        return t;
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }

    /** Named as Grizzly's, which the application cannot see: the check goes by its name and where it was thrown. */
    private static final class HttpBrokenContentException extends RuntimeException {
        HttpBrokenContentException(String message) {
            super(message);
        }
    }
}
