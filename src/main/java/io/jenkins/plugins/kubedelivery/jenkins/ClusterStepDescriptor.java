package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import hudson.model.Item;
import hudson.model.Queue;
import hudson.model.queue.Tasks;
import hudson.security.ACL;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.util.List;
import jenkins.model.Jenkins;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;
import org.springframework.security.core.Authentication;

/**
 * The descriptor of a step that reaches a cluster ({@link AbstractClusterStep}): what every
 * {@link DeliveryStepDescriptor} declares, and it serves the form's credentials picker for {@code kubeconfigCredentialsId}
 * ({@code AbstractClusterStep/cluster-fields.jelly}): the list holds only the kinds of credentials
 * the step takes ({@link KubeconfigCredentialKind}), and the check names a credential of another
 * kind. Both follow the credentials plugin's guide for consumers: a user who may neither read the
 * job's configuration nor use its credentials sees only the current value and no verdict, and
 * credentials are listed as the job's builds will see them.
 */
public abstract class ClusterStepDescriptor extends DeliveryStepDescriptor {
    protected ClusterStepDescriptor(String functionName, String displayName) {
        super(functionName, displayName);
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
}
