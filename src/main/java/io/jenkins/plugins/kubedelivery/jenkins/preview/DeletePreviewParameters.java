package io.jenkins.plugins.kubedelivery.jenkins.preview;

import static io.jenkins.plugins.kubedelivery.jenkins.preview.PullRequestEnvironment.given;

import io.jenkins.plugins.kubedelivery.jenkins.ClusterAccess;
import java.io.Serializable;

/**
 * The {@code deletePreviewNamespace} parameters after conversion. The build's environment fills in
 * {@code pr} and {@code repository} only when the namespace is derived from them: with an explicit
 * {@code namespace} (say, from a cleanup job, whose JOB_NAME names no repository) only what the
 * user gave is checked against the namespace's ownership labels.
 */
final class DeletePreviewParameters implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String pr;
    private final String repository;
    private final String namespace;
    private final String namePattern;
    private final boolean waitForDeletion;
    private final ClusterAccess clusterAccess;

    private DeletePreviewParameters(DeletePreviewNamespaceStep step, PullRequestEnvironment env) {
        namespace = step.getNamespace();
        PullRequestEnvironment defaults = namespace == null ? env : PullRequestEnvironment.NONE;
        pr = given(step.getPr(), defaults.pr());
        repository = given(step.getRepository(), defaults.repository());
        namePattern = step.getNamePattern();
        waitForDeletion = step.isWait();
        clusterAccess = step.clusterAccess();
    }

    /** @throws io.jenkins.plugins.kubedelivery.engine.ValidationException naming the parameter that cannot be converted */
    static DeletePreviewParameters of(DeletePreviewNamespaceStep step, PullRequestEnvironment env) {
        return new DeletePreviewParameters(step, env);
    }

    String pr() { return pr; }
    String repository() { return repository; }
    String namespace() { return namespace; }
    String namePattern() { return namePattern; }
    boolean waitForDeletion() { return waitForDeletion; }

    ClusterAccess clusterAccess() {
        return clusterAccess;
    }

    String target() {
        return namespace != null ? "namespace " + namespace
                : "the preview of PR " + (pr == null ? "(none given)" : pr) + " of " + (repository == null ? "(no repository)" : repository);
    }
}
