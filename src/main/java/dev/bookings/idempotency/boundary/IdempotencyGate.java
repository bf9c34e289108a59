package dev.bookings.idempotency.boundary;

import dev.bookings.idempotency.control.IdempotentRequestStore;
import dev.bookings.idempotency.control.RequestKey;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Where a write request meets its transaction and its earlier tries: after the request is matched to its resource
 * and authorized (so a refused caller costs neither a transaction nor a database read), before the resource runs.
 * The gate begins the request's one transaction ({@link WriteRequestFilter} ends it). For a keyed write it reads the
 * key's record:
 * <ol>
 * <li>none: the request runs, and its answer is stored with its changes ({@link State#RECORDED});</li>
 * <li>the same request (method, path with query, body) that may be answered from the record (an
 * {@code Idempotency-Key}, or a {@code client-request-id} with {@code Retry-Attempt}): its answer again, with
 * {@code Idempotent-Replayed: true}, nothing run;</li>
 * <li>an {@code Idempotency-Key} of another request: 422 {@code idempotencyKeyReused}, nothing run;</li>
 * <li>a record past its retention: the record is removed, and the request runs and is recorded.</li>
 * </ol>
 * A {@code client-request-id}'s first try (no {@code Retry-Attempt}) reads nothing: no earlier try can answer it,
 * and its record, stored in one statement with its answer, replaces that of an earlier identical request.
 * A repeat that arrives while the first still runs finds no record yet; it runs, and when its answer is stored the
 * record's unique key makes it wait for the first: the first committed, it is rolled back and gets the first's
 * answer; the first still running past the database's lock timeout, it is rolled back and gets 409 with
 * {@code Retry-After: 1}. Either way it changes nothing. A {@code $batch} begins no transaction: a done batch is
 * answered from its record, a new one gives its requests keys derived from its own.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.USER)
public class IdempotencyGate implements ContainerRequestFilter {

    private static final String KEY_ATTRIBUTE = IdempotencyGate.class.getName() + ".key";
    private static final String KIND_ATTRIBUTE = IdempotencyGate.class.getName() + ".kind";
    private static final String STATE_ATTRIBUTE = IdempotencyGate.class.getName() + ".state";

    /** What {@link WriteRequestFilter} found the request to be. */
    enum Kind { WRITE, BATCH }

    /** What the gate did. */
    enum State {
        /** The request runs in its transaction, without a record. */
        RUNS,
        /** The request runs in its transaction; its answer is to be stored with its changes. */
        RECORDED,
        /** The gate answered (a replay, 422); nothing of the request may run or change. */
        ANSWERED
    }

    @Context
    HttpServletRequest request;

    @Inject
    IdempotentRequests records;

    @Inject
    IdempotentRequestStore store;

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

    /** What the gate did with the request; null when it never reached the gate (refused before its resource). */
    static State state(HttpServletRequest request) {
        return request.getAttribute(STATE_ATTRIBUTE) instanceof State state ? state : null;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        Object kind = request.getAttribute(KIND_ATTRIBUTE);
        if (kind == null) {
            return;
        }
        RequestKey key = request.getAttribute(KEY_ATTRIBUTE) instanceof RequestKey k ? k : null;
        if (kind == Kind.BATCH) {
            if (key != null) {
                batch(context, key);
            }
            return;
        }
        try {
            transaction.begin();
        } catch (Exception e) {
            throw new IllegalStateException("cannot begin the request's transaction", e);
        }
        OneTransaction.mark(registry);
        request.setAttribute(STATE_ATTRIBUTE, State.RUNS);
        if (key != null) {
            write(context, key);
        }
    }

    private void write(ContainerRequestContext context, RequestKey key) {
        if (!key.retry()) {
            // a client-request-id's first try: nothing to answer it from; its record replaces any earlier one
            request.setAttribute(STATE_ATTRIBUTE, State.RECORDED);
            return;
        }
        Optional<IdempotentRequest> found = store.find(key.id());
        if (found.isEmpty()) {
            request.setAttribute(STATE_ATTRIBUTE, State.RECORDED);
            return;
        }
        IdempotentRequest first = found.get();
        if (first.expired(IdempotencySettings.now()) || !key.retry()) {
            records.remove(key.id());
            request.setAttribute(STATE_ATTRIBUTE, State.RECORDED);
        } else if (first.fingerprint().equals(key.fingerprint())) {
            answer(context, Repeats.replay(first));
        } else if (key.explicit()) {
            answer(context, Repeats.keyReused(request));
        }
        // else a client-request-id's record names its request: another request cannot find it
    }

    private void batch(ContainerRequestContext context, RequestKey key) {
        Optional<IdempotentRequest> found = store.find(key.id());
        if (found.isPresent() && !found.get().expired(IdempotencySettings.now()) && key.retry()) {
            IdempotentRequest first = found.get();
            answer(context, first.fingerprint().equals(key.fingerprint()) ? Repeats.replay(first)
                    : Repeats.keyReused(request));
            return;
        }
        if (found.isPresent()) {
            records.remove(key.id()); // past its retention, or a first try reusing a client-request-id
        }
        request.setAttribute(STATE_ATTRIBUTE, State.RECORDED);
        request.setAttribute(Loopback.STEP_KEY_ATTRIBUTE, key.forSteps());
    }

    private void answer(ContainerRequestContext context, Response response) {
        request.setAttribute(STATE_ATTRIBUTE, State.ANSWERED);
        context.abortWith(response);
    }
}
