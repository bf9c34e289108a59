package dev.bookings.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bookings.appointments.entity.Appointment;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The look-up of one appointment (GET, PATCH, DELETE, cancel) goes through the unique index on its id, whatever the
 * database's statistics say. The case that matters is PostgreSQL before its first ANALYZE: every index of a table
 * created empty by the migrations then looks empty to the planner, and a look-up naming both the business and the id
 * took the index on (business_pk, start_at) and read every appointment of the business (5 ms of database CPU per
 * GET at 10,000 appointments in the benchmark). The plan is checked on a copy of the schema that is never
 * analyzed: the migrations run into a fresh schema with autovacuum off for its tables, 2,000 appointments go into
 * one business, and the SQL EclipseLink really sends for {@link Appointment#FIND_BY_ID} is explained there, as a
 * generic plan (what the JDBC driver's server-side prepared statements use) and as a custom one.
 */
@ExtendWith(ArquillianExtension.class)
class QueryPlansIT {

    private static final int APPOINTMENTS = 2000;

    @Inject
    Records records;

    @Resource(lookup = "java:app/jdbc/bookings")
    DataSource database;

    @Test
    void anAppointmentIsLookedUpByItsUniqueIdEvenBeforeTheFirstAnalyze() throws SQLException {
        String sql = records.sqlOf(Appointment.FIND_BY_ID, Map.of("id", "none", "businessPk", 0L));
        String schema = "plans_" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            Flyway.configure(getClass().getClassLoader()).dataSource(database).schemas(schema)
                    .locations("classpath:db/migration").load().migrate();
            // a pooled connection: its schema is put back whatever happens
            statement.execute(postgres ? "set search_path to \"" + schema + "\"" : "set schema \"" + schema + "\"");
            try {
                if (postgres) {
                    statement.execute("alter table appointment set (autovacuum_enabled = false)");
                }
                seed(connection);
                String plan = postgres ? postgresPlans(statement, sql) : h2Plan(connection, sql);
                assertTrue(plan.contains("appointment_id"), "the unique index on id serves the look-up:\n" + plan);
                assertFalse(plan.contains("appointment_business_start"), "not the business's index:\n" + plan);
            } finally {
                statement.execute(postgres ? "set search_path to public" : "set schema public");
                statement.execute("drop schema \"" + schema + "\" cascade");
            }
        }
    }

    /** One business with {@link #APPOINTMENTS} appointments, as the API stores them; a second with one. */
    private static void seed(Connection connection) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement business = connection.prepareStatement("insert into booking_business (pk, tenant_id, id,"
                + " id_key, display_name, send_confirmations_to_owner, allow_staff_selection, is_published, created_at,"
                + " updated_at, version) values (?, 'plans', ?, ?, 'Plans', false, false, false, ?, ?, 1)")) {
            for (int pk = 1; pk <= 2; pk++) {
                business.setLong(1, pk);
                business.setString(2, "Plans" + pk + "@plans.example");
                business.setString(3, "plans" + pk + "@plans.example");
                business.setObject(4, now);
                business.setObject(5, now);
                business.executeUpdate();
            }
        }
        try (PreparedStatement appointment = connection.prepareStatement("insert into appointment (pk, id, business_pk,"
                + " start_at, end_at, service_name, is_location_online, opt_out_of_customer_email, sms_notifications_enabled,"
                + " is_customer_allowed_to_manage, maximum_attendees_count, price_type, status, created_at, updated_at,"
                + " version) values (?, ?, ?, ?, ?, 'Haircut', false, false, false, false, 1, 'undefined', 'BOOKED', ?, ?, 1)")) {
            for (int n = 1; n <= APPOINTMENTS + 1; n++) {
                appointment.setLong(1, n);
                appointment.setString(2, "plan-" + n);
                appointment.setLong(3, n <= APPOINTMENTS ? 1 : 2);
                appointment.setObject(4, now.plusHours(n));
                appointment.setObject(5, now.plusHours(n).plusMinutes(30));
                appointment.setObject(6, now);
                appointment.setObject(7, now);
                appointment.addBatch();
            }
            appointment.executeBatch();
        }
    }

    /** EXPLAIN of the statement as a generic and as a custom plan, for the business with 2,000 appointments. */
    private static String postgresPlans(Statement statement, String sql) throws SQLException {
        int n = 0;
        StringBuilder numbered = new StringBuilder();
        for (char c : sql.toCharArray()) {
            numbered.append(c == '?' ? "$" + ++n : String.valueOf(c));
        }
        statement.execute("prepare plans_lookup as " + numbered);
        String arguments = n == 3 ? "('plan-1000', 0, 1)" : "(1, 'plan-1000')";
        StringBuilder plans = new StringBuilder();
        for (String mode : new String[] {"force_generic_plan", "force_custom_plan"}) {
            statement.execute("set plan_cache_mode = " + mode);
            try (ResultSet rows = statement.executeQuery("explain execute plans_lookup " + arguments)) {
                while (rows.next()) {
                    plans.append(rows.getString(1)).append('\n');
                }
            }
        }
        statement.execute("reset plan_cache_mode");
        statement.execute("deallocate plans_lookup");
        return plans.toString();
    }

    private static String h2Plan(Connection connection, String sql) throws SQLException {
        try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
            for (int i = 1; i <= explain.getParameterMetaData().getParameterCount(); i++) {
                explain.setObject(i, i == 1 ? "plan-1000" : (Object) 1L);
            }
            try (ResultSet rows = explain.executeQuery()) {
                rows.next();
                return rows.getString(1).toLowerCase(Locale.ROOT);
            }
        }
    }
}
