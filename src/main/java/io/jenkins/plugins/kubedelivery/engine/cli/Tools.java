package io.jenkins.plugins.kubedelivery.engine.cli;

/**
 * The tools port: the {@link CommandRunner} that runs a command where the build's files are (the
 * agent, or inside {@code container()} that container) and the executables it runs. A new tool is
 * one more component here and one more client in this package; nothing that builds ports changes
 * unless it must name the tool's path.
 *
 * @param helm the helm executable as the runner finds it
 * @param kubectl the kubectl executable, likewise
 * @param git the git executable, likewise
 */
public record Tools(CommandRunner runner, String helm, String kubectl, String git) {
    public Tools {
        if (runner == null) {
            throw new IllegalArgumentException("the tools port needs a command runner");
        }
    }

    /**
     * The tools as a container (or agent) finds them on its {@code PATH}: the plugin bundles none, so
     * a pipeline picks the versions by picking the image.
     */
    public static Tools onPath(CommandRunner runner) {
        return new Tools(runner, "helm", "kubectl", "git");
    }

    public Tools withRunner(CommandRunner other) {
        return new Tools(other, helm, kubectl, git);
    }

    public Tools withHelm(String executable) {
        return new Tools(runner, executable, kubectl, git);
    }

    public Tools withKubectl(String executable) {
        return new Tools(runner, helm, executable, git);
    }

    public Tools withGit(String executable) {
        return new Tools(runner, helm, kubectl, executable);
    }
}
