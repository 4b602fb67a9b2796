// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/**
 * What a form check ({@code doCheck...}) returns. Stand-in bodies keep the kind and the message
 * (the real factories HTML-escape the message and render it; the plugin only passes plain text).
 */
public abstract class FormValidation extends IOException implements HttpResponse {
    private static final long serialVersionUID = 1L;

    public enum Kind { OK, WARNING, ERROR }

    public final Kind kind;

    private FormValidation(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static FormValidation ok() {
        return new FormValidation(Kind.OK, null) {
            private static final long serialVersionUID = 1L;
        };
    }

    public static FormValidation warning(String message) {
        return new FormValidation(Kind.WARNING, message) {
            private static final long serialVersionUID = 1L;
        };
    }

    public static FormValidation error(String message) {
        return new FormValidation(Kind.ERROR, message) {
            private static final long serialVersionUID = 1L;
        };
    }
}
