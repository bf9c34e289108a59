package dev.bookings.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.sql.DataSourceDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The configuration tables (every key in {@code src/site/markdown/configuration.md}, the common ones in README.md) and
 * the WAR's defaults ({@code META-INF/microprofile-config.properties}) say the same: every key a table gives a default
 * for has exactly that default in the WAR, so the run command, which sets none of them, starts with what the
 * documents promise (a key injected without a default would stop the deployment).
 */
class ConfigDefaultsTest {

    /** A table row: | `key` | `ENVIRONMENT_VARIABLE` | `default` | meaning |. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z][\\w.\\-]+)` \\| `([A-Z0-9_]+)` \\| `([^`]*)` \\|");

    @Test
    void everyDefaultTheDocumentsListIsTheWarsDefault() throws IOException {
        Properties defaults = warDefaults();
        for (Path document : List.of(Path.of("src/site/markdown/configuration.md"), Path.of("README.md"))) {
            List<String> checked = new ArrayList<>();
            for (String line : Files.readAllLines(document)) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    String key = row.group(1);
                    assertEquals(row.group(3), defaults.getProperty(key), () -> document + ": the default of " + key);
                    checked.add(key);
                }
            }
            assertTrue(checked.contains("bookings.db.pool.max-size"), () -> document + ": no table found: " + checked);
            if (document.endsWith("configuration.md")) {
                List<String> undocumented = defaults.stringPropertyNames().stream().filter(k -> !checked.contains(k)).sorted().toList();
                assertTrue(undocumented.isEmpty(), () -> document + " lists every key the WAR has a default for; missing: "
                        + undocumented);
            }
        }
    }

    private static Properties warDefaults() throws IOException {
        Properties defaults = new Properties();
        try (InputStream in = ConfigDefaultsTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            defaults.load(in);
        }
        return defaults;
    }

    /** {@code ${MPCONFIG=key:default}} in the data source's annotation. */
    private static final Pattern MPCONFIG = Pattern.compile("\\$\\{MPCONFIG=([^}:]+)(?::([^}]*))?}");

    @Test
    void theDataSourceRepeatsTheWarsDefaultForEveryKeyItReads() throws IOException {
        Properties defaults = warDefaults();
        DataSourceDefinition definition = Database.class.getAnnotation(DataSourceDefinition.class);
        List<String> checked = new ArrayList<>();
        Stream.concat(Stream.of(definition.className(), definition.url(), definition.user(), definition.password()),
                Stream.of(definition.properties())).forEach(value -> {
                    Matcher reference = MPCONFIG.matcher(value);
                    while (reference.find()) {
                        String key = reference.group(1);
                        assertNotNull(reference.group(2), () -> "no default for " + key + " (in " + value + ")");
                        assertEquals(defaults.getProperty(key), reference.group(2),
                                () -> "the annotation's default for " + key + " (in " + value + ")");
                        checked.add(key);
                    }
                });
        assertTrue(checked.containsAll(List.of("bookings.db.url", "bookings.db.lock-timeout-ms")), checked::toString);
    }
}
