package dev.bookings.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Maps Windows time zone ids, which Graph clients send as often as IANA ids (e.g. {@code Pacific Standard Time}),
 * to the IANA id of territory 001.
 * The table is the class path resource {@code windows-zones.properties} beside this class, loaded once on first use.
 */
public final class WindowsZones {

    private WindowsZones() {
    }

    /** The IANA id for a Windows name (trimmed, matched case-insensitively), or null when it is not one. */
    public static String toIana(String windowsName) {
        if (windowsName == null) {
            return null;
        }
        return Holder.ZONES.get(windowsName.strip().toLowerCase(Locale.ROOT));
    }

    private static final class Holder {
        static final Map<String, String> ZONES = load();

        private static Map<String, String> load() {
            Properties properties = new Properties();
            try (InputStream in = WindowsZones.class.getResourceAsStream("windows-zones.properties")) {
                if (in == null) {
                    throw new IllegalStateException("windows-zones.properties is missing from the class path");
                }
                try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> zones = new HashMap<>();
            for (String name : properties.stringPropertyNames()) {
                zones.put(name.strip().toLowerCase(Locale.ROOT), properties.getProperty(name).strip());
            }
            return Map.copyOf(zones);
        }
    }
}
