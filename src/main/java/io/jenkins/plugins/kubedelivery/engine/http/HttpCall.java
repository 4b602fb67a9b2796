package io.jenkins.plugins.kubedelivery.engine.http;

import java.io.Serializable;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP request the engine wants made where the cluster network is. Serializable because the
 * Jenkins adapter sends it to the agent; it is never persisted (a step's serialized state never
 * holds one), which matters because headers may carry a credential.
 *
 * @param method {@code GET} or {@code POST}
 * @param headers request headers; values may be secret and are never logged
 * @param formBody a form-encoded body for {@code POST}, or {@code null}
 */
public record HttpCall(String method, URI uri, Map<String, String> headers, String formBody, Duration timeout)
        implements Serializable {
    public HttpCall {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return method + " " + uri; // never the headers: they may hold a token
    }
}
