package io.jenkins.plugins.kubedelivery.testsupport;

import static org.junit.Assume.assumeTrue;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs the real tools as another non-root user (uid and gid {@value #UID}), as a helm container whose
 * {@code runAsUser} differs from the agent's does: {@code setpriv} drops to that user, which needs
 * root. Tests that use it are skipped elsewhere (the build machine runs as root).
 */
public final class OtherUser {
    public static final int UID = 1000;
    private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private OtherUser() {}

    /** Skips the test unless this JVM runs as root with setpriv at hand. */
    public static void assumeAvailable() throws IOException {
        Path probe = Files.createTempFile("whoami-", "");
        try {
            assumeTrue("running tools as another user needs root", (Integer) Files.getAttribute(probe, "unix:uid") == 0);
        } finally {
            Files.delete(probe);
        }
        assumeTrue("running tools as another user needs " + SETPRIV, Files.isExecutable(SETPRIV));
    }

    /**
     * A runner of local processes as uid {@value #UID}, working in {@code home}, which is made the
     * user's home (helm keeps its cache there) and writable by it; its parents must let the user in.
     */
    public static CommandRunner runner(Path home) throws IOException {
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
        LocalProcessRunner local = new LocalProcessRunner(home, Map.of("HOME", home.toString(), "KUBECONFIG", "/dev/null"));
        return (command, timeout) -> {
            List<String> arguments = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + UID, "--regid=" + UID,
                    "--clear-groups"));
            arguments.addAll(command.arguments());
            return local.run(CommandLine.of(arguments), timeout);
        };
    }
}
