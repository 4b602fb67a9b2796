package io.jenkins.plugins.kubedelivery.examples;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.jenkins.plugins.kubedelivery.engine.model.ChangedPath;
import io.jenkins.plugins.kubedelivery.engine.monorepo.AffectedService;
import io.jenkins.plugins.kubedelivery.engine.canary.CheckSpec;
import io.jenkins.plugins.kubedelivery.engine.canary.RouterSpec;
import io.jenkins.plugins.kubedelivery.engine.monorepo.CanaryDefaults;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ChangeImpact;
import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.EnvironmentDefinition;
import io.jenkins.plugins.kubedelivery.engine.monorepo.PreviewDefaults;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The example's delivery.yaml, read by the real catalogue reader, describes the repository as it is:
 * every service has its directory, Dockerfile, one-line Jenkinsfile and chart with a values file per
 * environment, and a change lands on the services the example's README says it does.
 */
public class MonorepoExampleCatalogTest {
    private static final DeliveryCatalog CATALOG = ExampleMonorepo.catalog();
    /** The uid a Dockerfile's {@code USER} instruction runs as: {@code USER 10001:10001}. */
    private static final Pattern DOCKERFILE_USER = Pattern.compile("(?m)^USER ([0-9]+)(:[0-9]+)?$");

    @Test
    public void theServicesAreTheChartsAndEachHasItsDirectoryDockerfileAndOneLineJenkinsfile() throws Exception {
        assertEquals(List.of("ledger", "payments", "search"), ExampleMonorepo.conventionalCharts());
        assertEquals("delivery.yaml lists exactly the charts' services", List.of("ledger", "payments", "search"),
                CATALOG.services().keySet().stream().sorted().toList());
        for (ServiceDefinition service : CATALOG.services().values()) {
            Path directory = ExampleMonorepo.ROOT.resolve(service.directory());
            assertTrue(service.name() + "'s Dockerfile", Files.isRegularFile(directory.resolve("Dockerfile")));
            assertEquals(service.name() + "'s Jenkinsfile is the template in one line",
                    "@Library('kube-delivery') _\nmicroservicePipeline(service: '" + service.name() + "')\n",
                    Files.readString(directory.resolve("Jenkinsfile")));
            assertTrue(service.name() + " has a chart in the repository", service.localChart());
            for (String path : service.paths()) {
                assertTrue(service.name() + "'s path " + path + " exists", Files.exists(ExampleMonorepo.ROOT.resolve(path)));
            }
        }
        assertEquals("@Library('kube-delivery') _\nmonorepoPipeline()\n",
                ExampleMonorepo.read("Jenkinsfile"));
    }

    @Test
    public void everyChartHasAValuesFileForEveryEnvironment() {
        assertEquals(List.of("preview", "stage", "prod"), ExampleMonorepo.valuesSuffixes(CATALOG));
        for (ServiceDefinition service : CATALOG.services().values()) {
            for (String suffix : ExampleMonorepo.valuesSuffixes(CATALOG)) {
                Path values = ExampleMonorepo.chart(service).resolve("values." + suffix + ".yaml");
                assertTrue(values + " exists", Files.isRegularFile(values));
            }
        }
    }

    @Test
    public void eachImageRunsAsTheNonRootUidItsChartDeclares() throws Exception {
        for (ServiceDefinition service : CATALOG.services().values()) {
            Matcher user = DOCKERFILE_USER.matcher(ExampleMonorepo.read(service.directory() + "/Dockerfile"));
            JsonNode runAsUser = new YAMLMapper().readTree(ExampleMonorepo.read(service.chart() + "/values.yaml"))
                    .at("/securityContext/runAsUser");
            assertTrue(service.name() + "'s Dockerfile has a numeric USER", user.find());
            assertTrue(service.name() + "'s values.yaml has securityContext.runAsUser", runAsUser.isInt());
            assertEquals(service.name(), Integer.parseInt(user.group(1)), runAsUser.asInt());
            assertTrue(service.name() + " runs as non-root", runAsUser.asInt() > 0);
        }
    }

