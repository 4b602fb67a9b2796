package io.jenkins.plugins.kubedelivery.engine.cli;

import io.jenkins.plugins.kubedelivery.engine.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An argument list for helm or kubectl, checked against what {@code container()} does to it.
 *
 * <p>Inside {@code container()} the kubernetes plugin joins the arguments into a {@code sh} line,
 * each in double quotes with only {@code "} escaped, and Jenkins' own launchers expand
 * {@code $NAME} first. So no argument may hold {@code $}, a backtick, a backslash, a double quote
 * or a control character: user data travels in files, never in arguments. This class is the one
 * place that rule is enforced; nothing reaches a {@link CommandRunner} without passing it.
 */
public final class CommandLine {
    private final List<String> arguments;

    private CommandLine(List<String> arguments) {
        this.arguments = Collections.unmodifiableList(arguments);
    }

    /**
     * @param parameter the step parameter the arguments came from, named in the error
     * @throws ValidationException when an argument holds a character the shell would interpret
     */
    public static CommandLine of(String parameter, List<String> arguments) {
        Objects.requireNonNull(arguments, "arguments");
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the executable");
        }
        List<String> copy = new ArrayList<>(arguments.size());
        for (String argument : arguments) {
            checkArgument(parameter, Objects.requireNonNull(argument, "argument"));
            copy.add(argument);
        }
        return new CommandLine(copy);
    }

    public static CommandLine of(List<String> arguments) {
        return of("command", arguments);
    }

    /** Refuses what a shell would interpret inside double quotes, and control characters. */
    public static void checkArgument(String parameter, String argument) {
        checkArgument(parameter, argument, "pass such data in a values file, not an argument");
    }

    /** As {@link #checkArgument(String, String)}, with the fix the message gives for this parameter. */
    public static void checkArgument(String parameter, String argument, String fix) {
        for (int i = 0; i < argument.length(); i++) {
            char c = argument.charAt(i);
            String what = switch (c) {
                case '$' -> "'$'";
                case '`' -> "a backtick";
                case '\\' -> "a backslash";
                case '"' -> "a double quote";
                default -> Character.isISOControl(c) ? "a control character" : null;
            };
            if (what != null) {
                throw new ValidationException(parameter, "'" + printable(argument) + "' contains " + what
                        + ", which the agent's shell would interpret; " + fix);
            }
        }
    }

    private static String printable(String argument) {
        StringBuilder sb = new StringBuilder();
        for (char c : argument.toCharArray()) {
            sb.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return sb.toString();
    }

    public List<String> arguments() {
        return arguments;
    }

    public String executable() {
        return arguments.get(0);
    }

    /** The command as the build log shows it. Arguments are never secret, so all are shown. */
    @Override
    public String toString() {
        return String.join(" ", arguments);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandLine other && arguments.equals(other.arguments);
    }

    @Override
    public int hashCode() {
        return arguments.hashCode();
    }
}
