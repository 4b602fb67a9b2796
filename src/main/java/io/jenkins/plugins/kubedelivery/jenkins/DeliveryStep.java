package io.jenkins.plugins.kubedelivery.jenkins;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * A step of this plugin: its own parameter object (required parameters in the
 * {@code @DataBoundConstructor}, optional ones as {@code @DataBoundSetter}s, each default written
 * once), which converts and checks itself in {@link #start} and hands the engine call to the one
 * {@link DeliveryStepExecution}. The steps that reach a cluster extend {@link AbstractClusterStep},
 * which adds the cluster parameters; a step that needs none (changedServices) extends this class
 * directly, so it has no kubeconfig parameter to misread. Public because structs binds the inherited
 * setters by reflection.
 */
public abstract class DeliveryStep extends Step {
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
