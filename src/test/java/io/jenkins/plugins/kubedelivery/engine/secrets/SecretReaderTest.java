package io.jenkins.plugins.kubedelivery.engine.secrets;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.testsupport.MapSecretSource;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** The engine's side of vaultSecrets, through a test implementation of the SecretSource port (KV v1 and v2 apart). */
public class SecretReaderTest {
    private static final String MULTI_LINE = "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2xh\n-----END CERTIFICATE-----";

    private final MapSecretSource source = new MapSecretSource()
            .put(2, "secret/payments/prod", Map.of("db_password", "v2-password-1234", "tls_crt", MULTI_LINE, "blank", ""))
            .put(1, "kv/payments", Map.of("api_token", "v1-token-5678"));
    private final SecretMask mask = new SecretMask();
    private final List<String> log = new ArrayList<>();
    private final SecretReader reader = new SecretReader(source, mask, log::add, Clock.systemUTC());

    private static SecretPaths paths(SecretPath... paths) {
        return new SecretPaths(SecretStore.CONFIGURED, List.of(paths));
    }

    @Test
    public void kvVersion1AndVersion2PathsFillTheirValuesPathsAndAreMaskedAtOnce() throws Exception {
        Map<String, String> values = reader.read(paths(
                new SecretPath("secret/payments/prod", 2, Map.of("db_password", "db.password")),
                new SecretPath("kv/payments", 1, Map.of("api_token", "api.token")),
                new SecretPath("secret/payments/prod", null, Map.of("tls_crt", "tls.crt"))));

        assertEquals(Map.of("db.password", "v2-password-1234", "api.token", "v1-token-5678", "tls.crt", MULTI_LINE), values);
        assertEquals(List.of("v2 secret/payments/prod", "v1 kv/payments", "v2 secret/payments/prod"), source.reads());
        String masked = mask.apply("v2-password-1234 v1-token-5678 MIIBszCCAVmgAwIBAgIUQ2xh");
        assertFalse(masked, masked.contains("password-1234") || masked.contains("token-5678") || masked.contains("MIIBsz"));
        assertTrue(log.toString(), log.get(0).startsWith("Read 3 secret values from Vault (secret/payments/prod (KV v2),"
                + " kv/payments (KV v1), secret/payments/prod) in "));
        assertTrue(log.toString(), log.get(0).endsWith(": db.password, api.token, tls.crt"));
    }

    @Test
    public void aPathThatHoldsNothingNamesPathAndKeys() {
        EngineException e = assertThrows(EngineException.class, () -> reader.read(paths(
                new SecretPath("kv/payments", 2, Map.of("api_token", "api.token")))));
        assertEquals("vaultSecrets: Vault has no secret at path 'kv/payments' (wanted keys api_token); check the path and the"
                + " engine version (KV v2 paths are given without 'data/')", e.getMessage());
    }

    @Test
    public void aMissingOrEmptyKeyNamesPathAndKeyAndTheValuesReadAreMaskedFirst() {
        EngineException missing = assertThrows(EngineException.class, () -> reader.read(paths(
                new SecretPath("secret/payments/prod", 2, Map.of("db_password", "db.password", "db_user", "db.user")))));
        assertTrue(missing.getMessage(), missing.getMessage().startsWith(
                "vaultSecrets: Vault path 'secret/payments/prod' has no key 'db_user' (for values path db.user)"));
        // every value at the path is registered as it arrives, in the source's map order: the number is not fixed
        String masked = mask.apply("v2-password-1234");
        assertTrue("the values read before the failure are masked already: " + masked, masked.matches("<masked-\\d+>"));

        EngineException blank = assertThrows(EngineException.class, () -> reader.read(paths(
                new SecretPath("secret/payments/prod", 2, Map.of("blank", "db.blank")))));
        assertTrue(blank.getMessage(), blank.getMessage().startsWith(
                "vaultSecrets: Vault path 'secret/payments/prod' has an empty value for key 'blank' (for values path db.blank)"));
    }

    @Test
    public void entriesAreCheckedWhenTheStepStarts() {
        assertEquals("vaultSecrets[0].engineVersion: 3 is not a KV secrets engine version: use 1 or 2, or leave it out for the"
                + " version the Vault configuration sets", assertThrows(ValidationException.class,
                () -> paths(new SecretPath("kv/a", 3, Map.of("k", "v")))).getMessage());
        assertTrue(assertThrows(ValidationException.class, () -> paths(new SecretPath(" ", 2, Map.of("k", "v"))))
                .getMessage().startsWith("vaultSecrets[0].path: is missing"));
        assertTrue(assertThrows(ValidationException.class, () -> paths(new SecretPath("kv/a\nb", 2, Map.of("k", "v"))))
                .getMessage().startsWith("vaultSecrets[0].path: 'kv/a\\u000ab' contains spaces or control characters"));
        assertTrue(assertThrows(ValidationException.class, () -> paths(new SecretPath("kv/a", 2, Map.of())))
                .getMessage().startsWith("vaultSecrets[0].values: is empty"));
        assertEquals("vaultSecrets[1].values: values path 'db.password' is already set by vaultSecrets[0]: give each values path"
                + " one source", assertThrows(ValidationException.class, () -> paths(
                new SecretPath("kv/a", 2, Map.of("k", "db.password")), new SecretPath("kv/b", 2, Map.of("j", "db.password"))))
                .getMessage());
        assertTrue(assertThrows(ValidationException.class, () -> new SecretPaths(new SecretStore("https://vault.example.com", null),
                List.of())).getMessage().startsWith("vaultUrl: is set, but vaultSecrets is empty"));
        assertTrue(assertThrows(ValidationException.class, () -> new SecretPaths(new SecretStore(null, "vault-token"),
                List.of())).getMessage().startsWith("vaultCredentialId: is set, but vaultSecrets is empty"));
        assertTrue(assertThrows(ValidationException.class, () -> new SecretPaths(new SecretStore("https://u:p@vault", null),
                List.of(new SecretPath("kv/a", 2, Map.of("k", "v"))))).getMessage().startsWith("vaultUrl: must not carry"));
    }

    /** What a resumable request keeps: the names, never a value (none was read into it). */
    @Test
    public void theEntriesSerializeWithNamesOnly() throws Exception {
        SecretPaths paths = paths(new SecretPath("secret/payments/prod", 2, Map.of("db_password", "db.password")));
        reader.read(paths);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(paths);
        }
        String written = bytes.toString(StandardCharsets.ISO_8859_1);
        assertTrue(written.contains("secret/payments/prod") && written.contains("db_password"));
        assertFalse(written.contains("v2-password-1234"));
    }
}
