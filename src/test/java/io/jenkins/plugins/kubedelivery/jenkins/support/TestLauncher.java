package io.jenkins.plugins.kubedelivery.jenkins.support;

import hudson.FilePath;
import hudson.Launcher;
import hudson.Proc;
import hudson.model.TaskListener;
import hudson.remoting.Channel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        rules.add(new Rule(executable, verb, List.of(replies)));
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

    @Override
    public Proc launch(ProcStarter starter) throws IOException {
        Map<String, String> envs = new LinkedHashMap<>();
        for (String pair : starter.envs()) {
            int eq = pair.indexOf('=');
            envs.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        FilePath pwd = starter.pwd();
        Launch launch = new Launch(List.copyOf(starter.cmds()), envs, pwd == null ? null : pwd.getRemote(),
                starter.quiet(), starter.stdin() != null, starter.stderr() != null);
        launches.add(launch);
        onLaunch.accept(launch);
        Proc proc = local ? LocalProc.start(launch, starter.stdout()) : cannedProc(launch, starter.stdout());
        procs.add(proc);
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

    @Override
    public void kill(Map<String, String> modelEnvVars) {}

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
        private final String verb;
        private final List<Reply> replies;
        private int used;

        Rule(String executable, String verb, List<Reply> replies) {
            this.executable = executable;
            this.verb = verb;
            this.replies = replies;
        }

        boolean matches(List<String> cmds) {
            return new File(cmds.get(0)).getName().equals(executable) && cmds.subList(1, cmds.size()).contains(verb);
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

        private LocalProc(Process process, Thread pump) {
            this.process = process;
            this.pump = pump;
        }

        static LocalProc start(Launch launch, OutputStream stdout) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(onPath(launch)).redirectErrorStream(true);
            if (launch.pwd() != null) {
                builder.directory(new File(launch.pwd()));
            }
            builder.environment().putAll(launch.envs());
            Process process = builder.start();
            process.getOutputStream().close();
            Thread pump = new Thread(() -> copy(process.getInputStream(), stdout), "test launcher output");
            pump.setDaemon(true);
            pump.start();
            return new LocalProc(process, pump);
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
