package io.jenkins.plugins.kubedelivery.engine.monorepo;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretStore;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

/** delivery.yaml's vaultSecrets, per service and environment: read, checked by the steps' rules, picked when the step names none. */
public class VaultSecretsCatalogTest {
    private static final ServiceCatalogReader.RepositoryProbe REPOSITORY = new ServiceCatalogReader.RepositoryProbe() {
        @Override
        public boolean isChart(String directory) {
            return Set.of("helm/payments", "helm/search").contains(directory);
        }

        @Override
        public boolean isDirectory(String path) {
            return Set.of("helm", "payments", "search").contains(path);
        }
    };

    private static DeliveryCatalog read(String yaml) {
        return ServiceCatalogReader.read(yaml, List.of("payments", "search"), REPOSITORY);
    }

    private static final String FILE = """
            services:
              payments:
                vaultSecrets:
                  prod:
                    - path: secret/payments/prod
                      engineVersion: 2
                      values: {db_password: db.password, tls_key: tls.key}
                    - path: kv/shared
                      engineVersion: 1
                      values: {api_token: api.token}
                  stage:
                    - path: secret/payments/stage
                      values: {db_password: db.password}
            """;

    @Test
    public void eachServiceHasItsSecretsPerEnvironment() {
        DeliveryCatalog catalog = read(FILE);

        assertEquals(List.of(new SecretPath("secret/payments/prod", 2, Map.of("db_password", "db.password", "tls_key", "tls.key")),
                new SecretPath("kv/shared", 1, Map.of("api_token", "api.token"))), CatalogSettings.of(catalog, "payments", "prod").vaultSecrets());
        assertEquals(List.of(new SecretPath("secret/payments/stage", null, Map.of("db_password", "db.password"))),
                CatalogSettings.of(catalog, "payments", "stage").vaultSecrets());
        assertEquals(List.of(), CatalogSettings.of(catalog, "payments", "preview").vaultSecrets());
        assertEquals(List.of(), CatalogSettings.of(catalog, "search", "prod").vaultSecrets());
        assertEquals(List.of(), CatalogSettings.of(catalog, "prod").vaultSecrets());
    }

    @Test
    public void aStepsOwnVaultSecretsWinAndTheFilesAreLogged() {
        List<SecretPath> fromFile = CatalogSettings.of(read(FILE), "payments", "stage").vaultSecrets();
        SecretPaths given = new SecretPaths(SecretStore.CONFIGURED, List.of(new SecretPath("secret/other", 2, Map.of("k", "v"))));

        SettingsChoice choice = new SettingsChoice();
        assertEquals(given, choice.pickVaultSecrets("vaultSecrets", given, fromFile));
        assertEquals(List.of(), choice.fromCatalogue());
        assertEquals(fromFile, choice.pickVaultSecrets("vaultSecrets", SecretPaths.NONE, fromFile).paths());
        assertEquals(List.of("vaultSecrets secret/payments/stage"), choice.fromCatalogue());
    }

    @Test
    public void aBadEntryIsRefusedWhereItIsInTheFile() {
        String engine = assertThrows(CatalogException.class, () -> read("""
                services:
                  payments:
                    vaultSecrets:
                      prod:
                        - path: secret/payments/prod
                          engineVersion: 3
                          values: {db_password: db.password}
                """)).getMessage();
        assertTrue(engine, engine.startsWith("delivery.yaml:5:") && engine.contains("vaultSecrets[0].engineVersion: 3 is not a KV secrets engine version"));
        String key = assertThrows(CatalogException.class, () -> read("""
                services:
                  payments:
                    vaultSecrets:
                      prod:
                        - path: secret/payments/prod
                          valus: {db_password: db.password}
                """)).getMessage();
        assertTrue(key, key.contains("valus"));
    }
}
