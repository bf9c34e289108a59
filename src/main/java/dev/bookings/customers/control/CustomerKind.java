package dev.bookings.customers.control;

import dev.bookings.platform.Jsons;
import static dev.bookings.platform.JsonWriting.put;
import static dev.bookings.platform.JsonWriting.putStored;

import dev.bookings.businesses.control.ItemKind;
import dev.bookings.customers.entity.BookingCustomer;
import dev.bookings.platform.EmailAddresses;
import dev.bookings.platform.GraphTimes;
import dev.bookings.platform.JsonFields;
import dev.bookings.platform.query.QueryableProperties;
import dev.bookings.platform.JsonWriting;
import jakarta.inject.Singleton;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/** bookingCustomer in and out. Graph requires {@code displayName}; elements carry {@code @odata.type}. */
@Singleton
public class CustomerKind extends ItemKind<BookingCustomer> {
    public static final String TYPE = "#microsoft.graph.bookingCustomer";

    public CustomerKind() {
        super(BookingCustomer.class, "customers", "customer", BookingCustomer::new);
    }

    @Override
    public void apply(JsonFields fields, BookingCustomer c, boolean creating) {
        if (creating || fields.has("displayName")) {
            c.displayName(fields.requiredString("displayName", 255));
        }
        if (fields.isNull("emailAddress")) {
            c.emailAddress(null);
        }
        EmailAddresses.optional(fields, "emailAddress").ifPresent(c::emailAddress);
        fields.storedArray("phones", 4000).ifPresent(c::phonesJson);
        fields.storedArray("addresses", 8000).ifPresent(c::addressesJson);
    }

    private static final QueryableProperties PROPERTIES = itemProperties("bookingCustomer")
            .string("displayName", "displayName").string("emailAddress", "emailAddress")
            .selectOnly("phones", "addresses")
            .build();

    @Override
    public QueryableProperties properties() {
        return PROPERTIES;
    }

    @Override
    public JsonObject write(BookingCustomer c) {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("@odata.type", TYPE).add("id", c.id())
                .add("displayName", c.displayName());
        put(json, "emailAddress", c.emailAddress());
        if (c.phonesJson() == null) {
            json.add("phones", Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, "phones", c.phonesJson());
        }
        if (c.addressesJson() == null) {
            json.add("addresses", Jsons.JSON.createArrayBuilder());
        } else {
            putStored(json, "addresses", c.addressesJson());
        }
        put(json, "createdDateTime", GraphTimes.timestamp(c.createdAt()));
        put(json, "lastUpdatedDateTime", GraphTimes.timestamp(c.updatedAt()));
        return json.build();
    }
}
