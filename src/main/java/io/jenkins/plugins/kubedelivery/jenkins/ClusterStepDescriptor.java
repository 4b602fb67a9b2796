package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * What every step of this plugin declares: its Pipeline name, its display name, and the context it
 * needs to run helm or kubectl (inside {@code node}, and on a pod agent inside {@code container}).
 * Each step nests its own {@code DescriptorImpl} subclass, so Jenkins infers the step class.
 *
 * <p>It also serves the form's credentials picker for {@code kubeconfigCredentialsId}
 * ({@code AbstractClusterStep/cluster-fields.jelly}): the list holds only the kinds of credentials
 * the step takes ({@link KubeconfigCredentialKind}), and the check names a credential of another
 * kind. Both follow the credentials plugin's guide for consumers: a user who may neither read the
 * job's configuration nor use its credentials sees only the current value and no verdict, and
 * credentials are listed as the job's builds will see them.
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

    /** The picker: no credentials (the pod's ServiceAccount), then every credential of a kind the step takes. */
    public ListBoxModel doFillKubeconfigCredentialsIdItems(@AncestorInPath Item item,
            @QueryParameter String kubeconfigCredentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!maySeeCredentials(item)) {
            return result.includeCurrentValue(kubeconfigCredentialsId);
        }
        return result.includeEmptyValue()
                .includeMatchingAs(authenticationOf(item), item, StandardCredentials.class, List.of(),
                        KubeconfigCredentialKind.matcher())
                .includeCurrentValue(kubeconfigCredentialsId);
    }

    /** POST only, as Jenkins requires of a check that looks credentials up. */
    @POST
    public FormValidation doCheckKubeconfigCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
        if (!maySeeCredentials(item)) {
            return FormValidation.ok();
        }
        String id = ParameterText.optional(value);
        StandardCredentials found = id == null ? null : CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(StandardCredentials.class, item, authenticationOf(item), List.of()),
                CredentialsMatchers.withId(id));
        return checkKubeconfigCredentials(id, found);
    }

    /**
     * The check's verdict on what the id resolved to.
     *
     * @param id the trimmed id, or {@code null} when none is given
     * @param found the credentials with that id the job sees, or {@code null}
     */
    static FormValidation checkKubeconfigCredentials(String id, StandardCredentials found) {
        if (id == null) {
            return FormValidation.ok();
        }
        if (found == null) {
            return FormValidation.warning("No credentials with id '" + id + "' are visible here; they may be defined"
                    + " where only the build sees them (a folder, a credentials parameter). The step needs "
                    + KubeconfigCredentialKind.accepted() + ".");
        }
        if (KubeconfigCredentialKind.of(found).isEmpty()) {
            return FormValidation.error(KubeconfigCredentialKind.wrongKind(id, found));
        }
        return FormValidation.ok();
    }

    /** The credentials plugin's rule for who may list credentials in a form (item null: Jenkins itself). */
    static boolean maySeeCredentials(Item item) {
        if (item == null) {
            return Jenkins.get().hasPermission(Jenkins.ADMINISTER);
        }
        return item.hasPermission(Item.EXTENDED_READ) || item.hasPermission(CredentialsProvider.USE_ITEM);
    }

    /** As whom the job's builds look credentials up: a job's own authentication, else the system's. */
    private static Authentication authenticationOf(Item item) {
        return item instanceof Queue.Task task ? Tasks.getAuthenticationOf2(task) : ACL.SYSTEM2;
    }

    /**
     * The step with no parameter given, so that a form shows the defaults the step itself holds
     * ({@code <f:textbox default="${descriptor.defaults.timeout}"/>}): each default is written once, in
     * the step's field initializer, which refers to the engine's constant.
     */
    public final Step getDefaults() {
        for (Constructor<?> constructor : clazz.getConstructors()) {
            if (constructor.isAnnotationPresent(DataBoundConstructor.class)) {
                Object[] unset = Arrays.stream(constructor.getParameterTypes()).map(ClusterStepDescriptor::unset).toArray();
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
