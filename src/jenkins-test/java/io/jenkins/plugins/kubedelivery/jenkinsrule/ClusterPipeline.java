package io.jenkins.plugins.kubedelivery.jenkinsrule;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SecretBytes;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.kubedelivery.testcluster.TestCluster;
import io.jenkins.plugins.kubedelivery.testsupport.GitRepository;
import io.jenkins.plugins.kubedelivery.testsupport.Resources;
import io.jenkins.plugins.kubedelivery.testsupport.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jenkinsci.plugins.plaincredentials.impl.FileCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * What every Pipeline of the suite needs: the simulated cluster's kubeconfig as a Secret file
 * credential in the test Jenkins, a workspace holding the fixture monorepo as a git repository, and
 * the pinned helm and kubectl on the {@code PATH} of the node the steps run on. That is the PATH of
 * the JVM running the suite, which the controller and its agents inherit: Java looks an executable
 * up on its own PATH, never on the one a {@code withEnv} gives the process.
 */
final class ClusterPipeline {
    /** The id of the Secret file credential holding the simulated cluster's kubeconfig. */
    static final String CREDENTIALS_ID = "test-cluster";

    private final TestCluster cluster;
    private final Path workspace;
    private final String firstCommit;

    private ClusterPipeline(TestCluster cluster, Path workspace, String firstCommit) {
        this.cluster = cluster;
        this.workspace = workspace;
        this.firstCommit = firstCommit;
    }

    /**
     * A git workspace in {@code folder}: the fixture monorepo (charts payments, search, ledger) in a
     * first commit, then a second commit that changes payments only.
     */
    static ClusterPipeline prepare(TestCluster cluster, Path folder) throws IOException, InterruptedException {
        requireOnPath(Tools.helm(Tools.HELM_3).getParent());
        requireOnPath(Tools.kubectl(Tools.KUBECTL_135).getParent());
        GitRepository repository = GitRepository.init(folder);
        Path fixture = Resources.path("monorepo");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fixture)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            repository.write(fixture.relativize(file).toString(), Files.readString(file));
        }
        String first = repository.commit("the monorepo");
        repository.write("payments/CHANGELOG.md", "a change to payments\n").commit("payments changed");
        return new ClusterPipeline(cluster, folder, first);
    }

    /** Adds the cluster's kubeconfig to the Jenkins running in this JVM, as a global Secret file credential. */
    void addCredentials() throws IOException {
        addCredentials(kubeconfig());
    }

    /** The cluster's kubeconfig, for a Jenkins in another JVM ({@link #addCredentials(byte[])} there). */
    byte[] kubeconfig() throws IOException {
        return Files.readAllBytes(cluster.kubeconfig());
    }

    /** Adds {@code kubeconfig} to the running Jenkins as the global Secret file credential the steps name. */
    static void addCredentials(byte[] kubeconfig) throws IOException {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new FileCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID, "the simulated cluster",
                "kubeconfig", SecretBytes.fromRawBytes(kubeconfig)));
        store.save();
    }

    /** An Ingress routing all of {@code <name>.example.com}'s traffic to the Service {@code name}, as the nginx router expects. */
    static ObjectNode ingress(String namespace, String name) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree("""
                {"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "%s", "namespace": "%s"},
                 "spec": {"ingressClassName": "nginx", "rules": [{"host": "%s.example.com", "http": {"paths": [
                   {"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "%s", "port": {"number": 8080}}}}]}}]}}
                """.formatted(name, namespace, name, name));
    }

    /** The image the Deployment payments runs in {@code namespace}. */
    static String paymentsImage(TestCluster cluster, String namespace) {
        return cluster.object("apps/v1", "Deployment", namespace, "payments").orElseThrow()
                .at("/spec/template/spec/containers/0/image").asText();
    }

    /** The commit before the change to payments. */
    String firstCommit() {
        return firstCommit;
    }

    /** {@code body} inside {@code node(label)}, in the fixture workspace (see {@link #inWorkspace}). */
    String onNode(String label, String body) {
        return "node(" + quote(label) + ") {\n" + inWorkspace(body) + "}\n";
    }

    /**
     * {@code body} in the fixture workspace, for any node block, with the cluster's isolated helm
     * folders in the environment (the kubeconfig itself comes from the credential, never from there).
     */
    String inWorkspace(String body) {
        return "ws(" + quote(workspace.toString()) + ") {\n withEnv(" + environment() + ") {\n" + body + "\n }\n}\n";
    }

    /** A Pipeline job running {@code script} in the Groovy sandbox, as a user's Jenkinsfile runs. */
    static WorkflowJob job(JenkinsRule r, String name, String script) throws Exception {
        WorkflowJob job = r.createProject(WorkflowJob.class, name);
        job.setDefinition(new CpsFlowDefinition(script, true));
        return job;
    }

    private static void requireOnPath(Path directory) {
        String path = String.valueOf(System.getenv("PATH"));
        if (!List.of(path.split(":")).contains(directory.toString())) {
            throw new AssertionError(directory + " is not on the PATH of the JVM running the suite (" + path + "): run it"
                    + " with mvn -Pjenkins verify, which puts the pinned helm and kubectl there");
        }
    }

    /** The cluster access every step of the suite passes. */
    static String access() {
        return "kubeconfigCredentialsId: '" + CREDENTIALS_ID + "'";
    }

    private String environment() {
        List<String> entries = new ArrayList<>();
        for (Map.Entry<String, String> variable : cluster.environment().entrySet()) {
            if (!variable.getKey().equals("KUBECONFIG")) {
                entries.add(variable.getKey() + "=" + variable.getValue());
            }
        }
        return "[" + String.join(", ", entries.stream().map(ClusterPipeline::quote).toList()) + "]";
    }

    /** A Groovy single-quoted string; the suite's paths and names hold no quote or backslash. */
    static String quote(String text) {
        if (text.contains("'") || text.contains("\\")) {
            throw new IllegalArgumentException("cannot quote " + text + " for a Pipeline script");
        }
        return "'" + text + "'";
    }
}
