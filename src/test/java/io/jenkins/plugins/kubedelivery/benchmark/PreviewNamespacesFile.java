package io.jenkins.plugins.kubedelivery.benchmark;

import io.jenkins.plugins.kubedelivery.engine.preview.Ownership;
import java.time.Instant;

/** A manifest of many owned preview namespaces, half of them expired, for the reap benchmark. */
final class PreviewNamespacesFile {
    private PreviewNamespacesFile() {}

    static String of(int count, Instant expired, Instant fresh) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            out.append("---\n{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"pr-").append(i).append("-bench\",")
                    .append("\"labels\":{\"").append(Ownership.MANAGED_BY).append("\":\"").append(Ownership.MANAGER).append("\",\"")
                    .append(Ownership.PREVIEW).append("\":\"true\",\"").append(Ownership.PR).append("\":\"").append(i).append("\",\"")
                    .append(Ownership.REPOSITORY).append("\":\"bench\"},\"annotations\":{\"").append(Ownership.EXPIRES_AT).append("\":\"")
                    .append(i % 2 == 0 ? expired : fresh).append("\"}}}\n");
        }
        return out.toString();
    }
}
