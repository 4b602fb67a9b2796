package io.jenkins.plugins.kubedelivery.testsupport;

import io.jenkins.plugins.kubedelivery.engine.cli.CommandLine;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandResult;
import io.jenkins.plugins.kubedelivery.engine.cli.CommandRunner;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A CommandRunner that replays answers captured from the real tools, keyed by the command's
 * verb ("helm history", "helm upgrade"), and records every command it is given. Answers for a verb
 * are used in order; the last one repeats. A command without an answer fails the test.
 */
public final class ScriptedRunner implements CommandRunner {
    private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
    private final List<CommandLine> commands = Collections.synchronizedList(new ArrayList<>());
    private final CommandRunner fallback;
    private final Map<String, CountDownLatch> starts = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> holds = new ConcurrentHashMap<>();

    public ScriptedRunner() {
        this(null);
    }

    /** @param fallback runs verbs that have no scripted answer (e.g. the real helm for template) */
    public ScriptedRunner(CommandRunner fallback) {
        this.fallback = fallback;
    }

    public ScriptedRunner answer(String verb, int exitCode, String output) {
        return answer(verb, new Answer(exitCode, output, null));
    }

    public ScriptedRunner answerFromResource(String verb, int exitCode, String resource) {
        return answer(verb, exitCode, Resources.text(resource));
    }

    /** An answer that blocks until interrupted, as a long helm --wait does, then reports the kill. */
    public ScriptedRunner hangUntilInterrupted(String verb) {
        return answer(verb, new Answer(0, "", Boolean.TRUE));
    }

    private ScriptedRunner answer(String verb, Answer answer) {
        answers.computeIfAbsent(verb, k -> new ArrayDeque<>()).addLast(answer);
        return this;
    }

    /**
     * Holds every {@code verb} command until a {@code joinedBy} command has started and taken its
     * answer, as two commands run side by side would be; one left alone for five seconds fails
     * (exit 1) saying so.
     */
    public ScriptedRunner holdUntilStarted(String verb, String joinedBy) {
        holds.put(verb, started(joinedBy));
        return this;
    }

    private CountDownLatch started(String verb) {
        return starts.computeIfAbsent(verb, v -> new CountDownLatch(1));
    }

    @Override
    public CommandResult run(CommandLine command, Duration timeout) throws IOException, InterruptedException {
        String verb = verb(command);
        CountDownLatch joined = holds.get(verb);
        if (joined != null && !joined.await(5, TimeUnit.SECONDS)) {
            commands.add(command);
            return new CommandResult(1, verb + " ran alone: nothing joined it\n", 1);
        }
        commands.add(command); // after a hold, so that the recorded order is the order commands were answered
        Deque<Answer> queue = answers.get(verb);
        if (queue == null || queue.isEmpty()) {
            started(verb).countDown();
            if (fallback != null) {
                return fallback.run(command, timeout);
            }
            throw new AssertionError("no scripted answer for '" + verb + "': " + command);
        }
        Answer answer = queue.size() > 1 ? queue.pollFirst() : queue.peekFirst();
        started(verb).countDown(); // once it has its answer: a command held for it cannot take that answer first
        if (answer.hang != null) {
            new CountDownLatch(1).await();
        }
        return new CommandResult(answer.exitCode, answer.output, 1);
    }

    /** Every command run so far, in order. */
    public List<CommandLine> commands() {
        synchronized (commands) {
            return List.copyOf(commands);
        }
    }

    public List<String> verbs() {
        return commands().stream().map(ScriptedRunner::verb).toList();
    }

    /**
     * {@link #verbs()}, with a {@code helm version} recorded second put first: the engine asks the
     * version while its first read runs, so either may reach the runner first. Only that pair is
     * reordered; everything else keeps the order it ran in.
     */
    public List<String> verbsVersionFirst() {
        List<String> verbs = new ArrayList<>(verbs());
        if (verbs.size() > 1 && verbs.get(1).equals("helm version")) {
            Collections.swap(verbs, 0, 1);
        }
        return List.copyOf(verbs);
    }

    /** "helm upgrade" for ".../helm upgrade --install ...", "helm get manifest" for get. */
    public static String verb(CommandLine command) {
        String tool = command.executable().substring(command.executable().lastIndexOf('/') + 1);
        List<String> args = command.arguments();
        String verb = tool + " " + args.get(1);
        return args.get(1).equals("get") && args.size() > 2 ? verb + " " + args.get(2) : verb;
    }

    private record Answer(int exitCode, String output, Boolean hang) {}
}
