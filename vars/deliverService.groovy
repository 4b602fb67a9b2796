// Delivers one service of the monorepo from its own Jenkinsfile, by what triggered the build:
//   a pull request -> its preview namespace (created or renewed), then the service deployed there;
//   the main branch -> stage;  a tag -> prod, with the tag as the image tag.
// Call it inside node { container('helm') { ... } } on a pod agent whose container has helm and kubectl.
//
// This file is also the one place the other templates (microservicePipeline, monorepoPipeline,
// previewCleanupPipeline) take their shared rules from: which trigger a build is, which image tag it
// deploys, the tools pod, the canary with its manual pauses, and how parameters are checked. They call
// them as deliverService.<method>(...), as a Pipeline calls any method of a global variable.
def call(Map config = [:]) {
    String caller = 'deliverService'
    checkParameters(caller, config, [service: 'text', scmVars: 'map', imageTag: 'text', mainBranch: 'text', preview: 'map'] +
            clusterParameters())
    String service = requireService(caller, config)
    String commit = commitOf(config)
    String trigger = triggerOf(config.mainBranch ?: 'main')
    // Known before the preview is made or anything deployed: nothing half-done.
    String imageTag = imageTagFor(caller, trigger, config.imageTag, commit,
            'pass scmVars, the map checkout returns (def scmVars = checkout scm; deliverService(service: "payments", scmVars: scmVars)), ' +
            'or imageTag. A scripted Pipeline\'s checkout does not set env.GIT_COMMIT.')
    Map cluster = clusterOf(config)

    if (trigger == PULL_REQUEST) {
        // The step records env.GIT_COMMIT by itself; the commit from scmVars it cannot see.
        Map preview = createPreview(cluster, config.preview, config.scmVars ? commit : null)
        def result = deployService(cluster + [service: service, environment: 'preview', namespace: preview.namespace, imageTag: imageTag])
        echo "deliverService: ${service} runs in ${preview.namespace} at revision ${result.revision}" +
                (preview.url ? ", ${preview.url}" : '')
        return result
    }
    if (trigger == TAG) {
        return deployService(cluster + [service: service, environment: 'prod', imageTag: imageTag])
    }
    if (trigger == MAIN_BRANCH) {
        return deployService(cluster + [service: service, environment: 'stage', imageTag: imageTag])
    }
    echo "deliverService: ${env.BRANCH_NAME} is not a pull request, ${config.mainBranch ?: 'main'} or a tag; nothing to deliver"
    return null
}

// ---- What triggered the build ----------------------------------------------------------------------

@groovy.transform.Field static final String PULL_REQUEST = 'pull request'
@groovy.transform.Field static final String TAG = 'tag'
@groovy.transform.Field static final String MAIN_BRANCH = 'main branch'

// A pull request (CHANGE_ID), a tag (TAG_NAME), the main branch, or null for any other branch.
String triggerOf(String mainBranch) {
    if (env.CHANGE_ID) {
        return PULL_REQUEST
    }
    if (env.TAG_NAME) {
        return TAG
    }
    return env.BRANCH_NAME == mainBranch ? MAIN_BRANCH : null
}

// ---- Which image tag a build deploys -----------------------------------------------------------------

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

// The image tag of this build: the tag's name on a tag build; on a pull request or the main branch the
// given imageTag, else the commit. Without one helm would keep the chart's default image while the build
// reports the service delivered, so no tag is an error (`howToFix` says what the caller's user can pass),
// never a silent default. Other branches deliver nothing and need none (null).
String imageTagFor(String caller, String trigger, String imageTag, String commit, String howToFix) {
    if (trigger == TAG) {
        return env.TAG_NAME
    }
    if (trigger == null) {
        return null
    }
    if (!(imageTag ?: commit)) {
        error "${caller}: no image tag for this build: ${howToFix}"
    }
    return imageTag ?: commit
}

