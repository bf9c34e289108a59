package dev.bookings.idempotency.boundary;

import dev.bookings.errors.BookingException;
import dev.bookings.errors.GraphError;
import dev.bookings.errors.UnexpectedExceptionMapper;
import dev.bookings.idempotency.control.IdempotentRequestStore;
import dev.bookings.idempotency.control.RequestKey;
import dev.bookings.idempotency.control.StoredAnswer;
import dev.bookings.platform.Loopback;
import dev.bookings.idempotency.entity.IdempotentRequest;
import dev.bookings.security.BearerTokenMechanism;
import dev.bookings.security.Caller;
import dev.bookings.security.TokenPrincipal;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Every write request to the API (POST, PATCH, PUT, DELETE, but for the read-only {@code getStaffAvailability})
 * runs in one transaction: begun here, joined by every use case the resource calls, committed after the answer is
 * made and before any byte of it leaves ({@link BufferedResponse}); a commit that fails replaces the answer with the
 * one its failure gets (409, 503). {@link IdempotencyGate} begins the transaction once the request is authorized,
 * and answers a repeat of a keyed write ({@link RequestKey}) from its record; then, here:
 * <ol>
 * <li>a kept answer ({@link StoredAnswer#kept}) is stored in a new record, in the same commit as the request's
 * changes, so a repeat gets it even if this answer never reaches the client; if a repeat that ran at the same
 * time stored its answer first, this one is rolled back and answered with that one;</li>
 * <li>an answer not kept is not stored: its repeat runs anew;</li>
 * <li>a refusal whose transaction rolled back (404, 412, 400…) is stored afterwards in a transaction of its own.</li>
 * </ol>
 * A {@code $batch} runs no transaction of its own: its requests come back through this filter one by one, each
 * under a key derived from the batch's, so each change happens once; the batch's answer is stored after it ran,
 * unless one of its requests answered something not kept (the batch's repeat then runs again, and each of its
 * changes that was done is answered from its own record).
 */
@WebFilter(filterName = "WriteRequestFilter", urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = DispatcherType.REQUEST)
public class WriteRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WriteRequestFilter.class.getName());
    private static final Pattern MATRIX_PARAMETERS = Pattern.compile(";[^/]*");

    @Resource
    transient UserTransaction transaction;

    @Inject
    transient IdempotentRequests records;

    @Inject
    transient IdempotentRequestStore store;

    @Inject
    transient IdempotencySettings settings;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        IdempotencyGate.Kind kind = kind(request);
        if (kind == null || !(request.getAttribute(BearerTokenMechanism.PRINCIPAL_ATTRIBUTE) instanceof TokenPrincipal principal)) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletRequest body = request;
        RequestKey key = null;
        if (RequestKey.carried(request)) {
            ReadBody read = ReadBody.of(request);
            body = read;
            try {
                key = read.complete() ? RequestKey.of(request, Caller.of(principal), read.bytes()) : null;
            } catch (BookingException e) {
                GraphError.write(request, response, e.status(), e.code(), e.getMessage());
                return;
            }
        }
        IdempotencyGate.prepare(request, kind, key);
        if (kind == IdempotencyGate.Kind.BATCH) {
            batch(body, key, response, chain);
        } else {
            write(body, key, response, chain);
        }
    }

    private void write(HttpServletRequest request, RequestKey key, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        BufferedResponse answer = new BufferedResponse(response);
        try {
            chain.doFilter(request, answer);
        } catch (IOException | ServletException | RuntimeException e) {
            rollback();
            throw e;
        }
        IdempotencyGate.State state = IdempotencyGate.state(request);
        if (state == IdempotencyGate.State.ANSWERED) {
            rollback(); // a repeat, answered from the record or refused: nothing of it may change anything
        } else if (state != null) {
            try {
                finish(request, key, state == IdempotencyGate.State.RECORDED, answer);
            } catch (RuntimeException e) {
                // the database failed while the answer was stored or the transaction committed: 503, and so on
                rollback();
                answer.replaceWith(request, UnexpectedExceptionMapper.answerFor(request, e));
            }
        }
        // (no state: refused before its resource, 401, 403, 404, 405, 415…: no transaction was begun)
        answer.send();
    }

    /** Ends the request's transaction: commits it with the answer stored, or rolls it back. */
    private void finish(HttpServletRequest request, RequestKey key, boolean recorded, BufferedResponse answer) {
        int status = answer.getStatus();
        if (answer.sentError() || status >= 500 || status == 429 || rollbackOnly()) {
            rollback();
            if (answer.sentError()) {
                return;
            }
            if (status < 400) {
                // a success whose transaction cannot commit: no use case lets this happen
                LOG.severe(() -> "A write answered " + status + " but its transaction was rolled back: "
                        + request.getMethod() + " " + request.getRequestURI());
                answer.replaceWith(request, UnexpectedExceptionMapper.answerFor(request, new IllegalStateException("rolled back")));
            } else if (recorded && !replayDone(request, key, answer) && StoredAnswer.kept(status)) {
                record(key, answer);
            }
            return;
        }
        Optional<StoredAnswer> stored = recorded && StoredAnswer.kept(status)
                ? answer.stored(settings.maxAnswerBytes()) : Optional.empty();
        if (stored.isPresent() && !store(request, key, stored.get(), answer)) {
            return;
        }
        try {
            transaction.commit();
        } catch (Exception e) {
            answer.replaceWith(request, UnexpectedExceptionMapper.answerFor(request, e));
        }
    }

    /**
     * A retry that ran while its first try still ran, and was refused because of it (412 for its {@code If-Match},
     * 404 for a DELETE, a lock timeout…), gets the first's answer once the first has committed it.
     */
    private boolean replayDone(HttpServletRequest request, RequestKey key, BufferedResponse answer) {
        if (!key.retry()) {
            return false;
        }
        Optional<IdempotentRequest> first = store.find(key.id());
        if (first.isEmpty() || first.get().expired(IdempotencySettings.now())
                || !first.get().fingerprint().equals(key.fingerprint())) {
            return false;
        }
        answer.replaceWith(request, Repeats.replay(first.get()));
        return true;
    }

    /**
     * Stores the answer with the request's changes; true when the transaction may commit. A repeat that ran
     * while its first try still ran loses here: its transaction is rolled back and its answer replaced by the
     * first's (or by 409 while the first still runs past the lock timeout).
     */
    private boolean store(HttpServletRequest request, RequestKey key, StoredAnswer stored, BufferedResponse answer) {
        OffsetDateTime now = IdempotencySettings.now();
        IdempotentRequestStore.Claim claim = key.retry() ? store.store(key, stored, now, now.plus(settings.retention()))
                : store.replace(key, stored, now, now.plus(settings.retention()));
        if (claim == IdempotentRequestStore.Claim.STORED) {
            return true;
        }
        rollback();
        Optional<IdempotentRequest> first = claim == IdempotentRequestStore.Claim.TAKEN ? store.find(key.id())
                : Optional.empty();
        if (first.isEmpty()) {
            answer.replaceWith(request, Repeats.running(request));
        } else if (first.get().fingerprint().equals(key.fingerprint())) {
            answer.replaceWith(request, Repeats.replay(first.get()));
        } else {
            answer.replaceWith(request, Repeats.keyReused(request));
        }
        return false;
    }

    private void batch(HttpServletRequest request, RequestKey key, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        // a batch runs no transaction of its own: its answer is held while it fits the bound, stored, then sent
        HeldResponse answer = new HeldResponse(response, settings.maxAnswerBytes());
        chain.doFilter(request, answer);
        answer.flushBuffer();
        if (IdempotencyGate.state(request) == IdempotencyGate.State.RECORDED && StoredAnswer.kept(answer.getStatus())
                && everyRequestKept(request)) {
            answer.stored().ifPresent(stored -> record(key, stored));
        }
        answer.send();
    }

    /** Whether every request of a batch had an answer that is kept (the batch leaves their statuses). */
    private static boolean everyRequestKept(HttpServletRequest request) {
        return request.getAttribute(Loopback.STEP_STATUSES_ATTRIBUTE) instanceof List<?> statuses
                && statuses.stream().allMatch(status -> status instanceof Integer code && StoredAnswer.kept(code));
    }

    /** Stores an answer after the request's transaction ended; a failure costs only the replay. */
    private void record(RequestKey key, BufferedResponse answer) {
        answer.stored(settings.maxAnswerBytes()).ifPresent(stored -> record(key, stored));
    }

    private void record(RequestKey key, StoredAnswer stored) {
        OffsetDateTime now = IdempotencySettings.now();
        try {
            records.record(key, stored, now, now.plus(settings.retention()));
        } catch (RuntimeException e) {
            // the answer still goes out; its repeat runs again, which a refusal or a batch of recorded requests allows
            LOG.warning(() -> "The answer of a keyed request could not be stored: " + e.getClass().getSimpleName());
        }
    }

    /** Null for a request that changes nothing (a read, {@code getStaffAvailability}, anything outside the API). */
    private static IdempotencyGate.Kind kind(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("POST".equals(method) || "PATCH".equals(method) || "PUT".equals(method) || "DELETE".equals(method))
                || !BearerTokenMechanism.isApi(request)) {
            return null;
        }
        String path = MATRIX_PARAMETERS.matcher(request.getRequestURI().substring(request.getContextPath().length()))
                .replaceAll("").toLowerCase(Locale.ROOT);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/getstaffavailability")) {
            return null;
        }
        return path.endsWith("/$batch") || path.endsWith("/%24batch") ? IdempotencyGate.Kind.BATCH
                : IdempotencyGate.Kind.WRITE;
    }

    private boolean rollbackOnly() {
        try {
            return transaction.getStatus() != Status.STATUS_ACTIVE;
        } catch (SystemException e) {
            return true;
        }
    }

    private void rollback() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "rollback failed", e);
        }
    }
}
