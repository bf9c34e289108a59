package dev.bookings.businesses.control;

import dev.bookings.businesses.entity.BookingBusiness;
import dev.bookings.currencies.control.Currencies;
import dev.bookings.platform.EmailAddresses;
import dev.bookings.platform.JsonFields;
import jakarta.json.JsonObject;

/**
 * A bookingBusiness as a client sends it, validated before any transaction. Only the properties present are
 * applied; read-only ones ({@code id}, {@code isPublished}, {@code publicUrl}, timestamps) and unknown ones are
 * ignored.
 */
public final class BusinessInput {

    private final JsonFields fields;
    private final JsonFields policy;

    private BusinessInput(JsonObject body) {
        this.fields = JsonFields.of(body);
        this.policy = fields.object("schedulingPolicy").map(p -> JsonFields.of(p, "schedulingPolicy")).orElse(null);
        validate();
    }

    public static BusinessInput forCreate(JsonObject body) {
        BusinessInput input = new BusinessInput(body);
        input.fields.requiredString("displayName", 255);
        return input;
    }

    /** The body of a PATCH: only what it carries changes. */
    public static BusinessInput forPatch(JsonObject body) {
        BusinessInput input = new BusinessInput(body);
        if (input.fields.isNull("displayName") || input.fields.string("displayName", 255).filter(String::isBlank).isPresent()) {
            throw new dev.bookings.errors.InvalidRequest("Property 'displayName' cannot be empty.");
        }
        return input;
    }

    public String displayName() {
        return fields.requiredString("displayName", 255);
    }

    private void validate() {
        fields.string("displayName", 255);
        EmailAddresses.optional(fields, "email");
        fields.string("phone", 64);
        fields.string("webSiteUrl", 2048);
        fields.string("businessType", 255);
        fields.string("defaultCurrencyIso", 8).ifPresent(code -> Currencies.require(code, "defaultCurrencyIso"));
        fields.string("languageTag", 35);
        fields.storedObject("address", 4000);
        fields.workHours("businessHours", 16000);
        if (policy != null) {
            policy.duration("timeSlotInterval");
            policy.duration("minimumLeadTime");
            policy.duration("maximumAdvance");
            policy.bool("sendConfirmationsToOwner");
            policy.bool("allowStaffSelection");
        }
    }

    public void applyTo(BookingBusiness b) {
        fields.string("displayName", 255).filter(s -> !s.isBlank()).ifPresent(b::displayName);
        EmailAddresses.optional(fields, "email").ifPresent(b::email);
        fields.string("phone", 64).ifPresent(b::phone);
        fields.string("webSiteUrl", 2048).ifPresent(b::webSiteUrl);
        fields.string("businessType", 255).ifPresent(b::businessType);
        fields.string("defaultCurrencyIso", 8).map(code -> Currencies.require(code, "defaultCurrencyIso"))
                .ifPresent(b::defaultCurrencyIso);
        fields.string("languageTag", 35).ifPresent(b::languageTag);
        fields.storedObject("address", 4000).ifPresent(b::addressJson);
        fields.workHours("businessHours", 16000).ifPresent(b::businessHoursJson);
        if (policy != null) {
            policy.duration("timeSlotInterval").ifPresent(b::timeSlotInterval);
            policy.duration("minimumLeadTime").ifPresent(b::minimumLeadTime);
            policy.duration("maximumAdvance").ifPresent(b::maximumAdvance);
            policy.bool("sendConfirmationsToOwner").ifPresent(b::sendConfirmationsToOwner);
            policy.bool("allowStaffSelection").ifPresent(b::allowStaffSelection);
        }
    }
}