// The Checkout stage of a whole-Jenkinsfile template: `checkout scm`, and the image tag from what it returned
// (a scripted Pipeline's checkout sets no env.GIT_COMMIT), so that no tag known fails before any build.
// `example` is a call of the caller's that passes imageTag.
Map checkoutAndTag(String caller, String trigger, Map config, String example) {
    Map scmVars = null
    stage('Checkout') {
        scmVars = checkout(scm)
    }
    String imageTag = imageTagFor(caller, trigger, config.imageTag, scmVars?.GIT_COMMIT,
            "checkout scm returned no GIT_COMMIT (is the SCM git?); pass imageTag, e.g. ${example}")
    return [scmVars: scmVars, imageTag: imageTag]
}

// ---- The steps, as every template calls them ----------------------------------------------------------

// The pull request's preview namespace; `commit` is recorded on it when the step cannot see it in env.
Map createPreview(Map cluster, Map preview, String commit) {
    return createPreviewNamespace(cluster + (commit ? [commit: commit] : [:]) + (preview ?: [:]))
}

// A tag build releases through canaryShift, which cannot start without its router: the template's canary.router,
// or the `router:` of delivery.yaml's canary section, which canaryShift reads for every service. Checked right after
// checkout (where delivery.yaml can be seen), so that without either nothing is built, asked or deployed for a release
// that would stop at production's door; a delivery.yaml the check finds is canaryShift's to read, and it refuses one
// that names no router before its first command. `example` is a call of the caller's that passes one.
void requireCanaryRouter(String caller, String trigger, Map config, String example) {
    if (trigger == TAG && !(config.canary instanceof Map && config.canary.router) && !fileExists(DELIVERY_YAML)) {
        error "${caller}: this tag build (${env.TAG_NAME}) releases through canaryShift, which needs a router to know how " +
                "traffic reaches the canary: give canary.router, e.g. ${example}, or router: in the canary section of a " +
                "${DELIVERY_YAML} at the repository root, e.g. canary: {router: {nginx: {ingress: '{service}'}}}"
    }
}

@groovy.transform.Field static final String DELIVERY_YAML = 'delivery.yaml'

// A release through canaryShift, with its manual pauses as `input`s. While canaryShift or canaryPromote
// runs, an abort or a failed analysis is the step's to handle (traffic back to stable, canary removed);
// while the pipeline waits at a pause no step runs, so a rejected or aborted `input` is answered here
// with canaryAbort before the build ends. `target` is the cluster parameters plus service and environment.
// `config` is the template's: its canary (canaryShift's parameters), approvers and inputTimeoutMinutes.
// canaryPromote (without full: the canary goes on to its next steps, with their pauses and analysis) and canaryAbort
// find the canary as canaryShift placed it: the same router, namespace and release.
Map canaryRelease(String caller, Map target, String imageTag, Map config) {
    Map canary = canaryOf(config, target.service)
    Map placed = target + canary.subMap(['router', 'namespace', 'release'])
    Map result = canaryShift(target + canary + [imageTag: imageTag])
    while (result?.paused) {
        String question = "${target.service}: the canary holds ${result.weight}% of ${target.environment}'s traffic" +
                (result.reason ? " (${result.reason})" : '') + '. Continue the release?'
        try {
            ask(question, 'Continue', config)
        } catch (Throwable stopped) {
            abortPausedCanary(caller, placed, result.weight, stopped)
            throw stopped
        }
        result = canaryPromote(placed)
    }
    if (result?.aborted) {
        error "${caller}: ${target.service}: the canary was aborted: ${result.reason}"
    }
    return result
}

// The template's canary parameters for one service: a router given as a closure is asked for the service's
// own (monorepoPipeline's services each have their Ingress or route: router: { service -> nginx(ingress: service) }).
Map canaryOf(Map config, String service) {
    Map canary = config.canary ?: [:]
    return canary.router instanceof Closure ? canary + [router: canary.router.call(service)] : canary
}

