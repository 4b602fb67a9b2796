package io.jenkins.plugins.kubedelivery.engine;

/**
 * The one shape of an engine use case, named after the step it serves ({@code DeployService},
 * {@code DeletePreviewNamespace}, ...) and kept in its area's package. It is constructed with its
 * {@link EnginePorts} and, only where it needs them, the {@code ClusterTarget} and who acts; it is
 * given one request record and returns one result record, whose {@link StepResult#toMap()} is what
 * the step returns to the Pipeline. A use case checks its whole request before its first command.
 *
 * @param <Q> the request: what the step was asked, as plain values (a preview step's is
 *     Serializable and holds no secret, since the adapter keeps it for resume)
 * @param <R> the result
 */
@FunctionalInterface
public interface UseCase<Q, R extends StepResult> {
    /**
     * @throws ValidationException naming the parameter, before any command runs
     * @throws EngineException with a one-line reason when the work fails
     * @throws InterruptedException when aborted, after the use case left what it touched in a safe state
     */
    R run(Q request) throws InterruptedException;
}
