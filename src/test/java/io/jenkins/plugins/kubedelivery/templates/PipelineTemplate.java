package io.jenkins.plugins.kubedelivery.templates;

import groovy.lang.Binding;
import groovy.lang.Closure;
import groovy.lang.GroovyShell;
import groovy.lang.Script;
import org.codehaus.groovy.control.CompilerConfiguration;
import org.codehaus.groovy.control.customizers.ImportCustomizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

/**
 * Runs a {@code vars/} template as a Pipeline would call it, with the plugin's steps stubbed: each
 * step call is recorded with its arguments and answered by a function the test gives. The library's
 * other templates are global variables beside it (so {@code deliverService.triggerOf(...)} runs the
 * real one), and the Pipeline's block steps ({@code podTemplate}, {@code node}, {@code stage},
 * {@code container}, {@code timeout}, {@code parallel}) are recorded and run their bodies.
 *
 * <p>As in Pipeline, Groovy runs on one thread at a time (the CPS VM thread), while a step's work runs
 * beside it: {@code parallel} runs each branch on a thread of its own, but only the branch holding
 * {@link #groovy} runs Groovy; a stubbed step lets go of it while its answer runs, so the branches'
 * steps overlap exactly as much as the template lets them.
 */
final class PipelineTemplate {
    /** What a stubbed step answers; it may throw, as a failing or aborted step does. */
    @FunctionalInterface
    interface Answer {
        Object apply(Map<String, Object> arguments) throws Exception;
    }

    /** What Pipeline imports into every script by itself. */
    private static final CompilerConfiguration PIPELINE_IMPORTS = new CompilerConfiguration()
            .addCompilationCustomizers(new ImportCustomizer().addImports("com.cloudbees.groovy.cps.NonCPS"));

    /** The label the kubernetes plugin gives the pod inside {@code podTemplate}. */
    static final String POD_LABEL = "kube-delivery-pod";

    private final Binding binding = new Binding();
    private final List<Map.Entry<String, Map<String, Object>>> calls = new ArrayList<>();
    private final Map<String, Object> currentBuild = new LinkedHashMap<>();
    private final Script script;
    /** Held by whichever thread runs the template's Groovy, as Pipeline's one CPS VM thread. */
    private final Semaphore groovy = new Semaphore(1);

