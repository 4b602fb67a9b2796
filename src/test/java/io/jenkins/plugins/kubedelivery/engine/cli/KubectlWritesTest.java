package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.util.List;
import org.junit.Test;

/**
 * The routers' conditional writes print the object the API server stored, for the next write to be conditional on,
 * and a JSON patch whose test failed is told apart from other failures by the API server's generic 422 message.
 */
public class KubectlWritesTest {
    private final KubectlCommands commands = new KubectlCommands("kubectl", new ClusterTarget("/tmp/kd/kubeconfig", "prod", "c"));

    @Test
    public void createReplaceAndPatchPrintTheObjectAsStored() {
        assertEquals(List.of("kubectl", "create", "--filename", "/tmp/kd/a.json", "--output", "json", "--kubeconfig",
                "/tmp/kd/kubeconfig", "--context", "prod"), commands.create("/tmp/kd/a.json", false).arguments());
        assertEquals(List.of("kubectl", "replace", "--filename", "/tmp/kd/a.json", "--output", "json", "--dry-run=server",
                "--kubeconfig", "/tmp/kd/kubeconfig", "--context", "prod"), commands.replace("/tmp/kd/a.json", true).arguments());
        assertEquals(List.of("kubectl", "patch", "deployments.apps", "payments", "--namespace", "prod", "--type", "json",
                "--patch-file", "/tmp/kd/p.json", "--output", "json", "--kubeconfig", "/tmp/kd/kubeconfig", "--context", "prod"),
                commands.jsonPatch("deployments.apps", "payments", "prod", "/tmp/kd/p.json", false).arguments());
    }

    @Test
    public void aFailedPatchTestIsTheGeneric422() {
        assertTrue(WriteOutcome.isFailedPatchTest("The request is invalid: the server rejected our request due to an error in"
                + " our request"));
        assertFalse("a schema refusal is another failure", WriteOutcome.isFailedPatchTest("The Deployment \"payments\" is"
                + " invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0"));
    }
}
