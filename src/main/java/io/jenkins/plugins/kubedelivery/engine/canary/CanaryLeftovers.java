package io.jenkins.plugins.kubedelivery.engine.canary;

import io.jenkins.plugins.kubedelivery.engine.BuildLiveness;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.HelmClient;
import io.jenkins.plugins.kubedelivery.engine.cli.KubectlClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.ReleaseGuard;
import io.jenkins.plugins.kubedelivery.engine.deploy.ReleaseRecords;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.engine.routing.RouteState;
import io.jenkins.plugins.kubedelivery.engine.routing.RoutingObjects;
import io.jenkins.plugins.kubedelivery.engine.routing.TrafficRouter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A canary found beside a release about to change, {@code <release>-canary} as the plugin labelled
 * it, with the router recorded on it. The state on the routing object names the build that ran it:
 * a deploy (or another build's canaryShift) waits for a build that still runs, and resets the canary
 * of a build that ended (weight 0, then the canary release removed); a rollback, the emergency path,
 * resets it whoever's it is, with no steps and no analysis. A release of that name the plugin did not
 * label is never touched. The reset writes only while the routing objects still carry the state it
 * was judged by ({@link RoutingObjects#onlyWhileRecorded}), so a canary started in between is left alone.
 */
public final class CanaryLeftovers implements ReleaseGuard {
    private final EnginePorts ports;
    private final EngineLog log;
    private final ClusterTarget cluster;
    private final RouterSpec told;

    /** For deployService and rollbackService, which are told no router: the canary release's labels name it. */
    public CanaryLeftovers(EnginePorts ports, ClusterTarget cluster) {
        this(ports, cluster, null);
    }

    /** @param told the router the caller was given, used for a canary release that records none */
    CanaryLeftovers(EnginePorts ports, ClusterTarget cluster, RouterSpec told) {
        this.ports = ports;
        this.log = ports.log();
        this.cluster = cluster;
        this.told = told;
    }

    /** The canary release {@code <release>-canary}, unless the release is named like a canary or too long to have one. */
    @Override
    public List<String> releasesBeside(String release) {
        return canaryOf(release).stream().toList();
    }

    private static Optional<String> canaryOf(String release) {
        try {
            return Optional.of(CanaryRelease.nameFor(release));
        } catch (ValidationException cannotHaveOne) {
            return Optional.empty();
        }
    }

    /**
     * A rollback is never held up by the canary: when it cannot be ended (its routing object is gone, a
     * command fails, another run took it over), the log says so and what is left, and the rollback runs.
     */
    @Override
    public void beforeChange(String release, String namespace, ReleaseRecords records, Duration timeout, Change change)
            throws InterruptedException {
        if (change == Change.DEPLOY) {
            clear(release, namespace, records, timeout, change);
            return;
        }
        try {
            clear(release, namespace, records, timeout, change);
        } catch (EngineException notEnded) {
            log.line("Could not end the canary of " + release + " before the rollback: " + notEnded.getMessage()
                    + "; rolling back anyway, then end the canary with canaryAbort");
        }
    }

    private void clear(String release, String namespace, ReleaseRecords records, Duration timeout, Change change)
            throws InterruptedException {
        Optional<String> canary = canaryOf(release);
        if (canary.isEmpty()) {
            return;
        }
        String canaryRelease = canary.get();
        Optional<Map<String, String>> labels = records.latestLabels(canaryRelease);
        if (labels.isEmpty()) {
            return;
        }
        HelmClient helm = new HelmClient(ports.runner(), ports.helm(), cluster);
        KubectlClient kubectl = new KubectlClient(ports.runner(), ports.kubectl(), cluster);
        if (!release.equals(labels.get().get(CanaryRelease.CANARY_OF))) {
            log.line("Release " + canaryRelease + " in " + namespace + " is not the plugin's canary of " + release
                    + ": left as it is");
            return;
        }
        Optional<RouterSpec> router = CanaryRouterLabels.routerOf(labels.get()).or(() -> Optional.ofNullable(told));
        if (router.isEmpty()) {
            unknownRouter(release, namespace, canaryRelease, change);
            return;
        }
        RoutingObjects objects = new RoutingObjects(kubectl, ports.staging(), log);
        Optional<RouteState> recorded = on(router.get(), objects, release, namespace, canaryRelease).read().recorded();
        if (recorded.isEmpty()) {
            noRecordedBuild(helm, router.get(), objects, release, namespace, canaryRelease, timeout, change);
            return;
        }
        RouteState state = recorded.get();
        BuildLiveness.State build = ports.builds().of(state.build());
        String whose = "canary of " + release + " by " + state.build() + " (" + build + ")";
        if (change == Change.ROLLBACK) {
            reset(helm, on(router.get(), objects.onlyWhileRecorded(state), release, namespace, canaryRelease), release,
                    namespace, canaryRelease, timeout, "a rollback goes first (no steps, no analysis)",
                    "Rollback fast-tracked past the " + whose + " at " + state.weight() + "%:", change);
        } else if (build.ended()) {
            reset(helm, on(router.get(), objects.onlyWhileRecorded(state), release, namespace, canaryRelease), release,
                    namespace, canaryRelease, timeout, "it was left behind by build " + state.build() + " (" + build + ")",
                    "C" + whose.substring(1) + " reset to stable:", change);
        } else {
            throw new EngineException("a canary of " + release + " is running in " + namespace + " (" + state + ") and build "
                    + state.build() + (build == BuildLiveness.State.RUNNING ? " is still running"
                            : " could not be looked up, so it is taken as running")
                    + "; it was left as it is and nothing was changed: wait for that build to finish, or end its canary"
                    + " with canaryAbort first");
        }
    }

    private TrafficRouter on(RouterSpec router, RoutingObjects objects, String release, String namespace, String canaryRelease) {
        return router.on(objects, log, namespace, release, canaryRelease);
    }

    /** Traffic to stable, then the canary removed; a deploy does not go on over a canary only half removed. */
    private void reset(HelmClient helm, TrafficRouter router, String release, String namespace, String canaryRelease,
            Duration timeout, String because, String summary, Change change) throws InterruptedException {
        CanaryTeardown.Outcome outcome = new CanaryTeardown(helm, log, ports.clock()).backToStable(router, release, namespace,
                canaryRelease, true, timeout, because);
        log.line(summary + " " + outcome.describe(canaryRelease));
        if (!outcome.safe() && change == Change.DEPLOY) {
            throw new EngineException("the canary of " + release + " in " + namespace + " could not be fully removed, so "
                    + release + " was not deployed; the build log says what is left and how to remove it by hand");
        }
    }

    /**
     * A canary release with no state on its routing object has no traffic: it is being installed, or its
     * build ended before it moved any. Whose it is is not recorded, so only a rollback removes it.
     */
    private void noRecordedBuild(HelmClient helm, RouterSpec router, RoutingObjects objects, String release, String namespace,
            String canaryRelease, Duration timeout, Change change) throws InterruptedException {
        if (change == Change.ROLLBACK) {
            reset(helm, on(router, objects, release, namespace, canaryRelease), release, namespace, canaryRelease, timeout,
                    "a rollback goes first (no steps, no analysis)", "Rollback fast-tracked past the canary release "
                    + canaryRelease + " (no traffic, no recorded build):", change);
        } else {
            log.line("Release " + canaryRelease + " (the plugin's canary of " + release + ") is installed but has no traffic"
                    + " and no recorded build: left as it is, as its build may still be installing it; canaryAbort removes it");
        }
    }

    /** Installed before the plugin recorded routers: it cannot send the canary's traffic back, so it says how. */
    private void unknownRouter(String release, String namespace, String canaryRelease, Change change) {
        String fix = "end it with canaryAbort(service:, environment:, router:) naming the router it was started with";
        if (change == Change.DEPLOY) {
            throw new EngineException("release " + canaryRelease + " in " + namespace + " is a canary of " + release + " that"
                    + " does not record its router, so the plugin cannot tell whose it is nor send its traffic back; "
                    + fix + ", then deploy again");
        }
        log.line("Release " + canaryRelease + " is a canary of " + release + " that does not record its router, so the"
                + " rollback goes ahead without it; " + fix);
    }
}
