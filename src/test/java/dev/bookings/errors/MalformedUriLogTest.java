package dev.bookings.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Only the container's failures to decode a client's URI are taken from its log; everything else passes. */
class MalformedUriLogTest {

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
        assertTrue(MalformedUriLog.isClientsMalformedUri(thrown(new IllegalArgumentException(
                "URLDecoder: Illegal hex characters in escape (%) pattern - %u0"), URL_DECODER, URI_DECODER, URI_REF,
                PARSE, SERVICE)));
        assertTrue(MalformedUriLog.isClientsMalformedUri(thrown(new ArrayIndexOutOfBoundsException(
                "Index 41 out of bounds for length 41"), NORMALIZE, URI_DECODER, URI_REF, PARSE, SERVICE)));
    }

    @Test
    void theContainersOwnFaultsAreNot() {
        // another exception type from the same place
        assertFalse(MalformedUriLog.isClientsMalformedUri(thrown(new NullPointerException(), URI_DECODER, PARSE)));
        // the same type elsewhere in the container, or in the application
        assertFalse(MalformedUriLog.isClientsMalformedUri(thrown(new IllegalArgumentException(), PARSE, SERVICE)));
        assertFalse(MalformedUriLog.isClientsMalformedUri(thrown(new IllegalArgumentException(), URI_DECODER,
                frame("dev.bookings.Something", "run"))));
        // the decoder called from somewhere other than the request's parsing
        assertFalse(MalformedUriLog.isClientsMalformedUri(thrown(new IllegalArgumentException(), URI_DECODER, SERVICE)));
        // an IllegalArgumentException of the URI decoder itself (a character set the server was configured with)
        assertFalse(MalformedUriLog.isClientsMalformedUri(thrown(new IllegalArgumentException("unknown charset"),
                URI_DECODER, URI_REF, PARSE)));
        assertFalse(MalformedUriLog.isClientsMalformedUri(null));
        assertFalse(MalformedUriLog.isClientsMalformedUri(new IllegalArgumentException()), "no stack trace");
    }

    @Test
    void theFilterDropsTheClientsRecordAndPassesTheRestThroughThePreviousFilter() {
        Logger container = Logger.getLogger(MalformedUriLog.CONTAINER_LOGGER);
        java.util.logging.Filter before = container.getFilter();
        java.util.logging.Filter previous = record -> !"blocked".equals(record.getMessage());
        container.setFilter(previous);
        MalformedUriLog cut = new MalformedUriLog();
        try {
            cut.contextInitialized(null);
            assertSame(cut, container.getFilter());
            LogRecord clients = new LogRecord(Level.SEVERE, "An exception or error occurred");
            clients.setThrown(thrown(new IllegalArgumentException("bad %u0"), URL_DECODER, URI_DECODER, PARSE));
            assertFalse(cut.isLoggable(clients));
            LogRecord fault = new LogRecord(Level.SEVERE, "An exception or error occurred");
            fault.setThrown(new IllegalStateException("ours"));
            assertTrue(cut.isLoggable(fault));
            assertFalse(cut.isLoggable(new LogRecord(Level.INFO, "blocked")), "the previous filter still applies");
            cut.contextDestroyed(null);
            assertSame(previous, container.getFilter(), "the previous filter is back");
            assertTrue(cut.isLoggable(clients), "once stopped, a filter left behind passes everything on");
        } finally {
            container.setFilter(before);
        }
    }

    @Test
    void noControlCharacterOfTheUriReachesTheLog() {
        assertEquals("pattern - %?A?", MalformedUriLog.printable("pattern - %\u0007A\u001b"));
    }

    private static Throwable thrown(Throwable t, StackTraceElement... frames) {
        t.setStackTrace(frames);
        return t;
    }

    private static StackTraceElement frame(String className, String method) {
        return new StackTraceElement(className, method, null, -1);
    }
}
