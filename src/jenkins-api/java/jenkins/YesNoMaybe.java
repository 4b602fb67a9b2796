// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package jenkins;

public enum YesNoMaybe { YES, NO, MAYBE }
