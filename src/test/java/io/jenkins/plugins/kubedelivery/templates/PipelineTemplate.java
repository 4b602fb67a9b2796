package io.jenkins.plugins.kubedelivery.templates;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a {@code vars/} template as a Pipeline would call it, with the plugin's steps stubbed: each
 * step call is recorded with its arguments and answered by a function the test gives.
 */
final class PipelineTemplate {
    private final Binding binding = new Binding();
    private final List<Map.Entry<String, Map<String, Object>>> calls = new ArrayList<>();
    private final Script script;

    PipelineTemplate(String name, Map<String, String> env) throws IOException {
        binding.setVariable("env", new LinkedHashMap<>(env));
        stub("echo", args -> null);
        binding.setVariable("error", new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                throw new IllegalStateException(String.valueOf(args[0]));
            }
        });
        script = new GroovyShell(binding).parse(Path.of("vars", name + ".groovy").toFile());
    }

    /** Answers every call of {@code step} with {@code answer(arguments)}. */
    PipelineTemplate stub(String step, Function<Map<String, Object>, Object> answer) {
        binding.setVariable(step, new Closure<Object>(null) {
            @Override
            @SuppressWarnings("unchecked")
            public Object call(Object... args) {
                Map<String, Object> arguments = args.length > 0 && args[0] instanceof Map<?, ?> m
                        ? new LinkedHashMap<>((Map<String, Object>) m) : Map.of("value", String.valueOf(args.length > 0 ? args[0] : ""));
                calls.add(Map.entry(step, arguments));
                return answer.apply(arguments);
            }
        });
        return this;
    }

    Object call(Map<String, Object> config) {
        return script.invokeMethod("call", new Object[] {config});
    }

    /** The steps called, in order, with their arguments. */
    List<Map.Entry<String, Map<String, Object>>> calls() {
        return calls;
    }

    List<String> stepNames() {
        return calls.stream().map(Map.Entry::getKey).toList();
    }
}
