package io.jenkins.plugins.kubedelivery.engine;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import java.time.Clock;

/**
 * Everything a use case needs from the outside, opened by the caller (a Jenkins step execution,
 * a test, the demo) and closed by it.
 *
 * @param helm the helm executable as the runner finds it ({@code helm} on the container's PATH)
 * @param kubectl the kubectl executable, likewise
 */
public record EnginePorts(CommandRunner runner, WorkspaceFiles workspace, StagingArea staging, EngineLog log,
        Clock clock, String helm, String kubectl) {}
