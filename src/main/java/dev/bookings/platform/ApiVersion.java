package dev.bookings.platform;

import java.net.URI;
import java.util.Locale;

/**
 * The two Graph versions. They differ in names only where Graph does: beta calls an appointment's times
 * {@code start}/{@code end} and adds a few customer shortcuts; v1.0 says {@code startDateTime}/{@code endDateTime}.
 */
public enum ApiVersion {
    V1_0("v1.0", "startDateTime", "endDateTime"),
    BETA("beta", "start", "end");

    /**
     * The collection roots of bookingBusinesses, matched case-insensitively as Graph does:
     * {@code /beta/bookingBusinesses}, {@code /beta/solutions/bookingBusinesses},
     * {@code /v1.0/solutions/bookingBusinesses}.
     */
    public static final String ROOTS =
            "{root: (?i:beta/bookingbusinesses|beta/solutions/bookingbusinesses|v1\\.0/solutions/bookingbusinesses)}";

    private final String segment;
    private final String startProperty;
    private final String endProperty;

    ApiVersion(String segment, String startProperty, String endProperty) {
        this.segment = segment;
        this.startProperty = startProperty;
        this.endProperty = endProperty;
    }

    /** The version of a matched {@link #ROOTS} value. */
    public static ApiVersion ofRoot(String root) {
        return root.toLowerCase(Locale.ROOT).startsWith("v1.0") ? V1_0 : BETA;
    }

    public String segment() {
        return segment;
    }

    public String startProperty() {
        return startProperty;
    }

    public String endProperty() {
        return endProperty;
    }

    /** The entity-set path Graph uses in {@code @odata.context} for businesses of this version. */
    public String businessesPath() {
        return this == V1_0 ? "solutions/bookingBusinesses" : "bookingBusinesses";
    }

    /** {@code @odata.context} of the businesses collection, such as {@code …/v1.0/$metadata#solutions/bookingBusinesses}. */
    public String businessesContext(URI baseUri) {
        return baseUri + segment + "/$metadata#" + businessesPath();
    }

    /** {@code @odata.context} of a collection of one business, such as {@code …('id')/appointments}. */
    public String collectionContext(URI baseUri, String businessId, String collection) {
        return businessesContext(baseUri) + "('" + businessId + "')/" + collection;
    }
}
