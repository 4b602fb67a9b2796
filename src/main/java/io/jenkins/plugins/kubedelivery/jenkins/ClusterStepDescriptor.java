package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * What every step of this plugin declares: its Pipeline name, its display name, and the context it
 * needs to run helm or kubectl (inside {@code node}, and on a pod agent inside {@code container}).
 * Each step nests its own {@code DescriptorImpl} subclass, so Jenkins infers the step class.
 */
public abstract class ClusterStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayName;

    protected ClusterStepDescriptor(String functionName, String displayName) {
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
}
