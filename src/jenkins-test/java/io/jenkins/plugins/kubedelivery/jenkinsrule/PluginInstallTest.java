package io.jenkins.plugins.kubedelivery.jenkinsrule;

import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import hudson.PluginWrapper;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.junit.Rule;
import org.junit.Test;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * The .hpi the build assembled, installed by the test Jenkins' plugin manager like any plugin
 * (under -Pjenkins the plugin's classes are on no class path but the .hpi's): it loads against its
 * declared dependencies, and every step descriptor is an extension found in it.
 */
public class PluginInstallTest {
    private static final List<String> STEPS = List.of("deployService", "deployServices", "rollbackService",
            "createPreviewNamespace", "deletePreviewNamespace", "reapPreviewNamespaces", "changedServices", "canaryShift",
            "canaryStatus", "canaryPromote", "canaryAbort");

    @Rule
    public final JenkinsRule r = new JenkinsRule();

    @Test
    public void theBuiltHpiLoadsAndItsStepsAreFound() {
        PluginWrapper plugin = r.jenkins.getPluginManager().getPlugin("kube-delivery");
        assertNotNull("kube-delivery is not installed", plugin);
        assertTrue("kube-delivery failed to load", plugin.isActive());
        for (String function : STEPS) {
            StepDescriptor descriptor = StepDescriptor.byFunctionName(function);
            assertNotNull("no step " + function, descriptor);
            assertSame(function + " comes from the installed .hpi", plugin.classLoader, descriptor.getClass().getClassLoader());
        }
    }
}
