package dev.bookings.idempotency.boundary;

import dev.bookings.errors.RequestIds;
import dev.bookings.idempotency.control.StoredAnswer;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Holds a write request's answer back until its transaction has committed: status and headers go to the response
 * (nothing is sent before a body byte is), the body into memory. A commit that fails replaces the answer; one that
 * succeeds lets it go out ({@link #send}).
 */
final class BufferedResponse extends HttpServletResponseWrapper {

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private ServletOutputStream stream;
    private PrintWriter writer;
    private boolean sentError;

    BufferedResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has been called");
        }
        if (stream == null) {
            stream = new SinkStream(body::write, (b, off, len) -> { });
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (stream != null) {
            throw new IllegalStateException("getOutputStream() has been called");
        }
        if (writer == null) {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            writer = new PrintWriter(new OutputStreamWriter(body, charset));
        }
        return writer;
    }

    @Override
    public void flushBuffer() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void resetBuffer() {
        flushBuffer();
        body.reset();
    }

    @Override
    public void reset() {
        super.reset();
        resetBuffer();
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        sentError = true;
        super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
        sentError = true;
        super.sendError(status);
    }

    /** Whether the container answers this request itself (its error page): nothing to hold back or store. */
    boolean sentError() {
        return sentError;
    }

    String text() {
        flushBuffer();
        return body.toString(StandardCharsets.UTF_8);
    }

    /** The answer as it is kept for a repeat, or empty when its body is larger than {@code maxBytes}. */
    Optional<StoredAnswer> stored(int maxBytes) {
        flushBuffer();
        if (body.size() > maxBytes) {
            return Optional.empty();
        }
        Map<String, List<String>> headers = keptHeaders((HttpServletResponse) getResponse());
        return Optional.of(new StoredAnswer(getStatus(), headers, text()));
    }

    /** The headers of an answer that are kept with it ({@link StoredAnswer#keeps}). */
    static Map<String, List<String>> keptHeaders(HttpServletResponse response) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : response.getHeaderNames()) {
            if (StoredAnswer.keeps(name) && !name.equalsIgnoreCase("Content-Type")) {
                headers.put(name, new ArrayList<>(response.getHeaders(name)));
            }
        }
        if (response.getContentType() != null) {
            headers.put("Content-Type", List.of(response.getContentType()));
        }
        return headers;
    }

    /** Replaces whatever was answered by {@code answer}: an error in Graph's shape, or a replay's bytes. */
    void replaceWith(HttpServletRequest request, Response answer) {
        if (writer != null) {
            writer = null;
        }
        stream = null;
        reset();
        RequestIds.ensure(request, (HttpServletResponse) getResponse());
        setStatus(answer.getStatus());
        answer.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                values.forEach(value -> addHeader(name, value));
            }
        });
        Object entity = answer.getEntity();
        if (entity == null) {
            return;
        }
        String type = answer.getHeaderString("Content-Type");
        setContentType(type == null ? "application/json" : type);
        byte[] bytes = entity instanceof byte[] raw ? raw : String.valueOf(entity).getBytes(StandardCharsets.UTF_8);
        body.write(bytes, 0, bytes.length);
    }

    /** Lets the answer out. */
    void send() throws IOException {
        if (sentError) {
            return;
        }
        flushBuffer();
        if (body.size() > 0) {
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setContentLength(body.size());
            response.getOutputStream().write(body.toByteArray());
        }
    }
}
