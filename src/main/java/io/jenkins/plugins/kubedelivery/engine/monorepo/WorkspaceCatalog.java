package io.jenkins.plugins.kubedelivery.engine.monorepo;

import io.jenkins.plugins.kubedelivery.engine.cli.WorkspaceFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link DeliveryCatalog} of the checkout in the build's workspace, read through the
 * {@link WorkspaceFiles} port (in Jenkins: on the agent, where the checkout is): the charts under
 * {@code helm/} by convention, then {@code delivery.yaml} at the workspace root where there is one.
 */
public final class WorkspaceCatalog {
    /** Where the conventional charts are: every {@code helm/<name>} holding a {@code Chart.yaml}. */
    static final String CHARTS = "helm";

    private WorkspaceCatalog() {}

    /**
     * The catalogue when the workspace has a {@code delivery.yaml}; empty without one, so that the
     * steps that merely read settings from it keep to the conventions exactly.
     */
    public static Optional<DeliveryCatalog> readIfPresent(WorkspaceFiles files) throws IOException, InterruptedException {
        return files.isFile(ServiceCatalogReader.FILE) ? Optional.of(read(files)) : Optional.empty();
    }

    /**
     * @throws CatalogException naming file, line and key when {@code delivery.yaml} cannot be used, or
     *     when it is a symbolic link out of the workspace
     */
    public static DeliveryCatalog read(WorkspaceFiles files) throws IOException, InterruptedException {
        String text = null;
        if (files.isFile(ServiceCatalogReader.FILE)) {
            if (files.realRelativePath(ServiceCatalogReader.FILE) == null) {
                throw new CatalogException(ServiceCatalogReader.FILE + ": a symbolic link out of the workspace; the catalogue"
                        + " must be a file of the checkout");
            }
            text = files.readText(ServiceCatalogReader.FILE);
        }
        List<String> conventional = new ArrayList<>();
        for (String name : files.childDirectories(CHARTS)) {
            if (files.isFile(CHARTS + "/" + name + "/Chart.yaml")) {
                conventional.add(name);
            }
        }
        Probe probe = new Probe(files);
        try {
            return ServiceCatalogReader.read(text, conventional, probe);
        } catch (ProbeFailed e) {
            return e.rethrow();
        }
    }

    /** The reader's questions about the repository, asked of the workspace. */
    private record Probe(WorkspaceFiles files) implements ServiceCatalogReader.RepositoryProbe {
        @Override
        public boolean isChart(String directory) {
            try {
                return files.isFile(directory + "/Chart.yaml");
            } catch (IOException | InterruptedException e) {
                throw new ProbeFailed(e);
            }
        }

        @Override
        public boolean isDirectory(String path) {
            try {
                return files.isDirectory(path);
            } catch (IOException | InterruptedException e) {
                throw new ProbeFailed(e);
            }
        }
    }

    /** Carries the workspace's checked exception through the reader, which takes a probe that throws none. */
    private static final class ProbeFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProbeFailed(Exception cause) {
            super(cause);
        }

        DeliveryCatalog rethrow() throws IOException, InterruptedException {
            if (getCause() instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw (IOException) getCause();
        }
    }
}
