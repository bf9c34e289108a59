package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** customQuestions of a business: CRUD, services asking them, customers answering them, deletes refused while used. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CustomQuestionsHttpIT {

    @ArquillianResource
    URL base;

    static void assertError(Http.Reply reply, int status, String code, String word) {
        assertEquals(status, reply.status(), reply::toString);
        JsonObject error = reply.json().getJsonObject("error");
        assertEquals(code, error.getString("code"), reply::toString);
        assertTrue(error.getString("message").contains(word), () -> word + " in " + reply);
    }

    @Test
    void questionsAskedByServicesAndAnsweredByCustomers() {
        Api api = new Api(base);
        String business = Api.encode(api.business());
        String questions = business + "/customQuestions";
        String allergies = api.create(questions, "{\"displayName\": \"Any allergies?\", \"answerInputType\": \"text\"}");
        String length = api.create(questions, "{\"displayName\": \"Hair length\", \"answerInputType\": \"radioButton\","
                + " \"answerOptions\": [\"short\", \"long\"]}");
        JsonObject read = Http.get(api.uri(Api.V1 + "/" + questions + "/" + length), api.manager).json();
        assertEquals("radioButton", read.getString("answerInputType"));
        assertEquals(2, read.getJsonArray("answerOptions").size());
        assertTrue(read.containsKey("lastUpdatedDateTime"));
        assertEquals("2", Http.get(api.uri(Api.BETA + "/" + questions + "/$count"), api.manager).body());

        assertError(Http.postJson(api.uri(Api.V1 + "/" + questions), api.manager, "{\"answerInputType\": \"text\"}"),
                400, "invalidRequest", "displayName");
        assertError(Http.postJson(api.uri(Api.V1 + "/" + questions), api.manager,
                "{\"displayName\": \"?\", \"answerInputType\": \"checkbox\"}"), 400, "invalidRequest", "answerInputType");
        assertError(Http.postJson(api.uri(Api.V1 + "/" + questions), api.manager,
                "{\"displayName\": \"?\", \"answerInputType\": \"radioButton\"}"), 400, "invalidRequest", "answerOptions");
        assertEquals(204, Http.send("PATCH", api.uri(Api.V1 + "/" + questions + "/" + allergies), api.manager,
                "application/json", "{\"displayName\": \"Allergies?\"}").status());

        assertError(Http.postJson(api.uri(Api.V1 + "/" + business + "/services"), api.manager,
                "{\"displayName\": \"Cut\", \"customQuestions\": [{\"questionId\": \"no-such-question\"}]}"),
                400, "invalidRequest", "no-such-question");
        String service = api.create(business + "/services", "{\"displayName\": \"Cut\", \"defaultDuration\": \"PT30M\","
                + " \"customQuestions\": [{\"questionId\": \"" + allergies + "\", \"isRequired\": true},"
                + " {\"questionId\": \"" + length + "\", \"isRequired\": false}]}");
        assertEquals(2, Http.get(api.uri(Api.V1 + "/" + business + "/services/" + service), api.manager).json()
                .getJsonArray("customQuestions").size());

        String appointments = Api.V1 + "/" + business + "/appointments";
        String times = Api.times(Duration.ofDays(4));
        assertError(Http.postJson(api.uri(appointments), api.manager, "{" + times + ", \"serviceId\": \"" + service + "\","
                + " \"customers\": [{\"name\": \"Jordan\", \"customQuestionAnswers\": [{\"questionId\": \"" + length
                + "\", \"selectedOptions\": [\"short\"]}]}]}"), 400, "requiredQuestionNotAnswered", allergies);
        assertError(Http.postJson(api.uri(appointments), api.manager, "{" + times + ", \"serviceId\": \"" + service + "\","
                + " \"customers\": [{\"name\": \"Jordan\", \"customQuestionAnswers\": [{\"questionId\": \"" + allergies
                + "\", \"answer\": \"None\"}, {\"questionId\": \"" + length + "\", \"selectedOptions\": [\"medium\"]}]}]}"),
                400, "invalidRequest", "medium");
        String appointment = api.create(business + "/appointments", "{" + times + ", \"serviceId\": \"" + service + "\","
                + " \"customers\": [{\"@odata.type\": \"#microsoft.graph.bookingCustomerInformation\", \"name\": \"Jordan\","
                + " \"customQuestionAnswers\": [{\"questionId\": \"" + allergies + "\", \"answer\": \"None\"},"
                + " {\"questionId\": \"" + length + "\", \"selectedOptions\": [\"long\"]}]}]}");
        JsonObject answer = Http.get(api.uri(appointments + "/" + appointment), api.manager).json().getJsonArray("customers")
                .getJsonObject(0).getJsonArray("customQuestionAnswers").getJsonObject(0);
        assertEquals("Allergies?", answer.getString("question"));
        assertEquals("None", answer.getString("answer"));
        assertTrue(answer.getBoolean("isRequired"));
        assertEquals("text", answer.getString("answerInputType"));

        assertError(Http.send("DELETE", api.uri(Api.V1 + "/" + questions + "/" + allergies), api.manager, null, null),
                409, "customQuestionInUse", service);
        assertEquals(204, Http.send("PATCH", api.uri(Api.V1 + "/" + business + "/services/" + service), api.manager,
                "application/json", "{\"customQuestions\": [{\"questionId\": \"" + length + "\"}]}").status());
        assertEquals(204, Http.send("DELETE", api.uri(Api.V1 + "/" + questions + "/" + allergies), api.manager, null, null)
                .status(), "no service asks it any more");

        Api other = new Api(base);
        assertEquals(404, Http.get(other.uri(Api.V1 + "/" + questions + "/" + length), other.manager).status());
    }
}
