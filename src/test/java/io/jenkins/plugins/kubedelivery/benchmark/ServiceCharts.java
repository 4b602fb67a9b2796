package io.jenkins.plugins.kubedelivery.benchmark;

import io.jenkins.plugins.kubedelivery.testsupport.EngineFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Copies of one fixture chart as services svc-01..svc-NN, for a monorepo of many services. */
final class ServiceCharts {
    private ServiceCharts() {}

    static List<String> names(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> String.format("svc-%02d", i)).toList();
    }

    static void addCopies(Path workspace, String source, int count) throws IOException {
        for (String name : names(count)) {
            Path chart = workspace.resolve("helm").resolve(name);
            EngineFixture.copy(workspace.resolve("helm").resolve(source), chart);
            Path chartYaml = chart.resolve("Chart.yaml");
            Files.writeString(chartYaml, Files.readString(chartYaml).replace("name: " + source, "name: " + name));
        }
    }
}
