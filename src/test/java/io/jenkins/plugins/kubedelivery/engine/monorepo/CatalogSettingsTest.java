package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;

import java.util.List;
import org.junit.Test;

/** What delivery.yaml adds to the conventions for a step, and the rule by which a parameter wins. */
public class CatalogSettingsTest {
    private static final ServiceCatalogReader.RepositoryProbe CHARTS = new ServiceCatalogReader.RepositoryProbe() {
        @Override
        public boolean isChart(String directory) {
            return true;
        }

        @Override
        public boolean isDirectory(String path) {
            return true;
        }
    };

    private static DeliveryCatalog catalog(String yaml) {
        return ServiceCatalogReader.read(yaml, List.of("payments", "search"), CHARTS);
    }

    @Test
    public void onlyWhatDiffersFromTheConventionsIsTaken() {
        DeliveryCatalog catalog = catalog("""
                services:
                  payments:
                    directory: payments
                    chart: helm/payments
                    release: payments
                  search:
                    release: search-api
                environments:
                  stage:
                    namespace: stage
                    valuesSuffix: stage
                  prod:
                    namespace: shop-prod
                    kubeconfigCredentialsId: prod-kubeconfig
                    kubeContext: prod-eu
                    valuesSuffix: production
                """);

        assertEquals(CatalogSettings.NONE, CatalogSettings.of(catalog, "payments", "stage")); // the conventions spelled out
        assertEquals(new CatalogSettings("shop-prod", "prod-kubeconfig", "prod-eu", "search-api", null, "production"),
                CatalogSettings.of(catalog, "search", "prod"));
        assertEquals(CatalogSettings.NONE, CatalogSettings.of(catalog, "payments", "qa")); // an environment it does not define
        assertEquals(new CatalogSettings("shop-prod", "prod-kubeconfig", "prod-eu", null, null, "production"),
                CatalogSettings.of(catalog, "unknown", "prod")); // the step reports the unknown service itself
        assertEquals(CatalogSettings.of(catalog, null, "prod"), CatalogSettings.of(catalog, "prod"));
    }

    @Test
    public void aGivenParameterWinsAndWhatTheFileGaveIsRemembered() {
        SettingsChoice choice = new SettingsChoice();

        assertEquals("mine", choice.pick("namespace", "mine", "shop-prod"));
        assertEquals("payments-api", choice.pick("release", null, "payments-api"));
        assertEquals(null, choice.pick("chart", null, null));

        assertEquals(List.of("release payments-api"), choice.fromCatalogue());
    }
}