void abortPausedCanary(String caller, Map target, Object weight, Throwable stopped) {
    String why = stopped instanceof InterruptedException ? 'the pause was rejected or timed out, or the build aborted' : "the build failed: ${stopped.message}"
    echo "${caller}: ${target.service}: the canary paused at ${weight}% is aborted because ${why}: " +
            'its traffic returns to the stable release and the canary release is removed'
    try {
        canaryAbort(target)
    } catch (Throwable cleanup) {
        echo "${caller}: ${target.service}: canaryAbort failed (${cleanup.message}); the canary still takes traffic: run " +
                "canaryAbort(service: '${target.service}', environment: '${target.environment}', router: <canaryShift's router>) before the next release"
    }
}

@groovy.transform.Field static final int DEFAULT_INPUT_TIMEOUT_MINUTES = 24 * 60

// An `input` for the template's approvers (the `submitter`; none given: Jenkins' own default, anyone who may
// build), bounded by inputTimeoutMinutes: the question waits on the pod agent (the canary steps after it need
// the workspace's chart), so an unanswered one must not hold the pod for ever. Running out of time is an abort.
void ask(String message, String ok, Map config) {
    int minutes = config.inputTimeoutMinutes != null ? config.inputTimeoutMinutes : DEFAULT_INPUT_TIMEOUT_MINUTES
    timeout(time: minutes, unit: 'MINUTES') {
        input([message: message, ok: ok] + (config.approvers ? [submitter: config.approvers] : [:]))
    }
}

// ---- The pod the templates run on ---------------------------------------------------------------------

@groovy.transform.Field static final String TOOLS_CONTAINER = 'helm'
// helm and kubectl in one pinned image: canaryShift, and deployService's dry run, use both in one container.
@groovy.transform.Field static final String DEFAULT_TOOLS_IMAGE = 'alpine/k8s:1.31.9'
// The jnlp agent image (jenkins/inbound-agent) runs as uid 1000; the steps' 0600 files it writes to the
// shared workspace are readable in the tools container only under the same uid.
@groovy.transform.Field static final int DEFAULT_RUN_AS_USER = 1000
@groovy.transform.Field static final Map DEFAULT_TOOLS_RESOURCES = [requestCpu: '100m', requestMemory: '256Mi', limitMemory: '512Mi']
@groovy.transform.Field static final List RESOURCE_KEYS = ['requestCpu', 'requestMemory', 'limitCpu', 'limitMemory']

Map podParameters() {
    return [toolsImage: 'text', toolsResources: 'map', runAsUser: 'uid', containers: 'list']
}

// The podTemplate arguments: the tools container `helm` (toolsImage, toolsResources, runAsUser) and the
// caller's own `containers` (containerTemplate(...) for the build tools).
Map toolsPod(String caller, Map config) {
    Map resources = DEFAULT_TOOLS_RESOURCES + (config.toolsResources ?: [:])
    resources.each { key, value ->
        if (!(key in RESOURCE_KEYS) || !(value instanceof CharSequence)) {
            error "${caller}: toolsResources: '${key}: ${value}' is not a resource: give quantities as strings under " +
                    "${RESOURCE_KEYS}, e.g. toolsResources: [requestCpu: '200m', limitMemory: '1Gi']"
        }
    }
    Map tools = [name: TOOLS_CONTAINER, image: config.toolsImage ?: DEFAULT_TOOLS_IMAGE, command: 'sleep', args: 'infinity',
                 runAsUser: String.valueOf(config.runAsUser != null ? config.runAsUser : DEFAULT_RUN_AS_USER)]
    resources.each { key, value -> tools['resource' + key.capitalize()] = value }
    return [containers: [containerTemplate(tools)] + (config.containers ?: [])]
}

