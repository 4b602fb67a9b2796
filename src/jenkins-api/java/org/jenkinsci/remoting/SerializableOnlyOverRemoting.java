// Mirrors org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9, the version jenkins-core 2.479.3 ships
// (compile-only, never packaged).
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {}
