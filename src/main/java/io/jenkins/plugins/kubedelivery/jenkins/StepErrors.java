package io.jenkins.plugins.kubedelivery.jenkins;

import hudson.AbortException;
import io.jenkins.plugins.kubedelivery.engine.EngineException;
import io.jenkins.plugins.kubedelivery.engine.SecretMask;
import java.io.IOException;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.jenkinsci.plugins.workflow.steps.MissingContextVariableException;

/**
 * The one place a failure becomes what the build log shows: a one-line {@link AbortException}
 * prefixed with the step name, e.g. {@code deployService: helm upgrade exited 1: ...}. The message
 * passes the execution's {@link SecretMask} whole, before its lines are joined (a multi-line secret
 * is hidden line by line only while the lines are still lines). Unexpected failures keep their
 * stack trace in the Jenkins system log, with their messages masked as well.
 */
public final class StepErrors {
    private static final Logger LOGGER = Logger.getLogger(StepErrors.class.getName());

    private StepErrors() {}

    /** @param mask the execution's secrets, or {@code null} before any was read (a refusal at start) */
    public static AbortException toAbort(String stepName, Throwable failure, SecretMask mask) {
        SecretMask secrets = mask == null ? new SecretMask() : mask;
        AbortException abort = new AbortException(oneLine(stepName, secrets.apply(describe(stepName, failure))));
        if (isUnexpected(failure)) {
            LOGGER.log(Level.WARNING, stepName + " failed unexpectedly", masked(failure, secrets));
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

    private static String oneLine(String stepName, String maskedMessage) {
        String joined = Arrays.stream(maskedMessage.split("\\R"))
                .map(String::trim)
                .filter(line -> !line.isEmpty())
                .collect(Collectors.joining(" | "));
        return joined.startsWith(stepName + ":") ? joined : stepName + ": " + joined;
    }

    /** The failure and its causes as the system log may show them: same types' names and stack traces, messages masked. */
    private static Throwable masked(Throwable failure, SecretMask secrets) {
        Throwable copy = new Throwable(failure.getClass().getName() + ": " + secrets.apply(failure.getMessage()),
                failure.getCause() == null || failure.getCause() == failure ? null : masked(failure.getCause(), secrets));
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }
}
