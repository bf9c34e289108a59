package dev.bookings.platform;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;

/**
 * JSON bodies are UTF-8 (RFC 8259, section 8.1): a body declared in another charset ({@code charset=ISO-8859-1},
 * {@code windows-1252}, {@code utf-16}) is refused with 415 before it is read, rather than decoded as UTF-8 into
 * something else than the client sent. No charset, or {@code utf-8} in any spelling, is read as UTF-8
 * ({@link JsonBodies}). Runs after authentication and authorization, so a caller without permission still gets 401 or
 * 403 first.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class Utf8Bodies implements ContainerRequestFilter {

    /** The start of the 415's message; {@code errors} answers a {@link NotSupportedException} with it. */
    public static final String MESSAGE = "Content-Type '";

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (type == null || !request.hasEntity()) {
            return;
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !isUtf8(charset)) {
            throw new NotSupportedException(MESSAGE + type + "' is not supported: a JSON body must be UTF-8 (RFC 8259);"
                    + " send charset=utf-8 or no charset.");
        }
    }

    static boolean isUtf8(String charset) {
        String name = charset.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        return name.equals("utf-8") || name.equals("utf8");
    }
}
