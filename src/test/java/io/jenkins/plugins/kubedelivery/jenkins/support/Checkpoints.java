package io.jenkins.plugins.kubedelivery.jenkins.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Writes a step execution to bytes and reads it back, as a Pipeline checkpoint and a controller
 * restart do; Jenkins supplies a new context on resume, so the old one is swapped for {@code after}.
 * Fails if anything the execution keeps is not serializable.
 */
public final class Checkpoints {
    private Checkpoints() {}

    public static StepExecution restart(StepExecution execution, TestStepContext before, TestStepContext after)
            throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(write(execution, before))) {
            {
                enableResolveObject(true);
            }

            @Override
            protected Object resolveObject(Object obj) {
                return obj instanceof ContextHandle ? after : obj;
            }
        }) {
            return (StepExecution) in.readObject();
        }
    }

    /** What a checkpoint writes to disk for the execution (its context left out). */
    public static byte[] write(StepExecution execution, TestStepContext context) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes) {
            {
                enableReplaceObject(true);
            }

            @Override
            protected Object replaceObject(Object obj) {
                return obj == context ? new ContextHandle() : obj;
            }
        }) {
            out.writeObject(execution);
        }
        return bytes.toByteArray();
    }

    private static final class ContextHandle implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
