package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.FilePath;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.kubedelivery.engine.http.HttpAnswer;
import io.jenkins.plugins.kubedelivery.engine.http.HttpCall;
import io.jenkins.plugins.kubedelivery.engine.http.HttpTransport;
import io.jenkins.plugins.kubedelivery.engine.http.JdkHttpTransport;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * HTTP from the agent that holds the workspace: a metric source (Prometheus) is usually reachable
 * from the cluster's network, where the pod agent runs, and not from the controller. The call (with
 * its headers, which may hold a token) crosses the remoting channel in memory and is never persisted.
 */
final class AgentHttpTransport implements HttpTransport {
    private final FilePath workspace;

    AgentHttpTransport(FilePath workspace) {
        this.workspace = workspace;
    }

    @Override
    public HttpAnswer send(HttpCall call) throws IOException, InterruptedException {
        return workspace.act(new SendOnAgent(call));
    }

    private static final class SendOnAgent extends MasterToSlaveFileCallable<HttpAnswer> {
        private static final long serialVersionUID = 1L;
        private final HttpCall call;

        SendOnAgent(HttpCall call) {
            this.call = call;
        }

        @Override
        public HttpAnswer invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
            return new JdkHttpTransport().send(call);
        }
    }
}
