package io.jenkins.plugins.kubedelivery.jenkins.vault;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.Test;

/**
 * The nested entries of vaultSecrets, as the Snippet Generator renders them: each field has a form
 * control in the entry's config.jelly and a help file beside it (the steps' own fields are checked
 * by StepResourcesTest).
 */
public class VaultSecretResourcesTest {
    @Test
    public void everyFieldOfAVaultEntryHasAFormControlAndHelp() throws IOException {
        check(VaultSecretPath.class, List.of("path", "engineVersion", "values"));
        check(VaultSecretKey.class, List.of("vaultKey", "valuesKey"));
    }

    private static void check(Class<?> type, List<String> fields) throws IOException {
        String config = resource(type, "config.jelly");
        for (String field : fields) {
            assertTrue(type.getSimpleName() + " config.jelly has " + field, config.contains("field=\"" + field + "\""));
            assertTrue(type.getSimpleName() + " help-" + field, resource(type, "help-" + field + ".html").strip().length() > 40);
        }
    }

    private static String resource(Class<?> type, String name) throws IOException {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + "/" + name)) {
            assertNotNull(type.getSimpleName() + "/" + name, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
