// Mirrors org.jenkins-ci.plugins.workflow:workflow-cps:4165.vf547819734da_ (compile-only, never packaged).
package org.jenkinsci.plugins.workflow.cps;

/** The Snippet Generator; only its static rendering is used (the real class is a RootAction). */
public class Snippetizer {
    public static String object2Groovy(Object o) throws UnsupportedOperationException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
