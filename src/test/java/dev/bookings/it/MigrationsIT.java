package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Flyway migrations on the database of this run of the suite (H2, or PostgreSQL with
 * {@code -Dbookings.it.database=postgresql}): they build an empty database up to the latest version, and they upgrade a
 * database holding the previous release's schema and data without losing a row.
 */
class MigrationsIT {

    private static final String[] TABLES = {"booking_business", "booking_service", "staff_member", "booking_customer",
            "appointment", "appointment_customer", "appointment_staff"};

    @Test
    void migrateAnEmptyDatabaseToTheLatestVersion() throws SQLException {
        DataSource database = newDatabase("empty");
        MigrateResult result = PreviousRelease.flyway(database).load().migrate();
        MigrationInfo[] all = PreviousRelease.flyway(database).load().info().all();
        assertEquals(all.length, result.migrationsExecuted, "every migration applied once");
        assertEquals(all[all.length - 1].getVersion().getVersion(), result.targetSchemaVersion);
        for (String table : TABLES) {
            assertEquals(0, count(database, table), table);
        }
        assertEquals(0, count(database, "outbox_message"));
        assertEquals(0, count(database, "mail_message"));
    }

    @Test
    void upgradeThePreviousReleaseKeepingEveryRow() throws SQLException {
        DataSource database = newDatabase("upgrade");
        PreviousRelease.install(database);
        Map<String, Long> before = counts(database);
        assertEquals(1L, before.get("booking_business"), "the previous release's data is in place");
        long notices = count(database, "notice");
        assertTrue(notices > 0, "the previous release's cancellation notices are in place");

        PreviousRelease.flyway(database).load().migrate();

        assertEquals(before, counts(database), "no row lost or added by the upgrade");
        assertEquals(notices, count(database, "mail_message"), "every notice is a mail in the one outbox");
        assertEquals(notices, count(database, "outbox_message"), "with its delivery state");
        MigrationInfo[] all = PreviousRelease.flyway(database).load().info().all();
        assertEquals(all[all.length - 1].getVersion(), PreviousRelease.flyway(database).load().info().current().getVersion(),
                "the schema is at the latest version");
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select status, cancelled_by, cancellation_message from appointment"
                        + " where id = '" + PreviousRelease.CANCELLED_APPOINTMENT + "'")) {
            row.next();
            assertEquals("CANCELLED", row.getString(1));
            assertEquals("user-previous-release", row.getString(2));
            assertEquals("Closed for the holiday", row.getString(3));
        }
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("select longest_appointment_seconds from booking_business")) {
            row.next();
            assertEquals(3600L, row.getLong(1), "V6 records the longest appointment the business already had (an hour)");
        }
    }

    private static DataSource newDatabase(String name) {
        if ("postgresql".equals(System.getProperty("bookings.it.database"))) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setUrl(PostgresServer.createDatabase(System.getProperty("bookings.it.db.admin-url"), "migrations_" + name));
            postgres.setUser(PostgresServer.USER);
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrations-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static Map<String, Long> counts(DataSource database) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, count(database, table));
        }
        return counts;
    }

    private static long count(DataSource database, String table) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + table)) {
            result.next();
            return result.getLong(1);
        }
    }
}
