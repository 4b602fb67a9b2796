// Mirrors org.springframework.security:spring-security-core:6.3.4, the version jenkins-core 2.479.3 ships
// (compile-only, never packaged).
package org.springframework.security.core;

import java.io.Serializable;
import java.security.Principal;

/** Declared because the credentials lookups take one; the plugin only passes it on. */
public interface Authentication extends Principal, Serializable {}
