package dev.bookings.idempotency.boundary;

import dev.bookings.errors.GraphError;
import dev.bookings.errors.RequestIds;
import dev.bookings.idempotency.control.RequestKey;
import dev.bookings.idempotency.control.StoredAnswer;
import dev.bookings.idempotency.entity.IdempotentRequest;
import dev.bookings.platform.Loopback;
import dev.bookings.platform.OneTransaction;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Where a keyed write meets its earlier tries: after the request is matched to its resource and authorized (so a
 * refused caller costs no database work), before the resource runs. The key's record is inserted in the request's
 * transaction ({@link WriteRequestFilter}); a repeat running at the same time, on any instance, waits on its
 * unique key. Then:
 * <ol>
 * <li>no record: the request runs and its answer is stored ({@link State#CLAIMED});</li>
 * <li>a record of the same request (method, path with query, body) that may be answered from it (an
 * {@code Idempotency-Key}, or a {@code client-request-id} with {@code Retry-Attempt}): its answer again, with
 * {@code Idempotent-Replayed: true}, nothing run;</li>
 * <li>the first still running past the database's lock timeout: 409 {@code conflict} with {@code Retry-After: 1};</li>
 * <li>an {@code Idempotency-Key} of another request: 422 {@code idempotencyKeyReused}, nothing run;</li>
 * <li>a record past its retention, or of a {@code client-request-id}'s first try reusing the id of an earlier
 * request: the record is removed and claimed for this request.</li>
 * </ol>
 * A {@code $batch} claims nothing: a done batch is answered from its record, and a new one gives its requests keys
 * derived from its own.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class IdempotencyGate implements ContainerRequestFilter {

    public static final String REPLAYED = "Idempotent-Replayed";
    private static final String KEY_ATTRIBUTE = IdempotencyGate.class.getName() + ".key";
    private static final String KIND_ATTRIBUTE = IdempotencyGate.class.getName() + ".kind";
    private static final String STATE_ATTRIBUTE = IdempotencyGate.class.getName() + ".state";

    /** What {@link WriteRequestFilter} found the request to be. */
    enum Kind { WRITE, BATCH }

    /** What the gate did with a keyed request. */
    enum State {
        /** The request runs; its answer is to be stored. */
        CLAIMED,
        /** The gate answered (a replay, 409, 422); nothing of the request may run or change. */
        ANSWERED
    }

    @Context
    HttpServletRequest request;

    @Inject
    IdempotentRequests records;

    @Inject
    IdempotencySettings settings;

    @Resource
    UserTransaction transaction;

    @Resource
    TransactionSynchronizationRegistry registry;

    static void prepare(HttpServletRequest request, Kind kind, RequestKey key) {
        request.setAttribute(KIND_ATTRIBUTE, kind);
        if (key != null) {
            request.setAttribute(KEY_ATTRIBUTE, key);
        }
    }

    static State state(HttpServletRequest request) {
        return request.getAttribute(STATE_ATTRIBUTE) instanceof State state ? state : null;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        if (!(request.getAttribute(KEY_ATTRIBUTE) instanceof RequestKey key)) {
            return;
        }
        if (request.getAttribute(KIND_ATTRIBUTE) == Kind.BATCH) {
            batch(context, key);
        } else {
            write(context, key);
        }
    }

    private void write(ContainerRequestContext context, RequestKey key) {
        for (int attempt = 0; ; attempt++) {
            OffsetDateTime now = IdempotencySettings.now();
            IdempotentRequests.Claim claim = records.claim(key, now, now.plus(settings.retention()));
            if (claim == IdempotentRequests.Claim.CLAIMED) {
                request.setAttribute(STATE_ATTRIBUTE, State.CLAIMED);
                return;
            }
            restart(); // the failed insert doomed the transaction; the request may still run in a new one
            Optional<IdempotentRequest> found = claim == IdempotentRequests.Claim.TAKEN ? records.find(key.id())
                    : Optional.empty();
            if (found.isEmpty()) {
                answer(context, running());
                return;
            }
            IdempotentRequest first = found.get();
            if (first.expired(now) || !key.retry()) {
                records.remove(key.id());
                if (attempt == 0) {
                    continue;
                }
                return; // taken again at once by a concurrent request: this one runs without a record
            }
            if (first.fingerprint().equals(key.fingerprint())) {
                answer(context, replay(first));
            } else if (key.explicit()) {
                answer(context, keyReused());
            }
            return; // a client-request-id's record names its request: another request cannot find it
        }
    }

    private void batch(ContainerRequestContext context, RequestKey key) {
        Optional<IdempotentRequest> found = records.find(key.id());
        OffsetDateTime now = IdempotencySettings.now();
        if (found.isPresent() && !found.get().expired(now) && key.retry()) {
            IdempotentRequest first = found.get();
            answer(context, first.fingerprint().equals(key.fingerprint()) ? replay(first) : keyReused());
            return;
        }
        if (found.isPresent()) {
            records.remove(key.id()); // past its retention, or a first try reusing a client-request-id
        }
        request.setAttribute(STATE_ATTRIBUTE, State.CLAIMED);
        request.setAttribute(Loopback.STEP_KEY_ATTRIBUTE, key.forSteps());
    }

    private void answer(ContainerRequestContext context, Response response) {
        request.setAttribute(STATE_ATTRIBUTE, State.ANSWERED);
        context.abortWith(response);
    }

    private Response running() {
        return error(409, "conflict", "A request with this key is still running; retry after 1 second to get its"
                + " answer.").header("Retry-After", "1").build();
    }

    private Response keyReused() {
        return error(422, "idempotencyKeyReused", "This Idempotency-Key was used for another request (method, path"
                + " or body differ); nothing was changed. Use a new key for a new request.").build();
    }

    private Response.ResponseBuilder error(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(GraphError.body(code, message, RequestIds.of(request)));
    }

    private static Response replay(IdempotentRequest first) {
        Response.ResponseBuilder replay = Response.status(first.status());
        StoredAnswer.headersOf(first.headersJson()).forEach((name, values) -> values.forEach(v -> replay.header(name, v)));
        replay.header(REPLAYED, "true");
        if (first.body() != null && !first.body().isEmpty()) {
            replay.entity(first.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return replay.build();
    }

    /** Rolls the request's doomed transaction back and begins another for whatever follows. */
    private void restart() {
        try {
            transaction.rollback();
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart the request's transaction", e);
        }
        OneTransaction.mark(registry);
    }
}
