package io.jenkins.plugins.kubedelivery.engine.model;

import java.time.Instant;

/**
 * One entry of a release's history.
 *
 * @param chart the chart as helm names it, e.g. {@code payments-1.4.0}
 * @param updated when this revision last changed state; {@code null} if helm did not say
 */
public record ReleaseRevision(int revision, ReleaseStatus status, String chart, String appVersion,
        Instant updated, String description) {}
