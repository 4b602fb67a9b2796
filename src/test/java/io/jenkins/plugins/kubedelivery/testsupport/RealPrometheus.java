package io.jenkins.plugins.kubedelivery.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * A real Prometheus server (Debian's package, installed by {@code scripts/install-prometheus.sh}),
 * started on a free loopback port with its own data directory, scraping one {@link MetricsExporter}
 * every second, and stopped with everything it wrote removed: by {@link #close()}, or, when the JVM
 * ends first (Ctrl-C or a kill of the demo, a test run cut short), by a shutdown hook, so that no
 * server outlives the process that started it.
 */
public final class RealPrometheus implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Process process;
    private final Path directory;
    private final int port;
    private final Thread stopAtExit = new Thread(this::stop, "stop prometheus");
    private boolean stopped;

    private RealPrometheus(Process process, Path directory, int port) {
        this.process = process;
        this.directory = directory;
        this.port = port;
    }

    /** The binary: {@code -Dkubedelivery.prometheus}, else Debian's {@code /usr/bin/prometheus}. */
    public static Path binary() {
        String configured = System.getProperty("kubedelivery.prometheus");
        Path path = Path.of(configured != null && !configured.isBlank() ? configured : "/usr/bin/prometheus");
        if (!Files.isExecutable(path)) {
            throw new AssertionError(path + " is missing: run scripts/install-prometheus.sh first (it installs Debian's"
                    + " prometheus package)");
        }
        return path;
    }

    public static RealPrometheus scraping(MetricsExporter exporter) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("kube-delivery-prometheus");
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n",
                "global:",
                "  scrape_interval: 1s",
                "  evaluation_interval: 1s",
                "scrape_configs:",
                "  - job_name: canary-exporter",
                "    static_configs:",
                "      - targets: ['127.0.0.1:" + exporter.port() + "']",
                ""));
        int port = freeLoopbackPort();
        Process process = new ProcessBuilder(List.of(binary().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--log.level=warn"))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        RealPrometheus prometheus = new RealPrometheus(process, directory, port);
        Runtime.getRuntime().addShutdownHook(prometheus.stopAtExit);
        try {
            prometheus.await("ready", () -> prometheus.status("/-/ready") == 200);
        } catch (RuntimeException | InterruptedException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Waits until the condition holds (for example: a query sees enough samples), failing with the log. */
    public void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new AssertionError("prometheus exited while waiting for " + what + ":\n" + log());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("prometheus not " + what + " within " + READY_WITHIN + ":\n" + log());
            }
            Thread.sleep(200);
        }
    }

    private int status(String path) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private String log() {
        try {
            return Files.readString(directory.resolve("prometheus.log"));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending and the hook is stopping the server: stop() below waits until it has
        }
        stop();
    }

    /** Ends the server (TERM, then KILL after 10 s) and removes its directory; the second call does nothing. */
    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        process.destroy();
        boolean interrupted = false;
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            interrupted = true;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is not worth failing a test for
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
