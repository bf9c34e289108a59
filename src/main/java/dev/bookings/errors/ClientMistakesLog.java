package dev.bookings.errors;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Filter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * One INFO line, not a stack trace, for a client's mistake that Payara's HTTP layer logs before any application code
 * runs (a client's mistake is at most one line at INFO or WARNING; SEVERE is for our own faults).
 * Three such mistakes are logged so:
 * <ul>
 * <li><b>A malformed request URI</b>, logged SEVERE by {@value #WEB_CORE}. Payara decodes the URI in
 * {@code CoyoteAdapter.postParseRequest}, which does not catch what Grizzly's decoder throws for an escape that is not
 * two hex digits ({@code %u0041}: {@code IllegalArgumentException} from {@code URLDecoder}), for an escape cut short at
 * the end of the path ({@code /x/%4}: {@code IllegalStateException("Unexpected termination")}, also from
 * {@code URLDecoder}) or for a raw path ending
 * in {@code /..} of certain lengths ({@code ArrayIndexOutOfBoundsException} from
 * {@code HttpRequestURIDecoder.normalizeBytes}); {@code CoyoteAdapter.service} logs it, some forty lines. (It also
 * answers 200 with an empty body; that, the application cannot change: src/site/markdown/limits.md.)</li>
 * <li><b>Broken framing of a request body</b> (a chunk size that is not hex), logged WARNING by
 * {@value #FILTER_CHAIN} ("GRIZZLY0013") with Grizzly's {@code HttpBrokenContentException} and twenty lines of
 * stack trace; the client gets a bare 400.</li>
 * <li><b>A request with {@code Transfer-Encoding} and then {@code Content-Length}</b>, logged SEVERE by {@value #CORE}
 * as "{@value #BOTH_FRAMINGS}" (no stack trace); the client gets a bare 400 and the connection is closed.</li>
 * </ul>
 * While the application is deployed, a filter on each of those loggers replaces exactly those records, recognised
 * by the exception's type and where it was thrown, by one INFO line of ours. Every other record of those loggers,
 * the container's real faults included, passes as before (through the filter that was there, if any), and the
 * previous filter is put back when the application stops (should another filter have replaced ours meanwhile, ours
 * cannot be taken out from under it, so it stays, inactive, passing every record on).
 */
@WebListener
public class ClientMistakesLog implements ServletContextListener {

    static final String WEB_CORE = "jakarta.enterprise.web.core";
    static final String FILTER_CHAIN = "org.glassfish.grizzly.filterchain.DefaultFilterChain";
    static final String CORE = "javax.enterprise.system.core";
    /** What Payara logs, SEVERE and without an exception, for a request with Transfer-Encoding, then Content-Length. */
    static final String BOTH_FRAMINGS = "Can't use both headers Content-Length and Transfer-Encoding from the same request";
    private static final String URI_DECODER = "org.glassfish.grizzly.http.util.HttpRequestURIDecoder";
    private static final String ESCAPE_DECODER = "org.glassfish.grizzly.http.util.URLDecoder";
    private static final String ADAPTER = "org.apache.catalina.connector.CoyoteAdapter";
    private static final String BROKEN_CONTENT = "HttpBrokenContentException";
    private static final String HTTP_CODEC = "org.glassfish.grizzly.http.";
    private static final Logger LOG = Logger.getLogger(ClientMistakesLog.class.getName());

    private final List<Watch> watches = List.of(
            new Watch(WEB_CORE, r -> isClientsMalformedUri(r.getThrown()),
                    "Malformed request URI, answered by the container without the application"),
            new Watch(FILTER_CHAIN, r -> isClientsBrokenFraming(r.getThrown()),
                    "Request with broken framing, answered 400 by the container without the application"),
            new Watch(CORE, ClientMistakesLog::isBothFramings,
                    "Request with both Transfer-Encoding and Content-Length, answered 400 by the container"));

    @Override
    public void contextInitialized(ServletContextEvent event) {
        watches.forEach(Watch::install);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        watches.forEach(Watch::remove);
    }

    /**
     * Whether {@code thrown} is the URI decoder failing on a client's URI, called from the container's parsing: an
     * {@code IllegalArgumentException} (a bad escape) or {@code IllegalStateException} (an escape cut short) thrown by
     * the escape decoder ({@code URLDecoder}), or an
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
        boolean clients = (thrown instanceof IllegalArgumentException || thrown instanceof IllegalStateException)
                        && origin.equals(ESCAPE_DECODER)
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

    /**
     * Whether {@code thrown} is Grizzly's HTTP codec refusing a request's broken framing: its
     * {@code HttpBrokenContentException} (a class the application cannot see, so known by its name), thrown by
     * Grizzly's own HTTP classes while parsing.
     */
    static boolean isClientsBrokenFraming(Throwable thrown) {
        StackTraceElement[] frames = thrown == null ? new StackTraceElement[0] : thrown.getStackTrace();
        return frames.length > 0 && thrown.getClass().getSimpleName().equals(BROKEN_CONTENT)
                && frames[0].getClassName().startsWith(HTTP_CODEC);
    }

    /** Payara's record of a request that has Transfer-Encoding and then Content-Length: its message alone, no trace. */
    static boolean isBothFramings(LogRecord record) {
        return record.getThrown() == null && BOTH_FRAMINGS.equals(record.getMessage());
    }

    /** The container's messages quote bytes of the request: no control character of them reaches the log. */
    public static String printable(String message) {
        return message == null ? "" : message.replaceAll("\\p{Cntrl}", "?");
    }

    /** The filter on one container logger. */
    static final class Watch implements Filter {

        private final String loggerName;
        private final Predicate<LogRecord> clients;
        private final String what;
        /** Held here: the log manager keeps loggers only weakly, and the filter must stay on this one. */
        private Logger logger;
        private Filter previous;
        /** Cleared when the application stops: should this filter have to stay behind, it only passes records on. */
        private volatile boolean active;

        Watch(String loggerName, Predicate<LogRecord> clients, String what) {
            this.loggerName = loggerName;
            this.clients = clients;
            this.what = what;
        }

        void install() {
            logger = Logger.getLogger(loggerName);
            previous = logger.getFilter();
            active = true;
            logger.setFilter(this);
        }

        void remove() {
            active = false;
            if (logger == null) {
                return;
            }
            if (logger.getFilter() == this) {
                logger.setFilter(previous);
            } else {
                LOG.warning(() -> "Another filter replaced this application's on the logger " + loggerName
                        + "; it stays there, passing every record on, until that one is removed");
            }
        }

        @Override
        public boolean isLoggable(LogRecord record) {
            if (active && clients.test(record)) {
                Throwable thrown = record.getThrown();
                LOG.info(() -> what + (thrown == null ? "" : " (" + printable(thrown.getMessage()) + ")"));
                return false;
            }
            return previous == null || previous.isLoggable(record);
        }
    }
}
