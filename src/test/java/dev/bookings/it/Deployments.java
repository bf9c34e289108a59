package dev.bookings.it;

import java.io.File;
import java.nio.file.Path;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The one deployment all integration tests share (one Payara Micro boot for the suite): the WAR the build
 * just made, exactly as shipped, plus the in-container tests. Before it deploys, the test key pair's public half
 * is written where the pom tells the server to read it, and the test SMTP server starts.
 */
@ArquillianSuiteDeployment
public final class Deployments {

    private Deployments() {
    }

    @Deployment
    public static WebArchive deployment() {
        MailServer.start();
        TestTokens.writePublicKey(Path.of(System.getProperty("bookings.it.dir", "target/it"), "public.pem"));
        File war = new File(System.getProperty("bookings.war", "target/bookings.war"));
        return ShrinkWrap.createFromZipFile(WebArchive.class, war)
                // the tests that run inside the server and what they use; client-side tests stay outside
                .addClasses(Records.class, AppointmentCancellationIT.class, NoticeOutboxIT.class, ChangeNotificationOutboxIT.class,
                        CustomQuestionLockIT.class, DatabasePoolIT.class, IdempotencyPurgeIT.class, QueryPlansIT.class, ClientMistakesLogIT.class,
                        // ManagePageIT's first and last steps watch the server's log; its browser steps stay outside
                        ManagePageIT.class,
                        WebhookReceiver.class, WebhookReceiver.Validation.class,
                        // what ClientMistakesLogIT's client step refers to
                        Api.class, Http.class, Http.Reply.class, TestTokens.class);
    }
}
