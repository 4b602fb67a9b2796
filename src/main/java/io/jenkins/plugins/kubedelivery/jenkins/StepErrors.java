package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException;

/**
 * The one place a failure becomes what the build log shows: a one-line {@link AbortException}
 * prefixed with the step name, e.g. {@code deployService: helm upgrade exited 1: ...}. Known
 * secret values are masked; unexpected failures keep their stack trace in the Jenkins system log.
 */
public final class StepErrors {
    private static final Logger LOGGER = Logger.getLogger(StepErrors.class.getName());

    private StepErrors() {}

    public static AbortException toAbort(String stepName, Throwable failure, SecretMask mask) {
        AbortException abort = new AbortException(oneLine(stepName, describe(stepName, failure), mask));
        if (isUnexpected(failure)) {
            LOGGER.log(Level.WARNING, stepName + " failed unexpectedly", failure);
        }
        return abort;
    }

    private static boolean isUnexpected(Throwable failure) {
        return !(failure instanceof IOException || failure instanceof EngineException
                || failure instanceof MissingContextVariableException);
    }

    private static String describe(String stepName, Throwable failure) {
        String message = failure.getMessage() == null || failure.getMessage().isBlank()
                ? failure.getClass().getSimpleName()
                : failure.getMessage();
        if (failure instanceof AbortException || failure instanceof EngineException) {
            return message;
        }
        if (failure instanceof MissingContextVariableException missing) {
            return "needs a " + missing.getType().getSimpleName() + ": call it inside node { } (and, on a Kubernetes"
                    + " pod agent, inside container('helm') { })";
        }
        if (failure instanceof IOException) {
            return "I/O error: " + message;
        }
        return "unexpected " + failure.getClass().getSimpleName() + ": " + message
                + " (the stack trace is in the Jenkins system log)";
    }

    private static String oneLine(String stepName, String message, SecretMask mask) {
        String joined = Arrays.stream(message.split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" | "));
        String masked = mask == null ? joined : mask.apply(joined);
        return masked.startsWith(stepName + ":") ? masked : stepName + ": " + masked;
    }
}
