// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson;

import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    private static final long serialVersionUID = 1L;

    public EnvVars() {
        super(String.CASE_INSENSITIVE_ORDER);
    }

    public EnvVars(Map<String, String> m) {
        this();
        putAll(m);
    }
}
