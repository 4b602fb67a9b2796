package io.jenkins.plugins.kubedelivery.engine.preview;

import io.jenkins.plugins.kubedelivery.engine.model.NamespaceInfo;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a reap deletes and keeps, and why: a pure function of the namespaces listed, the open pull
 * requests and the time, decided before any deletion. Each namespace to delete is kept as it was
 * listed, so its deletion can require that it is still that namespace.
 *
 * @param doomed the namespaces to delete, with the reason, in list order
 * @param kept the namespaces kept, with the reason
 */
public record ReapDecision(List<Doomed> doomed, Map<String, String> kept) {
    /** A namespace to delete, as it was listed, and why it goes. */
    public record Doomed(NamespaceInfo namespace, String reason) {}

    /**
     * @param open the open pull requests as their label values, or {@code null} to decide by expiry alone
     */
    public static ReapDecision decide(List<NamespaceInfo> listed, Set<String> open, Instant now) {
        List<Doomed> doomed = new ArrayList<>();
        Map<String, String> kept = new LinkedHashMap<>();
        for (NamespaceInfo ns : listed) {
            if (!Ownership.isOwnedPreview(ns.labels())) {
                kept.put(ns.name(), "not owned by kube-delivery");
            } else if (ns.terminating()) {
                kept.put(ns.name(), "already being deleted");
            } else {
                String reason = reasonToDelete(ns, open, now);
                if (reason == null) {
                    kept.put(ns.name(), "open and not expired");
                } else {
                    doomed.add(new Doomed(ns, reason));
                }
            }
        }
        return new ReapDecision(List.copyOf(doomed), kept);
    }

    /** @return why the namespace goes, or {@code null} to keep it */
    private static String reasonToDelete(NamespaceInfo ns, Set<String> open, Instant now) {
        String expiresAt = ns.annotation(Ownership.EXPIRES_AT);
        if (expiresAt != null) {
            try {
                if (Instant.parse(expiresAt).isBefore(now)) {
                    return "expired at " + expiresAt;
                }
            } catch (DateTimeParseException unreadable) {
                return "its expiry '" + expiresAt + "' is unreadable";
            }
        }
        if (open != null && !open.contains(ns.label(Ownership.PR))) {
            return "PR " + ns.label(Ownership.PR) + " is no longer open";
        }
        return null;
    }
}
