package io.jenkins.plugins.kubedelivery.engine.http;

import java.io.IOException;

/**
 * The engine's port for HTTP (metric sources first), apart from the command runner: a step that
 * queries Prometheus needs no helm, and one that runs helm needs no HTTP. In Jenkins it runs on the
 * agent, where the cluster network is; in tests and locally, {@link JdkHttpTransport}.
 */
@FunctionalInterface
public interface HttpTransport {
    /**
     * @return the answer, whatever its status code
     * @throws IOException when no answer came (refused, reset, timed out)
     * @throws InterruptedException when the build was aborted
     */
    HttpAnswer send(HttpCall call) throws IOException, InterruptedException;
}
