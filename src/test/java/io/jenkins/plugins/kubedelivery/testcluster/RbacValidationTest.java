package io.jenkins.plugins.kubedelivery.testcluster;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

import io.jenkins.plugins.kubedelivery.testcluster.ClientProcess.Result;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.nio.file.Path;
import java.util.List;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** RBAC objects are validated as the real server validates them (and never enforced), seen through kubectl. */
@RunWith(Parameterized.class)
public class RbacValidationTest {
    @ClassRule
    public static final TestCluster CLUSTER = new TestCluster();

    @Parameters(name = "kubectl {0}")
    public static List<String> versions() {
        return Tools.KUBECTL_VERSIONS;
    }

    @Parameter
    public String version;

    @Test
    public void aBindingsRoleRefCannotChange() {
        String namespace = client().unique("rbac-immutable");
        CLUSTER.createNamespace(namespace);
        client().ok("-n", namespace, "apply", "-f", binding(namespace, "Role", "reader").toString());
        Result changed = client().run("-n", namespace, "apply", "-f", binding(namespace, "ClusterRole", "view").toString());
        assertEquals(changed.toString(), 1, changed.exitCode());
        assertThat(changed.stderr(), containsString("The RoleBinding \"reader\" is invalid:"
                + " roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\","
                + " Name:\"view\"}: cannot change roleRef"));
        assertEquals("Role", CLUSTER.object("rbac.authorization.k8s.io/v1", "RoleBinding", namespace, "reader")
                .orElseThrow().path("roleRef").path("kind").asText());
    }

    @Test
    public void aBindingNeedsARoleRefAndKnownSubjects() {
        String namespace = client().unique("rbac-invalid");
        CLUSTER.createNamespace(namespace);
        Path manifest = TestFiles.write(CLUSTER, namespace + ".yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: %s
                subjects:
                - kind: ServiceAccount
                  name: default
                - kind: Robot
                  name: r2
                """.formatted(namespace));
        Result refused = client().run("create", "-f", manifest.toString());
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("The ClusterRoleBinding \"" + namespace + "\" is invalid: \n"
                + "* roleRef.apiGroup: Unsupported value: \"\": supported values: \"rbac.authorization.k8s.io\"\n"
                + "* roleRef.kind: Unsupported value: \"\": supported values: \"ClusterRole\"\n"
                + "* roleRef.name: Required value\n"
                + "* subjects[0].namespace: Required value\n"
                + "* subjects[1].kind: Unsupported value: \"Robot\": supported values: \"ServiceAccount\", \"User\", \"Group\""));
        String body = new RawApi(CLUSTER).post("/apis/rbac.authorization.k8s.io/v1/clusterrolebindings",
                "{\"metadata\":{\"name\":\"" + namespace + "\"},\"roleRef\":{\"apiGroup\":\"rbac.authorization.k8s.io\","
                        + "\"kind\":\"ClusterRole\"}}").body();
        assertThat(body, containsString("\"message\":\"ClusterRoleBinding.rbac.authorization.k8s.io \\\"" + namespace
                + "\\\" is invalid: roleRef.name: Required value\""));
    }

    @Test
    public void aRuleNeedsVerbsGroupsAndResources() {
        String name = client().unique("rbac-rule");
        Path manifest = TestFiles.write(CLUSTER, name + ".yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: %s
                rules:
                - resources: ["pods"]
                """.formatted(name));
        Result refused = client().run("apply", "-f", manifest.toString());
        assertEquals(refused.toString(), 1, refused.exitCode());
        assertThat(refused.stderr(), containsString("The Role \"" + name + "\" is invalid: \n"
                + "* rules[0].verbs: Required value: verbs must contain at least one value\n"
                + "* rules[0].apiGroups: Required value: resource rules must supply at least one api group"));
    }

    private Path binding(String namespace, String kind, String role) {
        return TestFiles.write(CLUSTER, namespace + "-" + kind + ".yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: reader
                subjects:
                - kind: ServiceAccount
                  name: default
                roleRef:
                  apiGroup: rbac.authorization.k8s.io
                  kind: %s
                  name: %s
                """.formatted(kind, role));
    }

    private Client client() {
        return Client.kubectl(CLUSTER, version);
    }
}
