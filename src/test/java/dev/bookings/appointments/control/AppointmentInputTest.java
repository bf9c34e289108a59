package dev.bookings.appointments.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.platform.ApiVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class AppointmentInputTest {

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text.replace('\'', '"'))).readObject();
    }

    @Test
    void acceptsBothSpellingsOfTheTimes() {
        String v1 = "{'startDateTime': {'dateTime': '2026-05-01T12:00:00', 'timeZone': 'UTC'},"
                + " 'endDateTime': {'dateTime': '2026-05-01T13:00:00', 'timeZone': 'UTC'}}";
        String beta = "{'start': {'dateTime': '2026-05-01T12:00:00', 'timeZone': 'UTC'},"
                + " 'end': {'dateTime': '2026-05-01T13:00:00', 'timeZone': 'UTC'}}";
        for (ApiVersion version : ApiVersion.values()) {
            assertEquals(OffsetDateTime.parse("2026-05-01T12:00:00Z"), AppointmentInput.forCreate(json(v1), version).start());
            assertEquals(OffsetDateTime.parse("2026-05-01T13:00:00Z"), AppointmentInput.forCreate(json(beta), version).end());
        }
    }

    @Test
    void namesTheFaultyProperty() {
        String times = "'startDateTime': {'dateTime': '2026-05-01T12:00:00'}, 'endDateTime': {'dateTime': '2026-05-01T13:00:00'}";
        assertTrue(assertThrows(InvalidRequest.class, () -> AppointmentInput.forCreate(json("{}"), ApiVersion.V1_0))
                .getMessage().contains("startDateTime"));
        assertTrue(assertThrows(InvalidRequest.class, () -> AppointmentInput.forCreate(
                json("{'startDateTime': {'dateTime': '2026-05-01T12:00:00'}, 'endDateTime': {'dateTime': '2026-05-01T11:00:00'}}"),
                ApiVersion.V1_0)).getMessage().contains("endDateTime"));
        assertTrue(assertThrows(InvalidRequest.class, () -> AppointmentInput.forCreate(
                json("{" + times + ", 'price': 'free'}"), ApiVersion.V1_0)).getMessage().contains("price"));
        assertTrue(assertThrows(InvalidRequest.class, () -> AppointmentInput.forCreate(
                json("{" + times + ", 'priceType': 'gratis'}"), ApiVersion.V1_0)).getMessage().contains("priceType"));
        assertTrue(assertThrows(InvalidRequest.class, () -> AppointmentInput.forCreate(
                json("{" + times + ", 'customers': [{'emailAddress': 'a@b.example\\r\\nBcc: x@y.example'}]}"),
                ApiVersion.V1_0)).getMessage().contains("emailAddress"));
    }

    @Test
    void ignoresAnnotationsReadOnlyAndUnknownProperties() {
        String body = "{'@odata.type': '#microsoft.graph.bookingAppointment', 'id': 'mine', 'duration': 'PT9H',"
                + " 'filledAttendeesCount': 7, 'whatever': [1],"
                + " 'startDateTime': {'@odata.type': '#microsoft.graph.dateTimeTimeZone', 'dateTime': '2026-05-01T12:00:00'},"
                + " 'endDateTime': {'dateTime': '2026-05-01T13:00:00'}, 'price@odata.type': '#Double', 'price': 10}";
        AppointmentInput input = AppointmentInput.forCreate(json(body), ApiVersion.V1_0);
        assertEquals(OffsetDateTime.parse("2026-05-01T12:00:00Z"), input.start());
    }
}
