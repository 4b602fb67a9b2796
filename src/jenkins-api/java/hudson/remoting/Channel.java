// Mirrors org.jenkins-ci.main:remoting:3261.v9c670a_4748a_9, the version jenkins-core 2.479.3 ships
// (compile-only, never packaged).
package hudson.remoting;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;

/** Declared because Launcher.launchChannel returns it; the plugin opens no channel. */
public class Channel implements VirtualChannel {
    /** The real class has no no-argument constructor; this is one of its public ones (deprecated there too). */
    @Deprecated
    public Channel(String name, ExecutorService exec, InputStream is, OutputStream os) throws IOException {
        throw new UnsupportedOperationException("compile-only declaration");
    }
}
