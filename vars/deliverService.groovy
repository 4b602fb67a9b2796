// Delivers one service of the monorepo from its own Jenkinsfile, by what triggered the build:
//   a pull request -> its preview namespace (created or renewed), then the service deployed there;
//   the main branch -> stage;  a tag -> prod, with the tag as the image tag.
// Call it inside node { container('helm') { ... } } on a pod agent whose container has helm and kubectl.
def call(Map config = [:]) {
    String service = config.service
    if (!service) {
        error 'deliverService: service is required, e.g. deliverService(service: "payments")'
    }
    Map cluster = config.subMap(['kubeconfigCredentialsId', 'kubeContext', 'server'])
    String mainBranch = config.mainBranch ?: 'main'
    String imageTag = config.imageTag ?: env.GIT_COMMIT

    if (env.CHANGE_ID) {
        def preview = createPreviewNamespace(cluster + (config.preview ?: [:]))
        def result = deployService(cluster + [service: service, environment: 'preview', namespace: preview.namespace, imageTag: imageTag])
        echo "deliverService: ${service} runs in ${preview.namespace} at revision ${result.revision}" +
                (preview.url ? ", ${preview.url}" : '')
        return result
    }
    if (env.TAG_NAME) {
        return deployService(cluster + [service: service, environment: 'prod', imageTag: env.TAG_NAME])
    }
    if (env.BRANCH_NAME == mainBranch) {
        return deployService(cluster + [service: service, environment: 'stage', imageTag: imageTag])
    }
    echo "deliverService: ${env.BRANCH_NAME} is not a pull request, ${mainBranch} or a tag; nothing to deliver"
    return null
}
