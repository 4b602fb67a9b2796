package io.jenkins.plugins.kubedelivery.engine;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.UnreadableStagingFile;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import java.time.Clock;

/**
 * Everything a use case needs from the outside, opened by the caller (a Jenkins step execution,
 * a test, the demo) and closed by it.
 *
 * <p>The runner's output and the log pass through {@code secrets} here, once, so no use case can
 * read or write an unmasked byte: a use case registers its secret values and the rest follows. The
 * runner also explains here, once, a tool that may not read the staging files, so every use case's
 * failure says so.
 *
 * @param helm the helm executable as the runner finds it ({@code helm} on the container's PATH)
 * @param kubectl the kubectl executable, likewise
 * @param secrets the execution's one masking filter
 */
public record EnginePorts(CommandRunner runner, WorkspaceFiles workspace, StagingArea staging, EngineLog log,
        Clock clock, String helm, String kubectl, SecretMask secrets) {

    public EnginePorts {
        // Outermost, so the explanation of an unreadable staging file survives the mask.
        runner = UnreadableStagingFile.explaining(secrets.masking(runner), staging);
        log = secrets.masking(log);
    }

    /** Ports with a filter of their own, for callers that hold no secret before the use case registers its own. */
    public EnginePorts(CommandRunner runner, WorkspaceFiles workspace, StagingArea staging, EngineLog log, Clock clock,
            String helm, String kubectl) {
        this(runner, workspace, staging, log, clock, helm, kubectl, new SecretMask());
    }
}
