package dev.bookings.batch.control;

import dev.bookings.platform.Jsons;
import jakarta.json.JsonObject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Entries of a batch response that the batch itself makes, in Graph's error shape. */
public final class BatchAnswers {

    private BatchAnswers() {
    }

    public static JsonObject error(String id, int status, String code, String message) {
        return Jsons.JSON.createObjectBuilder().add("id", id).add("status", status)
                .add("headers", Jsons.JSON.createObjectBuilder().add("Content-Type", "application/json"))
                .add("body", Jsons.JSON.createObjectBuilder().add("error", Jsons.JSON.createObjectBuilder()
                        .add("code", code).add("message", message)
                        .add("innerError", Jsons.JSON.createObjectBuilder().add("date",
                                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toLocalDateTime().toString()))))
                .build();
    }
}
