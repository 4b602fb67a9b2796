package io.jenkins.plugins.kubedelivery.jenkins;

import static io.jenkins.plugins.kubedelivery.jenkins.ParameterText.optional;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * A step of this plugin: its own parameter object (required parameters in the
 * {@code @DataBoundConstructor}, optional ones as {@code @DataBoundSetter}s, each default written
 * once), which converts and checks itself in {@link #start} and hands the engine call to the one
 * {@link DeliveryStepExecution}. Holds the three parameters by which every step reaches its cluster
 * ({@code kubeconfigCredentialsId}, {@code kubeContext}, {@code server}); their help and form
 * fragment are in this class's resource folder. Public because structs binds the inherited setters
 * by reflection.
 */
public abstract class AbstractClusterStep extends Step {
    private String kubeconfigCredentialsId;
    private String kubeContext;
    private String server;

    public String getKubeconfigCredentialsId() { return kubeconfigCredentialsId; }
    public String getKubeContext() { return kubeContext; }
    public String getServer() { return server; }

    @DataBoundSetter public void setKubeconfigCredentialsId(String id) { this.kubeconfigCredentialsId = optional(id); }
    @DataBoundSetter public void setKubeContext(String kubeContext) { this.kubeContext = optional(kubeContext); }
    @DataBoundSetter public void setServer(String server) { this.server = optional(server); }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException for a combination that cannot work */
    public ClusterAccess clusterAccess() {
        return new ClusterAccess(kubeconfigCredentialsId, kubeContext, server);
    }

    /** The Pipeline name, which prefixes every message of the step. */
    protected abstract String functionName();

    /**
     * Converts and checks every parameter and builds the engine's request, before any command.
     *
     * @param context for defaults the build's environment supplies
     * @throws EngineException naming the parameter that cannot be used
     */
    protected abstract StepCall call(StepContext context) throws Exception;

    /** A refused parameter fails the step here, on the CPS VM thread, before any command runs. */
    @Override
    public final StepExecution start(StepContext context) throws Exception {
        StepCall call;
        try {
            call = call(context);
        } catch (EngineException e) {
            throw StepErrors.toAbort(functionName(), e, null);
        }
        return new DeliveryStepExecution(context, functionName(), call);
    }
}
