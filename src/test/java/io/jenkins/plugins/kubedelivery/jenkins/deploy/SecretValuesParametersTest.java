package io.jenkins.plugins.kubedelivery.jenkins.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.jenkins.support.TestStepContext;
import java.io.ByteArrayOutputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

/** Secret values are used while the step runs and never written with its execution, nor shown by its getters. */
public class SecretValuesParametersTest {
    private static final String PASSWORD = "hunter2-but-longer-9f1c";

    private static DeployServiceStep deployService() {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        step.setSecretValues(Map.of("db.password", PASSWORD));
        return step;
    }

    @Test
    public void theRequestCarriesTheSecretButTheSerializedExecutionDoesNot() throws Exception {
        assertEquals(Map.of("db.password", PASSWORD), deployService().toRequest().secretValues());

        byte[] stored = serialize(deployService().start(new TestStepContext()));

        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(PASSWORD));
        assertTrue("the call was written, its request left out", new String(stored, StandardCharsets.ISO_8859_1)
                .contains("payments in environment stage"));
    }

    @Test
    public void deployServicesKeepsItsSecretsOutOfItsSerializedExecutionToo() throws Exception {
        DeployServicesStep step = new DeployServicesStep(List.of("payments", "search"), "stage");
        step.setSecretValues(Map.of("db.password", PASSWORD));
        assertEquals(Map.of("db.password", PASSWORD), step.toTemplate(step.getServices()).secretValues());

        assertFalse(new String(serialize(step.start(new TestStepContext())), StandardCharsets.ISO_8859_1).contains(PASSWORD));
    }

    @Test
    public void theSerializedExecutionHoldsNoSecret() throws Exception {
        byte[] stored = serialize(deployService().start(new TestStepContext()));
        assertFalse(new String(stored, StandardCharsets.ISO_8859_1).contains(PASSWORD));
    }

    @Test
    public void theGetterNamesTheKeysOnly() {
        assertEquals(Map.of("db.password", "<masked>"), deployService().getSecretValues());
        assertEquals(null, new DeployServiceStep("payments", "stage").getSecretValues());
    }

    @Test
    public void aValueThatIsNotTextIsRefusedNamingTheKeyNotTheValue() {
        DeployServiceStep step = new DeployServiceStep("payments", "stage");
        Map<String, Object> secrets = new LinkedHashMap<>();
        secrets.put("db.port", 5432);
        step.setSecretValues(secrets);
        AbortException e = assertThrows(AbortException.class, () -> step.start(new TestStepContext()));
        assertTrue(e.getMessage(), e.getMessage().startsWith("deployService: secretValues: 'db.port' holds a Integer"));
        assertFalse(e.getMessage(), e.getMessage().contains("5432"));
    }

    private static byte[] serialize(Object object) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(object);
        }
        return bytes.toByteArray();
    }
}
