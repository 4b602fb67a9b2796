package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class ManifestDiffTest {
    private static final String BEFORE = "---\n# Source: p/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-config\ndata:\n  LEVEL: \"info\"\n"
            + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: p-db\ndata:\n  password: b2xk\n"
            + "---\napiVersion: v1\nkind: Service\nmetadata:\n  name: old\n";
    private static final String AFTER = "---\n# Source: p/templates/a.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: p-config\ndata:\n  LEVEL: \"debug\"\n"
            + "---\napiVersion: v1\nkind: Secret\nmetadata:\n  name: p-db\ndata:\n  password: bmV3LXNlY3JldA==\n"
            + "---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    a: b\n  name: p\n";

    @Test
    public void namesAddedChangedAndRemovedObjectsWithChangedLines() {
        String diff = ManifestDiff.between(BEFORE, AFTER);
        assertTrue(diff, diff.contains("~ ConfigMap/p-config\n    -   LEVEL: \"info\"\n    +   LEVEL: \"debug\"\n"));
        assertTrue(diff, diff.contains("+ Deployment/p (new)"));
        assertTrue(diff, diff.contains("- Service/old (removed)"));
    }

    @Test
    public void neverShowsSecretContents() {
        String diff = ManifestDiff.between(BEFORE, AFTER);
        assertTrue(diff, diff.contains("~ Secret/p-db (contents changed; secret values are not shown)"));
        assertFalse(diff, diff.contains("bmV3LXNlY3JldA=="));
        assertFalse(diff, diff.contains("b2xk"));
    }

    @Test
    public void saysWhenNothingChanges() {
        assertEquals("no changes\n", ManifestDiff.between(AFTER, AFTER));
    }
}
