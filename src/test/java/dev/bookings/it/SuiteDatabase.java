package dev.bookings.it;

import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Chooses the database of the server under test before any test class starts it. With
 * {@code -Dbookings.it.database=postgresql} (the pom's {@code postgresql} run of the suite) it starts a real
 * PostgreSQL (or uses the one {@code BOOKINGS_IT_POSTGRES_URL} names), creates an empty database, and adds its
 * settings to {@code payara.cmdOptions}, which the Arquillian container reads when it starts Payara Micro. Otherwise
 * (the H2 run, the unit tests) it does nothing. Registered in {@code META-INF/services}.
 */
public class SuiteDatabase implements LauncherSessionListener {

    private PostgresServer embedded;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgresql".equals(System.getProperty("bookings.it.database"))) {
            return;
        }
        String external = System.getenv(PostgresServer.EXTERNAL_URL);
        String admin;
        if (external != null && !external.isBlank()) {
            admin = external;
        } else {
            embedded = PostgresServer.embedded(Path.of(System.getProperty("bookings.it.dir", "target/it"), "postgres-suite"));
            admin = embedded.url("postgres") + "?user=" + PostgresServer.USER;
        }
        String url = PostgresServer.createDatabase(admin, "bookings_it");
        System.setProperty("bookings.it.db.admin-url", admin);
        System.setProperty("bookings.it.db.url", url);
        String options = System.getProperty("payara.cmdOptions", "")
                + " -Dbookings.db.url=" + url
                + " -Dbookings.db.datasource-class=" + PostgresServer.DATASOURCE_CLASS
                + " -Dbookings.db.user=" + PostgresServer.USER
                + " -Dbookings.db.password=" + PostgresServer.USER;
        System.setProperty("payara.cmdOptions", options.strip());
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