    PipelineTemplate(String name, Map<String, String> env) throws IOException {
        binding.setVariable("env", new LinkedHashMap<>(env));
        binding.setVariable("currentBuild", currentBuild);
        binding.setVariable("scm", "scm");
        stub("echo", args -> null);
        stub("input", args -> null);
        stub("fileExists", args -> false); // a workspace without delivery.yaml; a test with one stubs it again
        binding.setVariable("error", new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                throw new IllegalStateException(String.valueOf(args[0]));
            }
        });
        // containerTemplate only builds a value for podTemplate's arguments, where the tests see it.
        binding.setVariable("containerTemplate", new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                return new LinkedHashMap<>((Map<?, ?>) args[0]);
            }
        });
        blockStep("podTemplate");
        blockStep("node");
        blockStep("stage");
        blockStep("container");
        blockStep("timeout");
        parallelStep();
        try (Stream<Path> vars = Files.list(Path.of("vars"))) {
            for (Path library : vars.filter(p -> p.toString().endsWith(".groovy")).toList()) {
                String variable = library.getFileName().toString().replaceFirst("\\.groovy$", "");
                binding.setVariable(variable, new GroovyShell(binding, PIPELINE_IMPORTS).parse(library.toFile()));
            }
        }
        script = (Script) binding.getVariable(name);
    }

    /** Answers every call of {@code step} with {@code answer(arguments)}. */
    PipelineTemplate stub(String step, Answer answer) {
        binding.setVariable(step, new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                Map<String, Object> arguments = record(step, args);
                groovy.release();
                try {
                    return answer.apply(arguments);
                } catch (Exception e) {
                    throw PipelineTemplate.<RuntimeException>sneaky(e);
                } finally {
                    groovy.acquireUninterruptibly();
                }
            }
        });
        return this;
    }

    /** Named arguments as a Jenkinsfile writes them, {@code name: value, ...}, in order and mutable (values may be null). */
    static Map<String, Object> named(Object... namesAndValues) {
        Map<String, Object> arguments = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            arguments.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return arguments;
    }

    /** An answer that throws {@code failure} at the {@code n}th call (from 0) and returns null at the others: an input rejected at that point. */
    static Answer failingAt(int n, Exception failure) {
        int[] calls = {0};
        return arguments -> {
            if (calls[0]++ == n) {
                throw failure;
            }
            return null;
        };
    }

    /** A closure the Jenkinsfile passes (a build or test body): each call is recorded as the step {@code name}. */
    /** A closure of the Jenkinsfile's that answers its one argument through {@code answer}, e.g. a router per service. */
    static Closure<Object> answering(java.util.function.Function<Object, Object> answer) {
        return new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                return answer.apply(args[0]);
            }
        };
    }

    Closure<Object> closure(String name) {
        return new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                record(name, args);
                return null;
            }
        };
    }

    /**
     * Replaces one method of a template with {@code body}, for the seam where a template reaches into
     * Jenkins' own objects (which these tests do not have).
     */
    PipelineTemplate replace(String template, String method, Closure<?> body) {
        Script script = (Script) binding.getVariable(template);
        groovy.lang.ExpandoMetaClass replaced = new groovy.lang.ExpandoMetaClass(script.getClass(), false, true);
        replaced.registerInstanceMethod(method, body);
        replaced.initialize();
        script.setMetaClass(replaced);
        return this;
    }

    /** Runs the template; what a step threw comes out as it was thrown (Groovy wraps checked exceptions on the way). */
    Object call(Map<String, Object> config) {
        groovy.acquireUninterruptibly();
        try {
            return script.invokeMethod("call", new Object[] {config});
        } catch (org.codehaus.groovy.runtime.InvokerInvocationException e) {
            throw PipelineTemplate.<RuntimeException>sneaky(e.getCause());
        } finally {
            groovy.release();
        }
    }

    /**
     * Runs a Jenkinsfile that calls the library's templates, as Pipeline would after
     * {@code @Library('kube-delivery') _} (the line is left out: it only loads the library, which is here).
     */
    Object runJenkinsfile(Path jenkinsfile) throws IOException {
        String text = Files.readString(jenkinsfile).replaceAll("(?m)^@Library\\(.*$", "");
        Binding jenkinsfileBinding = new Binding();
        for (Object name : binding.getVariables().keySet()) {
            if (binding.getVariable((String) name) instanceof Closure<?> step) {
                jenkinsfileBinding.setVariable((String) name, step); // a stubbed step or symbol, e.g. nginx(ingress: ...)
            } else if (binding.getVariable((String) name) instanceof Script template) {
                jenkinsfileBinding.setVariable((String) name, new Closure<Object>(null) {
                    @Override
                    public Object call(Object... args) {
                        return template.invokeMethod("call", args);
                    }
                });
            }
        }
        Script pipeline = new GroovyShell(jenkinsfileBinding, PIPELINE_IMPORTS).parse(text);
        groovy.acquireUninterruptibly();
        try {
            return pipeline.run();
        } catch (org.codehaus.groovy.runtime.InvokerInvocationException e) {
            throw PipelineTemplate.<RuntimeException>sneaky(e.getCause());
        } finally {
            groovy.release();
        }
    }

    /** The steps called, in order, with their arguments. */
    List<Map.Entry<String, Map<String, Object>>> calls() {
        return calls;
    }

    List<String> stepNames() {
        return calls.stream().map(Map.Entry::getKey).toList();
    }

    /**
     * The steps called, in order: {@code stage(Build)} for a step called with one plain value, the
     * step's name alone for one called with named arguments.
     */
    List<String> timeline() {
        return calls.stream().map(c -> c.getValue().keySet().equals(java.util.Set.of("value"))
                ? c.getKey() + "(" + c.getValue().get("value") + ")" : c.getKey()).toList();
    }

    /** The arguments of the {@code n}th call (from 0) of {@code step}. */
    Map<String, Object> arguments(String step, int n) {
        return calls.stream().filter(c -> c.getKey().equals(step)).skip(n).findFirst()
                .orElseThrow(() -> new AssertionError(step + " was called fewer than " + (n + 1) + " times: " + timeline()))
                .getValue();
    }

    /** The messages echoed, in order. */
    List<String> echoed() {
        return calls.stream().filter(c -> c.getKey().equals("echo")).map(c -> String.valueOf(c.getValue().get("value"))).toList();
    }

    Map<String, Object> currentBuild() {
        return currentBuild;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> record(String step, Object[] args) {
        Map<String, Object> arguments = args.length > 0 && args[0] instanceof Map<?, ?> m
                ? new LinkedHashMap<>((Map<String, Object>) m)
                : Map.of("value", String.valueOf(args.length > 0 && !(args[0] instanceof Closure) ? args[0] : ""));
        calls.add(Map.entry(step, arguments));
        return arguments;
    }

    /** A step with a body: recorded, then its body runs (for podTemplate with the pod's label set, as the plugin does). */
    private void blockStep(String step) {
        binding.setVariable(step, new Closure<Object>(null) {
            @Override
            public Object call(Object... args) {
                record(step, args);
                Closure<?> body = (Closure<?>) args[args.length - 1];
                if (!step.equals("podTemplate")) {
                    return body.call();
                }
                binding.setVariable("POD_LABEL", POD_LABEL);
                try {
                    return body.call();
                } finally {
                    binding.getVariables().remove("POD_LABEL");
                }
            }
        });
    }

    /**
     * {@code parallel} with its branch names recorded as {@code branches}: every branch on a thread of
     * its own, taking turns at the Groovy as Pipeline's branches do; the first branch (in the map's
     * order) that failed fails the step once all have ended.
     */
    private void parallelStep() {
        binding.setVariable("parallel", new Closure<Object>(null) {
            @Override
            @SuppressWarnings("unchecked")
            public Object call(Object... args) {
                Map<String, Object> branches = (Map<String, Object>) args[0];
                calls.add(Map.entry("parallel", Map.of("branches", List.copyOf(branches.keySet()))));
                List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
                List<Thread> threads = new ArrayList<>();
                for (Object branch : branches.values()) {
                    failures.add(null);
                    int index = failures.size() - 1;
                    threads.add(new Thread(() -> {
                        groovy.acquireUninterruptibly();
                        try {
                            ((Closure<?>) branch).call();
                        } catch (Throwable t) {
                            failures.set(index, t instanceof org.codehaus.groovy.runtime.InvokerInvocationException ? t.getCause() : t);
                        } finally {
                            groovy.release();
                        }
                    }));
                }
                groovy.release();
                try {
                    threads.forEach(Thread::start);
                    for (Thread thread : threads) {
                        thread.join();
                    }
                } catch (InterruptedException e) {
                    throw PipelineTemplate.<RuntimeException>sneaky(e);
                } finally {
                    groovy.acquireUninterruptibly();
                }
                Throwable first = failures.stream().filter(java.util.Objects::nonNull).findFirst().orElse(null);
                if (first != null) {
                    throw PipelineTemplate.<RuntimeException>sneaky(first);
                }
                return null;
            }
        });
    }

    @SuppressWarnings("unchecked")
    static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }
}
