// Mirrors org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, the version jenkins-core 2.479.3 ships (compile-only, never packaged).
package org.kohsuke.stapler.verb;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * RUNTIME retention as in the real one, so Stapler (and Jenkins' form, which then checks by POST)
 * sees it on the compiled method; its interceptor meta-annotation is Stapler's business at run time.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface POST {}
