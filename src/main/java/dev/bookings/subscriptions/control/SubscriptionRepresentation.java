package dev.bookings.subscriptions.control;

import static dev.bookings.platform.JsonWriting.put;

import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.Jsons;
import dev.bookings.subscriptions.entity.Subscription;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A subscription as Graph writes it. */
public final class SubscriptionRepresentation {

    private SubscriptionRepresentation() {
    }

    public static JsonObject of(Subscription s, String context) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
        if (context != null) {
            json.add("@odata.context", context);
        }
        json.add("id", s.id()).add("resource", s.resource());
        put(json, "applicationId", s.applicationId());
        json.add("changeType", s.changeType());
        put(json, "clientState", s.clientState());
        json.add("notificationUrl", s.notificationUrl());
        put(json, "lifecycleNotificationUrl", s.lifecycleNotificationUrl());
        json.add("expirationDateTime", GraphTimes.timestamp(s.expiresAt()));
        put(json, "creatorId", s.creatorId());
        json.add("includeResourceData", false);
        json.add("latestSupportedTlsVersion", "v1_2");
        return json.build();
    }
}
