package io.jenkins.plugins.kubedelivery.engine.http;

import java.io.Serializable;

/** What the server answered: the status code and the body as text. */
public record HttpAnswer(int status, String body) implements Serializable {}
