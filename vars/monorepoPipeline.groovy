// The root Jenkinsfile of a monorepo:  monorepoPipeline()
// On a pod agent: checkout, changedServices, then each changed service built, tested and delivered as
// microservicePipeline would deliver it (a pull request's one preview, stage, or an approved canary to
// production), `parallelism` services at a time and each after the changed services it depends on
// (delivery.yaml's dependsOn); at the end one table of what went where, with revisions and timings,
// whatever happened. The shared rules live in deliverService.groovy.
def call(Map config = [:]) {
    String caller = 'monorepoPipeline'
    deliverService.checkParameters(caller, config, parameterKinds())
    int parallelism = config.parallelism != null ? config.parallelism : DEFAULT_PARALLELISM
    String trigger = deliverService.triggerOf(config.mainBranch ?: 'main')
    return deliverService.onToolsPod(caller, config) {
        deliverChanged(caller, trigger, parallelism, config)
    }
}

@groovy.transform.Field static final int DEFAULT_PARALLELISM = 4

Map parameterKinds() {
    return [parallelism: 'count', base: 'text'] + deliverService.pipelineParameters()
}

Map deliverChanged(String caller, String trigger, int parallelism, Map config) {
    Map checkedOut = deliverService.checkoutAndTag(caller, trigger, config, 'monorepoPipeline(imageTag: "1.4.2")')
    deliverService.requireCanaryRouter(caller, trigger, config, "${caller}(canary: [router: { service -> nginx(ingress: service) }])")
    String imageTag = checkedOut.imageTag
    Map scmVars = checkedOut.scmVars
    Map changes = null
    stage('Changes') {
        changes = changedServices(config.base ? [base: config.base] : [:])
    }
    List services = changes.services ?: []
    Map dependsOn = changes.dependsOn ?: [:]
    echo "${caller}: ${services.size()} service(s) to deliver: ${services}; " +
            (changes.all ? "all of them, because ${changes.why}" : "compared with ${changes.baseCommit}, ${changes.why}")
    if (services.isEmpty()) {
        return [:]
    }

    Map cluster = deliverService.clusterOf(config)
    Map where = [:]
    if (trigger == deliverService.PULL_REQUEST) {
        stage('Preview') {
            container(deliverService.TOOLS_CONTAINER) {
                Map preview = deliverService.createPreview(cluster, config.preview, scmVars.GIT_COMMIT)
                where = [environment: 'preview', namespace: preview.namespace, url: preview.url]
            }
        }
    } else if (trigger == deliverService.MAIN_BRANCH) {
        where = [environment: config.stageEnvironment ?: 'stage']
    } else if (trigger == deliverService.TAG) {
        where = [environment: config.productionEnvironment ?: 'prod']
        stage('Approval') {
            deliverService.ask("Release ${services.join(', ')} ${imageTag} to ${where.environment} through canaries?", 'Release', config)
        }
    }

    Map rows = [:]
    services.each { rows[it] = [outcome: 'not started'] }
    List waves = inWaves(caller, services, dependsOn)
    if (waves.size() > 1) {
        echo "${caller}: delivery order by dependsOn: " + describeWaves(waves, dependsOn)
    }
    try {
        stage('Deliver') {
            for (List wave : waves) {
                List ready = withDependenciesDelivered(wave, dependsOn, rows)
                if (ready) {
                    eachBounded(ready, parallelism, rows) { String service ->
                        rows[service] = deliverOne(caller, trigger, service, imageTag, cluster, where, config)
                    }
                }
            }
        }
    } finally {
        echo summary(caller, trigger, imageTag, where, parallelism, rows)
    }
    List failed = rows.findAll { service, row -> row.outcome == 'failed' }.collect { service, row -> "${service} (${row.reason})" }
    List skipped = rows.findAll { service, row -> row.outcome == SKIPPED }.collect { service, row -> "${service} (${row.reason})" }
    if (failed) {
        error "${caller}: ${failed.size()} of ${services.size()} services failed: ${failed.join(', ')}" +
                (skipped ? "; ${skipped.size()} not delivered because of them: ${skipped.join(', ')}" : '')
    }
    return rows.collectEntries { service, row -> [(service): row.result] }
}

@groovy.transform.Field static final String SKIPPED = 'skipped'
// What a dependency's row says once it is done and its dependents may go ahead.
@groovy.transform.Field static final List DONE = ['deployed', 'promoted', 'built']

// The services in waves: the first holds those depending on no other changed service, each next one
// those whose changed dependencies are all in earlier waves; in changedServices' order within a wave.
// changedServices names, for each service, the changed services it depends on (delivery.yaml refuses a
// cycle, so every service finds its wave).
@NonCPS
List inWaves(String caller, List services, Map dependsOn) {
    Map waveOf = [:]
    List waves = []
    while (waveOf.size() < services.size()) {
        List wave = services.findAll { service ->
            !waveOf.containsKey(service) && (dependsOn[service] ?: []).every { waveOf.containsKey(it) || !(it in services) }
        }
        if (wave.isEmpty()) {
            throw new IllegalStateException("${caller}: the changed services' dependsOn go round in a circle among " +
                    "${services.findAll { !waveOf.containsKey(it) }}; fix dependsOn in delivery.yaml")
        }
        wave.each { waveOf[it] = waves.size() }
        waves << wave
    }
    return waves
}

