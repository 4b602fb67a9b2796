package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.engine.EngineLog;
import io.jenkins.plugins.kubedelivery.engine.EnginePorts;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import io.jenkins.plugins.kubedelivery.engine.cli.Tools;
import io.jenkins.plugins.kubedelivery.engine.http.HttpTransport;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import io.jenkins.plugins.kubedelivery.jenkins.vault.VaultPluginGate;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The engine's ports opened over one step's context: commands through its Launcher, files in its
 * workspace, a private staging directory; and, for a step that needs one, the cluster target
 * (kubeconfig from credentials, staged in that directory). A step that needs no cluster
 * (changedServices) opens the ports alone, so it runs without any cluster access.
 * {@link #close()} removes the staging directory and with it every secret file, whatever happened.
 */
public final class EngineSession implements AutoCloseable {
    private final EnginePorts ports;
    private final FilePathStagingArea staging;
    private final StepContext context;
    private final Run<?, ?> run;
    private final SecretMask mask;
    private final String owner;
    private final PrintStream log;
    private ClusterTarget cluster;

    private EngineSession(EnginePorts ports, FilePathStagingArea staging, StepContext context, Run<?, ?> run, SecretMask mask,
            PrintStream log) {
        this.ports = ports;
        this.staging = staging;
        this.context = context;
        this.run = run;
        this.mask = mask;
        this.owner = run.getFullDisplayName();
        this.log = log;
    }

    /** The ports and the cluster at once, for the steps that all need a cluster. */
    public static EngineSession open(StepContext context, ClusterAccess access, SecretMask mask,
            AtomicInteger runningCommands) throws IOException, InterruptedException {
        EngineSession session = open(context, mask, runningCommands);
        try {
            session.openCluster(access);
            return session;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            closeAfterFailure(session.staging, e);
            throw e;
        }
    }

    /**
     * The ports alone, without cluster access: no credential is read and no kubeconfig written until
     * {@link #openCluster} is called.
     *
     * @param mask the execution's masking filter, which every secret read later is registered with
     * @param runningCommands counts the commands running now, for {@link DeliveryStepExecution#blocksRestart}
     */
    public static EngineSession open(StepContext context, SecretMask mask, AtomicInteger runningCommands)
            throws IOException, InterruptedException {
        PrintStream log = required(context, TaskListener.class).getLogger();
        Launcher launcher = required(context, Launcher.class);
        FilePath workspace = required(context, FilePath.class);
        Run<?, ?> run = required(context, Run.class);
        EnvVars environment = context.get(EnvVars.class);
        Map<String, String> env = environment == null ? Map.of() : environment;

        FilePathStagingArea staging = FilePathStagingArea.create(workspace);
        try {
            EngineLog engineLog = log::println;
            EnginePorts ports = EnginePorts.builder()
                    .tools(Tools.onPath(new LauncherCommandRunner(launcher, env, workspace, log, runningCommands)))
                    .workspace(new FilePathWorkspaceFiles(workspace))
                    .staging(staging)
                    .http(new AgentHttpTransport(workspace))
                    .log(engineLog)
                    .clock(Clock.systemUTC())
                    .secrets(mask)
                    .builds(new JenkinsBuildLiveness())
                    .secretSource(new VaultPluginGate(run, environment, log))
                    .build();
            return new EngineSession(ports, staging, context, run, mask, log);
        } catch (RuntimeException | Error e) {
            closeAfterFailure(staging, e);
            throw e;
        }
    }

    /**
     * Opens the cluster for the steps that need one: the credential (if any) becomes a kubeconfig in
     * the staging directory, removed with it by {@link #close()}.
     *
     * @return the target, also kept for {@link #cluster()}
     */
    public ClusterTarget openCluster(ClusterAccess access) throws IOException, InterruptedException {
        if (cluster != null) {
            throw new IllegalStateException("the cluster of this session is already open");
        }
        cluster = new KubeconfigScope(CredentialsLookup.from(context), KubernetesClouds.from(context), mask)
                .open(access, run, staging);
        log.println("Cluster: " + cluster.identity() + " (through " + access.describe() + ")");
        return cluster;
    }

    private static <T> T required(StepContext context, Class<T> type) throws IOException, InterruptedException {
        T value = context.get(type);
        if (value == null) {
            throw new AbortException("needs a " + type.getSimpleName() + " from the step context: call it inside"
                    + " node { } (and, on a Kubernetes pod agent, inside container('helm') { })");
        }
        return value;
    }

    private static void closeAfterFailure(FilePathStagingArea staging, Throwable failure) {
        try {
            staging.close();
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    public EnginePorts ports() {
        return ports;
    }

    /** @throws IllegalStateException when the session was opened without its cluster */
    public ClusterTarget cluster() {
        if (cluster == null) {
            throw new IllegalStateException("this session was opened without cluster access: call openCluster first");
        }
        return cluster;
    }

    /** Who acts, for the engine's messages about concurrent deploys: the build's display name. */
    public String owner() {
        return owner;
    }

    public PrintStream log() {
        return log;
    }

    /** HTTP from the agent that runs the step's commands, where the cluster's network is (the ports' HTTP port). */
    public HttpTransport http() {
        return ports.http();
    }

    /**
     * The text of a <em>Secret text</em> credential, registered with the masking filter before it is
     * returned, so that no output shows it.
     *
     * @param parameter the step parameter that named it, for the error
     * @throws ValidationException naming the parameter when the build sees no such credential, or one of another kind
     */
    public String secretText(String parameter, String id) throws IOException, InterruptedException {
        CredentialsLookup lookup = CredentialsLookup.from(context);
        StandardCredentials found = lookup.find(id, run);
        if (!(found instanceof StringCredentials text)) {
            throw new ValidationException(parameter, (found == null ? "no credentials with id '" + id + "' are visible to"
                    + " this build" : "credentials '" + id + "' are not a Secret text") + "; give the id of a Secret text"
                    + " credential holding the token");
        }
        String plain = text.getSecret().getPlainText();
        mask.add(plain);
        lookup.track(run, text);
        return plain;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        staging.close();
    }
}
