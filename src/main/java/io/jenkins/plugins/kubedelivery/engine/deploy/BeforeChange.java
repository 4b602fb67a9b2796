package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a deploy and a rollback do before their change, in the release's lock: one read of helm's
 * records of the release and of what its guard looks at beside it (a canary), then the guard, while
 * {@code helm history} reads the release's history if the records hold none of it.
 */
final class BeforeChange {
    private final ReleaseGuard guard;
    private final HelmClient helm;
    private final KubectlClient kubectl;
    private final String release;
    private final String namespace;

    BeforeChange(ReleaseGuard guard, HelmClient helm, KubectlClient kubectl, String release, String namespace) {
        this.guard = guard;
        this.helm = helm;
        this.kubectl = kubectl;
        this.release = release;
        this.namespace = namespace;
    }

    /** The records of the release and of those beside it, in one kubectl call. */
    ReleaseRecords read() throws InterruptedException {
        List<String> releases = new ArrayList<>(List.of(release));
        releases.addAll(guard.releasesBeside(release));
        return ReleaseRecords.read(helm, kubectl, namespace, releases);
    }

    /** Lets the guard deal with what stands beside the release; returns the history the change starts from. */
    ReleaseHistory clear(ReleaseRecords records, Duration timeout, ReleaseGuard.Change change) throws InterruptedException {
        BackgroundRead<ReleaseHistory> history = records.history(release);
        try {
            guard.beforeChange(release, namespace, records, timeout, change);
            return history.get();
        } finally {
            history.stop();
        }
    }
}
