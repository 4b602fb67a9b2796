package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.UseCase;
import io.jenkins.plugins.kubedelivery.engine.cli.GitClient;
import io.jenkins.plugins.kubedelivery.engine.deploy.Durations;
import io.jenkins.plugins.kubedelivery.engine.model.ChangedPath;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The changedServices use case: which services of the monorepo a build must deliver. It finds the
 * base commit (an explicit one, a pull request's merge base with its target branch, or the last
 * successful build's commit), deepens a shallow clone until the base is there, diffs, and asks
 * {@link ChangeImpact}. When no exact answer is possible (a first build, a base that a force-push
 * removed, a history that cannot be fetched) it takes every service and says why: delivering too
 * much is slow, delivering too little is broken.
 */
public final class ChangedServices implements UseCase<ChangedServicesRequest, ChangedServicesResult> {
    /** How far a shallow clone is deepened, step by step, before its whole history is fetched. */
    private static final int[] DEEPEN_STEPS = {50, 500, 0};

    private final GitClient git;
    private final EngineLog log;
    private final Clock clock;

    /** Needs the tools (git) and no cluster: the step runs without a kubeconfig. */
    public ChangedServices(EnginePorts ports) {
        this.git = new GitClient(ports.tools());
        this.log = ports.log();
        this.clock = ports.clock();
    }

    @Override
    public ChangedServicesResult run(ChangedServicesRequest request) throws InterruptedException {
        long started = clock.millis();
        DeliveryCatalog catalog = request.catalog();
        Base base = findBase(request.base());
        ChangedServicesResult result;
        if (base.commit == null) {
            result = everything(catalog, base.why, started);
        } else {
            List<ChangedPath> changes = base.changes != null ? base.changes : git.diff(base.commit, "HEAD");
            List<AffectedService> affected = ChangeImpact.of(catalog, changes);
            result = new ChangedServicesResult(affected, false, base.commit, base.why, changes.size(), clock.millis() - started);
        }
        report(result, catalog);
        return result;
    }

    private Base findBase(ChangeBase request) throws InterruptedException {
        if (request.base() != null) {
            String base = GitClient.requireRevision("base", request.base());
            return reachable(base).map(c -> new Base(c, "base " + base + " as given"))
                    .orElseGet(() -> new Base(null, "the given base " + base + " is not in this repository's history"));
        }
        if (request.targetBranch() != null) {
            return mergeBase(GitClient.requireRevision("CHANGE_TARGET", request.targetBranch()));
        }
        if (request.lastSuccessfulCommit() != null) {
            String last = GitClient.requireRevision("lastSuccessfulCommit", request.lastSuccessfulCommit());
            // The usual case, a commit the clone has: diff at once; only a missing one needs the search below.
            Optional<List<ChangedPath>> direct = git.diffIfPresent(last, "HEAD");
            if (direct.isPresent()) {
                return new Base(last, "the last successful build's commit " + abbreviate(last), direct.get());
            }
            return reachable(last).map(c -> new Base(c, "the last successful build's commit " + abbreviate(c)))
                    .orElseGet(() -> new Base(null, "the last successful build's commit " + abbreviate(last)
                            + " no longer exists (a force-push rewrote the branch?)"));
        }
        return new Base(null, "this is the first build: no earlier successful build to compare with");
    }

    /** A pull request's change is what it adds to its target: compare with their merge base. */
    private Base mergeBase(String target) throws InterruptedException {
        String remote = "refs/remotes/origin/" + target;
        if (git.commit(remote).isEmpty()) {
            try {
                log.line("changedServices: fetching origin/" + target + " to compare the pull request with it");
                git.fetchBranch(target);
            } catch (EngineException e) {
                return new Base(null, "the target branch origin/" + target + " could not be fetched (" + e.getMessage() + ")");
            }
        }
        Optional<String> base = git.mergeBase(remote, "HEAD");
        for (int i = 0; base.isEmpty() && i < DEEPEN_STEPS.length && deepened(DEEPEN_STEPS[i]); i++) {
            base = git.mergeBase(remote, "HEAD");
        }
        return base.map(c -> new Base(c, "the merge base " + abbreviate(c) + " of the pull request and origin/" + target))
                .orElseGet(() -> new Base(null, "the pull request shares no history with origin/" + target));
    }

    /** The commit, deepening a shallow clone until it appears or the whole history is there. */
    private Optional<String> reachable(String revision) throws InterruptedException {
        Optional<String> commit = git.commit(revision);
        for (int i = 0; commit.isEmpty() && i < DEEPEN_STEPS.length && deepened(DEEPEN_STEPS[i]); i++) {
            commit = git.commit(revision);
        }
        return commit;
    }

    /** @return whether there was more history to fetch and it was fetched */
    private boolean deepened(int commits) throws InterruptedException {
        if (!git.isShallow()) {
            return false;
        }
        log.line("changedServices: the clone is shallow; " + (commits == 0 ? "fetching its whole history"
                : "deepening it by " + commits + " commits") + " to find the base");
        try {
            git.deepen(commits);
            return true;
        } catch (EngineException e) {
            log.line("changedServices: could not deepen the clone (" + e.getMessage() + ")");
            return false;
        }
    }

    private ChangedServicesResult everything(DeliveryCatalog catalog, String why, long started) {
        return new ChangedServicesResult(ChangeImpact.every(catalog, "every service: " + why), true, null, why, 0, clock.millis() - started);
    }

    private void report(ChangedServicesResult result, DeliveryCatalog catalog) {
        if (result.all()) {
            log.line("changedServices: all " + catalog.services().size() + " services, because " + result.why());
        } else {
            log.line("changedServices: " + result.changedFiles() + " files changed since " + result.why() + "; "
                    + result.services().size() + " of " + catalog.services().size() + " services affected");
            result.services().forEach(s -> log.line("  " + s));
        }
        log.line("changedServices: decided in " + Durations.human(Duration.ofMillis(result.durationMillis())));
    }

    private static String abbreviate(String commit) {
        return commit.length() > 12 ? commit.substring(0, 12) : commit;
    }

    /** @param changes the diff from the base, when finding the base already made it */
    private record Base(String commit, String why, List<ChangedPath> changes) {
        Base(String commit, String why) {
            this(commit, why, null);
        }
    }
}
