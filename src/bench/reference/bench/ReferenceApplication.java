package bench;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The benchmark's reference: the cheapest JAX-RS application Payara Micro can serve, deployed the same way. */
@ApplicationPath("/")
public class ReferenceApplication extends Application {
}
