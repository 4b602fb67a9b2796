package io.jenkins.plugins.kubedelivery.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A metrics endpoint the test controls, for a real Prometheus to scrape on loopback. Series grow at
 * a rate the test sets (counters as request counters do), so {@code rate()} over them gives known
 * numbers: 100 requests a second of which 1 fails is an error rate of 0.01.
 */
public final class MetricsExporter implements AutoCloseable {
    /** Bucket bounds of a histogram in seconds (ingress-nginx) ... */
    public static final double[] SECONDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    /** ... and in milliseconds (Istio, Envoy). */
    public static final double[] MILLISECONDS = {5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000};

    private final HttpServer server;
    private final Map<String, Series> series = new LinkedHashMap<>();

    private MetricsExporter(HttpServer server) {
        this.server = server;
    }

    public static MetricsExporter start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        MetricsExporter exporter = new MetricsExporter(server);
        server.createContext("/metrics", exchange -> {
            byte[] body = exporter.exposition().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return exporter;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A counter that grows by {@code perSecond} from now on (keeping what it has counted so far). */
    public synchronized void counter(String name, Map<String, String> labels, double perSecond) {
        series.computeIfAbsent(key(name, labels), k -> new Series(name, labels)).setRate(perSecond);
    }

    /**
     * ingress-nginx's request counter {@code nginx_ingress_controller_requests} for one Ingress, growing
     * by {@code perSecond} answers with this status. The controller marks a canary's requests with its
     * upstream in the {@code canary} label ({@code <namespace>-<service>-<port>}) and stable's with an
     * empty one, under the stable Ingress's name.
     */
    public void ingressNginxRequests(String namespace, String ingress, String canary, String status, double perSecond) {
        counter("nginx_ingress_controller_requests", Map.of("namespace", namespace, "ingress", ingress, "canary", canary,
                "status", status), perSecond);
    }

    /**
     * A histogram of request durations, {@code perSecond} observations of {@code observed} each (in the
     * unit of {@code bounds}): {@code _bucket}, {@code _sum} and {@code _count} series as Prometheus
     * clients write them.
     */
    public synchronized void histogram(String name, Map<String, String> labels, double perSecond, double observed,
            double[] bounds) {
        for (double bound : bounds) {
            counter(name + "_bucket", with(labels, "le", format(bound)), observed <= bound ? perSecond : 0);
        }
        counter(name + "_bucket", with(labels, "le", "+Inf"), perSecond);
        counter(name + "_sum", labels, perSecond * observed);
        counter(name + "_count", labels, perSecond);
    }

    /** The text exposition format, version 0.0.4. */
    synchronized String exposition() {
        long now = System.nanoTime();
        StringBuilder out = new StringBuilder();
        for (Series s : series.values()) {
            out.append(s.name).append(labelText(s.labels)).append(' ').append(format(s.value(now))).append('\n');
        }
        return out.toString();
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(labels);
        copy.put(key, value);
        return copy;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + labelText(labels);
    }

    private static String labelText(Map<String, String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(labels).forEach((k, v) -> parts.add(k + "=\"" + v + "\""));
        return parts.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.6f", value);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One series: what it had counted when its rate last changed, and its rate since. */
    private static final class Series {
        private final String name;
        private final Map<String, String> labels;
        private double base;
        private double perSecond;
        private long since = System.nanoTime();

        Series(String name, Map<String, String> labels) {
            this.name = name;
            this.labels = Map.copyOf(labels);
        }

        void setRate(double rate) {
            long now = System.nanoTime();
            base = value(now);
            since = now;
            perSecond = rate;
        }

        double value(long now) {
            return base + perSecond * (now - since) / 1e9;
        }
    }
}
