package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What helm's records say of a release and of the releases beside it (its canary), read once before a
 * change so that every check before it is answered by one {@code kubectl get}: helm's default storage
 * keeps one Secret per revision, labelled with the release's name, the revision, its status and the
 * labels given with {@code helm --labels}. Only those labels are read, never a record's content (the
 * release, with its values).
 *
 * <p>Where the records hold nothing of a release, helm answers instead: a first install, or helm set
 * to keep its records elsewhere ({@code HELM_DRIVER}); so does a container without kubectl, or a read
 * that failed for any other reason (helm's own read then says what is wrong). The answers are the same
 * either way, except that a history from the labels has no chart, app version, time or description.
 */
public final class ReleaseRecords {
    private static final String NAME = "name";
    private static final String VERSION = "version";
    private static final String STATUS = "status";

    private final HelmClient helm;
    private final KubectlClient kubectl;
    private final String namespace;
    /** Each release's records, oldest first; {@code null} when they could not be read. */
    private final Map<String, List<Map<String, String>>> byRelease;

    private ReleaseRecords(HelmClient helm, KubectlClient kubectl, String namespace, Map<String, List<Map<String, String>>> byRelease) {
        this.helm = helm;
        this.kubectl = kubectl;
        this.namespace = namespace;
        this.byRelease = byRelease;
    }

    /** Reads the records of these releases in one kubectl call; on any failure, helm answers each question instead. */
    public static ReleaseRecords read(HelmClient helm, KubectlClient kubectl, String namespace, List<String> releases)
            throws InterruptedException {
        try {
            return new ReleaseRecords(helm, kubectl, namespace, byRelease(kubectl.helmReleaseRecordLabels(namespace, releases)));
        } catch (EngineException unread) {
            return notRead(helm, kubectl, namespace);
        }
    }

    /** Records not read: helm answers every question, as it would for a release not in them. */
    public static ReleaseRecords notRead(HelmClient helm, KubectlClient kubectl, String namespace) {
        return new ReleaseRecords(helm, kubectl, namespace, null);
    }

    /**
     * The release's history (of revisions and statuses) from its records: answered at once when the
     * records hold the release, otherwise by {@code helm history}, started now on its own thread so
     * that it runs while the caller deals with what stands beside the release.
     */
    public BackgroundRead<ReleaseHistory> history(String release) {
        List<Map<String, String>> records = recordsOf(release);
        if (records.isEmpty()) {
            return ReleaseHistory.startReading(helm, release, namespace);
        }
        List<ReleaseRevision> revisions = new ArrayList<>();
        for (Map<String, String> labels : records) {
            revisions.add(new ReleaseRevision(revision(labels), ReleaseStatus.parse(labels.get(STATUS)),
                    null, null, null, ""));
        }
        return BackgroundRead.answered(new ReleaseHistory(revisions));
    }

    /**
     * The labels recorded with the release's latest revision; empty when the release does not exist.
     * A release helm keeps elsewhere than in Secrets has no labels the plugin can read: empty when the
     * records were read (the plugin labelled no such release), empty labels when helm says it exists.
     */
    public Optional<Map<String, String>> latestLabels(String release) throws InterruptedException {
        if (byRelease == null) {
            return labels(helm, kubectl, release, namespace);
        }
        List<Map<String, String>> records = recordsOf(release);
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /**
     * The labels of one release's latest revision, read on their own: {@code helm history} says whether
     * the release exists, wherever helm keeps it; then its records give the labels (empty where there
     * are none). Empty when the release does not exist.
     */
    public static Optional<Map<String, String>> labels(HelmClient helm, KubectlClient kubectl, String release, String namespace)
            throws InterruptedException {
        if (helm.history(release, namespace, 1).isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, String>> records = byRelease(kubectl.helmReleaseRecordLabels(namespace, List.of(release)))
                .getOrDefault(release, List.of());
        return Optional.of(records.isEmpty() ? Map.of() : records.get(records.size() - 1));
    }

    private List<Map<String, String>> recordsOf(String release) {
        return byRelease == null ? List.of() : byRelease.getOrDefault(release, List.of());
    }

    /** Each release's records, oldest revision first; a record without a revision number is not helm's and is left out. */
    private static Map<String, List<Map<String, String>>> byRelease(List<Map<String, String>> records) {
        Map<String, List<Map<String, String>>> byRelease = new LinkedHashMap<>();
        for (Map<String, String> labels : records) {
            if (labels.get(NAME) != null && revision(labels) > 0) {
                byRelease.computeIfAbsent(labels.get(NAME), name -> new ArrayList<>()).add(labels);
            }
        }
        byRelease.values().forEach(list -> list.sort(Comparator.comparingInt(ReleaseRecords::revision)));
        return byRelease;
    }

    private static int revision(Map<String, String> labels) {
        try {
            return Integer.parseInt(String.valueOf(labels.get(VERSION)));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
