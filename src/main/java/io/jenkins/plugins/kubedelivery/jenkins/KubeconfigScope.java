package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
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
import java.util.function.Function;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * Turns {@link ClusterAccess} into the {@link ClusterTarget} the engine uses, writing the
 * kubeconfig into the step's {@link StagingArea} (0600, removed with it). The kinds of credentials
 * taken are {@link KubeconfigCredentialKind}'s:
 * <ul>
 * <li>no credentials: the pod's ServiceAccount (in-cluster configuration);
 * <li>a Secret file credential: its content is the kubeconfig;
 * <li>a Secret text credential: a bearer token for {@code server};
 * <li>a Certificate credential: a client certificate and key for {@code server}, taken out of its
 *     PKCS#12 keystore;
 * <li>{@code cloud}: the server, certificate authority and credentials of a Kubernetes cloud of
 *     the kubernetes plugin ({@link KubernetesClouds}).
 * </ul>
 * With a server, the generated kubeconfig ({@link GeneratedKubeconfig}) is the only place the
 * token, the key and the CA certificate go (never argv, log or message). Vault-backed credentials
 * (hashicorp-vault-plugin's) implement the same interfaces, so they work here without any Vault
 * API. Every secret read here (a token, a key and its keystore's password, a kubeconfig's user
 * credentials) is registered with the execution's mask, and every credential used is tracked.
 */
public final class KubeconfigScope {
    static final String KUBECONFIG_FILE = "kubeconfig";

    private final CredentialsLookup lookup;
    private final KubernetesClouds clouds;
    private final SecretMask mask;

    public KubeconfigScope(CredentialsLookup lookup, KubernetesClouds clouds, SecretMask mask) {
        this.lookup = lookup;
        this.clouds = clouds;
        this.mask = mask;
    }

    /** Without a clouds finder of its own: {@code cloud:} then asks the kubernetes plugin. */
    public KubeconfigScope(CredentialsLookup lookup, SecretMask mask) {
        this(lookup, KubernetesClouds.JENKINS, mask);
    }

    public ClusterTarget open(ClusterAccess access, Run<?, ?> run, StagingArea staging)
            throws IOException, InterruptedException {
        if (access.cloud() != null) {
            return openCloud(clouds.find(access.cloud()), run, staging);
        }
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
        ClusterTarget target;
        if (kind.needsServer()) {
            if (access.server() == null) {
                throw new ValidationException("server", "is required with the credentials '" + id + "' ("
                        + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + "): the URL of the Kubernetes API server, e.g. https://k8s.example.com:6443");
            }
            if (access.kubeContext() != null) {
                throw new ValidationException("kubeContext", "applies to a kubeconfig (Secret file) credential, not to the"
                        + " credentials '" + id + "'");
            }
            target = withServer("server", access.server(), new GeneratedKubeconfig(access.server(), access.caCertificate(), false),
                    userOf(kind, credentials, id, "kubeconfigCredentialsId"), staging);
        } else {
            if (access.server() != null) {
                throw new ValidationException("server", "is only used with a Secret text (token) or Certificate credential;"
                        + " the kubeconfig in '" + id + "' names its own server");
            }
            target = fromKubeconfig((FileCredentials) credentials, access.kubeContext(), staging);
        }
        lookup.track(run, credentials);
        return target;
    }

    /**
     * The cloud's cluster. Its credentials are looked up as the build's, like the step's own: a
     * System-scoped credential serves Jenkins itself (the cloud's agents) and is never handed to a build.
     */
    private ClusterTarget openCloud(CloudCluster cloud, Run<?, ?> run, StagingArea staging)
            throws IOException, InterruptedException {
        String where = "cloud: the Kubernetes cloud '" + cloud.name() + "'";
        String id = cloud.credentialsId();
        if (id == null) {
            // The cloud's agent pods run in its cluster, and this step runs in one of them.
            return ClusterTarget.inCluster();
        }
        StandardCredentials credentials = lookup.find(id, run);
        if (credentials == null) {
            throw new AbortException(where + " uses the credentials '" + id + "', which this build cannot see (System-scoped"
                    + " credentials serve Jenkins itself, never a build); make them Global, or give kubeconfigCredentialsId");
        }
        KubeconfigCredentialKind kind = KubeconfigCredentialKind.of(credentials).orElseThrow(
                () -> new AbortException(where + " uses " + KubeconfigCredentialKind.wrongKind(id, credentials)));
        ClusterTarget target;
        if (kind.needsServer()) {
            if (cloud.serverUrl() == null) {
                throw new AbortException(where + " has no Kubernetes URL, which its credentials '" + id + "' need; set it in"
                        + " the cloud's configuration");
            }
            if (cloud.serverCertificate() != null) {
                CaCertificate.check("cloud", cloud.serverCertificate());
            }
            target = withServer("cloud", cloud.serverUrl(), new GeneratedKubeconfig(cloud.serverUrl(), cloud.serverCertificate(),
                    cloud.skipTlsVerify()), userOf(kind, credentials, id, "cloud"), staging);
        } else {
            target = fromKubeconfig((FileCredentials) credentials, null, staging);
        }
        lookup.track(run, credentials);
        return target;
    }

    /** The generated kubeconfig for {@code server}, with the user's credentials, written to the staging area. */
    private static ClusterTarget withServer(String parameter, String server, GeneratedKubeconfig kubeconfig,
            Function<GeneratedKubeconfig, String> user, StagingArea staging) throws IOException, InterruptedException {
        checkServer(parameter, server);
        String path = staging.write(KUBECONFIG_FILE, user.apply(kubeconfig));
        return new ClusterTarget(path, null, ClusterIdentity.ofServer(parameter, server));
    }

    /**
     * How the user of a token or certificate credential goes into a generated kubeconfig, its secrets
     * read (and masked) now, before anything is written.
     */
    private Function<GeneratedKubeconfig, String> userOf(KubeconfigCredentialKind kind, StandardCredentials credentials,
            String id, String parameter) throws IOException {
        if (kind == KubeconfigCredentialKind.TOKEN) {
            String token = Secret.toString(((StringCredentials) credentials).getSecret());
            if (token.isBlank()) {
                throw new AbortException(parameter + ": the Secret text credential '" + id + "' is empty");
            }
            mask.add(token);
            return kubeconfig -> kubeconfig.withToken(token);
        }
        StandardCertificateCredentials certificate = (StandardCertificateCredentials) credentials;
        String password = Secret.toString(certificate.getPassword());
        mask.add(password);
        ClientCertificate client = ClientCertificate.from(certificate.getKeyStore(), password.toCharArray(),
                parameter, "the Certificate credential '" + id + "'");
        mask.add(client.privateKey());
        return kubeconfig -> kubeconfig.withClientCertificate(client.certificateChain(), client.privateKey());
    }

    private ClusterTarget fromKubeconfig(FileCredentials file, String kubeContext, StagingArea staging)
            throws IOException, InterruptedException {
        String kubeconfig;
        try (InputStream content = file.getContent()) {
            kubeconfig = new String(content.readAllBytes(), StandardCharsets.UTF_8);
        }
        mask.addAll(KubeconfigSecrets.of(kubeconfig));
        String identity = ClusterIdentity.ofKubeconfig(kubeconfig, kubeContext); // refuses before anything is written
        String path = staging.write(KUBECONFIG_FILE, kubeconfig);
        return new ClusterTarget(path, kubeContext, identity);
    }

    static void checkServer(String parameter, String server) {
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw new ValidationException(parameter, "'" + server + "' is not a URL; write it like https://k8s.example.com:6443");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getUserInfo() != null) {
            throw new ValidationException(parameter, "'" + server + "' must be an https:// URL of the API server"
                    + " without user information, e.g. https://k8s.example.com:6443 (credentials are never sent in clear text)");
        }
    }
}
