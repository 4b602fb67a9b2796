package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * What every step of this plugin declares: its Pipeline name, its display name, and the context it
 * needs to run helm, kubectl or git (inside {@code node}, and on a pod agent inside
 * {@code container}). Each step nests its own {@code DescriptorImpl} subclass, so Jenkins infers the
 * step class; a step that reaches a cluster uses {@link ClusterStepDescriptor}.
 */
public abstract class DeliveryStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayName;

    protected DeliveryStepDescriptor(String functionName, String displayName) {
        this.functionName = functionName;
        this.displayName = displayName;
    }

    @Override
    public final String getFunctionName() {
        return functionName;
    }

    @Override
    public final String getDisplayName() {
        return displayName;
    }

    @Override
    public final Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class, Launcher.class, FilePath.class, EnvVars.class);
    }

    /**
     * The step with no parameter given, so that a form shows the defaults the step itself holds
     * ({@code <f:textbox default="${descriptor.defaults.timeout}"/>}): each default is written once, in
     * the step's field initializer, which refers to the engine's constant.
     */
    public final Step getDefaults() {
        for (Constructor<?> constructor : clazz.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                Object[] unset = Arrays.stream(constructor.getParameterTypes()).map(DeliveryStepDescriptor::unset).toArray();
                try {
                    return (Step) constructor.newInstance(unset);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(clazz.getName() + " cannot be built with no parameter given", e);
                }
            }
        }
        throw new IllegalStateException(clazz.getName() + " has no @DataBoundConstructor");
    }

    private static Object unset(Class<?> type) {
        return type == int.class ? 0 : type == boolean.class ? false : null;
    }
}
