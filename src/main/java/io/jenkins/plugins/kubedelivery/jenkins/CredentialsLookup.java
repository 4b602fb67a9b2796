package io.jenkins.plugins.kubedelivery.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.model.Run;
import java.io.IOException;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Finds the credentials a step names. In Jenkins: the credentials plugin, as the build's
 * authentication sees them, with usage tracked. An enclosing block step (or a test) may put
 * another lookup into the step context.
 */
@FunctionalInterface
public interface CredentialsLookup {
    /** @return the credentials, or {@code null} when none with that id is visible to the build */
    StandardCredentials find(String id, Run<?, ?> run) throws IOException;

    CredentialsLookup JENKINS = (id, run) ->
            CredentialsProvider.track(run, CredentialsProvider.findCredentialById(id, StandardCredentials.class, run, List.of()));

    static CredentialsLookup from(StepContext context) throws IOException, InterruptedException {
        CredentialsLookup provided = context.get(CredentialsLookup.class);
        return provided != null ? provided : JENKINS;
    }
}
