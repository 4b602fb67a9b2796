package io.jenkins.plugins.kubedelivery.buildtools;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/annotations/org.jenkinsci.Symbol}, the text index through which
 * Jenkins (structs' SymbolLookup) finds {@code @Symbol} classes, where annotation-indexer 1.14 and later
 * write it (the older {@code META-INF/annotations/} path is only still read). Jenkins' own processor for
 * it (annotation-indexer) is not on Maven Central, so the build brings this one: one binary class name
 * per line, sorted, UTF-8. Build-time only; never packaged.
 */
@SupportedAnnotationTypes("org.jenkinsci.Symbol")
public final class SymbolIndexProcessor extends AbstractProcessor {
    static final String INDEX = "META-INF/services/annotations/org.jenkinsci.Symbol";

    private final Set<String> classNames = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            for (Element element : round.getElementsAnnotatedWith(annotation)) {
                if (element instanceof TypeElement type) {
                    classNames.add(processingEnv.getElementUtils().getBinaryName(type).toString());
                }
            }
        }
        if (round.processingOver() && !classNames.isEmpty()) {
            writeIndex();
        }
        return false;
    }

    private void writeIndex() {
        try (Writer out = processingEnv.getFiler()
                .createResource(StandardLocation.CLASS_OUTPUT, "", INDEX)
                .openWriter()) {
            for (String name : classNames) {
                out.write(name);
                out.write('\n');
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e);
        }
    }
}
