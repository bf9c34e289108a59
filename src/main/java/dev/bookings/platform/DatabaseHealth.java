package dev.bookings.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} check {@code database}: UP while a pooled connection can be had and answers within two
 * seconds, DOWN otherwise (a load balancer then stops sending traffic; the service recovers by itself when the
 * database is back). Says nothing about the database but whether it answers.
 */
@Readiness
@ApplicationScoped
public class DatabaseHealth implements HealthCheck {

    private static final int VALID_WITHIN_SECONDS = 2;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        boolean up;
        try (Connection connection = dataSource.getConnection()) {
            up = connection.isValid(VALID_WITHIN_SECONDS);
        } catch (SQLException | RuntimeException e) {
            up = false;
        }
        return HealthCheckResponse.named("database").status(up).build();
    }
}
