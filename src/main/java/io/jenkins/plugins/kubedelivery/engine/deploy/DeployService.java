package io.jenkins.plugins.kubedelivery.engine.deploy;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.cli.BackgroundRead;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient.InstalledRelease;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmCommands.UpgradeOptions;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmVersion;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmVersions;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolFailedException;
import io.jenkins.plugins.kubedelivery.engine.cli.ToolTimeoutException;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.model.ReleaseRevision;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretReader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The deployService use case: {@code helm upgrade --install} of one service of the monorepo. */
public final class DeployService implements UseCase<DeployRequest, DeployResult> {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final String owner;
    private final ReleaseGuard guard;
    private final HelmVersions helmVersions = new HelmVersions();

    /** @param owner who deploys, for the waiting message of a concurrent deploy (e.g. the build's name) */
    public DeployService(EnginePorts ports, ClusterTarget cluster, String owner) {
        this(ports, cluster, owner, ReleaseGuard.NONE);
    }

    /** @param guard what must be dealt with beside the release before it changes (the deployService step's leftover canaries) */
    public DeployService(EnginePorts ports, ClusterTarget cluster, String owner, ReleaseGuard guard) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.owner = owner;
        this.guard = guard;
    }

    /**
     * Validates the request (before any command), waits for any other deploy of the same release
     * in this JVM, reads the release state, recovers or reports a stuck release, and upgrades.
     *
     * @throws EngineException with a one-line reason on failure
     * @throws InterruptedException when aborted; the release has been left in a safe state first
     */
    @Override
    public DeployResult run(DeployRequest request) throws InterruptedException {
        return run(request, Map.of());
    }

    /**
     * As {@link #run(DeployRequest)}, recording these labels on the release ({@code helm --labels}):
     * how the plugin marks a release it installed for its own purposes (a canary).
     */
    public DeployResult run(DeployRequest given, Map<String, String> releaseLabels) throws InterruptedException {
        long started = ports.clock().millis();
        ports.secrets().addAll(given.secretValues().values());
        DeployPlanner planner = new DeployPlanner(ports.workspace());
        DeployPlan checked = planner.plan(given);
        DeployRequest request = withVaultValues(given); // read now, after every check, before the first command
        DeployPlan plan = request == given ? checked : planner.plan(request);
        log.line("Deploying " + plan.service() + " (chart " + plan.chartLabel() + ") as release " + plan.release()
                + " to namespace " + plan.namespace() + ", environment " + plan.environment() + (plan.dryRun() ? ", dry run" : "")
                + (request.description() == null ? "" : ", description: " + request.description()));
        log.line("Values, in order: " + describeValues(plan));
        try (ReleaseLocks.Lease lease = ReleaseLocks.shared().acquire(cluster, plan.namespace(), plan.release(), owner, log)) {
            HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
            UpgradeOptions options = upgradeOptions(plan, request.description(), releaseLabels);
            if (plan.dryRun()) {
                return dryRun(helm, plan, options, started);
            }
            Start start = start(helm, plan);
            try {
                Upgraded upgraded = upgradeUnlessStuck(helm, start.version(), plan, options, start.before());
                InstalledRelease installed = upgraded.release();
                Integer previous = previousRevision(upgraded.before(), installed);
                long duration = elapsed(started);
                log.line("Deployed " + plan.release() + " revision " + installed.revision() + " (" + installed.chartName() + "-"
                        + installed.chartVersion() + ", app " + installed.appVersion() + ") to " + plan.namespace() + " in "
                        + Durations.human(Duration.ofMillis(duration)) + (previous == null ? ", first install" : ", previous revision " + previous));
                return new DeployResult(plan.release(), plan.namespace(), installed.chartName(), installed.chartVersion(),
                        installed.appVersion(), installed.revision(), previous, installed.status(), start.version().text(), duration,
                        null);
            } finally {
                start.before().stop();
            }
        }
    }

    /** helm's version, and the release's history as it was before the upgrade (being read, or read). */
    private record Start(HelmVersion version, BackgroundRead<ReleaseHistory> before) {}

    /**
     * What the upgrade needs first. With something to look at beside the release (deployService's
     * canary), one read of helm's records of both, while helm is asked its version, serves the guard
     * and the release's history; helm history reads the history, before the upgrade, only where the
     * records hold nothing of the release (a first install). With nothing beside it (a canary's own
     * release, deployServices), the history is read alongside the version and the upgrade: helm itself
     * refuses to upgrade a pending release, atomically, so the history is only needed before the upgrade
     * when helm refuses; otherwise it only names the previous revision afterwards.
     */
    private Start start(HelmClient helm, DeployPlan plan) throws InterruptedException {
        if (guard.releasesBeside(plan.release()).isEmpty()) {
            BackgroundRead<ReleaseHistory> history = ReleaseHistory.startReading(helm, plan.release(), plan.namespace());
            try {
                return new Start(helmVersions.of(helm), history);
            } catch (InterruptedException | RuntimeException failed) {
                history.stop();
                throw failed;
            }
        }
        BeforeChange beforeChange = new BeforeChange(guard, helm, new KubectlClient(ports.runner(), ports.kubectl(), cluster),
                plan.release(), plan.namespace());
        HelmVersions.Answered<ReleaseRecords> read = helmVersions.alongside(helm, beforeChange::read);
        ReleaseHistory before = beforeChange.clear(read.value(), plan.timeout(), ReleaseGuard.Change.DEPLOY);
        return new Start(read.version(), BackgroundRead.answered(before));
    }

    /** A dry run looks at nothing beside the release: it reads the history (for the diff) while helm is asked its version. */
    private DeployResult dryRun(HelmClient helm, DeployPlan plan, UpgradeOptions options, long started) throws InterruptedException {
        HelmVersions.Answered<ReleaseHistory> read = helmVersions.alongside(helm,
                () -> ReleaseHistory.read(helm, plan.release(), plan.namespace()));
        ReleaseHistory history = read.value();
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        if (history.deployed().isPresent()) {
            DeployedSecrets.register(helm, plan, history.deployed().get().revision(), ports.secrets());
        }
        DeployResult dryRun = new DryRun(helm, kubectl, log, ports.clock()).show(plan, options, history, read.version(),
                elapsed(started));
        log.line("Dry run of " + plan.release() + " in " + plan.namespace() + " done in "
                + Durations.human(Duration.ofMillis(dryRun.durationMillis())) + ": the deploy would make revision "
                + dryRun.revision());
        return dryRun;
    }

    /** The upgraded release, and the release state it replaced (read again after a recovery). */
    private record Upgraded(InstalledRelease release, BackgroundRead<ReleaseHistory> before) {}

    /**
     * Upgrades; when helm refuses because the release is pending (stuck), recovers it or explains
     * how, as {@link StuckReleases} decides from the history read after the refusal (which gives each
     * revision's age, where helm's records do not), and upgrades again.
     */
    private Upgraded upgradeUnlessStuck(HelmClient helm, HelmVersion version, DeployPlan plan, UpgradeOptions options,
            BackgroundRead<ReleaseHistory> before) throws InterruptedException {
        try {
            return new Upgraded(upgrade(helm, version, plan, options, before), before);
        } catch (ReleasePendingException refused) {
            ReleaseHistory pending = ReleaseHistory.read(helm, plan.release(), plan.namespace());
            ReleaseHistory history = new StuckReleases(helm, log, ports.clock())
                    .ensureNotStuck(RecoveryAdvice.of(plan), pending, plan.recoverStuckRelease(), plan.timeout());
            if (StuckReleases.pending(history).isPresent()) {
                throw refused.failure(); // pending again, by another hand: helm's own words
            }
            BackgroundRead<ReleaseHistory> recovered = BackgroundRead.answered(history);
            return new Upgraded(upgrade(helm, version, plan, options, recovered), recovered);
        }
    }

    /**
     * The revision that served before this upgrade, from the state read before or alongside it. A
     * read alongside may have seen the upgrade begin or even end, so it is the newest good revision
     * older than the new one; unknown (logged, not failed: the deploy is done) when the read failed.
     */
    private Integer previousRevision(BackgroundRead<ReleaseHistory> before, InstalledRelease installed) throws InterruptedException {
        try {
            return before.get().lastGoodBefore(installed.revision()).map(ReleaseRevision::revision).orElse(null);
        } catch (EngineException unreadable) {
            log.line("The previous revision is not known: the release history could not be read (" + unreadable.getMessage() + ")");
            return null;
        }
    }

    /**
     * Starts asking helm its version ({@link HelmVersions#ahead}) while the caller reads what it
     * checks before its first deploy through this instance, which then finds the version known.
     */
    public BackgroundRead<HelmVersion> helmVersionAhead() {
        return helmVersions.ahead(new HelmClient(ports.runner(), ports.helm(), cluster));
    }

    /**
     * The objects this deploy would install, rendered by {@code helm template} from the same chart,
     * values files and generated values, without touching the cluster. May hold Secrets: never shown.
     */
    public String render(DeployRequest request) throws InterruptedException {
        ports.secrets().addAll(request.secretValues().values());
        DeployPlan plan = new DeployPlanner(ports.workspace()).plan(request);
        return new HelmClient(ports.runner(), ports.helm(), cluster).template(upgradeOptions(plan, null, Map.of()));
    }

    private InstalledRelease upgrade(HelmClient helm, HelmVersion version, DeployPlan plan, UpgradeOptions options,
            BackgroundRead<ReleaseHistory> before) throws InterruptedException {
        try {
            return helm.upgradeInstall(options, version);
        } catch (ToolFailedException failure) {
            if (ReleasePendingException.refusedAsPending(failure)) {
                throw new ReleasePendingException(failure);
            }
            if (failure.cutOff()) {
                // killed by a signal or its status lost: the release may be pending, as after a timeout; restore before explaining
                new AbortSafety(helm, log).restore(plan.release(), plan.namespace());
            }
            throw new UpgradeFailure(helm, plan, before.get()).explain(failure);
        } catch (ToolTimeoutException killed) {
            new AbortSafety(helm, log).restore(plan.release(), plan.namespace());
            throw killed;
        } catch (InterruptedException aborted) {
            new AbortSafety(helm, log).restore(plan.release(), plan.namespace());
            throw aborted;
        }
    }

    private UpgradeOptions upgradeOptions(DeployPlan plan, String description, Map<String, String> labels) throws InterruptedException {
        List<String> files = new ArrayList<>(plan.valuesFiles());
        if (!plan.generatedValues().isEmpty()) {
            try {
                files.add(ports.staging().write(StagingArea.uniqueName("values-" + plan.release(), ".json"),
                        GeneratedValues.toJson(plan.generatedValues())));
            } catch (IOException e) {
                throw new EngineException("could not write the generated values file: " + e.getMessage(), e);
            }
        }
        return new UpgradeOptions(plan.release(), plan.chart(), plan.chartVersion(), plan.namespace(), files, plan.timeout(),
                plan.waitForReady(), plan.atomic(), plan.historyMax(), plan.createNamespace(), description, labels);
    }

    /**
     * The request with its {@code vaultSecrets} read (through the secret source port, each value
     * registered with the masking filter as it arrives) and added to its secret values.
     */
    public DeployRequest withVaultValues(DeployRequest request) throws InterruptedException {
        if (request.vaultSecrets().isEmpty()) {
            return request;
        }
        Map<String, String> read = new SecretReader(ports.secretSource(), ports.secrets(), log, ports.clock())
                .read(request.vaultSecrets());
        Map<String, String> secretValues = new LinkedHashMap<>(request.secretValues());
        secretValues.putAll(read);
        return request.toBuilder().secretValues(secretValues).vaultSecrets(SecretPaths.NONE).build();
    }

    /** Names the files and the generated keys, never a value (values may be secret). */
    private static String describeValues(DeployPlan plan) {
        List<String> parts = new ArrayList<>(plan.chart().equals(plan.chartLabel()) ? List.of() : List.of("the chart's values.yaml"));
        parts.addAll(plan.valuesFiles());
        if (!plan.generatedValues().isEmpty()) {
            parts.add("generated values for " + String.join(", ", plan.generatedValues().keySet()));
        }
        if (!plan.secretKeys().isEmpty()) {
            parts.add("secret values for " + String.join(", ", plan.secretKeys()) + " (masked in every output)");
        }
        return parts.isEmpty() ? "the chart's defaults only" : String.join(", ", parts);
    }

    private long elapsed(long started) {
        return ports.clock().millis() - started;
    }
}
