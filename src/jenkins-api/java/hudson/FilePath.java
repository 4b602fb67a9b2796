// Mirrors org.jenkins-ci.main:jenkins-core:2.479.3 (compile-only, never packaged).
package hudson;

import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Only the members the plugin uses, working on local files (a null channel). */
public final class FilePath implements SerializableOnlyOverRemoting {
    private static final long serialVersionUID = 1L;

    private final String remote;

    public FilePath(VirtualChannel channel, String remote) {
        this.remote = remote;
    }

    public FilePath(File localPath) {
        this.remote = localPath.getPath();
    }

    public FilePath(FilePath base, String rel) {
        this.remote = new File(base.remote, rel).getPath();
    }

    public String getRemote() {
        return remote;
    }

    public String getName() {
        return new File(remote).getName();
    }

    public FilePath child(String relOrAbsolute) {
        return new FilePath(this, relOrAbsolute);
    }

    public FilePath getParent() {
        File parent = new File(remote).getParentFile();
        return parent == null ? null : new FilePath(parent);
    }

    public FilePath sibling(String rel) {
        return getParent().child(rel);
    }

    public boolean isRemote() {
        return false;
    }

    public boolean exists() throws IOException, InterruptedException {
        return new File(remote).exists();
    }

    public boolean isDirectory() throws IOException, InterruptedException {
        return new File(remote).isDirectory();
    }

    public void mkdirs() throws IOException, InterruptedException {
        Files.createDirectories(Path.of(remote));
    }

    public boolean delete() throws IOException, InterruptedException {
        return Files.deleteIfExists(Path.of(remote));
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        Path root = Path.of(remote);
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    public void chmod(int mask) throws IOException, InterruptedException {
        StringBuilder perms = new StringBuilder();
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mask >> shift) & 7;
            perms.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-').append((bits & 1) != 0 ? 'x' : '-');
        }
        Files.setPosixFilePermissions(Path.of(remote), PosixFilePermissions.fromString(perms.toString()));
    }

    public int mode() throws IOException, InterruptedException {
        int mode = 0;
        for (var p : Files.getPosixFilePermissions(Path.of(remote))) {
            mode |= 1 << (8 - p.ordinal());
        }
        return mode;
    }

    public String readToString() throws IOException, InterruptedException {
        return Files.readString(Path.of(remote));
    }

    public void write(String content, String encoding) throws IOException, InterruptedException {
        Files.writeString(Path.of(remote), content, encoding == null ? Charset.defaultCharset() : Charset.forName(encoding));
    }

    public FilePath createTempDir(String prefix, String suffix) throws IOException, InterruptedException {
        return new FilePath(Files.createTempDirectory(Path.of(remote), prefix).toFile());
    }

    /** Runs the callable here: a local FilePath has no channel. */
    public <T> T act(FileCallable<T> callable) throws IOException, InterruptedException {
        return callable.invoke(new File(remote), null);
    }

    public interface FileCallable<T> extends java.io.Serializable {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    @Override
    public String toString() {
        return remote;
    }
}
