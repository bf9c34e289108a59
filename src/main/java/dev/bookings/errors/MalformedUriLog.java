package dev.bookings.errors;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One INFO line, not a SEVERE stack trace, for a client's malformed request URI (issue 8, point 7).
 * <p>
 * Payara decodes the request URI before any application code runs ({@code CoyoteAdapter.postParseRequest}). For
 * some malformed URIs Grizzly's decoder throws an exception that method does not catch: an escape that is not two
 * hex digits ({@code %u0041}: {@code IllegalArgumentException}), or a raw path ending in {@code /..} of certain
 * lengths ({@code ArrayIndexOutOfBoundsException} in {@code normalizeBytes}). {@code CoyoteAdapter.service} then logs
 * it at SEVERE, "An exception or error occurred in the container during the request processing", with some forty
 * lines of stack trace, for a mistake that is the client's alone. (It also answers 200 with an empty body; that, the
 * application cannot change: README, "Known limits".)
 * <p>
 * While the application is deployed, this filter sits on the container's logger ({@value #CONTAINER_LOGGER}) and
 * replaces exactly those records, recognised by the exception's type and its origin in the URI decoder called from
 * {@code postParseRequest}, by one INFO line of ours. Every other record of that logger, the container's real faults
 * included, passes as before (through the filter that was there, if any), and the previous filter is put back when
 * the application stops (should another filter have replaced it meanwhile, it cannot be taken out from under that
 * one, so it stays, inactive, passing every record on).
 */
@WebListener
public class MalformedUriLog implements ServletContextListener, Filter {

    static final String CONTAINER_LOGGER = "jakarta.enterprise.web.core";
    private static final String URI_DECODER = "org.glassfish.grizzly.http.util.HttpRequestURIDecoder";
    private static final String ESCAPE_DECODER = "org.glassfish.grizzly.http.util.URLDecoder";
    private static final String ADAPTER = "org.apache.catalina.connector.CoyoteAdapter";
    private static final Logger LOG = Logger.getLogger(MalformedUriLog.class.getName());

    /** Held here: the log manager keeps loggers only weakly, and the filter must stay on this one. */
    private Logger container;
    private Filter previous;
    /** Cleared when the application stops: should this filter have to stay behind, it only passes records on. */
    private volatile boolean active;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        container = Logger.getLogger(CONTAINER_LOGGER);
        previous = container.getFilter();
        active = true;
        container.setFilter(this);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        active = false;
        if (container == null) {
            return;
        }
        if (container.getFilter() == this) {
            container.setFilter(previous);
        } else {
            LOG.warning(() -> "Another filter replaced this application's on the logger " + CONTAINER_LOGGER
                    + "; it stays there, passing every record on, until that one is removed");
        }
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (active && isClientsMalformedUri(thrown)) {
            LOG.info(() -> "Malformed request URI, answered by the container without the application ("
                    + printable(thrown.getMessage()) + ")");
            return false;
        }
        return previous == null || previous.isLoggable(record);
    }

    /**
     * Whether {@code thrown} is the URI decoder failing on a client's URI, called from the container's parsing: an
     * {@code IllegalArgumentException} thrown by the escape decoder ({@code URLDecoder}), or an
     * {@code IndexOutOfBoundsException} thrown by the URI decoder's normalisation, either reached from
     * {@code CoyoteAdapter.postParseRequest} through the URI decoder. Anything else (another exception, another
     * origin, such as a character set the server was configured with) stays the container's own record.
     */
    static boolean isClientsMalformedUri(Throwable thrown) {
        StackTraceElement[] frames = thrown == null ? new StackTraceElement[0] : thrown.getStackTrace();
        if (frames.length == 0) {
            return false;
        }
        String origin = frames[0].getClassName();
        boolean clients = thrown instanceof IllegalArgumentException && origin.equals(ESCAPE_DECODER)
                || thrown instanceof IndexOutOfBoundsException && origin.equals(URI_DECODER);
        boolean inDecoder = false;
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().equals(URI_DECODER)) {
                inDecoder = true;
            } else if (frame.getClassName().equals(ADAPTER)) {
                return clients && inDecoder && frame.getMethodName().equals("postParseRequest");
            }
        }
        return false;
    }

    /** The decoder's message quotes bytes of the URI: no control character of it reaches the log. */
    static String printable(String message) {
        return message == null ? "" : message.replaceAll("\\p{Cntrl}", "?");
    }
}
