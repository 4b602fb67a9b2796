package io.jenkins.plugins.kubedelivery.engine.deploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
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
        String diff = ManifestDiff.between(BEFORE, AFTER, "stage");
        assertTrue(diff, diff.contains("~ ConfigMap stage/p-config (v1)\n    -   LEVEL: info\n    +   LEVEL: debug\n"));
        assertTrue(diff, diff.contains("+ Deployment stage/p (apps/v1) (new)"));
        assertTrue(diff, diff.contains("- Service stage/old (v1) (removed)"));
    }

    @Test
    public void neverShowsSecretContents() {
        String diff = ManifestDiff.between(BEFORE, AFTER, "stage");
        assertTrue(diff, diff.contains("~ Secret stage/p-db (v1)\n    (data changed; secret values are not shown)\n"));
        assertFalse(diff, diff.contains("bmV3LXNlY3JldA=="));
        assertFalse(diff, diff.contains("b2xk"));
    }

    /** Issue 7 item 3: a regex kept the quotes of {@code kind: "Secret"}, so the Secret was diffed line by line. */
    @Test
    public void aQuotedSecretKindIsStillASecret() {
        String before = "apiVersion: v1\nkind: \"Secret\"\nmetadata:\n  name: 'db'\n  labels:\n    tier: a\nstringData:\n  password: hunter2\n";
        String after = "apiVersion: \"v1\"\nkind: 'Secret'\nmetadata:\n  name: db\n  labels:\n    tier: b\nstringData:\n  password: correct-horse\n";
        String diff = ManifestDiff.between(before, after, "stage");
        assertEquals("~ Secret stage/db (v1)\n    -     tier: a\n    +     tier: b\n    (data changed; secret values are not shown)\n", diff);
        assertFalse(diff, diff.contains("hunter2"));
        assertFalse(diff, diff.contains("correct-horse"));
    }

    @Test
    public void aSecretWhoseDataIsUnchangedShowsOnlyItsOtherChanges() {
        String before = "kind: Secret\napiVersion: v1\nmetadata: {name: db, annotations: {rotated: 'no'}}\ndata: {password: c2VjcmV0}\n";
        String after = "kind: Secret\napiVersion: v1\nmetadata: {name: db, annotations: {rotated: 'yes'}}\ndata: {password: c2VjcmV0}\n";
        String diff = ManifestDiff.between(before, after, "stage");
        assertEquals("~ Secret stage/db (v1)\n    -     rotated: no\n    +     rotated: yes\n", diff);
    }

    /** Issue 7 item 4: objects were keyed by kind and name, so these two Roles were one. */
    @Test
    public void sameNamedObjectsInTwoNamespacesAreTwoObjects() {
        String role = "apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: reader\n  namespace: %s\nrules:\n- verbs: [%s]\n";
        String before = String.format(role, "stage", "get") + "---\n" + String.format(role, "audit", "get");
        String after = String.format(role, "stage", "get") + "---\n" + String.format(role, "audit", "list");
        String diff = ManifestDiff.between(before, after, "stage");
        assertEquals("~ Role audit/reader (rbac.authorization.k8s.io/v1)\n    -   - get\n    +   - list\n", diff);

        String moved = String.format(role, "audit", "get");
        String onlyStage = String.format(role, "stage", "get");
        assertEquals("+ Role audit/reader (rbac.authorization.k8s.io/v1) (new)\n- Role stage/reader (rbac.authorization.k8s.io/v1) (removed)\n",
                ManifestDiff.between(onlyStage, moved, "stage"));
    }

    @Test
    public void anObjectWithoutANamespaceIsInTheReleasesNamespaceUnlessItsKindIsClusterScoped() {
        String implicit = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n";
        String explicit = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: stage\n---\napiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: r\n";
        assertEquals(ManifestDiff.NO_CHANGES, ManifestDiff.between(implicit, explicit, "stage"));
        assertEquals("+ ConfigMap stage/c (v1) (new)\n+ ClusterRole r (rbac.authorization.k8s.io/v1) (new)\n",
                ManifestDiff.between("", implicit, "stage"));
    }

    @Test
    public void apiVersionIsPartOfTheKey() {
        String v1 = "apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n";
        String v2 = "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n";
        assertEquals("+ HorizontalPodAutoscaler stage/h (autoscaling/v2) (new)\n- HorizontalPodAutoscaler stage/h (autoscaling/v1) (removed)\n",
                ManifestDiff.between(v1, v2, "stage"));
    }

    @Test
    public void formattingCommentsAndKeyOrderAreNoChange() {
        String reformatted = "# Source: p/templates/a.yaml\ndata: {LEVEL: debug}\nmetadata:\n    name: \"p-config\"\nkind: ConfigMap\napiVersion: v1\n"
                + "---\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: p-db}\ndata:\n  password: \"bmV3LXNlY3JldA==\"\n"
                + "---\nmetadata:\n  name: p\n  labels: {a: b}\nkind: Deployment\napiVersion: apps/v1\n";
        assertEquals(ManifestDiff.NO_CHANGES, ManifestDiff.between(AFTER, reformatted, "stage"));
    }

    @Test
    public void itemsOfAListAreObjects() {
        String list = "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: a}\n- apiVersion: v1\n  kind: ConfigMap\n  metadata: {name: b}\n";
        assertEquals("+ ConfigMap stage/a (v1) (new)\n+ ConfigMap stage/b (v1) (new)\n", ManifestDiff.between("", list, "stage"));
    }

    @Test
    public void saysWhenNothingChanges() {
        assertEquals("no changes\n", ManifestDiff.between(AFTER, AFTER, "stage"));
        assertEquals("no changes\n", ManifestDiff.between("", "", "stage"));
    }

    @Test
    public void anUnreadableManifestIsAnErrorThatQuotesNothingOfIt() {
        String broken = "apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: \"c2VjcmV0\n  other: [\n";
        EngineException e = assertThrows(EngineException.class, () -> ManifestDiff.between("", broken, "stage"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("the rendered manifest is not valid YAML: "));
        assertFalse(e.getMessage(), e.getMessage().contains("c2VjcmV0"));
    }
}
