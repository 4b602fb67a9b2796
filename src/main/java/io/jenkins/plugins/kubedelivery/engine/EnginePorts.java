package io.jenkins.plugins.kubedelivery.engine;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import io.jenkins.plugins.kubedelivery.engine.cli.StagingArea;
import io.jenkins.plugins.kubedelivery.engine.cli.Tools;
import io.jenkins.plugins.kubedelivery.engine.cli.UnreadableStagingFile;
import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import io.jenkins.plugins.kubedelivery.engine.http.HttpTransport;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretSource;
import java.time.Clock;

/**
 * Everything a use case needs from the outside, opened by the caller (a Jenkins step execution,
 * a test, the demo) and closed by it: the {@link Tools} (a command runner and the executables), an
 * {@link HttpTransport} where a step needs one, the workspace's files, a private staging area, the
 * log, the clock, and the execution's one masking filter. Built by {@link #builder()}, so a new port
 * is one builder method and touches only the callers that supply it. The cluster is no port: use
 * cases that need one are given a {@code ClusterTarget}, and those that need none never see one.
 *
 * <p>The runner's output and the log pass through {@code secrets} here, once, so no use case can
 * read or write an unmasked byte: a use case registers its secret values and the rest follows. The
 * runner also explains here, once, a tool that may not read the staging files, so every use case's
 * failure says so.
 */
public final class EnginePorts {
    private final Tools tools;
    private final HttpTransport http;
    private final WorkspaceFiles workspace;
    private final StagingArea staging;
    private final EngineLog log;
    private final Clock clock;
    private final SecretMask secrets;
    private final BuildLiveness builds;
    private final SecretSource secretSource;

    private EnginePorts(Builder b) {
        secrets = b.secrets == null ? new SecretMask() : b.secrets;
        tools = required(b.tools, "tools").withRunner(explaining(secrets.masking(b.tools.runner()), b.staging));
        log = secrets.masking(required(b.log, "log"));
        http = b.http;
        workspace = b.workspace;
        staging = b.staging;
        clock = b.clock == null ? Clock.systemUTC() : b.clock;
        builds = b.builds == null ? BuildLiveness.UNKNOWN : b.builds;
        secretSource = b.secretSource;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Tools tools() { return tools; }
    /** The tools' runner, its output masked. */
    public CommandRunner runner() { return tools.runner(); }
    public String helm() { return tools.helm(); }
    public String kubectl() { return tools.kubectl(); }
    public String git() { return tools.git(); }
    public WorkspaceFiles workspace() { return workspace; }
    public StagingArea staging() { return staging; }
    /** The log, masked. */
    public EngineLog log() { return log; }
    public Clock clock() { return clock; }
    public SecretMask secrets() { return secrets; }
    /** Whether a recorded build still runs; {@link BuildLiveness#UNKNOWN} when the caller cannot tell. */
    public BuildLiveness builds() { return builds; }

    /**
     * @throws IllegalStateException when these ports were opened without HTTP: only a step that
     *     queries over HTTP (canary analysis) opens it
     */
    public HttpTransport http() {
        if (http == null) {
            throw new IllegalStateException("these engine ports were opened without an HTTP transport");
        }
        return http;
    }

    /**
     * @throws IllegalStateException when these ports were opened without a secret store: only a step
     *     given {@code vaultSecrets} reads one
     */
    public SecretSource secretSource() {
        if (secretSource == null) {
            throw new IllegalStateException("these engine ports were opened without a secret source");
        }
        return secretSource;
    }

    /** Outermost, so the explanation of an unreadable staging file survives the mask; with no staging area there is none to explain. */
    private static CommandRunner explaining(CommandRunner masked, StagingArea staging) {
        return staging == null ? masked : UnreadableStagingFile.explaining(masked, staging);
    }

    private static <T> T required(T port, String name) {
        if (port == null) {
            throw new IllegalStateException("engine ports need " + name);
        }
        return port;
    }

    /**
     * The ports, each by name. Required: {@code tools} and {@code log}. Left out: no workspace or
     * staging area (a use case that needs one fails when it asks), no HTTP, the system clock in UTC,
     * a masking filter of its own (for callers that hold no secret before the use case registers its own),
     * {@link BuildLiveness#UNKNOWN} (no build's canary is taken as left behind) and no secret source.
     */
    public static final class Builder {
        private Tools tools;
        private HttpTransport http;
        private WorkspaceFiles workspace;
        private StagingArea staging;
        private EngineLog log;
        private Clock clock;
        private SecretMask secrets;
        private BuildLiveness builds;
        private SecretSource secretSource;

        private Builder() {}

        public Builder tools(Tools v) { tools = v; return this; }
        public Builder http(HttpTransport v) { http = v; return this; }
        public Builder workspace(WorkspaceFiles v) { workspace = v; return this; }
        public Builder staging(StagingArea v) { staging = v; return this; }
        public Builder log(EngineLog v) { log = v; return this; }
        public Builder clock(Clock v) { clock = v; return this; }
        public Builder secrets(SecretMask v) { secrets = v; return this; }
        public Builder builds(BuildLiveness v) { builds = v; return this; }
        public Builder secretSource(SecretSource v) { secretSource = v; return this; }

        public EnginePorts build() {
            return new EnginePorts(this);
        }
    }
}
