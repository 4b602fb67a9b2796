package io.jenkins.plugins.kubedelivery.jenkins.support;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.Secret;
import io.jenkins.plugins.kubedelivery.jenkins.CredentialsLookup;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/** A credentials store for tests, put into the step context as its {@link CredentialsLookup}. */
public final class TestCredentials implements CredentialsLookup {
    private final Map<String, StandardCredentials> byId = new ConcurrentHashMap<>();
    private final List<String> looked = new CopyOnWriteArrayList<>();
    private final List<String> tracked = new CopyOnWriteArrayList<>();

    public TestCredentials secretFile(String id, String content) {
        byId.put(id, new File(id, content));
        return this;
    }

    /** A kubeconfig whose current context {@code context} reaches {@code server}. */
    public static String kubeconfig(String server, String context) {
        return String.join("\n", "apiVersion: v1", "kind: Config", "current-context: " + context,
                "clusters:", "- name: " + context + "-cluster", "  cluster:", "    server: " + server,
                "contexts:", "- name: " + context, "  context: {cluster: " + context + "-cluster, user: deployer}",
                "users:", "- name: deployer", "  user: {}", "");
    }

    public TestCredentials secretText(String id, String secret) {
        byId.put(id, new Text(id, secret));
        return this;
    }

    /** A Certificate credential: the keystore (PKCS#12 in Jenkins) and its password. */
    public TestCredentials certificate(String id, KeyStore keyStore, String password) {
        byId.put(id, new Certificate(id, keyStore, password));
        return this;
    }

    /** Credentials of a type the steps do not take (think username and password). */
    public TestCredentials other(String id) {
        byId.put(id, new Other(id));
        return this;
    }

    @Override
    public StandardCredentials find(String id, hudson.model.Run<?, ?> run) {
        looked.add(id);
        return byId.get(id);
    }

    @Override
    public void track(hudson.model.Run<?, ?> run, Credentials credentials) {
        tracked.add(((StandardCredentials) credentials).getId());
    }

    public List<String> lookedUp() {
        return List.copyOf(looked);
    }

    /** The ids of the credentials recorded as used, in order. */
    public List<String> tracked() {
        return List.copyOf(tracked);
    }

    private record File(String getId, String content) implements FileCredentials {
        @Override
        public String getDescription() {
            return "kubeconfig";
        }

        @Override
        public String getFileName() {
            return "kubeconfig.yaml";
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
        }
    }

    private record Text(String getId, String secret) implements StringCredentials {
        @Override
        public String getDescription() {
            return "token";
        }

        @Override
        public Secret getSecret() {
            return Secret.fromString(secret);
        }
    }

    private record Certificate(String getId, KeyStore getKeyStore, String password) implements StandardCertificateCredentials {
        @Override
        public String getDescription() {
            return "client certificate";
        }

        @Override
        public Secret getPassword() {
            return Secret.fromString(password);
        }
    }

    private record Other(String getId) implements StandardCredentials {
        @Override
        public String getDescription() {
            return "username and password";
        }
    }
}
