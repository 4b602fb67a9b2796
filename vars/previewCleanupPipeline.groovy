// The nightly job that removes preview namespaces whose pull request closed or whose time ran out:
//   previewCleanupPipeline(multibranchJob: 'shop')            // open PRs from the multibranch project's own PR-<n> jobs
//   previewCleanupPipeline(openPullRequests: [41, 42], repository: 'shop')
//   previewCleanupPipeline()                                   // by expiry alone
// It runs reapPreviewNamespaces in the tools container of the pod every template uses (deliverService.groovy).
def call(Map config = [:]) {
    String caller = 'previewCleanupPipeline'
    deliverService.checkParameters(caller, config, [multibranchJob: 'text', openPullRequests: 'list', repository: 'text',
            dryRun: 'flag', parallelism: 'count', failOnError: 'flag'] + deliverService.podParameters() + deliverService.clusterParameters())
    if (config.multibranchJob && config.openPullRequests != null) {
        error "${caller}: give multibranchJob or openPullRequests, not both: multibranchJob reads the open pull requests from Jenkins"
    }
    String repository = config.repository ?: (config.multibranchJob ? lastSegment(config.multibranchJob) : null)
    List open = config.openPullRequests
    if (config.multibranchJob) {
        Map found = pullRequestJobsOf(config.multibranchJob)
        if (found.problem) {
            error "${caller}: multibranchJob: ${found.problem}"
        }
        open = found.open
        echo "${caller}: ${config.multibranchJob} has ${open.size()} open pull request(s): ${open}"
    }
    if (open != null && !repository) {
        error "${caller}: repository is required with openPullRequests: the previews' repository label, as createPreviewNamespace " +
                "set it, e.g. previewCleanupPipeline(openPullRequests: [41, 42], repository: 'shop')"
    }
    Map reap = deliverService.clusterOf(config) + config.subMap(['dryRun', 'parallelism', 'failOnError']) +
            (repository ? [repository: repository] : [:]) + (open != null ? [openPullRequests: open] : [:])
    Map result = null
    deliverService.onToolsPod(caller, config) {
        stage('Reap previews') {
            container(deliverService.TOOLS_CONTAINER) {
                result = reapPreviewNamespaces(reap)
            }
        }
    }
    echo "${caller}: ${result.dryRun ? 'would delete' : 'deleted'} ${result.deleted.size()} (${result.deleted.join(', ') ?: 'none'}), " +
            "kept ${result.kept.size()}" + (result.failed ? ", failed ${result.failed.size()}: ${result.failed}" : '')
    return result
}

String lastSegment(String fullName) {
    return fullName.tokenize('/').last()
}

// The open pull requests of a multibranch project: its child jobs named PR-<n> that are still buildable. A
// closed pull request's job that the orphaned-item strategy keeps is a dead branch, which is not buildable.
// Reads Jenkins' own objects, so it holds none across a step (@NonCPS) and returns plain data. In a sandboxed
// (untrusted) library this needs script approval of Jenkins.get, getItemByFullName, getItems, getName and
// isBuildable; a Global Trusted Pipeline Library needs none.
@NonCPS
Map pullRequestJobsOf(String fullName) {
    def project = itemByFullName(fullName)
    if (project == null) {
        return [problem: "no job '${fullName}' that this build may read: give the multibranch project's full name, " +
                "folders included, e.g. 'team/shop'"]
    }
    if (!project.respondsTo('getItems')) {
        return [problem: "'${fullName}' is not a multibranch project (it has no branch jobs): give the multibranch project, " +
                'or pass openPullRequests']
    }
    List open = []
    for (def job : project.items) {
        String name = job.name
        if (name ==~ /PR-\d+/ && job.buildable) {
            open << name
        }
    }
    return [open: open]
}

// The item Jenkins knows by this full name, or null: the one place a template reaches into Jenkins itself.
@NonCPS
def itemByFullName(String fullName) {
    return jenkins.model.Jenkins.get().getItemByFullName(fullName)
}
