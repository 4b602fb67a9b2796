// Mirrors org.kohsuke.stapler:stapler:1903.1905.ve5a_f469356f0, the version jenkins-core 2.479.3 ships (compile-only, never packaged).
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** RUNTIME retention as in the real one, so Stapler sees it on the compiled methods. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@Documented
public @interface QueryParameter {
    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
