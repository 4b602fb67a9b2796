package io.jenkins.plugins.kubedelivery.jenkins.support;

import io.jenkins.plugins.kubedelivery.jenkins.support.TestLauncher.Reply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Outputs in helm 3.17's real formats, and a monorepo checkout for the service {@code payments}. */
public final class HelmReplies {
    private HelmReplies() {}

    public static Reply version() {
        return Reply.ok("v3.17.3+ge4da497\n");
    }

    /** {@code helm history REL -n NS -o json --max N}: revision entries, oldest first. */
    public static Reply history(String... entries) {
        return Reply.ok("[" + String.join(",", entries) + "]\n");
    }

    public static String revision(int revision, String status, String description) {
        return "{\"revision\":" + revision + ",\"updated\":\"2026-11-2" + revision + "T10:00:00.123456789Z\",\"status\":\""
                + status + "\",\"chart\":\"payments-0.1.0\",\"app_version\":\"1.0.0\",\"description\":\"" + description + "\"}";
    }

    /** What {@code helm history} says for a release that was never installed. */
    public static Reply releaseNotFound() {
        return Reply.exit(1, "Error: release: not found\n");
    }

    /** {@code helm upgrade --install ... -o json} (and {@code helm status -o json}): the release object. */
    public static Reply release(String name, String namespace, int version, String description) {
        return Reply.ok("{\"name\":\"" + name + "\",\"info\":{\"first_deployed\":\"2026-11-20T10:00:00.123456789Z\","
                + "\"last_deployed\":\"2026-11-22T01:00:00.123456789Z\",\"deleted\":\"\",\"description\":\"" + description
                + "\",\"status\":\"deployed\"},\"chart\":{\"metadata\":{\"name\":\"payments\",\"version\":\"0.1.0\","
                + "\"description\":\"Payments service\",\"apiVersion\":\"v2\",\"appVersion\":\"1.0.0\",\"type\":\"application\"}},"
                + "\"version\":" + version + ",\"namespace\":\"" + namespace + "\"}\n");
    }

    public static Reply rollbackSucceeded() {
        return Reply.ok("Rollback was a success! Happy Helming!\n");
    }

    /** The conventional layout: {@code payments/} and its chart and values under {@code helm/payments}. */
    public static void monorepo(Path workspace) throws IOException {
        Files.createDirectories(workspace.resolve("payments/src"));
        Files.writeString(workspace.resolve("payments/Dockerfile"), "FROM scratch\n");
        Path chart = Files.createDirectories(workspace.resolve("helm/payments"));
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("Chart.yaml"),
                "apiVersion: v2\nname: payments\nversion: 0.1.0\nappVersion: \"1.0.0\"\ndescription: Payments service\n");
        Files.writeString(chart.resolve("values.yaml"), "replicaCount: 1\nimage:\n  repository: registry.example.com/payments\n  tag: latest\n");
        Files.writeString(chart.resolve("values.stage.yaml"), "replicaCount: 2\n");
        Files.writeString(chart.resolve("values.prod.yaml"), "replicaCount: 4\n");
        Files.writeString(chart.resolve("templates/configmap.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\ndata:\n  replicas: \"{{ .Values.replicaCount }}\"\n");
    }

    /** One more service with a chart and base values only, next to {@link #monorepo}'s payments. */
    public static void service(Path workspace, String name) throws IOException {
        Files.createDirectories(workspace.resolve(name + "/src"));
        Path chart = Files.createDirectories(workspace.resolve("helm/" + name + "/templates"));
        Files.writeString(chart.resolveSibling("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: 0.2.0\nappVersion: \"2.0.0\"\n");
        Files.writeString(chart.resolveSibling("values.yaml"), "replicaCount: 1\n");
        Files.writeString(chart.resolve("configmap.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n");
    }
}
