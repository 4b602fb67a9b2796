package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPath;
import io.jenkins.plugins.kubedelivery.engine.secrets.SecretPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one rule by which a step's parameters meet {@code delivery.yaml}: a parameter given wins; one
 * not given takes the file's value, if it has one; and every value taken from the file is
 * remembered, so the build log can say which they were.
 */
public final class SettingsChoice {
    private final List<String> fromCatalogue = new ArrayList<>();

    /**
     * @param given the step's parameter, or {@code null} when not given
     * @param catalogued {@code delivery.yaml}'s value, or {@code null}
     * @return the value to use, {@code null} for the convention
     */
    public String pick(String parameter, String given, String catalogued) {
        return pick(parameter, given, catalogued, String::valueOf);
    }

    /**
     * The same rule for a value of any type (a number, a router, a list of checks).
     *
     * @param shown how the build log writes the file's value
     */
    public <T> T pick(String parameter, T given, T catalogued, Function<? super T, String> shown) {
        if (given != null || catalogued == null) {
            return given;
        }
        fromCatalogue.add(parameter + " " + shown.apply(catalogued));
        return catalogued;
    }

    /** The same rule for {@code vaultSecrets}: the step's when it names any, else the file's, logged by their paths. */
    public SecretPaths pickVaultSecrets(String parameter, SecretPaths given, List<SecretPath> catalogued) {
        if (!given.isEmpty() || catalogued.isEmpty()) {
            return given;
        }
        fromCatalogue.add(parameter + " " + String.join(", ", catalogued.stream().map(SecretPath::label).toList()));
        return new SecretPaths(given.store(), catalogued);
    }

    /** The values taken from the file, as {@code namespace shop-stage}, in the order they were picked. */
    public List<String> fromCatalogue() {
        return List.copyOf(fromCatalogue);
    }
}
