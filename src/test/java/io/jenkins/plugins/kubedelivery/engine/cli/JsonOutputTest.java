package io.jenkins.plugins.kubedelivery.engine.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import org.junit.Test;

public class JsonOutputTest {
    @Test
    public void findsTheDocumentBetweenWarningLines() {
        String output = "WARNING: Kubernetes configuration file is group-readable. This is insecure.\n"
                + "[{\"revision\":1,\"status\":\"deployed\"}]\n"
                + "W1122 10:00:00.000 warnings.go:70] something [deprecated]\n";
        assertEquals(1, JsonOutput.parse(output, "helm history").asArray().get(0).asObject().getInt("revision", 0));
    }

    @Test
    public void readsPrettyPrintedDocuments() {
        String output = "{\n  \"name\": \"payments\",\n  \"version\": 4\n}\n";
        assertEquals(4, JsonOutput.parse(output, "helm upgrade").asObject().getInt("version", 0));
    }

    @Test
    public void saysWhatPrintedNoJson() {
        EngineException e = assertThrows(EngineException.class, () -> JsonOutput.parse("Error: boom\n", "helm status"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("helm status printed no JSON document"));
    }
}
