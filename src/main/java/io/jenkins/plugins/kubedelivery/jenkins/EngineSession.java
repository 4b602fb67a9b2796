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
import io.jenkins.plugins.kubedelivery.engine.http.HttpTransport;
import io.jenkins.plugins.kubedelivery.engine.model.ClusterTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * The engine's ports opened over one step's context: commands through its Launcher, files in its
 * workspace, a private staging directory, and the cluster target (kubeconfig from credentials).
 * {@link #close()} removes the staging directory and with it every secret file, whatever happened.
 */
public final class EngineSession implements AutoCloseable {
    /** The tools as the container (or agent) finds them on its PATH. */
    static final String HELM = "helm";
    static final String KUBECTL = "kubectl";

    private final EnginePorts ports;
    private final ClusterTarget cluster;
    private final FilePathStagingArea staging;
    private final String owner;
    private final PrintStream log;
    private final FilePath workspace;
    private final Run<?, ?> run;
    private final CredentialsLookup credentials;
    private final SecretMask mask;

    private EngineSession(EnginePorts ports, ClusterTarget cluster, FilePathStagingArea staging, String owner,
            PrintStream log, FilePath workspace, Run<?, ?> run, CredentialsLookup credentials, SecretMask mask) {
        this.ports = ports;
        this.cluster = cluster;
        this.staging = staging;
        this.owner = owner;
        this.log = log;
        this.workspace = workspace;
        this.run = run;
        this.credentials = credentials;
        this.mask = mask;
    }

    /**
     * @param mask the execution's masking filter, which every secret read here is registered with
     * @param runningCommands counts the commands running now, for {@link DeliveryStepExecution#blocksRestart}
     */
    public static EngineSession open(StepContext context, ClusterAccess access, SecretMask mask,
            AtomicInteger runningCommands) throws IOException, InterruptedException {
        PrintStream log = required(context, TaskListener.class).getLogger();
        Launcher launcher = required(context, Launcher.class);
        FilePath workspace = required(context, FilePath.class);
        Run<?, ?> run = required(context, Run.class);
        EnvVars environment = context.get(EnvVars.class);
        Map<String, String> env = environment == null ? Map.of() : environment;

        FilePathStagingArea staging = FilePathStagingArea.create(workspace);
        try {
            CredentialsLookup credentials = CredentialsLookup.from(context);
            ClusterTarget cluster = new KubeconfigScope(credentials, mask).open(access, run, staging);
            EngineLog engineLog = log::println;
            EnginePorts ports = new EnginePorts(new LauncherCommandRunner(launcher, env, workspace, log, runningCommands),
                    new FilePathWorkspaceFiles(workspace), staging, engineLog, Clock.systemUTC(), HELM, KUBECTL, mask);
            return new EngineSession(ports, cluster, staging, run.getFullDisplayName(), log, workspace, run, credentials, mask);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            closeAfterFailure(staging, e);
            throw e;
        }
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

    public ClusterTarget cluster() {
        return cluster;
    }

    /** Who acts, for the engine's messages about concurrent deploys: the build's display name. */
    public String owner() {
        return owner;
    }

    public PrintStream log() {
        return log;
    }

    /** HTTP from the agent that runs the step's commands, where the cluster's network is. */
    public HttpTransport http() {
        return new AgentHttpTransport(workspace);
    }

    /**
     * The text of a <em>Secret text</em> credential, registered with the masking filter before it is
     * returned, so that no output shows it.
     *
     * @param parameter the step parameter that named it, for the error
     * @throws ValidationException naming the parameter when the build sees no such credential, or one of another kind
     */
    public String secretText(String parameter, String id) throws IOException {
        StandardCredentials found = credentials.find(id, run);
        if (!(found instanceof StringCredentials text)) {
            throw new ValidationException(parameter, (found == null ? "no credentials with id '" + id + "' are visible to"
                    + " this build" : "credentials '" + id + "' are not a Secret text") + "; give the id of a Secret text"
                    + " credential holding the token");
        }
        String plain = text.getSecret().getPlainText();
        mask.add(plain);
        return plain;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        staging.close();
    }
}
