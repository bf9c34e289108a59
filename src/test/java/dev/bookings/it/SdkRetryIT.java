package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.models.BookingAppointment;
import com.microsoft.graph.models.BookingCustomer;
import com.microsoft.graph.models.BookingCustomerBase;
import com.microsoft.graph.models.BookingCustomerInformation;
import com.microsoft.graph.models.BookingCustomerInformationBase;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.solutions.bookingbusinesses.item.BookingBusinessItemRequestBuilder;
import com.microsoft.graph.solutions.bookingbusinesses.item.appointments.item.cancel.CancelPostRequestBody;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.bookings.security.Scopes;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The official Graph SDK for Java with its default retry handler, behind a proxy that drops the answer of every
 * write's first try (504, as from a load balancer) after the service has done it: the SDK retries with the same
 * {@code client-request-id} and {@code Retry-Attempt: 1}, and gets the first try's answer, so each call changes
 * the service once: one row, one mail per recipient, one change notification per subscription.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SdkRetryIT {

    @ArquillianResource
    URL base;

    @Test
    void writesRetriedByTheSdkAfterALostAnswerHappenOnce() {
        try (DroppingProxy proxy = new DroppingProxy(base.toString()); WebhookReceiver receiver = new WebhookReceiver()) {
            Api api = new Api(base);
            String business = api.business();
            Http.Reply subscribed = Http.postJson(api.uri("v1.0/subscriptions"), api.manager, SubscriptionsHttpIT.body(
                    SubscriptionsHttpIT.resource(business), "created,updated,deleted", receiver.url("/hook"), null,
                    SubscriptionsHttpIT.in(Duration.ofHours(1))));
            assertEquals(201, subscribed.status(), subscribed::toString);

            GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(
                    SdkCompatibilityIT.token(TestTokens.delegated(api.tenant, Scopes.BOOKINGS_MANAGE_ALL))));
            graph.getRequestAdapter().setBaseUrl(proxy.base() + "/v1.0");
            BookingBusinessItemRequestBuilder biz = graph.solutions().bookingBusinesses().byBookingBusinessId(business);

            BookingCustomer newCustomer = new BookingCustomer();
            newCustomer.setDisplayName("Robin");
            newCustomer.setEmailAddress("robin@retry.example");
            BookingCustomerBase customer = biz.customers().post(newCustomer);
            JsonObject customers = Http.get(api.uri(Api.V1 + "/" + Api.encode(business) + "/customers"), api.manager).json();
            assertEquals(1, customers.getJsonArray("value").size(), customers::toString);
            assertEquals(customer.getId(), customers.getJsonArray("value").getJsonObject(0).getString("id"));

            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
            BookingAppointment newAppointment = new BookingAppointment();
            newAppointment.setStartDateTime(SdkCompatibilityIT.at(start, "UTC"));
            newAppointment.setEndDateTime(SdkCompatibilityIT.at(start.plusHours(1), "UTC"));
            newAppointment.setServiceName("Haircut");
            BookingCustomerInformation information = new BookingCustomerInformation();
            information.setName("Robin");
            information.setEmailAddress("robin@retry.example");
            newAppointment.setCustomers(List.<BookingCustomerInformationBase>of(information));
            BookingAppointment appointment = biz.appointments().post(newAppointment);
            JsonObject appointments = Http.get(api.uri(Api.V1 + "/" + Api.encode(business) + "/appointments"), api.manager).json();
            assertEquals(1, appointments.getJsonArray("value").size(), appointments::toString);
            assertEquals(appointment.getId(), appointments.getJsonArray("value").getJsonObject(0).getString("id"));

            String etag = Http.get(api.item(Api.V1, business, "appointments", appointment.getId()), api.manager).header("ETag");
            BookingAppointment change = new BookingAppointment();
            change.setServiceNotes("window seat");
            biz.appointments().byBookingAppointmentId(appointment.getId()).patch(change,
                    config -> config.headers.add("If-Match", etag));
            assertEquals("window seat", Http.get(api.item(Api.V1, business, "appointments", appointment.getId()),
                    api.manager).json().getString("serviceNotes"));

            CancelPostRequestBody cancel = new CancelPostRequestBody();
            cancel.setCancellationMessage("The salon is closed.");
            biz.appointments().byBookingAppointmentId(appointment.getId()).cancel().post(cancel);

            assertEquals(4, proxy.dropped.get(), proxy.forwarded::toString);
            assertTrue(proxy.forwarded.stream().filter(f -> f.endsWith("Retry-Attempt 1")).count() >= 4,
                    proxy.forwarded::toString);

            List<MimeMessage> mails = MailServer.awaitCancellations(Set.of("robin@retry.example"), 1, Duration.ofSeconds(20));
            assertEquals(1, mails.size());
            List<JsonObject> received = receiver.await("/hook", n -> true, 3);
            WebhookReceiver.sleep(Duration.ofSeconds(3)); // a second notification, if any, would arrive meanwhile
            Map<String, Long> byChange = receiver.notifications.stream().collect(Collectors.groupingBy(
                    n -> n.getString("changeType") + (n.getJsonObject("resourceData").containsKey("isCancelled") ? "+cancelled" : ""),
                    Collectors.counting()));
            assertEquals(Map.of("created", 1L, "updated", 1L, "updated+cancelled", 1L), byChange, received::toString);
            assertEquals(1, MailServer.cancellations(Set.of("robin@retry.example")).size(), "one cancellation mail");
        }
    }
}
