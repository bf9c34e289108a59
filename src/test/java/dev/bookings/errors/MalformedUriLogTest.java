package dev.bookings.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        assertFalse(MalformedUriLog.isClientsMalformedUri(null));
    }

    @Test
    void theFilterDropsTheClientsRecordAndPassesTheRestThroughThePreviousFilter() {
        Logger container = Logger.getLogger(MalformedUriLog.CONTAINER_LOGGER);
        java.util.logging.Filter before = container.getFilter();
        container.setFilter(record -> !"blocked".equals(record.getMessage()));
        MalformedUriLog log = new MalformedUriLog();
        try {
            log.contextInitialized(null);
            assertEquals(log, container.getFilter());
            LogRecord clients = new LogRecord(Level.SEVERE, "An exception or error occurred");
            clients.setThrown(thrown(new IllegalArgumentException("bad %u0"), URL_DECODER, URI_DECODER, PARSE));
            assertFalse(log.isLoggable(clients));
            LogRecord fault = new LogRecord(Level.SEVERE, "An exception or error occurred");
            fault.setThrown(new IllegalStateException("ours"));
            assertTrue(log.isLoggable(fault));
            assertFalse(log.isLoggable(new LogRecord(Level.INFO, "blocked")), "the previous filter still applies");
            log.contextDestroyed(null);
            assertFalse(container.getFilter() == log, "the previous filter is back");
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
