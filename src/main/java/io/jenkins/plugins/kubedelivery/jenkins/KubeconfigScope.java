package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import hudson.AbortException;
import hudson.model.Run;
import hudson.util.Secret;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterIdentity;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns {@link ClusterAccess} into the {@link ClusterTarget} the engine uses, writing the
 * kubeconfig into the step's {@link StagingArea} (0600, removed with it). The kinds of credentials
 * taken are {@link KubeconfigCredentialKind}'s:
 * <ul>
 * <li>no credentials: the pod's ServiceAccount (in-cluster configuration);
 * <li>a Secret file credential: its content is the kubeconfig;
 * <li>a Secret text credential: a bearer token for {@code server}; the generated kubeconfig is the
 *     only place the token goes (never argv, log or message).
 * </ul>
 * Vault-backed credentials (hashicorp-vault-plugin's VaultFileCredential and VaultStringCredential)
 * implement the same two interfaces, so they work here without any Vault API. Every secret read
 * here (the token, a kubeconfig's user credentials) is registered with the execution's mask.
 */
public final class KubeconfigScope {
    static final String KUBECONFIG_FILE = "kubeconfig";
    private static final String GENERATED_NAME = "kube-delivery";

    private final CredentialsLookup lookup;
    private final SecretMask mask;

    public KubeconfigScope(CredentialsLookup lookup, SecretMask mask) {
        this.lookup = lookup;
        this.mask = mask;
    }

    public ClusterTarget open(ClusterAccess access, Run<?, ?> run, StagingArea staging)
            throws IOException, InterruptedException {
        String id = access.credentialsId();
        if (id == null) {
            return ClusterTarget.inCluster();
        }
        StandardCredentials credentials = lookup.find(id, run);
        if (credentials == null) {
            throw new AbortException("kubeconfigCredentialsId: no credentials with id '" + id
                    + "' are visible to this build; " + KubeconfigCredentialKind.expected());
        }
        KubeconfigCredentialKind kind = KubeconfigCredentialKind.of(credentials).orElseThrow(
                () -> new AbortException("kubeconfigCredentialsId: " + KubeconfigCredentialKind.wrongKind(id, credentials)));
        return switch (kind) {
            case KUBECONFIG_FILE -> fromKubeconfig(access, (FileCredentials) credentials, staging);
            case TOKEN -> fromToken(access, (StringCredentials) credentials, staging);
        };
    }

    private ClusterTarget fromKubeconfig(ClusterAccess access, FileCredentials file, StagingArea staging)
            throws IOException, InterruptedException {
        if (access.server() != null) {
            throw new ValidationException("server", "is only used with a Secret text (token) credential; the"
                    + " kubeconfig in '" + access.credentialsId() + "' names its own server");
        }
        String kubeconfig;
        try (InputStream content = file.getContent()) {
            kubeconfig = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
        mask.addAll(KubeconfigSecrets.of(kubeconfig));
        String identity = ClusterIdentity.ofKubeconfig(kubeconfig, access.kubeContext()); // refuses before anything is written
        String path = staging.write(KUBECONFIG_FILE, kubeconfig);
        return new ClusterTarget(path, access.kubeContext(), identity);
    }

    private ClusterTarget fromToken(ClusterAccess access, StringCredentials credentials, StagingArea staging)
            throws IOException, InterruptedException {
        if (access.server() == null) {
            throw new ValidationException("server", "is required with the Secret text (token) credential '"
                    + access.credentialsId() + "': the URL of the Kubernetes API server, e.g. https://k8s.example.com:6443");
        }
        if (access.kubeContext() != null) {
            throw new ValidationException("kubeContext", "applies to a kubeconfig (Secret file) credential, not to the"
                    + " token in '" + access.credentialsId() + "'");
        }
        checkServer(access.server());
        String token = Secret.toString(credentials.getSecret());
        if (token.isBlank()) {
            throw new AbortException("kubeconfigCredentialsId: the Secret text credential '" + access.credentialsId()
                    + "' is empty");
        }
        mask.add(token);
        String path = staging.write(KUBECONFIG_FILE, tokenKubeconfig(access.server(), token));
        return new ClusterTarget(path, null, ClusterIdentity.ofServer("server", access.server()));
    }

    static void checkServer(String server) {
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new ValidationException("server", "'" + server + "' is not a URL; write it like https://k8s.example.com:6443");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new ValidationException("server", "'" + server + "' must be an https:// URL of the API server"
                    + " without user information, e.g. https://k8s.example.com:6443 (a token is never sent in clear text)");
        }
    }

    /** A kubeconfig in JSON (which kubectl and helm read like YAML), so the token needs no YAML quoting. */
    static String tokenKubeconfig(String server, String token) {
        JsonObject cluster = Json.object().add("name", GENERATED_NAME).add("cluster", Json.object().add("server", server));
        JsonObject user = Json.object().add("name", GENERATED_NAME).add("user", Json.object().add("token", token));
        JsonObject context = Json.object().add("name", GENERATED_NAME)
                .add("context", Json.object().add("cluster", GENERATED_NAME).add("user", GENERATED_NAME));
        return Json.object()
                .add("apiVersion", "v1")
                .add("kind", "Config")
                .add("clusters", Json.array().add(cluster))
                .add("users", Json.array().add(user))
                .add("contexts", Json.array().add(context))
                .add("current-context", GENERATED_NAME)
                .toString();
    }
}
