package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.jenkins.support.HelmReplies;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepFixture;
import io.jenkins.plugins.kubedelivery.jenkins.support.StepOutcome;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Files;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameters;

/**
 * deployService, deployServices and rollbackService reading {@code delivery.yaml} (in the shape of
 * {@code examples/monorepo}'s), with the real helm 3 and 4 against the simulated cluster: a step
 * given only a service and an environment takes the namespace, credentials, context, release and
 * values suffix from the file; a parameter given wins; the log says which values came from the file.
 */
@RunWith(Parameterized.class)
public class CatalogueStepTest {
    private static final String DELIVERY_YAML = """
            services:
              payments:
                directory: payments
                chart: helm/payments
                release: payments-api
              search:
                dependsOn: [payments]
                release: search-api
            environments:
              stage:
                namespace: shop-stage
                kubeconfigCredentialsId: cluster
                kubeContext: testcluster
                valuesSuffix: staging
              prod:
                namespace: shop-prod
                kubeconfigCredentialsId: prod-kubeconfig
                kubeContext: prod-eu-west-1
                valuesSuffix: prod
                canary: true
            """;

    @Rule
    public final TemporaryFolder tmp = new TemporaryFolder();
    @Rule
    public final TestCluster cluster = new TestCluster();

    private final String helmVersion;
    private StepFixture fixture;

    public CatalogueStepTest(String helmVersion) {
        this.helmVersion = helmVersion;
    }

    @Parameters(name = "helm {0}")
    public static Collection<Object[]> versions() {
        return Tools.helmParameters();
    }

    @Before
    public void monorepoWithCatalogue() throws Exception {
        cluster.createNamespace("shop-stage");
        cluster.createNamespace("stage");
        fixture = StepFixture.against(cluster, helmVersion, tmp.newFolder("build"));
        HelmReplies.monorepo(fixture.workspace);
        HelmReplies.service(fixture.workspace, "search");
        Files.writeString(fixture.workspace.resolve("helm/payments/values.staging.yaml"), "replicaCount: 3\n");
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), DELIVERY_YAML);
    }

    private Map<?, ?> succeed(Step step) throws Exception {
        StepOutcome outcome = StepOutcome.run(step, fixture);
        assertNull("succeeded; log:\n" + fixture.log(), outcome.failure());
        return (Map<?, ?>) outcome.result();
    }

    private Optional<String> replicas(String namespace, String configMap) {
        return cluster.object("v1", "ConfigMap", namespace, configMap).map(o -> o.at("/data/replicas").asText());
    }

    @Test
    public void aServiceAndAnEnvironmentAreEnough() throws Exception {
        Map<?, ?> result = succeed(new DeployServiceStep("payments", "stage"));

        assertEquals("payments-api", result.get("release"));
        assertEquals("shop-stage", result.get("namespace"));
        assertEquals(Optional.of("3"), replicas("shop-stage", "payments-api")); // values.staging.yaml, the file's suffix
        assertEquals(List.of("cluster"), fixture.credentials.lookedUp());
        assertTrue(fixture.log(), fixture.log().contains("From delivery.yaml for payments in environment stage:"
                + " kubeconfigCredentialsId cluster, kubeContext testcluster, namespace shop-stage, release payments-api,"
                + " valuesSuffix staging"));
        assertTrue(fixture.launcher.allArguments(), fixture.launcher.allArguments().contains("--kube-context testcluster"));
    }

    @Test
    public void parametersGivenWinOverTheFile() throws Exception {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setNamespace("stage");
        step.setRelease("payments");
        step.setKubeconfigCredentialsId(StepFixture.CLUSTER_CREDENTIALS);

        Map<?, ?> result = succeed(step);

        assertEquals("payments", result.get("release"));
        assertEquals("stage", result.get("namespace"));
        assertEquals(Optional.of("3"), replicas("stage", "payments"));
        assertTrue(fixture.log(), fixture.log().contains("From delivery.yaml for payments in namespace stage: valuesSuffix staging"));
        assertFalse("the file's context goes with the file's credentials", fixture.launcher.allArguments().contains("--kube-context"));
    }

    @Test
    public void rollbackFindsTheReleaseWhereTheFileSaysItIs() throws Exception {
        succeed(new DeployServiceStep("payments", "stage"));
        DeployServiceStep second = new DeployServiceStep("payments", "stage");
        second.setValues(Map.of("replicaCount", 5));
        succeed(second);
        assertEquals(Optional.of("5"), replicas("shop-stage", "payments-api"));

        Map<?, ?> result = succeed(new RollbackServiceStep("payments", "stage"));

        assertEquals("payments-api", result.get("release"));
        assertEquals("shop-stage", result.get("namespace"));
        assertEquals(1, result.get("toRevision"));
        assertEquals(Optional.of("3"), replicas("shop-stage", "payments-api"));
        assertTrue(fixture.log(), fixture.log().contains("From delivery.yaml for payments in environment stage to the previous"
                + " deployed revision: kubeconfigCredentialsId cluster, kubeContext testcluster, namespace shop-stage, release payments-api"));
    }

    @Test
    public void severalServicesTakeTheEnvironmentAndEachItsOwnRelease() throws Exception {
        Map<?, ?> result = succeed(new DeployServicesStep(List.of("payments", "search"), "stage"));

        assertEquals(Optional.of("3"), replicas("shop-stage", "payments-api"));
        assertTrue(cluster.object("v1", "ConfigMap", "shop-stage", "search-api").isPresent());
        assertTrue(String.valueOf(result), String.valueOf(result).contains("search-api"));
        assertTrue(fixture.log(), fixture.log().contains("namespace shop-stage, valuesSuffix staging, release of payments payments-api,"
                + " release of search search-api"));
        assertTrue("search dependsOn payments: deployed after it; " + fixture.log(), fixture.log().contains(
                "in 2 waves, each service after those it depends on: [[payments], [search]]"));
    }

    @Test
    public void aBadCatalogueFailsTheDeployBeforeAnyCommand() throws Exception {
        Files.writeString(fixture.workspace.resolve("delivery.yaml"), DELIVERY_YAML.replace("valuesSuffix: staging", "valueSuffix: staging"));

        StepOutcome outcome = StepOutcome.run(new DeployServiceStep("payments", "stage"), fixture);

        assertTrue(outcome.failure(), outcome.failure().startsWith("deployService: delivery.yaml:14:5: environments.stage.valueSuffix:"
                + " unknown key (did you mean 'valuesSuffix'?)"));
        assertEquals(List.of(), fixture.launcher.launches());
        assertEquals(List.of(), fixture.credentials.lookedUp());
    }
}
