package io.jenkins.plugins.kubedelivery.examples;

import io.jenkins.plugins.kubedelivery.engine.monorepo.DeliveryCatalog;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceCatalogReader;
import io.jenkins.plugins.kubedelivery.engine.monorepo.ServiceDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The sample repository in {@code examples/monorepo}, read as the plugin reads a workspace: the
 * charts under {@code helm/} by convention, then {@code delivery.yaml} with the real
 * {@link ServiceCatalogReader}, asking the file system what is a chart and what is a directory.
 */
final class ExampleMonorepo {
    static final Path ROOT = Path.of("examples", "monorepo").toAbsolutePath();
    /** The environment of a pull request's namespace: not in delivery.yaml, which has a preview section instead. */
    static final String PREVIEW = "preview";

    private ExampleMonorepo() {}

    static DeliveryCatalog catalog() {
        return ServiceCatalogReader.read(read(ServiceCatalogReader.FILE), conventionalCharts(), new ServiceCatalogReader.RepositoryProbe() {
            @Override
            public boolean isChart(String directory) {
                return Files.isRegularFile(ROOT.resolve(directory).resolve("Chart.yaml"));
            }

            @Override
            public boolean isDirectory(String path) {
                return Files.isDirectory(ROOT.resolve(path));
            }
        });
    }

    /** The names of the charts under {@code helm/}, sorted, as the steps find them without delivery.yaml. */
    static List<String> conventionalCharts() {
        try (Stream<Path> charts = Files.list(ROOT.resolve("helm"))) {
            return charts.filter(dir -> Files.isRegularFile(dir.resolve("Chart.yaml"))).map(dir -> dir.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every environment a service is delivered to, preview first, with the values suffix each reads. */
    static List<String> valuesSuffixes(DeliveryCatalog catalog) {
        List<String> suffixes = new ArrayList<>();
        suffixes.add(catalog.environment(PREVIEW).valuesSuffix());
        catalog.environments().values().forEach(environment -> suffixes.add(environment.valuesSuffix()));
        return suffixes;
    }

    static Path chart(ServiceDefinition service) {
        return ROOT.resolve(service.chart());
    }

    static String read(String relativePath) {
        try {
            return Files.readString(ROOT.resolve(relativePath));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
