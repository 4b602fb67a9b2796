// Mirrors org.kohsuke.stapler:stapler as shipped by jenkins-core 2.479.3 (compile-only, never packaged).
package org.kohsuke.stapler;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.CONSTRUCTOR)
@Documented
public @interface DataBoundConstructor {}
