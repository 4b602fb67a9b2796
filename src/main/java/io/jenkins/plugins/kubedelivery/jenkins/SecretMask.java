package io.jenkins.plugins.kubedelivery.jenkins;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The secret values one step execution has read (a bearer token), replaced by {@code ****} in
 * every log line and failure message the step writes. Secrets never reach argv by design; this is
 * the second line of defence for text that quotes a tool's output. Held in memory only.
 */
public final class SecretMask {
    static final String MASK = "****";

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** Registers a value to hide; blank values are ignored (masking them would garble the text). */
    public void add(String secret) {
        if (secret != null && !secret.isBlank()) {
            secrets.add(secret);
        }
    }

    public String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
