package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import hudson.remoting.Channel;
import io.jenkins.plugins.kubedelivery.testsupport.OutputRecorder;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * A Launcher that records every launch and either runs real local processes (stderr merged into
 * stdout, as {@code container()} does) or replays canned outputs chosen by executable and verb.
 * Like {@code container()}, it ignores stdin and a separate stderr stream.
 */
public final class TestLauncher extends Launcher {
    /** What the runner asked for. */
    public record Launch(List<String> cmds, Map<String, String> envs, String pwd, boolean quiet, boolean stdinSet,
            boolean stderrSet) {}

    private final boolean local;
    private final List<Launch> launches = new CopyOnWriteArrayList<>();
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<Proc> procs = new CopyOnWriteArrayList<>();
    private volatile Consumer<Launch> onLaunch = launch -> {};
    private final Map<String, String> path = new ConcurrentHashMap<>();
    private final List<Map<String, String>> kills = new CopyOnWriteArrayList<>();
    private final Map<Proc, Launch> launched = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger launching = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean overlappingLaunches;
    private volatile boolean procKillIgnored;

    private TestLauncher(TaskListener listener, boolean local) {
        super(listener, null);
        this.local = local;
    }

    /** Runs the real commands on this machine. */
    public static TestLauncher local(TaskListener listener) {
        return new TestLauncher(listener, true);
    }

    /** Replays {@link #reply} outputs; an unmatched command exits 127. */
    public static TestLauncher canned(TaskListener listener) {
        return new TestLauncher(listener, false);
    }

    /**
     * Adds replies for commands of {@code executable} (by file name) whose argv holds {@code verb};
     * successive matches get successive replies, the last one repeating. Earlier rules win.
     */
    public TestLauncher reply(String executable, String verb, Reply... replies) {
        return reply(executable, List.of(verb), replies);
    }

    /**
     * As {@link #reply(String, String, Reply...)}, for commands whose argv holds every one of
     * {@code words} (a verb and a release, say): commands that may run side by side, such as a
     * release's history read beside its upgrade, each get their own replies.
     */
    public TestLauncher reply(String executable, List<String> words, Reply... replies) {
        rules.add(new Rule(executable, words, List.of(replies)));
        return this;
    }

    /**
     * For a local launcher: runs {@code executable} when a command names {@code name}, as a
     * container finds the tool on its PATH (a child's PATH does not steer Java's own lookup).
     */
    public TestLauncher onPath(String name, Path executable) {
        path.put(name, executable.toString());
        return this;
    }

    /** Called on the launching thread before the command "runs", e.g. to look at the files it reads. */
    public TestLauncher onLaunch(Consumer<Launch> hook) {
        this.onLaunch = hook;
        return this;
    }

    public List<Launch> launches() {
        return List.copyOf(launches);
    }

    /** Every argument of every launch, for checks that something never reached argv. */
    public String allArguments() {
        StringBuilder all = new StringBuilder();
        launches.forEach(l -> all.append(String.join(" ", l.cmds())).append('\n'));
        return all.toString();
    }

    public List<Proc> procs() {
        return List.copyOf(procs);
    }

    /**
     * Behaves as {@code container()} does: {@link Proc#kill()} only writes Ctrl-C to an exec without
     * a TTY, so the process goes on; only {@link #kill(Map)} by environment stops it.
     */
    public TestLauncher likeContainer() {
        procKillIgnored = true;
        return this;
    }

    /** Every {@link #kill(Map)} call, in order. */
    public List<Map<String, String>> kills() {
        return List.copyOf(kills);
    }

    /** Whether two launches were ever in {@link #launch} at once (the kubernetes plugin's decorator is not safe for that). */
    public boolean launchesOverlapped() {
        return overlappingLaunches;
    }

    @Override
    public Proc launch(ProcStarter starter) throws IOException {
        if (launching.incrementAndGet() > 1) {
            overlappingLaunches = true;
        }
        try {
            Thread.sleep(2); // widens the window in which an unserialised second launch would overlap
            return launchOne(starter);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while launching", e);
        } finally {
            launching.decrementAndGet();
        }
    }

