package io.jenkins.plugins.kubedelivery.engine.canary;

import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.engine.canary.CanaryRelease.ObjectId;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ReleaseObjectsTest {
    private static final String MANIFEST = """
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: payments
            spec:
              selector:
                app: payments
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: payments-admin
            spec:
              selector:
                tier: admin
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: payments
            spec:
              template:
                metadata:
                  labels:
                    app: payments
                    version: "2"
            ---
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: payments-migrate
            spec:
              template:
                metadata:
                  labels:
                    job: migrate
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: payments
              namespace: other
            spec:
              scaleTargetRef:
                apiVersion: apps/v1
                kind: Deployment
                name: payments
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata:
              name: workers
            spec:
              scaleTargetRef:
                kind: StatefulSet
                name: payments
            """;

    private final ReleaseObjects objects = ReleaseObjects.parse("payments", MANIFEST, "prod", "the manifest");

    @Test
    public void objectsAreNamedByKindNamespaceAndName() {
        assertEquals(List.of(new ObjectId("Service", "prod", "payments"), new ObjectId("Service", "prod", "payments-admin"),
                new ObjectId("Deployment", "prod", "payments"), new ObjectId("Job", "prod", "payments-migrate"),
                new ObjectId("HorizontalPodAutoscaler", "other", "payments"),
                new ObjectId("HorizontalPodAutoscaler", "prod", "workers")), objects.ids());
    }

    @Test
    public void theSelectionIsTheReleasesOwnServiceAndItsServingPodsLabels() {
        CanaryRelease.Selection selection = objects.selection();
        assertEquals(Map.of("app", "payments"), selection.selector());
        assertEquals("a Job's pods serve no traffic", List.of(Map.of("app", "payments", "version", "2")), selection.podLabels());
        assertEquals("no Service of the release's name selects nothing", Map.of(),
                ReleaseObjects.parse("payments-canary", MANIFEST, "prod", "the manifest").selection().selector());
    }

    @Test
    public void onlyAutoscalersOfThatDeploymentAreFound() {
        assertEquals(List.of("horizontalpodautoscaler other/payments"), objects.autoscalersOf("payments"));
        assertEquals(List.of(), objects.autoscalersOf("payments-canary"));
    }
}
