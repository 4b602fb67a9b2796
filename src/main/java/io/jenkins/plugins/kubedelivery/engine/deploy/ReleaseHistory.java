package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus;
import java.util.List;
import java.util.Optional;

/** Questions about a release's history (oldest first), answered without another helm call. */
public record ReleaseHistory(List<ReleaseRevision> revisions) {
    /** How many revisions to read: enough to find the last good one behind failed attempts. */
    public static final int WINDOW = 64;

    /** The release's last {@link #WINDOW} revisions as {@code helm history} reports them; empty when it does not exist. */
    public static ReleaseHistory read(HelmClient helm, String release, String namespace) throws InterruptedException {
        return new ReleaseHistory(helm.history(release, namespace, WINDOW));
    }

    /** {@link #read}, started on its own thread so that it runs while the caller goes on. */
    public static BackgroundRead<ReleaseHistory> startReading(HelmClient helm, String release, String namespace) {
        return BackgroundRead.start("kube-delivery-helm-history", () -> read(helm, release, namespace));
    }

    public boolean exists() {
        return !revisions.isEmpty();
    }

    public Optional<ReleaseRevision> latest() {
        return revisions.isEmpty() ? Optional.empty() : Optional.of(revisions.get(revisions.size() - 1));
    }

    /** The revision now serving: the one helm marks deployed. */
    public Optional<ReleaseRevision> deployed() {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            if (revisions.get(i).status() == ReleaseStatus.DEPLOYED) {
                return Optional.of(revisions.get(i));
            }
        }
        return Optional.empty();
    }

    /** The newest good revision older than {@code revision}: what a rollback returns to. */
    public Optional<ReleaseRevision> lastGoodBefore(int revision) {
        for (int i = revisions.size() - 1; i >= 0; i--) {
            ReleaseRevision r = revisions.get(i);
            if (r.revision() < revision && (r.status() == ReleaseStatus.SUPERSEDED || r.status() == ReleaseStatus.DEPLOYED)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * What "the previous revision" means for a rollback or a recovery: the newest good revision
     * before the latest one, whether the latest is deployed, failed or pending. After a failed or
     * killed upgrade that is the revision still marked deployed.
     */
    public Optional<ReleaseRevision> lastGoodBeforeLatest() {
        return latest().flatMap(r -> lastGoodBefore(r.revision()));
    }

    public Optional<ReleaseRevision> find(int revision) {
        return revisions.stream().filter(r -> r.revision() == revision).findFirst();
    }

    /** The number helm gives the next revision. */
    public int nextRevision() {
        return latest().map(r -> r.revision() + 1).orElse(1);
    }
}
