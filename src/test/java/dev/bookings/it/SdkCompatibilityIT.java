package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.graph.models.BookingAppointment;
import com.microsoft.graph.models.BookingBusiness;
import com.microsoft.graph.models.BookingCustomer;
import com.microsoft.graph.models.BookingCustomerBase;
import com.microsoft.graph.models.BookingCustomerInformation;
import com.microsoft.graph.models.BookingCustomerInformationBase;
import com.microsoft.graph.models.BookingSchedulingPolicy;
import com.microsoft.graph.models.BookingService;
import com.microsoft.graph.models.BookingStaffMember;
import com.microsoft.graph.models.BookingStaffMemberBase;
import com.microsoft.graph.models.BookingStaffRole;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.solutions.bookingbusinesses.item.BookingBusinessItemRequestBuilder;
import com.microsoft.kiota.PeriodAndDuration;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import dev.bookings.security.Scopes;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole booking workflow through the official Microsoft Graph SDKs for Java (v1.0 and beta), used as a
 * client would use them: a bearer-token authentication provider, and nothing changed but the base URL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SdkCompatibilityIT {

    @ArquillianResource
    URL base;

    static AccessTokenProvider token(String token) {
        return new AccessTokenProvider() {
            @Override
            public String getAuthorizationToken(URI uri, Map<String, Object> context) {
                return token;
            }

            @Override
            public AllowedHostsValidator getAllowedHostsValidator() {
                return new AllowedHostsValidator();
            }
        };
    }

    GraphServiceClient v1(String token) {
        GraphServiceClient client = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(token(token)));
        client.getRequestAdapter().setBaseUrl(base.toString().replaceAll("/$", "") + "/v1.0");
        return client;
    }

    com.microsoft.graph.beta.serviceclient.GraphServiceClient beta(String token) {
        var client = new com.microsoft.graph.beta.serviceclient.GraphServiceClient(new BaseBearerTokenAuthenticationProvider(token(token)));
        client.getRequestAdapter().setBaseUrl(base.toString().replaceAll("/$", "") + "/beta");
        return client;
    }

    static DateTimeTimeZone at(OffsetDateTime time, String zone) {
        DateTimeTimeZone value = new DateTimeTimeZone();
        value.setDateTime(time.toLocalDateTime().toString());
        value.setTimeZone(zone);
        return value;
    }

    static ODataError error(Runnable call) {
        return assertThrows(ODataError.class, call::run);
    }

    @Test
    void fullWorkflowWithTheV1Sdk() {
        String tenant = "tenant-" + UUID.randomUUID();
        GraphServiceClient graph = v1(TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL));

        BookingBusiness newBusiness = new BookingBusiness();
        newBusiness.setDisplayName("Fourth Coffee");
        newBusiness.setEmail("owner@fourthcoffee.example");
        BookingSchedulingPolicy policy = new BookingSchedulingPolicy();
        policy.setMinimumLeadTime(PeriodAndDuration.ofDuration(Duration.ofHours(1)));
        newBusiness.setSchedulingPolicy(policy);
        BookingBusiness business = graph.solutions().bookingBusinesses().post(newBusiness);
        assertEquals("FourthCoffee@bookings.example", business.getId());
        BookingBusinessItemRequestBuilder biz = graph.solutions().bookingBusinesses().byBookingBusinessId(business.getId());
        assertEquals("Fourth Coffee", biz.get().getDisplayName());
        assertTrue(graph.solutions().bookingBusinesses().get().getValue().stream().anyMatch(b -> b.getId().equals(business.getId())));

        BookingService newService = new BookingService();
        newService.setDisplayName("Espresso tasting");
        newService.setDefaultDuration(PeriodAndDuration.ofDuration(Duration.ofMinutes(45)));
        BookingService service = biz.services().post(newService);
        assertEquals("Espresso tasting", biz.services().byBookingServiceId(service.getId()).get().getDisplayName());

        BookingStaffMember newStaff = new BookingStaffMember();
        newStaff.setDisplayName("Dana");
        newStaff.setEmailAddress("dana@fourthcoffee.example");
        newStaff.setRole(BookingStaffRole.TeamMember);
        BookingStaffMemberBase staff = biz.staffMembers().post(newStaff);
        assertInstanceOf(BookingStaffMember.class, staff);
        List<BookingStaffMemberBase> allStaff = biz.staffMembers().get().getValue();
        assertEquals(1, allStaff.size());
        assertInstanceOf(BookingStaffMember.class, allStaff.get(0));
        assertEquals(BookingStaffRole.TeamMember, ((BookingStaffMember) allStaff.get(0)).getRole());

        BookingCustomer newCustomer = new BookingCustomer();
        newCustomer.setDisplayName("Jordan");
        newCustomer.setEmailAddress("jordan@fourthcoffee.example");
        BookingCustomerBase customer = biz.customers().post(newCustomer);
        assertInstanceOf(BookingCustomer.class, customer);
        assertInstanceOf(BookingCustomer.class, biz.customers().get().getValue().get(0));

        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        Function<Integer, BookingAppointment> book = days -> {
            BookingAppointment appointment = new BookingAppointment();
            appointment.setStartDateTime(at(start.plusDays(days), "UTC"));
            appointment.setEndDateTime(at(start.plusDays(days).plusHours(1), "UTC"));
            appointment.setServiceId(service.getId());
            appointment.setStaffMemberIds(List.of(staff.getId()));
            BookingCustomerInformation info = new BookingCustomerInformation();
            info.setCustomerId(customer.getId());
            info.setName("Jordan");
            info.setEmailAddress("jordan@fourthcoffee.example");
            appointment.setCustomers(List.<BookingCustomerInformationBase>of(info));
            return biz.appointments().post(appointment);
        };
        BookingAppointment first = book.apply(0);
        assertNotNull(first.getId());
        assertEquals("Espresso tasting", first.getServiceName());
        assertEquals(PeriodAndDuration.ofDuration(Duration.ofHours(1)), first.getDuration());
        BookingAppointment second = book.apply(1);
        BookingAppointment third = book.apply(2);

        BookingAppointment read = biz.appointments().byBookingAppointmentId(first.getId()).get();
        assertEquals(start.toLocalDateTime(), OffsetDateTime.parse(read.getStartDateTime().getDateTime()).toLocalDateTime());
        assertEquals("UTC", read.getStartDateTime().getTimeZone());
        assertInstanceOf(BookingCustomerInformation.class, read.getCustomers().get(0));
        assertEquals(3, biz.appointments().get().getValue().size());

        List<BookingAppointment> view = biz.calendarView().get(config -> {
            config.queryParameters.start = start.plusHours(12).toString();
            config.queryParameters.end = start.plusDays(1).plusHours(12).toString();
        }).getValue();
        assertEquals(List.of(second.getId()), view.stream().map(BookingAppointment::getId).toList());

        BookingAppointment patch = new BookingAppointment();
        patch.setServiceNotes("Bring a cup");
        biz.appointments().byBookingAppointmentId(first.getId()).patch(patch);
        BookingAppointment patched = biz.calendarView().byBookingAppointmentId(first.getId()).get();
        assertEquals("Bring a cup", patched.getServiceNotes());
        assertEquals(service.getId(), patched.getServiceId());

        var cancel = new com.microsoft.graph.solutions.bookingbusinesses.item.appointments.item.cancel.CancelPostRequestBody();
        cancel.setCancellationMessage("Machine broke");
        biz.appointments().byBookingAppointmentId(first.getId()).cancel().post(cancel);
        var cancelView = new com.microsoft.graph.solutions.bookingbusinesses.item.calendarview.item.cancel.CancelPostRequestBody();
        cancelView.setCancellationMessage("Machine broke");
        biz.calendarView().byBookingAppointmentId(second.getId()).cancel().post(cancelView);
        biz.appointments().byBookingAppointmentId(second.getId()).cancel().post(cancel);

        ODataError gone = error(() -> biz.appointments().byBookingAppointmentId(first.getId()).get());
        assertEquals(404, gone.getResponseStatusCode());
        assertEquals("itemNotFound", gone.getError().getCode());

        biz.appointments().byBookingAppointmentId(third.getId()).delete();
        assertEquals(404, error(() -> biz.appointments().byBookingAppointmentId(third.getId()).get()).getResponseStatusCode());
        assertEquals(0, biz.appointments().get().getValue().size());

        BookingAppointment reversed = new BookingAppointment();
        reversed.setStartDateTime(at(start, "UTC"));
        reversed.setEndDateTime(at(start.minusHours(1), "UTC"));
        ODataError invalid = error(() -> biz.appointments().post(reversed));
        assertEquals(400, invalid.getResponseStatusCode());
        assertEquals("invalidRequest", invalid.getError().getCode());
        assertTrue(invalid.getError().getMessage().contains("endDateTime"));

        ODataError unauthenticated = error(() -> v1("not-a-token").solutions().bookingBusinesses().get());
        assertEquals(401, unauthenticated.getResponseStatusCode());
        assertEquals("InvalidAuthenticationToken", unauthenticated.getError().getCode());

        GraphServiceClient reader = v1(TestTokens.delegated(tenant, Scopes.BOOKINGS_READ_ALL));
        ODataError denied = error(() -> reader.solutions().bookingBusinesses().byBookingBusinessId(business.getId())
                .appointments().byBookingAppointmentId(third.getId()).cancel().post(cancel));
        assertEquals(403, denied.getResponseStatusCode());
        assertEquals("accessDenied", denied.getError().getCode());

        GraphServiceClient stranger = v1(TestTokens.delegated("tenant-" + UUID.randomUUID(), Scopes.BOOKINGS_MANAGE_ALL));
        assertEquals(404, error(() -> stranger.solutions().bookingBusinesses().byBookingBusinessId(business.getId()).get())
                .getResponseStatusCode());

        biz.patch(patchedBusiness("Fourth Coffee Roasters"));
        assertEquals("Fourth Coffee Roasters", biz.get().getDisplayName());
        biz.publish().post();
        assertTrue(biz.get().getIsPublished());
        biz.unpublish().post();
        biz.delete();
        assertEquals(404, error(biz::get).getResponseStatusCode());
    }

    @Test
    void queryOptionsCountAndPreconditionsThroughTheSdkBuilders() {
        String tenant = "tenant-" + UUID.randomUUID();
        GraphServiceClient graph = v1(TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL));
        BookingBusiness newBusiness = new BookingBusiness();
        newBusiness.setDisplayName("Query Coffee");
        BookingBusinessItemRequestBuilder biz = graph.solutions().bookingBusinesses()
                .byBookingBusinessId(graph.solutions().bookingBusinesses().post(newBusiness).getId());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(5).truncatedTo(ChronoUnit.DAYS).plusHours(9);
        String[] names = {"Espresso", "Latte", "Espresso doppio", "Mocha"};
        for (int i = 0; i < names.length; i++) {
            BookingAppointment appointment = new BookingAppointment();
            appointment.setStartDateTime(at(start.plusHours(i), "UTC"));
            appointment.setEndDateTime(at(start.plusHours(i).plusMinutes(30), "UTC"));
            appointment.setServiceName(names[i]);
            appointment.setPrice(10.0 + i);
            biz.appointments().post(appointment);
        }

        assertEquals(4, biz.appointments().count().get());
        assertEquals(2, biz.appointments().count().get(c -> c.queryParameters.filter = "startswith(serviceName,'Espresso')"));
        var page = biz.appointments().get(c -> {
            c.queryParameters.filter = "startDateTime/dateTime ge '" + start.plusHours(1).toLocalDateTime() + "'";
            c.queryParameters.orderby = new String[] {"price desc"};
            c.queryParameters.select = new String[] {"serviceName", "price"};
            c.queryParameters.skip = 1;
            c.queryParameters.top = 1;
            c.queryParameters.count = true;
        });
        assertEquals(3L, page.getOdataCount());
        assertEquals(List.of("Espresso doppio"), page.getValue().stream().map(BookingAppointment::getServiceName).toList());
        assertEquals(null, page.getValue().get(0).getStartDateTime(), "not selected");
        assertNotNull(page.getOdataNextLink());
        var rest = new com.microsoft.graph.core.tasks.PageIterator.Builder<BookingAppointment,
                com.microsoft.graph.models.BookingAppointmentCollectionResponse>()
                .client(graph).collectionPage(page)
                .collectionPageFactory(com.microsoft.graph.models.BookingAppointmentCollectionResponse::createFromDiscriminatorValue);
        List<String> all = new java.util.ArrayList<>();
        try {
            rest.processPageItemCallback(a -> all.add(a.getServiceName())).build().iterate();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        assertEquals(List.of("Espresso doppio", "Latte"), all, "the next link carries filter, order and selection");
        assertEquals(0, biz.staffMembers().count().get());

        BookingAppointment one = biz.appointments().get(c -> c.queryParameters.filter = "serviceName eq 'Mocha'")
                .getValue().get(0);
        String etag = (String) one.getAdditionalData().get("@odata.etag");
        assertNotNull(etag);
        BookingAppointment patch = new BookingAppointment();
        patch.setServiceNotes("Extra hot");
        biz.appointments().byBookingAppointmentId(one.getId()).patch(patch, c -> c.headers.add("If-Match", etag));
        ODataError stale = error(() -> biz.appointments().byBookingAppointmentId(one.getId())
                .patch(patch, c -> c.headers.add("If-Match", etag)));
        assertEquals(412, stale.getResponseStatusCode());
        assertEquals("preconditionFailed", stale.getError().getCode());

        ODataError unknown = error(() -> biz.appointments().get(c -> c.queryParameters.select = new String[] {"flavour"}));
        assertEquals(400, unknown.getResponseStatusCode());
        assertTrue(unknown.getError().getMessage().contains("flavour"));
    }

    @Test
    void batchThroughTheSdksBatchRequestContent() throws Exception {
        String tenant = "tenant-" + UUID.randomUUID();
        GraphServiceClient graph = v1(TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL));
        BookingBusiness newBusiness = new BookingBusiness();
        newBusiness.setDisplayName("Batch Coffee");
        BookingBusinessItemRequestBuilder biz = graph.solutions().bookingBusinesses()
                .byBookingBusinessId(graph.solutions().bookingBusinesses().post(newBusiness).getId());
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(4).truncatedTo(ChronoUnit.HOURS);
        BookingAppointment appointment = new BookingAppointment();
        appointment.setStartDateTime(at(start, "UTC"));
        appointment.setEndDateTime(at(start.plusHours(1), "UTC"));
        appointment.setServiceName("Cupping");

        var batch = new com.microsoft.graph.core.content.BatchRequestContent(graph);
        String create = batch.addBatchRequestStep(biz.appointments().toPostRequestInformation(appointment));
        String list = batch.addBatchRequestStep(biz.appointments().toGetRequestInformation(
                c -> c.queryParameters.select = new String[] {"serviceName"}));
        batch.getBatchRequestSteps().get(list).addDependsOnId(create);
        String missing = batch.addBatchRequestStep(biz.appointments().byBookingAppointmentId("nope").toGetRequestInformation());
        var response = graph.getBatchRequestBuilder().post(batch, null);

        assertEquals(Map.of(create, 201, list, 200, missing, 404), response.getResponsesStatusCode());
        BookingAppointment created = response.getResponseById(create, BookingAppointment::createFromDiscriminatorValue);
        assertEquals("Cupping", created.getServiceName());
        var listed = response.getResponseById(list,
                com.microsoft.graph.models.BookingAppointmentCollectionResponse::createFromDiscriminatorValue);
        assertEquals(List.of(created.getId()), listed.getValue().stream().map(BookingAppointment::getId).toList());
        assertEquals(1, biz.appointments().count().get(), "the batch's POST was committed");
    }

    @Test
    void staffAvailabilityCustomQuestionsAndCurrenciesThroughTheSdk() {
        String tenant = "tenant-" + UUID.randomUUID();
        GraphServiceClient graph = v1(TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL));
        BookingBusiness newBusiness = new BookingBusiness();
        newBusiness.setDisplayName("Surface Coffee");
        newBusiness.setDefaultCurrencyIso("EUR");
        var mondayToFriday = new java.util.ArrayList<com.microsoft.graph.models.BookingWorkHours>();
        for (var day : List.of(com.microsoft.graph.models.DayOfWeek.Monday, com.microsoft.graph.models.DayOfWeek.Tuesday,
                com.microsoft.graph.models.DayOfWeek.Wednesday, com.microsoft.graph.models.DayOfWeek.Thursday,
                com.microsoft.graph.models.DayOfWeek.Friday)) {
            var slot = new com.microsoft.graph.models.BookingWorkTimeSlot();
            slot.setStartTime(java.time.LocalTime.of(9, 0));
            slot.setEndTime(java.time.LocalTime.of(17, 0));
            var hours = new com.microsoft.graph.models.BookingWorkHours();
            hours.setDay(day);
            hours.setTimeSlots(List.of(slot));
            mondayToFriday.add(hours);
        }
        newBusiness.setBusinessHours(mondayToFriday);
        BookingBusinessItemRequestBuilder biz = graph.solutions().bookingBusinesses()
                .byBookingBusinessId(graph.solutions().bookingBusinesses().post(newBusiness).getId());
        assertEquals("EUR", biz.get().getDefaultCurrencyIso());

        BookingStaffMember newStaff = new BookingStaffMember();
        newStaff.setDisplayName("Dana");
        newStaff.setEmailAddress("dana@surface.example");
        newStaff.setRole(BookingStaffRole.TeamMember);
        newStaff.setTimeZone("Europe/Berlin");
        newStaff.setUseBusinessHours(true);
        String dana = biz.staffMembers().post(newStaff).getId();

        var question = new com.microsoft.graph.models.BookingCustomQuestion();
        question.setDisplayName("Milk?");
        question.setAnswerInputType(com.microsoft.graph.models.AnswerInputType.RadioButton);
        question.setAnswerOptions(List.of("oat", "none"));
        String milk = biz.customQuestions().post(question).getId();
        assertEquals(1, biz.customQuestions().get().getValue().size());
        assertEquals(List.of("oat", "none"), biz.customQuestions().byBookingCustomQuestionId(milk).get().getAnswerOptions());
        BookingService newService = new BookingService();
        newService.setDisplayName("Flat white");
        var assignment = new com.microsoft.graph.models.BookingQuestionAssignment();
        assignment.setQuestionId(milk);
        assignment.setIsRequired(true);
        newService.setCustomQuestions(List.of(assignment));
        BookingService service = biz.services().post(newService);
        assertEquals(milk, service.getCustomQuestions().get(0).getQuestionId());

        // Berlin moves to summer time on Sunday 28 March 2027
        Function<String, DateTimeTimeZone> berlin = local -> {
            DateTimeTimeZone value = new DateTimeTimeZone();
            value.setDateTime(local);
            value.setTimeZone("Europe/Berlin");
            return value;
        };
        Function<String, BookingAppointment> book = startLocal -> {
            BookingAppointment appointment = new BookingAppointment();
            appointment.setStartDateTime(berlin.apply(startLocal));
            appointment.setEndDateTime(berlin.apply(startLocal.replace("T10", "T11")));
            appointment.setServiceId(service.getId());
            appointment.setStaffMemberIds(List.of(dana));
            BookingCustomerInformation customer = new BookingCustomerInformation();
            customer.setName("Jordan");
            var answer = new com.microsoft.graph.models.BookingQuestionAnswer();
            answer.setQuestionId(milk);
            answer.setSelectedOptions(List.of("oat"));
            customer.setCustomQuestionAnswers(List.of(answer));
            appointment.setCustomers(List.<BookingCustomerInformationBase>of(customer));
            return biz.appointments().post(appointment);
        };
        BookingAppointment friday = book.apply("2027-03-26T10:00:00");
        BookingAppointment monday = book.apply("2027-03-29T10:00:00");
        var answered = ((BookingCustomerInformation) biz.appointments().byBookingAppointmentId(monday.getId()).get()
                .getCustomers().get(0)).getCustomQuestionAnswers().get(0);
        assertEquals("Milk?", answered.getQuestion());
        assertEquals(List.of("oat"), answered.getSelectedOptions());
        assertTrue(answered.getIsRequired());
        var cancel = new com.microsoft.graph.solutions.bookingbusinesses.item.appointments.item.cancel.CancelPostRequestBody();
        biz.appointments().byBookingAppointmentId(friday.getId()).cancel().post(cancel);

        var ask = new com.microsoft.graph.solutions.bookingbusinesses.item.getstaffavailability.GetStaffAvailabilityPostRequestBody();
        ask.setStaffIds(List.of(dana));
        ask.setStartDateTime(berlin.apply("2027-03-26T00:00:00"));
        ask.setEndDateTime(berlin.apply("2027-03-30T00:00:00"));
        var items = biz.getStaffAvailability().post(ask).getValue().get(0).getAvailabilityItems();
        List<String> seen = items.stream().map(i -> i.getStartDateTime().getDateTime().substring(0, 16) + " "
                + i.getStatus().getValue()).toList();
        assertEquals(List.of("2027-03-26T00:00 outOfOffice", "2027-03-26T09:00 available", "2027-03-26T17:00 outOfOffice",
                "2027-03-29T09:00 available", "2027-03-29T10:00 busy", "2027-03-29T11:00 available",
                "2027-03-29T17:00 outOfOffice"), seen, "Friday's cancelled booking frees its time; 09:00 stays 09:00 in Berlin");
        assertEquals(service.getId(), items.get(4).getServiceId());

        ODataError inUse = error(() -> biz.customQuestions().byBookingCustomQuestionId(milk).delete());
        assertEquals(409, inUse.getResponseStatusCode());
        var askNobody = new com.microsoft.graph.solutions.bookingbusinesses.item.getstaffavailability.GetStaffAvailabilityPostRequestBody();
        askNobody.setStaffIds(List.of("nobody"));
        askNobody.setStartDateTime(berlin.apply("2027-03-26T00:00:00"));
        askNobody.setEndDateTime(berlin.apply("2027-03-30T00:00:00"));
        ODataError unknownStaff = error(() -> biz.getStaffAvailability().post(askNobody));
        assertEquals(400, unknownStaff.getResponseStatusCode());
        assertEquals("unknownStaffMember", unknownStaff.getError().getCode());

        assertEquals("€", graph.solutions().bookingCurrencies().byBookingCurrencyId("EUR").get().getSymbol());
        assertTrue(graph.solutions().bookingCurrencies().get().getValue().stream().anyMatch(c -> c.getId().equals("USD")));
        assertTrue(graph.solutions().bookingCurrencies().count().get() > 150);
        var betaCurrency = beta(TestTokens.delegated(tenant, Scopes.BOOKINGS_READ_ALL)).bookingCurrencies()
                .byBookingCurrencyId("JPY").get();
        assertEquals("¥", betaCurrency.getSymbol());
    }

    @Test
    void subscriptionsThroughTheSdk() {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            String tenant = "tenant-" + UUID.randomUUID();
            GraphServiceClient graph = v1(TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL));
            BookingBusiness newBusiness = new BookingBusiness();
            newBusiness.setDisplayName("Hook Coffee");
            String businessId = graph.solutions().bookingBusinesses().post(newBusiness).getId();

            var subscription = new com.microsoft.graph.models.Subscription();
            subscription.setResource("solutions/bookingBusinesses/" + businessId + "/appointments");
            subscription.setChangeType("created,updated");
            subscription.setNotificationUrl(receiver.url("/sdk"));
            subscription.setClientState("sdk-state");
            subscription.setExpirationDateTime(OffsetDateTime.now(ZoneOffset.UTC).plusHours(1));
            var created = graph.subscriptions().post(subscription);
            assertNotNull(created.getId());
            assertEquals("sdk-state", created.getClientState());
            assertTrue(graph.subscriptions().get().getValue().stream().anyMatch(s -> s.getId().equals(created.getId())));

            OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(6).truncatedTo(ChronoUnit.HOURS);
            BookingAppointment appointment = new BookingAppointment();
            appointment.setStartDateTime(at(start, "UTC"));
            appointment.setEndDateTime(at(start.plusHours(1), "UTC"));
            String id = graph.solutions().bookingBusinesses().byBookingBusinessId(businessId).appointments().post(appointment).getId();
            var received = receiver.await("/sdk", n -> true, 1);
            assertEquals(1, received.size());
            assertEquals(id, received.get(0).getJsonObject("resourceData").getString("id"));
            assertEquals("sdk-state", received.get(0).getString("clientState"));

            var renewal = new com.microsoft.graph.models.Subscription();
            renewal.setExpirationDateTime(OffsetDateTime.now(ZoneOffset.UTC).plusHours(2));
            assertTrue(graph.subscriptions().bySubscriptionId(created.getId()).patch(renewal).getExpirationDateTime()
                    .isAfter(OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(90)));
            graph.subscriptions().bySubscriptionId(created.getId()).delete();
            assertEquals(404, error(() -> graph.subscriptions().bySubscriptionId(created.getId()).get()).getResponseStatusCode());
        }
    }

    static BookingBusiness patchedBusiness(String name) {
        BookingBusiness patch = new BookingBusiness();
        patch.setDisplayName(name);
        return patch;
    }

    @Test
    void workflowWithTheBetaSdkOnBothBetaRoots() {
        String tenant = "tenant-" + UUID.randomUUID();
        String token = TestTokens.delegated(tenant, Scopes.BOOKINGS_MANAGE_ALL);
        var graph = beta(token);

        var newBusiness = new com.microsoft.graph.beta.models.BookingBusiness();
        newBusiness.setDisplayName("Contoso Beta");
        var business = graph.bookingBusinesses().post(newBusiness);
        var viaRoot = graph.bookingBusinesses().byBookingBusinessId(business.getId());
        var viaSolutions = graph.solutions().bookingBusinesses().byBookingBusinessId(business.getId());
        assertEquals("Contoso Beta", viaSolutions.get().getDisplayName());

        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        Function<Integer, com.microsoft.graph.beta.models.BookingAppointment> book = hours -> {
            var appointment = new com.microsoft.graph.beta.models.BookingAppointment();
            var from = new com.microsoft.graph.beta.models.DateTimeTimeZone();
            from.setDateTime(start.plusHours(hours).withOffsetSameInstant(ZoneOffset.ofHours(-6)).toLocalDateTime().toString());
            from.setTimeZone("Central America Standard Time");
            var to = new com.microsoft.graph.beta.models.DateTimeTimeZone();
            to.setDateTime(start.plusHours(hours + 1).toLocalDateTime().toString());
            to.setTimeZone("UTC");
            appointment.setStart(from);
            appointment.setEnd(to);
            appointment.setCustomerName("Jordan");
            appointment.setCustomerEmailAddress("jordan@contoso.example");
            return viaRoot.appointments().post(appointment);
        };
        var created = book.apply(0);
        assertEquals("UTC", created.getStart().getTimeZone());
        assertEquals(start.toLocalDateTime(), OffsetDateTime.parse(created.getStart().getDateTime()).toLocalDateTime());
        assertEquals("Jordan", created.getCustomerName());

        var view = viaSolutions.calendarView().get(config -> {
            config.queryParameters.start = start.minusHours(1).toString();
            config.queryParameters.end = start.plusHours(3).toString();
        }).getValue();
        assertEquals(List.of(created.getId()), view.stream().map(com.microsoft.graph.beta.models.BookingAppointment::getId).toList());

        List<String> ids = List.of(created.getId(), book.apply(1).getId(), book.apply(2).getId(), book.apply(3).getId());
        var c1 = new com.microsoft.graph.beta.bookingbusinesses.item.appointments.item.cancel.CancelPostRequestBody();
        c1.setCancellationMessage("Closed");
        viaRoot.appointments().byBookingAppointmentId(ids.get(0)).cancel().post(c1);
        var c2 = new com.microsoft.graph.beta.bookingbusinesses.item.calendarview.item.cancel.CancelPostRequestBody();
        c2.setCancellationMessage("Closed");
        viaRoot.calendarView().byBookingAppointmentId(ids.get(1)).cancel().post(c2);
        var c3 = new com.microsoft.graph.beta.solutions.bookingbusinesses.item.appointments.item.cancel.CancelPostRequestBody();
        c3.setCancellationMessage("Closed");
        viaSolutions.appointments().byBookingAppointmentId(ids.get(2)).cancel().post(c3);
        var c4 = new com.microsoft.graph.beta.solutions.bookingbusinesses.item.calendarview.item.cancel.CancelPostRequestBody();
        c4.setCancellationMessage("Closed");
        viaSolutions.calendarView().byBookingAppointmentId(ids.get(3)).cancel().post(c4);

        for (String id : ids) {
            var gone = assertThrows(com.microsoft.graph.beta.models.odataerrors.ODataError.class,
                    () -> viaRoot.appointments().byBookingAppointmentId(id).get());
            assertEquals(404, gone.getResponseStatusCode());
            assertEquals("itemNotFound", gone.getError().getCode());
        }
        var missing = assertThrows(com.microsoft.graph.beta.models.odataerrors.ODataError.class,
                () -> viaRoot.appointments().byBookingAppointmentId("no-such-id").cancel().post(c1));
        assertEquals(404, missing.getResponseStatusCode());
    }
}