    @Test
    public void deliveryYamlUsesEverySectionOfTheCatalogue() {
        ServiceDefinition payments = CATALOG.services().get("payments");
        ServiceDefinition convention = ServiceDefinition.byConvention("payments");
        assertEquals("payments spells the conventions out", List.of(convention.directory(), convention.chart(), convention.release()),
                List.of(payments.directory(), payments.chart(), payments.release()));
        assertEquals(new ServiceDefinition("payments", "payments", "helm/payments", true, "payments", List.of("libs/common/"),
                List.of()), payments);
        assertEquals(List.of("payments"), CATALOG.services().get("search").dependsOn());
        assertEquals(List.of("libs/common/"), CATALOG.services().get("ledger").paths());

        assertEquals(new EnvironmentDefinition("stage", "shop-stage", "stage-kubeconfig", "stage", "stage", false),
                CATALOG.environment("stage"));
        assertEquals(new EnvironmentDefinition("prod", "shop-prod", "prod-kubeconfig", "prod-eu-west-1", "prod", true),
                CATALOG.environment("prod"));

        PreviewDefaults preview = CATALOG.preview();
        assertEquals("pr-{pr}-{repository}", preview.namePattern());
        assertEquals("pr-{pr}.{repository}.preview.example.com", preview.hostPattern());
        assertEquals("72h", preview.ttl());
        assertEquals(List.of("limits.memory", "pods", "requests.cpu"), preview.quota().keySet().stream().sorted().toList());

        CanaryDefaults canary = CATALOG.canary();
        assertEquals(List.of(10, 25, 50, 100), canary.steps());
        for (Object field : new Object[] {canary.pause(), canary.interval(), canary.failureLimit(), canary.inconclusiveLimit(),
                canary.minRequests(), canary.prometheusUrl()}) {
            assertNotNull("every canary default is set: " + canary, field);
        }
        for (ServiceDefinition service : CATALOG.services().values()) {
            assertEquals("each chart's Ingress is named as its release", new RouterSpec.Nginx(service.release()),
                    canary.router().resolve(service.name(), service.release()));
        }
        assertEquals(List.of(new CheckSpec.ErrorRate(0.01), new CheckSpec.Latency(500, 99)), canary.analysis());
    }

    @Test
    public void theSharedLibraryDeliversTheServicesThatDeclareItAndWhatDependsOnThem() {
        assertEquals(List.of(
                "ledger: changed in libs/common/src/main/java/com/example/shop/common/Money.java",
                "payments: changed in libs/common/src/main/java/com/example/shop/common/Money.java",
                "search: depends on payments, which changed in libs/common/src/main/java/com/example/shop/common/Money.java"),
                impact("libs/common/src/main/java/com/example/shop/common/Money.java"));
    }

    @Test
    public void aServiceChangeDeliversItAndItsDependentsOnly() {
        assertEquals(List.of("payments: changed in payments/api/payments.yaml",
                "search: depends on payments, which changed in payments/api/payments.yaml"), impact("payments/api/payments.yaml"));
        assertEquals(List.of("search: changed in search/main.go"), impact("search/main.go"));
        assertEquals(List.of("ledger: changed in helm/ledger/values.prod.yaml"), impact("helm/ledger/values.prod.yaml"));
        assertEquals("a service's own Jenkinsfile is its own change", List.of("ledger: changed in ledger/Jenkinsfile"),
                impact("ledger/Jenkinsfile"));
    }

    @Test
    public void theCatalogueOrTheRootJenkinsfileDeliversEverythingAndTheReadmeNothing() {
        assertEquals(3, impact("delivery.yaml").size());
        assertEquals(3, impact("Jenkinsfile").size());
        assertEquals(List.of(), impact("README.md"));
    }

    private static List<String> impact(String changedFile) {
        assertTrue(changedFile + " is a file of the example", Files.isRegularFile(ExampleMonorepo.ROOT.resolve(changedFile)));
        return ChangeImpact.of(CATALOG, List.of(ChangedPath.modified(changedFile))).stream().map(AffectedService::toString).toList();
    }
}