@NonCPS
String describeWaves(List waves, Map dependsOn) {
    return (0..<waves.size()).collect { index ->
        "${index + 1}. " + waves[index].collect { service ->
            List after = dependsOn[service] ?: []
            after ? "${service} (after ${after.join(', ')})" : service
        }.join(', ')
    }.join('; ')
}

// The wave's services whose dependencies were all delivered; the others are marked skipped, saying which
// dependency was not delivered and what became of it. Services of other dependency chains go on.
@NonCPS
List withDependenciesDelivered(List wave, Map dependsOn, Map rows) {
    List ready = []
    for (String service : wave) {
        String blocking = (dependsOn[service] ?: []).find { rows[it] != null && !(rows[it].outcome in DONE) }
        if (blocking) {
            String what = rows[blocking].outcome == SKIPPED ? 'was not delivered either' : rows[blocking].outcome
            rows[service] = [outcome: SKIPPED, reason: "depends on ${blocking}, which ${what}"]
        } else {
            ready << service
        }
    }
    return ready
}

// Runs `body` for every item, at most `parallelism` at once: that many parallel branches, each taking the
// next item when it is done with one. A failure is recorded in its item's row and the others go on; an
// abort stops every branch from taking another item.
void eachBounded(List items, int parallelism, Map rows, Closure body) {
    List queue = new ArrayList(items)
    Map state = [stopping: false]
    Map branches = [:]
    for (int lane = 1; lane <= Math.min(parallelism, items.size()); lane++) {
        branches["lane ${lane}".toString()] = {
            while (!state.stopping && !queue.isEmpty()) {
                String item = queue.remove(0)
                rows[item] = [outcome: 'running']
                try {
                    body.call(item)
                } catch (InterruptedException aborted) {
                    rows[item] = [outcome: 'aborted', reason: aborted.message ?: 'the build was aborted']
                    state.stopping = true
                    throw aborted
                } catch (Throwable failure) {
                    rows[item] = [outcome: 'failed', reason: failure.message ?: failure.getClass().simpleName]
                }
            }
        }
    }
    parallel(branches)
}

// One service: its build and test closures, then its delivery where the trigger sends it.
Map deliverOne(String caller, String trigger, String service, String imageTag, Map cluster, Map where, Map config) {
    Map row = null
    stage(service) {
        Map build = [service: service, imageTag: imageTag, trigger: trigger]
        if (config.build) {
            config.build.call(build)
        }
        if (config.test) {
            config.test.call(build)
        }
        if (trigger == null) {
            row = [outcome: 'built']
            return
        }
        container(deliverService.TOOLS_CONTAINER) {
            Map target = cluster + [service: service, environment: where.environment]
            if (trigger == deliverService.TAG) {
                row = [outcome: 'promoted', result: deliverService.canaryRelease(caller, target, imageTag, config)]
            } else {
                row = [outcome: 'deployed', result: deployService(target + (where.namespace ? [namespace: where.namespace] : [:]) +
                        [imageTag: imageTag])]
            }
        }
    }
    return row
}

// One table: service, outcome, namespace, revision (and the one before), the step's time, and why a
// service failed when one did. Pure formatting, so outside CPS (@NonCPS): it calls no step.
@NonCPS
String summary(String caller, String trigger, String imageTag, Map where, int parallelism, Map rows) {
    Map counts = [:]
    rows.each { service, row -> counts[row.outcome] = (counts[row.outcome] ?: 0) + 1 }
    boolean notes = rows.any { service, row -> row.reason }
    List lines = [['service', 'outcome', 'where', 'revision', 'was', 'took'] + (notes ? ['why'] : [])]
    rows.each { service, row ->
        Map r = row.result ?: [:]
        lines << [service, row.outcome, r.namespace ?: (row.outcome in ['deployed', 'promoted'] ? where.environment : '-'),
                  text(r.revision), r.containsKey('previousRevision') ? (r.previousRevision == null ? 'new' : text(r.previousRevision)) : '-',
                  r.durationMillis != null ? String.format('%.1f s', r.durationMillis / 1000.0) : '-'] + (notes ? [row.reason ?: ''] : [])
    }
    List widths = (0..<lines[0].size()).collect { column -> lines.collect { it[column].toString().length() }.max() }
    String table = lines.collect { line ->
        (0..<line.size()).collect { column -> line[column].toString().padRight(widths[column]) }.join(' | ').trim()
    }.join('\n')
    String heading = "${caller}: ${trigger ?: 'no delivery on this branch'}" + (imageTag ? ", image ${imageTag}" : '') +
            (where.environment ? " to ${where.namespace ?: where.environment}" : '') + (where.url ? " (${where.url})" : '') +
            ", ${parallelism} at a time: " + counts.collect { outcome, n -> "${n} ${outcome}" }.join(', ')
    return heading + '\n' + table
}

@NonCPS
String text(Object value) {
    return value == null ? '-' : value.toString()
}
