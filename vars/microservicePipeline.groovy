// A service's whole Jenkinsfile:  microservicePipeline(service: 'payments')
// On a pod agent with the pinned tools container: checkout, build and test (the caller's closures), then
//   a pull request -> its preview namespace and the service deployed there, the URL on the build page;
//   the main branch -> stage;
//   a tag -> after an `input` approval, canaryShift to production, each manual pause an `input`; what the
//   canary parameters leave out (router, steps, analysis, namespace...) canaryShift takes from delivery.yaml.
// The rules it shares with deliverService and monorepoPipeline live in deliverService.groovy.
def call(Map config = [:]) {
    String caller = 'microservicePipeline'
    deliverService.checkParameters(caller, config, parameterKinds())
    String service = deliverService.requireService(caller, config)
    String trigger = deliverService.triggerOf(config.mainBranch ?: 'main')
    return deliverService.onToolsPod(caller, config) {
        deliver(caller, service, trigger, config)
    }
}

Map parameterKinds() {
    return [service: 'text', htmlDescription: 'flag'] + deliverService.pipelineParameters()
}

Map deliver(String caller, String service, String trigger, Map config) {
    Map checkedOut = deliverService.checkoutAndTag(caller, trigger, config, 'microservicePipeline(service: "payments", imageTag: "1.4.2")')
    deliverService.requireCanaryRouter(caller, trigger, config,
            "${caller}(service: '${service}', canary: [router: nginx(ingress: '${service}')])")
    String imageTag = checkedOut.imageTag
    Map scmVars = checkedOut.scmVars
    Map build = [service: service, imageTag: imageTag, trigger: trigger, scmVars: scmVars]
    stage('Build') {
        runOrSay(caller, config.build, build, 'build')
    }
    stage('Test') {
        runOrSay(caller, config.test, build, 'test')
    }
    Map cluster = deliverService.clusterOf(config)
    if (trigger == deliverService.PULL_REQUEST) {
        return toPreview(caller, cluster, service, imageTag, scmVars, config)
    }
    if (trigger == deliverService.MAIN_BRANCH) {
        Map result = null
        stage('Stage') {
            container(deliverService.TOOLS_CONTAINER) {
                result = deployService(cluster + [service: service, environment: config.stageEnvironment ?: 'stage', imageTag: imageTag])
            }
        }
        return result
    }
    if (trigger == deliverService.TAG) {
        return toProduction(caller, cluster, service, imageTag, config)
    }
    echo "${caller}: ${env.BRANCH_NAME} is not a pull request, ${config.mainBranch ?: 'main'} or a tag; built and tested, nothing to deliver"
    return null
}

void runOrSay(String caller, Closure body, Map build, String what) {
    if (body) {
        body.call(build)
    } else {
        echo "${caller}: no ${what} closure given; pass ${what}: { b -> ... } to ${what} ${build.service} (b.service, b.imageTag)"
    }
}

Map toPreview(String caller, Map cluster, String service, String imageTag, Map scmVars, Map config) {
    Map preview = null
    Map result = null
    stage('Preview') {
        container(deliverService.TOOLS_CONTAINER) {
            preview = deliverService.createPreview(cluster, config.preview, scmVars?.GIT_COMMIT)
            result = deployService(cluster + [service: service, environment: 'preview', namespace: preview.namespace, imageTag: imageTag])
        }
    }
    if (preview.url) {
        // Plain text reads right under Jenkins' default markup formatter; with Safe HTML the link is clickable there too.
        currentBuild.description = config.htmlDescription ? "Preview: <a href=\"${preview.url}\">${preview.url}</a>" : "Preview: ${preview.url}"
        // Jenkins turns a URL in the console log into a link.
        echo "${caller}: ${service} preview: ${preview.url} (namespace ${preview.namespace}, revision ${result.revision})"
    } else {
        currentBuild.description = "Preview namespace: ${preview.namespace}"
        echo "${caller}: ${service} runs in ${preview.namespace} at revision ${result.revision}; " +
                'give preview: [hostPattern: ...] for a URL'
    }
    return result
}

// A rejected or aborted approval changes nothing; after it, deliverService.canaryRelease owns the canary's abort.
Map toProduction(String caller, Map cluster, String service, String imageTag, Map config) {
    String environment = config.productionEnvironment ?: 'prod'
    stage('Approval') {
        deliverService.ask("Release ${service} ${imageTag} to ${environment} through a canary?", 'Release', config)
    }
    Map result = null
    stage('Production') {
        container(deliverService.TOOLS_CONTAINER) {
            result = deliverService.canaryRelease(caller, cluster + [service: service, environment: environment], imageTag, config)
        }
    }
    currentBuild.description = "${service} ${imageTag} in ${environment}"
    return result
}
