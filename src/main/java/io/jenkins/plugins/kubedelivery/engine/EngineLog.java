package io.jenkins.plugins.kubedelivery.engine;

/** Where the engine says what it does: the build log in Jenkins, a list in tests. */
@FunctionalInterface
public interface EngineLog {
    /** Writes one line; never given a secret value. */
    void line(String text);

    EngineLog NONE = text -> {};
}
