package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.EngineException;

/**
 * {@code delivery.yaml} cannot be used: the message starts with the file, line and column, then the
 * key's path, e.g. {@code delivery.yaml:12:7: services.payments.dependsOn[0]: unknown service 'serch'
 * (did you mean 'search'?)}.
 */
public class CatalogException extends EngineException {
    private static final long serialVersionUID = 1L;

    public CatalogException(String message) {
        super(message);
    }
}
