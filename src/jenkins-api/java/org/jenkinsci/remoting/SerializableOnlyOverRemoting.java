// Mirrors org.jenkins-ci.main:remoting (shipped with jenkins-core 2.479.3; compile-only, never packaged).
package org.jenkinsci.remoting;

import java.io.Serializable;

public interface SerializableOnlyOverRemoting extends Serializable {}
