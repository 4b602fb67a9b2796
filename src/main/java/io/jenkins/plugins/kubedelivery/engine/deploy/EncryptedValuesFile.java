package io.jenkins.plugins.kubedelivery.engine.deploy;

/**
 * A values file encrypted with SOPS and decrypted by the helm-secrets plugin's downloader
 * ({@code secrets://<path>}): helm gets it as it is, with the workspace path the tools see after
 * the prefix; helm-secrets decrypts it inside the container. The plugin never reads its content,
 * so its values are not known to the masking filter.
 */
final class EncryptedValuesFile {
    static final String PREFIX = "secrets://";

    private EncryptedValuesFile() {}

    static boolean isOne(String valuesFile) {
        return valuesFile.startsWith(PREFIX);
    }

    /** The workspace path after the prefix. */
    static String pathOf(String valuesFile) {
        return valuesFile.substring(PREFIX.length());
    }

    /** What helm gets: the prefix before the file as the tools see it. */
    static String forHelm(String toolPath) {
        return PREFIX + toolPath;
    }
}
