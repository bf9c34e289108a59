package dev.bookings.businesses.control;

import dev.bookings.platform.Jsons;
import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.platform.GraphTimes;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** A bookingBusiness as Graph writes it. */
public final class BusinessRepresentation {

    private BusinessRepresentation() {
    }

    public static JsonObject of(BookingBusiness b, String context) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder();
        if (context != null) {
            json.add("@odata.context", context);
        }
        json.add("@odata.etag", b.etag());
        json.add("id", b.id());
        json.add("displayName", b.displayName());
        put(json, "businessType", b.businessType());
        put(json, "phone", b.phone());
        put(json, "email", b.email());
        put(json, "webSiteUrl", b.webSiteUrl());
        put(json, "defaultCurrencyIso", b.defaultCurrencyIso());
        put(json, "languageTag", b.languageTag());
        json.add("isPublished", b.published());
        json.addNull("publicUrl");
        putStored(json, "address", b.addressJson());
        if (b.businessHoursJson() == null) {
            json.add("businessHours", Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, "businessHours", b.businessHoursJson());
        }
        JsonObjectBuilder policy = Jsons.JSON.createObjectBuilder();
        put(policy, "timeSlotInterval", b.timeSlotInterval());
        put(policy, "minimumLeadTime", b.minimumLeadTime());
        put(policy, "maximumAdvance", b.maximumAdvance());
        policy.add("sendConfirmationsToOwner", b.sendConfirmationsToOwner());
        policy.add("allowStaffSelection", b.allowStaffSelection());
        json.add("schedulingPolicy", policy);
        put(json, "createdDateTime", GraphTimes.timestamp(b.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(b.updatedAt()));
        return json.build();
    }
}
