package io.jenkins.plugins.kubedelivery.engine.model;

import java.util.Locale;

/** Helm's release statuses, as {@code helm history -o json} spells them. */
public enum ReleaseStatus {
    UNKNOWN, DEPLOYED, UNINSTALLED, SUPERSEDED, FAILED, UNINSTALLING, PENDING_INSTALL, PENDING_UPGRADE, PENDING_ROLLBACK;

    /** Parses {@code pending-upgrade} and the like; anything unknown is {@link #UNKNOWN}. */
    public static ReleaseStatus parse(String helmName) {
        if (helmName == null) {
            return UNKNOWN;
        }
        try {
            return valueOf(helmName.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }

    /** A release left in this state by a killed helm process blocks every later upgrade. */
    public boolean isPending() {
        return this == PENDING_INSTALL || this == PENDING_UPGRADE || this == PENDING_ROLLBACK;
    }

    public String helmName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
