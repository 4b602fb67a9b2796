package io.jenkins.plugins.kubedelivery.engine.monorepo;

/**
 * What {@code changedServices} is asked: which services of this catalogue a change since this base
 * affects.
 *
 * @param catalog the monorepo's services, as {@link ServiceCatalogReader} read them
 * @param base what the change is measured against
 */
public record ChangedServicesRequest(DeliveryCatalog catalog, ChangeBase base) {}
