package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import io.jenkins.plugins.kubedelivery.engine.BuildLiveness;

/**
 * Whether a build recorded by its externalizable id ({@code folder/job#12}, as canaryShift records
 * it) still runs. Looked up as SYSTEM: a job the current build may not see must read as "not
 * visible", never as gone, or its running canary would be taken for a leftover.
 */
final class JenkinsBuildLiveness implements BuildLiveness {
    @Override
    public State of(String build) {
        try (ACLContext system = ACL.as2(ACL.SYSTEM2)) {
            Run<?, ?> run = Run.fromExternalizableId(build);
            if (run == null) {
                return State.GONE;
            }
            return run.isBuilding() ? State.RUNNING : State.FINISHED;
        } catch (IllegalArgumentException notAnId) {
            return State.UNKNOWN; // recorded by something else than canaryShift (or by hand): nothing is taken from it
        }
    }
}
