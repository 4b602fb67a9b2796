package io.jenkins.plugins.kubedelivery.testcluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Finishes Jobs, since no pods run them: a Job completes once it is older than the ready delay,
 * or fails ({@code BackoffLimitExceeded}) when one of its images carries a failing tag. That is
 * what {@code kubectl wait --for=condition=complete} and helm's Job waits look at.
 */
final class JobController implements ControllerLoop.Controller {
    private final ObjectStore store;
    private final Rollouts rollouts;

    JobController(ObjectStore store, Rollouts rollouts) {
        this.store = store;
        this.rollouts = rollouts;
    }

    @Override
    public void reconcile() {
        for (ObjectNode job : store.list(ResourceCatalog.JOB, null)) {
            if (finished(job) || age(job) < rollouts.readyAfterMillis()) {
                continue;
            }
            boolean fails = rollouts.failing(job.path("spec").path("template").path("spec"));
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            ObjectNode status = Json.object();
            status.put("startTime", Json.text(job, "metadata.creationTimestamp"));
            status.put(fails ? "failed" : "succeeded", 1);
            if (!fails) {
                status.put("completionTime", now);
            }
            ObjectNode condition = status.putArray("conditions").addObject();
            condition.put("type", fails ? "Failed" : "Complete").put("status", "True")
                    .put("lastProbeTime", now).put("lastTransitionTime", now);
            if (fails) {
                condition.put("reason", "BackoffLimitExceeded").put("message", "Job has reached the specified backoff limit");
            }
            job.set("status", status);
            store.replace(ResourceCatalog.JOB, job);
        }
    }

    private static boolean finished(JsonNode job) {
        for (JsonNode condition : job.path("status").path("conditions")) {
            String type = condition.path("type").asText();
            if ((type.equals("Complete") || type.equals("Failed")) && condition.path("status").asText().equals("True")) {
                return true;
            }
        }
        return false;
    }

    /** Milliseconds since the Job was stored, at the second resolution of creationTimestamp. */
    private static long age(JsonNode job) {
        String created = Json.text(job, "metadata.creationTimestamp");
        return created == null ? 0 : System.currentTimeMillis() - Instant.parse(created).toEpochMilli();
    }
}
