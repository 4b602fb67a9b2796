package io.jenkins.plugins.kubedelivery.jenkins;

import com.eclipsesource.json.Json;
import com.eclipsesource.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The kubeconfig the step writes when it is given a server rather than a kubeconfig: one cluster,
 * one user, one context. In JSON (which kubectl and helm read like YAML), so no value needs YAML
 * quoting; everything in it (token, client key, CA) reaches the tools through this 0600 file only.
 */
final class GeneratedKubeconfig {
    private static final String NAME = "kube-delivery";

    private final JsonObject cluster;

    /**
     * @param server the API server's https URL
     * @param caCertificate PEM text of its certificate authority, or {@code null} for the container's trusted ones
     * @param skipTlsVerify whether the server's certificate goes unchecked (a Kubernetes cloud's own choice)
     */
    GeneratedKubeconfig(String server, String caCertificate, boolean skipTlsVerify) {
        cluster = Json.object().add("server", server);
        if (caCertificate != null) {
            cluster.add("certificate-authority-data", base64(caCertificate));
        }
        if (skipTlsVerify) {
            cluster.add("insecure-skip-tls-verify", true);
        }
    }

    String withToken(String token) {
        return with(Json.object().add("token", token));
    }

    /** @param certificateChain PEM certificates, the client's first; @param privateKey its PEM key */
    String withClientCertificate(String certificateChain, String privateKey) {
        return with(Json.object().add("client-certificate-data", base64(certificateChain))
                .add("client-key-data", base64(privateKey)));
    }

    private String with(JsonObject user) {
        return Json.object()
                .add("apiVersion", "v1")
                .add("kind", "Config")
                .add("clusters", Json.array().add(Json.object().add("name", NAME).add("cluster", cluster)))
                .add("users", Json.array().add(Json.object().add("name", NAME).add("user", user)))
                .add("contexts", Json.array().add(Json.object().add("name", NAME)
                        .add("context", Json.object().add("cluster", NAME).add("user", NAME))))
                .add("current-context", NAME)
                .toString();
    }

    private static String base64(String pem) {
        return Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII));
    }
}
