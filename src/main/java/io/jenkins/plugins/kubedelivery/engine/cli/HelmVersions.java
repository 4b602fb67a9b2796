package io.jenkins.plugins.kubedelivery.engine.cli;

/**
 * The helm version, asked once and remembered: a step that deploys ten services through one
 * runner (one container) asks helm once, not ten times.
 */
public final class HelmVersions {
    private HelmVersion known;

    public synchronized HelmVersion of(HelmClient helm) throws InterruptedException {
        if (known == null) {
            known = helm.version();
        }
        return known;
    }
}
