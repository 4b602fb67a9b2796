package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.common.StandardCertificateCredentials;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.plaincredentials.FileCredentials;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The kinds of credentials {@code kubeconfigCredentialsId} takes, in one place for the step
 * ({@link KubeconfigScope}), the form's picker and its check ({@link ClusterStepDescriptor}), so
 * the three cannot drift. Vault-backed file, string and certificate credentials implement the same interfaces.
 */
enum KubeconfigCredentialKind {
    /** Its content is the kubeconfig. */
    KUBECONFIG_FILE(FileCredentials.class, "a Secret file credential (a kubeconfig)"),
    /** A bearer token for {@code server}. */
    TOKEN(StringCredentials.class, "a Secret text credential (a bearer token, used with server)"),
    /** A PKCS#12 keystore with a client certificate and its key, for {@code server}. */
    CLIENT_CERTIFICATE(StandardCertificateCredentials.class, "a Certificate credential (a client certificate, used with server)");

    private final Class<? extends Credentials> type;
    private final String description;

    KubeconfigCredentialKind(Class<? extends Credentials> type, String description) {
        this.type = type;
        this.description = description;
    }

    /** @return the kind the credentials are, or empty for a kind the field does not take */
    static Optional<KubeconfigCredentialKind> of(Credentials credentials) {
        return Arrays.stream(values()).filter(kind -> kind.type.isInstance(credentials)).findFirst();
    }

    /** What the picker lists: credentials of any kind taken. */
    static CredentialsMatcher matcher() {
        return CredentialsMatchers.anyOf(Arrays.stream(values())
                .map(kind -> CredentialsMatchers.instanceOf(kind.type))
                .toArray(CredentialsMatcher[]::new));
    }

    /** "a Secret file credential (a kubeconfig) or a Secret text credential (...) or a Certificate credential (...)" */
    static String accepted() {
        return Arrays.stream(values()).map(kind -> kind.description).collect(Collectors.joining(" or "));
    }

    static String expected() {
        return "expected " + accepted();
    }

    /** The message for credentials of a kind the field does not take, naming their type. */
    static String wrongKind(String id, Credentials credentials) {
        return "the credentials '" + id + "' are a " + credentials.getClass().getSimpleName() + "; " + expected();
    }

    /** Whether the kind needs the API server's URL given beside it (a kubeconfig names its own). */
    boolean needsServer() {
        return this != KUBECONFIG_FILE;
    }
}
