// Delivers one service of the monorepo from its own Jenkinsfile, by what triggered the build:
//   a pull request -> its preview namespace (created or renewed), then the service deployed there;
//   the main branch -> stage;  a tag -> prod, with the tag as the image tag.
// Call it inside node { container('helm') { ... } } on a pod agent whose container has helm and kubectl.
def call(Map config = [:]) {
    String service = config.service
    if (!service) {
        error 'deliverService: service is required, e.g. deliverService(service: "payments")'
    }
    String commit = commitOf(config)
    Map cluster = config.subMap(['kubeconfigCredentialsId', 'kubeContext', 'server'])
    String mainBranch = config.mainBranch ?: 'main'

    if (env.CHANGE_ID) {
        String imageTag = imageTagOf(config, commit) // known before the preview is made: nothing half-done
        // The step records env.GIT_COMMIT by itself; the commit from scmVars it cannot see.
        def preview = createPreviewNamespace(cluster + (config.scmVars ? [commit: commit] : [:]) + (config.preview ?: [:]))
        def result = deployService(cluster + [service: service, environment: 'preview', namespace: preview.namespace, imageTag: imageTag])
        echo "deliverService: ${service} runs in ${preview.namespace} at revision ${result.revision}" +
                (preview.url ? ", ${preview.url}" : '')
        return result
    }
    if (env.TAG_NAME) {
        return deployService(cluster + [service: service, environment: 'prod', imageTag: env.TAG_NAME])
    }
    if (env.BRANCH_NAME == mainBranch) {
        return deployService(cluster + [service: service, environment: 'stage', imageTag: imageTagOf(config, commit)])
    }
    echo "deliverService: ${env.BRANCH_NAME} is not a pull request, ${mainBranch} or a tag; nothing to deliver"
    return null
}

// The commit built: from scmVars, the map `checkout scm` returns, else env.GIT_COMMIT. A scripted
// Pipeline's checkout sets no env.GIT_COMMIT (only declarative pipelines do), so scmVars is how a
// scripted Jenkinsfile names it.
String commitOf(Map config) {
    if (config.scmVars != null && !(config.scmVars instanceof Map && config.scmVars.GIT_COMMIT)) {
        error 'deliverService: scmVars has no GIT_COMMIT: pass the map a git checkout returns, ' +
                'e.g. def scmVars = checkout scm; deliverService(service: "payments", scmVars: scmVars)'
    }
    return config.scmVars ? config.scmVars.GIT_COMMIT : env.GIT_COMMIT
}

// The image tag a pull request or main build deploys. Without one, helm would keep the chart's default
// image while the build reports the service delivered, so no tag is an error, never a silent default.
String imageTagOf(Map config, String commit) {
    String imageTag = config.imageTag ?: commit
    if (!imageTag) {
        error 'deliverService: no image tag for this build: pass scmVars, the map checkout returns ' +
                '(def scmVars = checkout scm; deliverService(service: "payments", scmVars: scmVars)), or imageTag. ' +
                'A scripted Pipeline\'s checkout does not set env.GIT_COMMIT.'
    }
    return imageTag
}
