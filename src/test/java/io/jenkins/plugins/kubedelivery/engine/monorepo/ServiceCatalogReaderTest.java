package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class ServiceCatalogReaderTest {
    /** A repository with charts helm/payments, helm/search and helm/web, and a libs/ directory. */
    private static final ServiceCatalogReader.RepositoryProbe REPOSITORY = new ServiceCatalogReader.RepositoryProbe() {
        @Override
        public boolean isChart(String directory) {
            return Set.of("helm/payments", "helm/search", "helm/web", "charts/ledger").contains(directory);
        }

        @Override
        public boolean isDirectory(String path) {
            return Set.of("helm", "libs", "charts", "payments", "search", "web").contains(path);
        }
    };
    private static final List<String> CHARTS = List.of("payments", "search", "web");

    private static DeliveryCatalog read(String yaml) {
        return ServiceCatalogReader.read(yaml, CHARTS, REPOSITORY);
    }

    private static String refusal(String yaml) {
        return assertThrows(CatalogException.class, () -> read(yaml)).getMessage();
    }

    @Test
    public void withoutDeliveryYamlEveryChartIsAServiceByConvention() {
        DeliveryCatalog catalog = ServiceCatalogReader.read(null, CHARTS, REPOSITORY);
        assertEquals(List.of("payments", "search", "web"), List.copyOf(catalog.services().keySet()));
        assertEquals(new ServiceDefinition("search", "search", "helm/search", true, "search", List.of(), List.of()),
                catalog.services().get("search"));
        assertEquals(new EnvironmentDefinition("prod", "prod", null, null, "prod", false), catalog.environment("prod"));
    }

    @Test
    public void deliveryYamlOverridesTheConventionsAndAddsWhatTheyCannotKnow() {
        DeliveryCatalog catalog = read("""
                services:
                  payments:
                    paths: [libs/common/, build.gradle]
                    dependsOn: [search]
                  ledger:
                    directory: services/ledger
                    chart: charts/ledger
                    release: ledger-v2
                  rates:
                    chart: oci://registry.example.com/charts/rates
                environments:
                  prod:
                    namespace: production
                    kubeconfigCredentialsId: kube-prod
                    kubeContext: prod-eu
                    canary: true
                preview:
                  namePattern: pr-{pr}-{repository}
                  ttl: 72h
                  quota: {limits.memory: 8Gi, pods: 20}
                canary:
                  steps: [10, 25, 50, 100]
                  pause: 5m
                  minRequests: 50
                """);
        assertEquals(List.of("payments", "search", "web", "ledger", "rates"), List.copyOf(catalog.services().keySet()));
        assertEquals(new ServiceDefinition("payments", "payments", "helm/payments", true, "payments", List.of("libs/common/",
                "build.gradle"), List.of("search")), catalog.services().get("payments"));
        assertEquals(new ServiceDefinition("ledger", "services/ledger", "charts/ledger", true, "ledger-v2", List.of(), List.of()),
                catalog.services().get("ledger"));
        assertFalse(catalog.services().get("rates").localChart());
        assertEquals(new EnvironmentDefinition("prod", "production", "kube-prod", "prod-eu", "prod", true), catalog.environment("prod"));
        assertEquals(EnvironmentDefinition.byConvention("stage"), catalog.environment("stage"));
        assertEquals(new PreviewDefaults("pr-{pr}-{repository}", null, "72h", Map.of("limits.memory", "8Gi", "pods", "20")),
                catalog.preview());
        assertEquals(new CanaryDefaults(List.of(10, 25, 50, 100), "5m", null, null, null, 50, null, null, List.of()), catalog.canary());
        assertEquals(List.of("search"), catalog.services().get("payments").dependsOn());
    }

    @Test
    public void anEmptyFileIsTheConventions() {
        assertEquals(ServiceCatalogReader.read(null, CHARTS, REPOSITORY), read("# nothing to override yet\n"));
    }

    @Test
    public void unknownKeysAreRefusedWithTheClosestKnownOne() {
        assertEquals("delivery.yaml:3:5: services.payments.dependson: unknown key (did you mean 'dependsOn'?); the keys here are"
                + " [chart, dependsOn, directory, paths, release, vaultSecrets]", refusal("""
                services:
                  payments:
                    dependson: [search]
                """));
        assertEquals("delivery.yaml:1:1: enviroments: unknown key (did you mean 'environments'?); the keys here are [canary,"
                + " environments, preview, services]", refusal("enviroments: {}\n"));
    }

    @Test
    public void wrongTypesNameTheKeyAndWhatWasFound() {
        assertEquals("delivery.yaml:3:12: services.payments.paths: must be a list ([a, b] or '- a' lines), not the text"
                + " 'libs/common/'", refusal("services:\n  payments:\n    paths: libs/common/\n"));
        assertEquals("delivery.yaml:3:16: environments.prod.namespace: must be text, not the number '12' (quote it)",
                refusal("environments:\n  prod:\n    namespace: 12\n"));
        assertEquals("delivery.yaml:2:15: canary.steps[1]: must be a whole number, not the text 'half'",
                refusal("canary:\n  steps: [10, half, 100]\n"));
        assertEquals("delivery.yaml:3:13: environments.prod.canary: must be true or false, not the text 'yes please'",
                refusal("environments:\n  prod:\n    canary: yes please\n"));
    }

    @Test
    public void aMissingChartIsRefusedWhereverItIsNamed() {
        assertEquals("delivery.yaml:3:12: services.ledger.chart: 'helm/ledger' is no chart directory in the repository (no"
                + " Chart.yaml there) nor 'repo/chart' or 'oci://...': create it, or set chart",
                refusal("services:\n  ledger:\n    chart: helm/ledger\n"));
        assertEquals("delivery.yaml:2:3: services.ledger: chart 'helm/ledger' is no chart directory in the repository (no"
                + " Chart.yaml there) nor 'repo/chart' or 'oci://...': create it, or set chart",
                refusal("services:\n  ledger:\n    directory: ledger\n"));
        assertFalse("a helm repository chart", read("services:\n  ledger:\n    chart: bitnami/nginx\n").services().get("ledger").localChart());
    }

    @Test
    public void dependenciesMustBeKnownNotSelfAndNotCircular() {
        assertEquals("delivery.yaml:3:17: services.payments.dependsOn[0]: unknown service 'serch' (did you mean 'search'?)",
                refusal("services:\n  payments:\n    dependsOn: [serch]\n"));
        assertEquals("delivery.yaml:3:17: services.payments.dependsOn[0]: a service cannot depend on itself",
                refusal("services:\n  payments:\n    dependsOn: [payments]\n"));
        assertEquals("delivery.yaml:3:16: services.payments.dependsOn: dependencies go round in a circle: payments -> search ->"
                + " web -> payments; a service cannot be delivered after itself", refusal("""
                services:
                  payments:
                    dependsOn: [search]
                  search:
                    dependsOn: [web]
                  web:
                    dependsOn: [payments]
                """));
    }

    @Test
    public void pathsAndNamesFollowTheSharedRules() {
        assertEquals("delivery.yaml:3:13: services.payments.paths[0]: '../secrets/' climbs out of the workspace with '..':"
                + " give a path inside it", refusal("services:\n  payments:\n    paths: [../secrets/]\n"));
        assertTrue(refusal("services:\n  Payments_API: {}\n").startsWith("delivery.yaml:2:3: services.Payments_API: 'Payments_API'"
                + " is not a valid name"));
        assertEquals("delivery.yaml:3:3: services: key 'payments' appears twice", refusal("services:\n  payments: {}\n  payments: {}\n"));
    }

    @Test
    public void brokenYamlSaysWhere() {
        String message = refusal("services:\n  payments: [a, b\n");
        assertTrue(message, message.startsWith("delivery.yaml:3:1: not valid YAML: "));
    }

    @Test
    public void anUnknownServiceAskedByAStepIsRefusedWithTheKnownOnes() {
        ValidationException e = assertThrows(ValidationException.class, () -> read(null).service("service", "paymnts"));
        assertEquals("service: no service 'paymnts' in this repository (did you mean 'payments'?); services are the charts under"
                + " helm/ and those delivery.yaml lists: [payments, search, web]", e.getMessage());
        assertNull(read(null).environments().get("prod"));
    }
}