// Runs `body` on a node of the tools pod (the pod is checked before it is asked for) and returns what it returns.
def onToolsPod(String caller, Map config, Closure body) {
    Map pod = toolsPod(caller, config)
    def result = null
    podTemplate(pod) {
        node(POD_LABEL) {
            result = body.call()
        }
    }
    return result
}

// ---- Parameters --------------------------------------------------------------------------------------

// The parameters of microservicePipeline and monorepoPipeline alike: what is built and how it is delivered.
Map pipelineParameters() {
    return [imageTag: 'text', mainBranch: 'text', build: 'closure', test: 'closure', preview: 'map', stageEnvironment: 'text',
            productionEnvironment: 'text', canary: 'map', approvers: 'text', inputTimeoutMinutes: 'minutes'] + podParameters() +
            clusterParameters()
}

Map clusterParameters() {
    return [kubeconfigCredentialsId: 'text', kubeContext: 'text', server: 'text']
}

Map clusterOf(Map config) {
    return config.subMap(['kubeconfigCredentialsId', 'kubeContext', 'server'])
}

// The steps check the name again; checked here too so that a typo fails before a pod is started for it.
String requireService(String caller, Map config) {
    if (!config.service) {
        error "${caller}: service is required, e.g. ${caller}(service: \"payments\")"
    }
    if (!(config.service ==~ /[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?/)) {
        error "${caller}: service '${config.service}' is not a DNS label (lower-case letters, digits and '-', at most 63): " +
                'name the service as its directory and chart, e.g. service: "payments"'
    }
    return config.service
}

// Every parameter known and of its kind ('text', 'map', 'list', 'closure', 'flag', 'count', 'uid'),
// checked before anything runs; an unknown one names the closest known one.
void checkParameters(String caller, Map config, Map kinds) {
    config.each { name, value ->
        String kind = kinds[name]
        if (kind == null) {
            String near = closest(name as String, kinds.keySet() as List)
            error "${caller}: unknown parameter '${name}'" + (near ? " (did you mean '${near}'?)" : '') +
                    "; its parameters are ${kinds.keySet().sort()}"
        }
        if (value != null && !ofKind(value, kind)) {
            error "${caller}: ${name} must be ${KIND_DESCRIPTIONS[kind]}, not ${value.getClass().simpleName} '${value}'"
        }
    }
}

@groovy.transform.Field static final Map KIND_DESCRIPTIONS = [
        text: 'a string', map: "a map, e.g. [key: 'value']", list: 'a list, e.g. [a, b]', closure: 'a closure { ... }',
        flag: 'true or false', count: 'a whole number from 1 to 50', uid: 'a user id, a whole number from 0 (root) up',
        minutes: 'a whole number of minutes from 1 to 43200 (30 days)']

@NonCPS
boolean ofKind(Object value, String kind) {
    switch (kind) {
        case 'text': return value instanceof CharSequence
        case 'map': return value instanceof Map
        case 'list': return value instanceof List
        case 'closure': return value instanceof Closure
        case 'flag': return value instanceof Boolean
        case 'count': return value instanceof Integer && value >= 1 && value <= 50
        case 'uid': return (value instanceof Integer || value instanceof Long) && value >= 0
        case 'minutes': return value instanceof Integer && value >= 1 && value <= 43200
        default: return true
    }
}

// The known name nearest to a misspelt one (at most two edits), or null.
@NonCPS
String closest(String name, List known) {
    String best = null
    int bestDistance = 3
    for (String candidate : known) {
        int distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
        if (distance < bestDistance) {
            best = candidate
            bestDistance = distance
        }
    }
    return best
}

@NonCPS
int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1]
    for (int j = 0; j <= b.length(); j++) {
        previous[j] = j
    }
    for (int i = 1; i <= a.length(); i++) {
        int[] current = new int[b.length() + 1]
        current[0] = i
        for (int j = 1; j <= b.length(); j++) {
            int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1)
            current[j] = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), substitution)
        }
        previous = current
    }
    return previous[b.length()]
}
