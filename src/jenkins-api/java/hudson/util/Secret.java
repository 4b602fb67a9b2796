// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.util;

import java.io.Serializable;

public final class Secret implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String value;

    /*package*/ Secret(String value) {
        this.value = value;
    }

    public static Secret fromString(String data) {
        return new Secret(data == null ? "" : data);
    }

    public String getPlainText() {
        return value;
    }

    public static String toString(Secret s) {
        return s == null ? "" : s.value;
    }
}
