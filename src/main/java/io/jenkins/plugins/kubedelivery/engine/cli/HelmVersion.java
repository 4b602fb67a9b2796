package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.EngineException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The helm version the pipeline chose; its major decides the flags, which HelmCommands alone writes. */
public record HelmVersion(int major, int minor, String text) {
    private static final Pattern VERSION = Pattern.compile("v(\\d+)\\.(\\d+)\\.\\d+[^\\s]*");

    /** Parses {@code helm version --short} output such as {@code v3.17.3+ge4da497}. */
    public static HelmVersion parse(String output) {
        Matcher m = VERSION.matcher(output);
        if (!m.find()) {
            throw new EngineException("could not read the helm version from 'helm version --short': " + Text.head(output, 200));
        }
        HelmVersion version = new HelmVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group());
        if (version.major() < 3 || version.major() > 4) {
            throw new EngineException("helm " + version.text() + " is not supported: use helm 3 or helm 4");
        }
        return version;
    }

    /** Helm 4 renamed {@code --atomic} to {@code --rollback-on-failure}. */
    public String rollbackOnFailureFlag() {
        return major >= 4 ? "--rollback-on-failure" : "--atomic";
    }
}
