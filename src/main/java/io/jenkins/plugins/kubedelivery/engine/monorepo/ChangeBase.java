package io.jenkins.plugins.kubedelivery.engine.monorepo;

/**
 * What the change is measured against, from the most explicit to the least; the first one given
 * wins.
 *
 * @param base a revision the pipeline names ({@code base:}), or {@code null}
 * @param targetBranch a pull request's target branch ({@code CHANGE_TARGET}): the change is what the PR adds to it
 * @param lastSuccessfulCommit the commit of this job's last successful build, or {@code null} for a first build
 */
public record ChangeBase(String base, String targetBranch, String lastSuccessfulCommit) {}
