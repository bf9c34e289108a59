package dev.bookings.platform;

import dev.bookings.errors.InvalidRequest;
import dev.bookings.errors.PreconditionFailed;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A write's preconditions (RFC 9110, section 13), from {@code If-Match} and {@code If-None-Match}, checked against the entity's current tag ({@link Etags}) once the entity is found:
 * <ol>
 * <li>{@code If-Match}: {@code *} alone matches any existing entity; otherwise a list of entity tags, one of which
 * must be the current one, else 412 {@code preconditionFailed};</li>
 * <li>{@code If-None-Match}: {@code *} alone matches any existing entity, so a PATCH, DELETE or cancel of one is
 * 412; a list of tags is 412 when one of them is the current one;</li>
 * <li>{@code *} together with tags, or a member that is not an entity tag ({@code "…"} or {@code W/"…"}), is 400.</li>
 * </ol>
 * Tags compare weakly (the opaque part, {@code W/} or not): the tags are weak, and Graph's clients send them back as
 * they got them. An absent header sets no precondition.
 */
public class Preconditions {

    /** No precondition: for callers other than a request (tests, internal use). */
    public static final Preconditions NONE = new Preconditions(null, null);

    private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"[^\"]*\"");

    private final String ifMatch;
    private final String ifNoneMatch;

    /** The two headers as the request sent them (null: absent). */
    public Preconditions(String ifMatch, String ifNoneMatch) {
        this.ifMatch = ifMatch;
        this.ifNoneMatch = ifNoneMatch;
    }

    /** 412 {@code preconditionFailed} unless the entity whose tag is {@code current} meets both headers. */
    public void check(String current) {
        if (ifMatch != null && !matches(HttpHeaders.IF_MATCH, ifMatch, current)) {
            throw new PreconditionFailed("The entity has changed since the tag in If-Match was read; read it again.");
        }
        if (ifNoneMatch != null && matches(HttpHeaders.IF_NONE_MATCH, ifNoneMatch, current)) {
            throw new PreconditionFailed("The entity matches If-None-Match" + (ifNoneMatch.strip().equals("*")
                    ? " (*: it exists)" : "") + "; nothing was changed.");
        }
    }

    private static boolean matches(String header, String value, String current) {
        List<String> members = new ArrayList<>();
        for (String member : value.split(",")) {
            if (!member.isBlank()) {
                members.add(member.strip());
            }
        }
        if (members.contains("*")) {
            if (members.size() > 1) {
                throw new InvalidRequest(header + " is either '*' alone or a list of entity tags, not both.");
            }
            return true;
        }
        if (members.isEmpty()) {
            throw new InvalidRequest(header + " is empty; send '*' or entity tags.");
        }
        boolean matched = false;
        for (String member : members) {
            if (!ENTITY_TAG.matcher(member).matches()) {
                throw new InvalidRequest(header + " holds '" + printable(member) + "', which is not an entity tag"
                        + " (\"…\" or W/\"…\").");
            }
            matched |= opaque(member).equals(opaque(current));
        }
        return matched;
    }

    private static String opaque(String tag) {
        String t = tag.strip();
        return t.toUpperCase(Locale.ROOT).startsWith("W/") ? t.substring(2) : t;
    }

    private static String printable(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return shown.replaceAll("\\p{Cntrl}", "?");
    }
}
