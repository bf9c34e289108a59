package dev.bookings.it.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One Payara Micro process running the WAR the build made, as an operator would start it
 * (src/site/markdown/operating.md): {@code java -jar payara-micro.jar --nohazelcast --disablephonehome --port P
 * --contextroot / --postbootcommandfile server-config/post-boot-commands.asadmin --deploy bookings.war}, configured
 * by system properties. It can be stopped, killed with SIGKILL and started again on the same port. Its output goes to {@code <dir>/<name>-<n>.log}.
 */
final class PayaraInstance implements AutoCloseable {

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path directory;
    private final List<String> options;
    private Process process;
    private int starts;

    /** The boot command file operators start Payara Micro with (src/site/markdown/operating.md). */
    static final String BOOT_COMMANDS = "server-config/post-boot-commands.asadmin";
    /** How Payara logs a boot command it could not run ("Boot Command set failed PlainTextActionReporterFAILURE…"). */
    private static final Pattern BOOT_COMMAND_FAILED = Pattern.compile("Boot Command \\S+ failed");

    PayaraInstance(String name, int port, Path directory, List<String> options) {
        this.name = name;
        this.port = port;
        this.directory = directory;
        this.options = List.copyOf(options);
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    /** Starts the process and waits until {@code /health/ready} answers 200 (deployed, database reachable). */
    synchronized void start(Duration timeout) {
        try {
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(options);
            command.add("-Djava.io.tmpdir=" + directory);
            command.addAll(Arrays.asList("-jar", System.getProperty("payara.microJar", "target/payara-micro.jar"),
                    "--nohazelcast", "--disablephonehome", "--port", String.valueOf(port), "--contextroot", "/",
                    // the operator's boot commands, as src/site/markdown/operating.md deploys with them
                    "--postbootcommandfile", BOOT_COMMANDS,
                    "--deploy", System.getProperty("bookings.war", "target/bookings.war")));
            Path log = directory.resolve(name + "-" + (++starts) + ".log");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            awaitReady(log, timeout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Path log, Duration timeout) throws IOException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            String text = Files.exists(log) ? Files.readString(log) : "";
            if (text.contains("Exception while deploying")) {
                throw new IllegalStateException(name + " failed to deploy; see " + log);
            }
            if (BOOT_COMMAND_FAILED.matcher(text).find()) {
                // Payara logs a boot command it cannot run (a setting a new release dropped) and boots on without it
                throw new IllegalStateException(name + ": a command of " + BOOT_COMMANDS + " failed; see " + log);
            }
            if (readyStatus() == 200) {
                return;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** The status of {@code GET /health/ready}, or -1 when nothing answers. */
    int readyStatus() {
        try {
            return PROBE.send(HttpRequest.newBuilder(uri("health/ready")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** {@code kill -9}: the process gets no chance to finish anything. */
    synchronized void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitFor(process);
            process = null;
        }
    }

    /** A normal stop (SIGTERM), forced after 30 s. */
    synchronized void stop() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    waitFor(process);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void waitFor(Process process) {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
