package dev.bookings.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Maps Windows time zone ids (which Graph clients send, e.g. {@code Pacific Standard Time}) to IANA ids.
 * The table is {@code windows-zones.properties} beside this class.
 */
public final class WindowsZones {

    private WindowsZones() {
    }

    private static final class Holder {
        static final Map<String, String> ZONES = load();

        private static Map<String, String> load() {
            Properties properties = new Properties();
            try (InputStream in = WindowsZones.class.getResourceAsStream("windows-zones.properties")) {
                if (in != null) {
                    properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> zones = new HashMap<>();
            properties.forEach((k, v) -> zones.put(k.toString().toLowerCase(Locale.ROOT), v.toString()));
            return zones;
        }
    }

    /** The IANA id for a Windows name, or null when it is not one. */
    public static String toIana(String windowsName) {
        return windowsName == null ? null : Holder.ZONES.get(windowsName.strip().toLowerCase(Locale.ROOT));
    }
}
