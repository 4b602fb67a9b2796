package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.model.TaskListener;
import io.jenkins.plugins.kubedelivery.testsupport.OutputRecorder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A build log in memory; the secret scan reads it whole. */
public final class BufferListener implements TaskListener {
    private static final long serialVersionUID = 1L;

    private final transient ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final transient PrintStream logger = new PrintStream(buffer, true, StandardCharsets.UTF_8);

    public BufferListener() {
        OutputRecorder.source("build log", this::text);
    }

    @Override
    public PrintStream getLogger() {
        return logger;
    }

    public String text() {
        synchronized (buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
