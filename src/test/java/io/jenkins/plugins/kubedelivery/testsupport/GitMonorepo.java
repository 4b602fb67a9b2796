package io.jenkins.plugins.kubedelivery.testsupport;

import java.io.IOException;
import java.util.List;

/**
 * The monorepo the change-detection tests start from: services payments, search and web, each with
 * its code and a chart under {@code helm/}, a shared {@code libs/common/} that payments declares, and
 * a {@code delivery.yaml} in which search depends on payments; all in one first commit.
 */
public final class GitMonorepo {
    public static final List<String> SERVICES = List.of("payments", "search", "web");
    public static final String DELIVERY_YAML = """
            services:
              payments:
                paths: [libs/common/]
              search:
                dependsOn: [payments]
            """;

    private GitMonorepo() {}

    /** Writes the monorepo into {@code origin} and commits it; returns that first commit. */
    public static String init(GitRepository origin) throws IOException, InterruptedException {
        for (String service : SERVICES) {
            origin.write(service + "/src/Main.java", "class Main {}\n").write("helm/" + service + "/Chart.yaml", "name: " + service + "\n");
        }
        origin.write("libs/common/Money.java", "class Money {}\n").write("README.md", "monorepo\n").write("delivery.yaml", DELIVERY_YAML);
        return origin.commit("all services");
    }

}
