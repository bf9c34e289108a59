package dev.bookings.batch.boundary;

import dev.bookings.batch.control.BatchBudget;
import dev.bookings.batch.control.BatchRequests;
import dev.bookings.batch.control.BatchStep;
import dev.bookings.batch.control.LoopbackClient;
import dev.bookings.batch.control.StepAnswer;
import dev.bookings.errors.TooManyRequests;
import dev.bookings.platform.JsonBodies;
import dev.bookings.platform.Jsons;
import dev.bookings.platform.Loopback;
import dev.bookings.security.Scopes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code POST /v1.0/$batch} and {@code POST /beta/$batch}: Graph's JSON batching. The body is checked as a whole
 * first (400 for the whole batch on a malformed one); then the requests run one after another, each after those
 * it {@code dependsOn}, each sent to this server over loopback with the batch's token and so authorized,
 * validated, throttled and committed as if sent alone. A request whose dependency did not succeed is not sent and
 * answers 424. The answer is 200 with every request's {@code id}, {@code status}, {@code headers} and
 * {@code body}, in the order the requests ran. The requests share one budget ({@code BatchBudget}): their answers
 * together at most {@code bookings.batch.max-answer-bytes}, the whole batch at most
 * {@code bookings.batch.max-seconds}; the answer is written as a stream of the requests' bodies as they came. A batch sent with a key (an {@code Idempotency-Key} or a
 * {@code client-request-id}) gives each of its requests a key derived from it, so its repeat changes nothing twice
 * (idempotency's {@code WriteRequestFilter}). At most {@code bookings.batch.max-concurrent} batches run at once
 * per instance; one more is 429 with {@code Retry-After}.
 */
@Path("{version: (?i:v1\\.0|beta)}/$batch")
@ApplicationScoped
@DenyAll
public class BatchResource {

    @Inject
    LoopbackClient loopback;

    @Inject
    @ConfigProperty(name = "bookings.batch.max-concurrent")
    int maxConcurrent;

    @Inject
    @ConfigProperty(name = "bookings.batch.max-answer-bytes")
    long maxAnswerBytes;

    @Inject
    @ConfigProperty(name = "bookings.batch.max-seconds")
    long maxSeconds;

    private Semaphore running;

    @PostConstruct
    void limit() {
        running = new Semaphore(maxConcurrent);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Scopes.BOOKINGS_READ_ALL, Scopes.APPOINTMENT_READ_WRITE_ALL, Scopes.BOOKINGS_READ_WRITE_ALL,
            Scopes.BOOKINGS_MANAGE_ALL})
    public Response batch(@PathParam("version") String version, @Context HttpServletRequest request,
            @Context UriInfo uriInfo, InputStream body) throws InterruptedException {
        List<BatchStep> steps = BatchRequests.parse(JsonBodies.readObject(body, false));
        if (!running.tryAcquire()) {
            throw new TooManyRequests("Too many batches are running on this instance; retry after 1 second.", 1);
        }
        try {
            String root = request.getScheme() + "://" + host(request.getLocalAddr()) + ":" + request.getLocalPort()
                    + request.getContextPath() + "/" + version;
            String publicBase = uriInfo.getBaseUri().toString();
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            String stepKey = request.getAttribute(Loopback.STEP_KEY_ATTRIBUTE) instanceof String key ? key : null;
            Map<String, Integer> statuses = new HashMap<>();
            List<StepAnswer> answers = new ArrayList<>();
            BatchBudget budget = new BatchBudget(maxAnswerBytes, maxSeconds, System.nanoTime());
            for (BatchStep step : steps) {
                String failed = step.dependsOn().stream().filter(id -> !succeeded(statuses.get(id))).findFirst().orElse(null);
                StepAnswer answer = failed != null
                        ? StepAnswer.error(step.id(), 424, "failedDependency",
                                "Request '" + failed + "', which this request depends on, did not succeed.")
                        : loopback.send(step, root, publicBase, authorization, stepKey, budget);
                statuses.put(step.id(), answer.status());
                answers.add(answer);
            }
            request.setAttribute(Loopback.STEP_STATUSES_ATTRIBUTE, answers.stream().map(StepAnswer::status).toList());
            // the requests' bodies go into the answer as they came, never parsed into a tree of objects
            StreamingOutput stream = output -> {
                Writer writer = new OutputStreamWriter(output, StandardCharsets.UTF_8);
                writer.write("{\"responses\":[");
                for (int i = 0; i < answers.size(); i++) {
                    if (i > 0) {
                        writer.write(',');
                    }
                    answers.get(i).writeTo(writer);
                }
                writer.write("]}");
                writer.flush();
            };
            return Response.ok(stream, MediaType.APPLICATION_JSON).build();
        } finally {
            running.release();
        }
    }

    private static boolean succeeded(Integer status) {
        return status != null && status >= 200 && status < 300;
    }

    private static String host(String address) {
        return address.contains(":") ? "[" + address + "]" : address;
    }
}