    private Proc launchOne(ProcStarter starter) throws IOException {
        Map<String, String> envs = new LinkedHashMap<>();
        for (String pair : starter.envs()) {
            int eq = pair.indexOf('=');
            envs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        FilePath pwd = starter.pwd();
        Launch launch = new Launch(List.copyOf(starter.cmds()), envs, pwd == null ? null : pwd.getRemote(),
                starter.quiet(), starter.stdin() != null, starter.stderr() != null);
        launches.add(launch);
        OutputRecorder.record("argv", launch.cmds());
        onLaunch.accept(launch);
        Proc proc = local ? LocalProc.start(launch, path.get(launch.cmds().get(0)), starter.stdout(), procKillIgnored)
                : cannedProc(launch, starter.stdout());
        procs.add(proc);
        launched.put(proc, launch);
        return proc;
    }

    private Proc cannedProc(Launch launch, OutputStream stdout) {
        for (Rule rule : rules) {
            if (rule.matches(launch.cmds())) {
                return new CannedProc(rule.next(), stdout);
            }
        }
        return new CannedProc(Reply.exit(127, "test launcher: no canned reply for " + launch.cmds() + "\n"), stdout);
    }

    @Override
    public Channel launchChannel(String[] cmd, OutputStream out, FilePath workDir, Map<String, String> envVars) {
        throw new UnsupportedOperationException("the steps never open a channel");
    }

    /** Kills the processes whose launch environment holds every given pair, as Jenkins' launchers do. */
    @Override
    public void kill(Map<String, String> modelEnvVars) throws InterruptedException {
        kills.add(Map.copyOf(modelEnvVars));
        for (Map.Entry<Proc, Launch> entry : launched.entrySet()) {
            if (entry.getValue().envs().entrySet().containsAll(modelEnvVars.entrySet())) {
                Proc proc = entry.getKey();
                if (proc instanceof LocalProc localProc) {
                    localProc.destroy();
                } else if (proc instanceof CannedProc canned) {
                    canned.killedByEnvironment();
                }
            }
        }
    }

    /** A canned outcome: exit code and (merged) output; {@link #hang()} runs until killed. */
    public record Reply(int exitCode, String output, boolean hangs) {
        public static Reply ok(String output) {
            return new Reply(0, output, false);
        }

        public static Reply exit(int exitCode, String output) {
            return new Reply(exitCode, output, false);
        }

        public static Reply hang() {
            return new Reply(143, "", true);
        }
    }

    private static final class Rule {
        private final String executable;
        private final List<String> words;
        private final List<Reply> replies;
        private int used;

        Rule(String executable, List<String> words, List<Reply> replies) {
            this.executable = executable;
            this.words = words;
            this.replies = replies;
        }

        boolean matches(List<String> cmds) {
            return new File(cmds.get(0)).getName().equals(executable) && cmds.subList(1, cmds.size()).containsAll(words);
        }

        synchronized Reply next() {
            return replies.get(Math.min(used++, replies.size() - 1));
        }
    }

    /** A replayed command; a hanging one ends only when killed. */
    public static final class CannedProc extends Proc {
        private final Reply reply;
        private final OutputStream stdout;
        private final CountDownLatch killed = new CountDownLatch(1);

        CannedProc(Reply reply, OutputStream stdout) {
            this.reply = reply;
            this.stdout = stdout;
        }

        @Override
        public boolean isAlive() {
            return reply.hangs() && killed.getCount() > 0;
        }

        @Override
        public void kill() {
            killed.countDown();
        }

        void killedByEnvironment() {
            killed.countDown();
        }

        public boolean wasKilled() {
            return killed.getCount() == 0;
        }

        @Override
        public int join() throws IOException, InterruptedException {
            if (reply.hangs()) {
                killed.await();
            }
            if (stdout != null) {
                stdout.write(reply.output().getBytes(StandardCharsets.UTF_8));
                stdout.flush();
            }
            return reply.exitCode();
        }

        @Override
        public InputStream getStdout() {
            return null;
        }

        @Override
        public InputStream getStderr() {
            return null;
        }

        @Override
        public OutputStream getStdin() {
            return null;
        }
    }

    /** A real process; an interrupted join leaves it running, as container() does. */
    public static final class LocalProc extends Proc {
        private final Process process;
        private final Thread pump;
        private final boolean killIgnored;

        private LocalProc(Process process, Thread pump, boolean killIgnored) {
            this.process = process;
            this.pump = pump;
            this.killIgnored = killIgnored;
        }

        /**
         * @param executable what runs in place of the command's first word, when the test mapped it ({@link #onPath})
         * @param killIgnored whether {@link #kill()} leaves the process running, as inside {@code container()}
         */
        static LocalProc start(Launch launch, String executable, OutputStream stdout, boolean killIgnored) throws IOException {
            List<String> command = onPath(launch);
            if (executable != null) {
                command.set(0, executable);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (launch.pwd() != null) {
                builder.directory(new File(launch.pwd()));
            }
            builder.environment().putAll(launch.envs());
            Process process = builder.start();
            process.getOutputStream().close();
            Thread pump = new Thread(() -> copy(process.getInputStream(), stdout), "test launcher output");
            pump.setDaemon(true);
            pump.start();
            return new LocalProc(process, pump, killIgnored);
        }

        /**
         * A bare command name looked up on the launch's own PATH, as the agent's shell does:
         * ProcessBuilder would look on the test JVM's PATH instead.
         */
        private static List<String> onPath(Launch launch) {
            List<String> cmds = new ArrayList<>(launch.cmds());
            String path = launch.envs().get("PATH");
            if (path != null && !cmds.get(0).contains("/")) {
                for (String directory : path.split(File.pathSeparator)) {
                    File candidate = new File(directory, cmds.get(0));
                    if (candidate.canExecute()) {
                        cmds.set(0, candidate.getPath());
                        break;
                    }
                }
            }
            return cmds;
        }

        private static void copy(InputStream in, OutputStream out) {
            try (in) {
                byte[] buffer = new byte[8192];
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    if (out != null) {
                        out.write(buffer, 0, n);
                    }
                }
            } catch (IOException ignored) {
                // the process was killed
            }
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public void kill() throws InterruptedException {
            if (!killIgnored) {
                destroy();
            }
        }

        void destroy() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }

        @Override
        public int join() throws InterruptedException {
            int exitCode = process.waitFor();
            pump.join();
            return exitCode;
        }

        @Override
        public InputStream getStdout() {
            return null;
        }

        @Override
        public InputStream getStderr() {
            return null;
        }

        @Override
        public OutputStream getStdin() {
            return null;
        }
    }

    @Override
    public String toString() {
        return "TestLauncher" + (local ? "(local)" : "(canned)") + Arrays.toString(launches.toArray());
    }
}
