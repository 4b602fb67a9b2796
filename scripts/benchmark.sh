#!/usr/bin/env bash
# Prints the figures of docs/ARCHITECTURE.md, "Performance targets" (per-call overhead, deploy and
# rollback cost, a whole deployService and rollbackService step beside bare helm, reaping 1,000 previews,
# a 10-service preview deploy, canaryShift's abort and 4-step overhead beside bare kubectl and helm),
# measured with the real helm and kubectl against the simulated cluster, then change detection on a
# generated 1,000-service, 200,000-file monorepo beside a bare git diff. Numbers, not pass/fail.
# Arguments pick parts: deploy, overhead, reap, preview, canary, changes (e.g. bash scripts/benchmark.sh
# overhead); none runs all. KUBEDELIVERY_REPETITIONS sets the runs per figure of the overhead and
# canary parts (default 7).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh >/dev/null
mvn -B -q -ntp test-compile
delivery_parts=()
changes=false
for part in "$@"; do
  if [ "$part" = changes ]; then changes=true; else delivery_parts+=("$part"); fi
done
if [ $# -eq 0 ] || [ ${#delivery_parts[@]} -gt 0 ]; then
  mvn -B -q -ntp org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.classpathScope=test -Dexec.mainClass=io.jenkins.plugins.kubedelivery.benchmark.DeliveryBenchmark \
    -Dkubedelivery.tools="$PWD/.tools" -Dkubedelivery.repetitions="${KUBEDELIVERY_REPETITIONS:-7}" \
    -Dexec.cleanupDaemonThreads=false -Dexec.args="${delivery_parts[*]:-}"
fi
if [ $# -eq 0 ] || [ "$changes" = true ]; then
  mvn -B -q -ntp org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
    -Dexec.classpathScope=test -Dexec.mainClass=io.jenkins.plugins.kubedelivery.benchmark.ChangeDetectionBenchmark \
    -Dexec.cleanupDaemonThreads=false
fi
