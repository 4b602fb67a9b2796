// Mirrors org.jenkins-ci.plugins:credentials:1453.v9b_a_29777a_b_fd (compile-only, never packaged).
package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import java.util.List;

/** Stand-in bodies that match as the real matchers do, so tests can run them. */
public class CredentialsMatchers {
    private CredentialsMatchers() {
        throw new UnsupportedOperationException("Utility class");
    }

    public static CredentialsMatcher instanceOf(Class clazz) {
        return item -> clazz.isInstance(item);
    }

    public static CredentialsMatcher withId(String id) {
        return item -> item instanceof IdCredentials credentials && id.equals(credentials.getId());
    }

    public static CredentialsMatcher anyOf(CredentialsMatcher... matchers) {
        return item -> List.of(matchers).stream().anyMatch(matcher -> matcher.matches(item));
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        for (C c : credentials) {
            if (matcher.matches(c)) {
                return c;
            }
        }
        return null;
    }
}
