package io.jenkins.plugins.kubedelivery.templates;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.Test;

/** vars/deliverService.groovy picks the environment by what triggered the build, and the image tag by what was built. */
public class DeliverServiceTemplateTest {
    private static final Map<String, Object> CLUSTER = Map.of("kubeconfigCredentialsId", "shop-kubeconfig");

    private static PipelineTemplate template(Map<String, String> env) throws Exception {
        return new PipelineTemplate("deliverService", env)
                .stub("createPreviewNamespace", args -> Map.of("namespace", "pr-42-shop", "url", "https://pr-42.shop.preview.example.com"))
                .stub("deployService", args -> Map.of("revision", 3, "namespace", args.getOrDefault("namespace", args.get("environment"))));
    }

    @Test
    public void aPullRequestGetsItsPreviewAndTheServiceDeployedThere() throws Exception {
        PipelineTemplate t = template(Map.of("CHANGE_ID", "42", "BRANCH_NAME", "PR-42", "GIT_COMMIT", "abc123"));
        t.call(Map.of("service", "payments", "kubeconfigCredentialsId", "shop-kubeconfig", "preview", Map.of("ttl", "24h")));
        assertEquals(List.of("createPreviewNamespace", "deployService", "echo"), t.stepNames());
        assertEquals(Map.of("kubeconfigCredentialsId", "shop-kubeconfig", "ttl", "24h"), t.calls().get(0).getValue());
        assertEquals(Map.of("kubeconfigCredentialsId", "shop-kubeconfig", "service", "payments", "environment", "preview",
                "namespace", "pr-42-shop", "imageTag", "abc123"), t.calls().get(1).getValue());
        assertTrue(String.valueOf(t.calls().get(2).getValue()), String.valueOf(t.calls().get(2).getValue())
                .contains("payments runs in pr-42-shop at revision 3, https://pr-42.shop.preview.example.com"));
    }

    @Test
    public void theMainBranchGoesToStage() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main", "GIT_COMMIT", "def456"));
        t.call(Map.of("service", "search", "kubeconfigCredentialsId", "shop-kubeconfig"));
        assertEquals(List.of("deployService"), t.stepNames());
        assertEquals(Map.of("kubeconfigCredentialsId", "shop-kubeconfig", "service", "search", "environment", "stage", "imageTag", "def456"),
                t.calls().get(0).getValue());
    }

    @Test
    public void aTagGoesToProdWithTheTagAsImage() throws Exception {
        PipelineTemplate t = template(Map.of("TAG_NAME", "1.5.0", "BRANCH_NAME", "1.5.0", "GIT_COMMIT", "fff000"));
        t.call(Map.of("service", "payments"));
        assertEquals(Map.of("service", "payments", "environment", "prod", "imageTag", "1.5.0"), t.calls().get(0).getValue());
    }

    @Test
    public void otherBranchesDeliverNothing() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "feature/x", "GIT_COMMIT", "aaa"));
        assertNull(t.call(Map.of("service", "payments", "mainBranch", "trunk")));
        assertEquals(List.of("echo"), t.stepNames());
        assertTrue(String.valueOf(t.calls().get(0).getValue()).contains("not a pull request, trunk or a tag"));
    }

    @Test
    public void aScriptedPipelineDeploysTheCommitItsCheckoutReturned() throws Exception {
        // A scripted Pipeline's checkout returns the commit and sets no env.GIT_COMMIT.
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main"));
        t.call(Map.of("service", "search", "scmVars", Map.of("GIT_COMMIT", "c0ffee1", "GIT_BRANCH", "origin/main")));
        assertEquals(Map.of("service", "search", "environment", "stage", "imageTag", "c0ffee1"), t.calls().get(0).getValue());
    }

    @Test
    public void aScriptedPullRequestBuildDeploysAndRecordsTheCommitItsCheckoutReturned() throws Exception {
        PipelineTemplate t = template(Map.of("CHANGE_ID", "42", "BRANCH_NAME", "PR-42"));
        t.call(Map.of("service", "payments", "scmVars", Map.of("GIT_COMMIT", "c0ffee1"), "preview", Map.of("ttl", "24h")));
        assertEquals(Map.of("commit", "c0ffee1", "ttl", "24h"), t.calls().get(0).getValue());
        assertEquals("c0ffee1", t.calls().get(1).getValue().get("imageTag"));
    }

    @Test
    public void theGivenImageTagWinsOverTheCommit() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main", "GIT_COMMIT", "def456"));
        t.call(Map.of("service", "search", "imageTag", "2026.12.1", "scmVars", Map.of("GIT_COMMIT", "c0ffee1")));
        assertEquals("2026.12.1", t.calls().get(0).getValue().get("imageTag"));
    }

    @Test
    public void withNoImageTagKnownMainFailsBeforeDeploying() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(Map.of("service", "search")));
        assertTrue(e.getMessage(), e.getMessage().contains("no image tag for this build: pass scmVars"));
        assertEquals("nothing deployed with the chart's default image", List.of(), t.stepNames());
    }

    @Test
    public void withNoImageTagKnownAPullRequestFailsBeforeItsPreviewIsMade() throws Exception {
        PipelineTemplate t = template(Map.of("CHANGE_ID", "42", "BRANCH_NAME", "PR-42"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(Map.of("service", "payments")));
        assertTrue(e.getMessage(), e.getMessage().contains("no image tag for this build"));
        assertEquals(List.of(), t.stepNames());
    }

    @Test
    public void scmVarsWithoutACommitIsAClearErrorOnEveryBranch() throws Exception {
        PipelineTemplate t = template(Map.of("TAG_NAME", "1.5.0", "BRANCH_NAME", "1.5.0"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> t.call(Map.of("service", "payments", "scmVars", Map.of("SVN_REVISION", "12"))));
        assertTrue(e.getMessage(), e.getMessage().contains("scmVars has no GIT_COMMIT"));
        assertEquals(List.of(), t.stepNames());
    }

    @Test
    public void tagsAndOtherBranchesNeedNoCommit() throws Exception {
        PipelineTemplate tag = template(Map.of("TAG_NAME", "1.5.0", "BRANCH_NAME", "1.5.0"));
        tag.call(Map.of("service", "payments"));
        assertEquals(Map.of("service", "payments", "environment", "prod", "imageTag", "1.5.0"), tag.calls().get(0).getValue());
        PipelineTemplate feature = template(Map.of("BRANCH_NAME", "feature/x"));
        assertNull(feature.call(Map.of("service", "payments")));
        assertEquals(List.of("echo"), feature.stepNames());
    }

    @Test
    public void aMissingServiceIsAClearError() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.call(CLUSTER));
        assertTrue(e.getMessage(), e.getMessage().contains("service is required"));
    }

    @Test
    public void anUnknownOrMistypedParameterIsRefusedBeforeAnyStep() throws Exception {
        PipelineTemplate t = template(Map.of("BRANCH_NAME", "main", "GIT_COMMIT", "def456"));
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> t.call(Map.of("service", "search", "kubeconfigCredentialId", "shop-kubeconfig")));
        assertTrue(unknown.getMessage(), unknown.getMessage().startsWith(
                "deliverService: unknown parameter 'kubeconfigCredentialId' (did you mean 'kubeconfigCredentialsId'?); its parameters are ["));
        IllegalStateException mistyped = assertThrows(IllegalStateException.class,
                () -> t.call(Map.of("service", "search", "preview", "pr-{pr}")));
        assertEquals("deliverService: preview must be a map, e.g. [key: 'value'], not String 'pr-{pr}'", mistyped.getMessage());
        assertEquals(List.of(), t.stepNames());
    }
}
