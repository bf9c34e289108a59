import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a benchmark scenario's CPU goes, by layer of the stack, from a Flight Recorder file (src/bench/run
 * --profile). Run with the JDK alone: {@code java src/bench/JfrLayers.java FILE [TITLE]}.
 * <p>
 * Each CPU sample ({@code jdk.ExecutionSample}) is counted once, for the layer its running code belongs to: the
 * top frame's layer, or, when the top frames are the JDK's own, the first layer below them that called it (so
 * {@code HashMap.get} called by Weld counts as Weld). "self" columns add up to 100 %. "within" is inclusive: the
 * share of samples that have the layer anywhere on their stack (a request under an EJB call is "within" the EJB
 * container even while EclipseLink runs). With {@code --detail LAYER} (a prefix of a layer's name, such as
 * {@code "other Payara"}), it also lists the methods that layer's samples were running, most frequent first.
 */
public class JfrLayers {

    /** Package prefixes, most specific first; the first that matches names the layer. */
    private static final String[][] LAYERS = {
            {"dev.bookings.", "application (dev.bookings)"},
            {"bench.", "application (reference WAR)"},
            {"org.eclipse.persistence.", "EclipseLink (JPA)"},
            {"org.h2.", "H2 database"},
            {"org.postgresql.", "PostgreSQL driver"},
            {"com.sun.gjc.", "connection pool (Payara)"},
            {"com.sun.enterprise.resource.", "connection pool (Payara)"},
            {"com.sun.enterprise.connectors.", "connection pool (Payara)"},
            {"com.sun.enterprise.transaction.", "JTA transactions (Payara)"},
            {"com.sun.jts.", "JTA transactions (Payara)"},
            {"com.sun.ejb.", "EJB container (Payara)"},
            {"org.glassfish.ejb.", "EJB container (Payara)"},
            {"org.jboss.weld.", "CDI (Weld)"},
            {"org.glassfish.weld.", "CDI (Weld)"},
            {"org.glassfish.jersey.", "JAX-RS (Jersey)"},
            {"org.flywaydb.", "Flyway (migrations)"},
            {"fish.payara.microprofile.jwtauth.", "MP JWT (Payara)"},
            {"com.nimbusds.", "MP JWT (Payara)"},
            {"org.glassfish.soteria.", "container security"},
            {"org.glassfish.exousia.", "container security"},
            {"com.sun.enterprise.security.", "container security"},
            {"fish.payara.security.", "container security"},
            {"com.sun.web.security.", "container security"},
            {"org.eclipse.yasson.", "JSON (Parsson, Yasson)"},
            {"org.eclipse.parsson.", "JSON (Parsson, Yasson)"},
            {"org.glassfish.json.", "JSON (Parsson, Yasson)"},
            {"fish.payara.microprofile.", "other MicroProfile (Payara)"},
            {"org.glassfish.grizzly.", "HTTP (Grizzly)"},
            {"org.apache.catalina.", "servlet container (Payara)"},
            {"org.glassfish.web.", "servlet container (Payara)"},
            {"com.sun.enterprise.web.", "servlet container (Payara)"},
            {"org.apache.coyote.", "servlet container (Payara)"},
            {"org.glassfish.", "other Payara"},
            {"com.sun.", "other Payara"},
            {"fish.payara.", "other Payara"},
            {"org.jvnet.", "other Payara"},
            {"com.hazelcast.", "other Payara"},
    };

    public static void main(String[] args) throws IOException {
        String detail = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--detail") && i + 1 < args.length) {
                detail = args[++i];
            } else {
                rest.add(args[i]);
            }
        }
        if (rest.isEmpty()) {
            System.err.println("usage: java src/bench/JfrLayers.java FILE.jfr [TITLE] [--detail LAYER]");
            System.exit(2);
        }
        args = rest.toArray(String[]::new);
        Map<String, Integer> self = new TreeMap<>();
        Map<String, Integer> methods = new TreeMap<>();
        Map<String, Integer> within = new TreeMap<>();
        int samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            samples++;
            String running = null;
            List<String> seen = new ArrayList<>();
            for (RecordedFrame frame : frames) {
                if (!frame.isJavaFrame() || frame.getMethod() == null) {
                    continue;
                }
                String layer = layerOf(frame.getMethod().getType().getName());
                if (layer == null) {
                    continue;
                }
                if (running == null) {
                    running = layer;
                    if (detail != null && layer.startsWith(detail)) {
                        methods.merge(frame.getMethod().getType().getName() + "." + frame.getMethod().getName(), 1,
                                Integer::sum);
                    }
                }
                if (!seen.contains(layer)) {
                    seen.add(layer);
                }
            }
            self.merge(running == null ? "JDK alone (GC, JIT, idle threads' own work)" : running, 1, Integer::sum);
            for (String layer : seen) {
                within.merge(layer, 1, Integer::sum);
            }
        }
        print(args.length > 1 ? args[1] : args[0], samples, self, within);
        if (detail != null) {
            int total = samples;
            System.out.printf("  methods running in '%s' (share of all samples):%n", detail);
            methods.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(25)
                    .forEach(e -> System.out.printf("    %5.1f%%  %s%n", 100.0 * e.getValue() / total, e.getKey()));
        }
    }

    private static String layerOf(String className) {
        for (String[] layer : LAYERS) {
            if (className.startsWith(layer[0])) {
                return layer[1];
            }
        }
        return null;
    }

    private static void print(String title, int samples, Map<String, Integer> self, Map<String, Integer> within) {
        System.out.printf("%s: %d CPU samples%n", title, samples);
        if (samples == 0) {
            return;
        }
        Map<String, Integer> bySelf = new LinkedHashMap<>();
        self.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> bySelf.put(e.getKey(), e.getValue()));
        System.out.printf("  %-44s %7s %8s%n", "layer", "self", "within");
        for (Map.Entry<String, Integer> e : bySelf.entrySet()) {
            System.out.printf("  %-44s %6.1f%% %7.1f%%%n", e.getKey(), 100.0 * e.getValue() / samples,
                    100.0 * within.getOrDefault(e.getKey(), 0) / samples);
        }
        for (Map.Entry<String, Integer> e : within.entrySet()) {
            if (!self.containsKey(e.getKey())) {
                System.out.printf("  %-44s %6.1f%% %7.1f%%%n", e.getKey(), 0.0, 100.0 * e.getValue() / samples);
            }
        }
    }
}
