#!/usr/bin/env bash
# Builds the plugin (target/kube-delivery.hpi), then shows its main job with no Jenkins and no
# cluster: a preview per pull request, stage on merge, prod releases with an automatic rollback, and
# prod releases through a canary checked by a real Prometheus (one promoted, one aborted on its error
# rate), driven by the engine the steps use, with the real helm and kubectl against the simulated
# cluster. Prometheus (Debian's package, installed by scripts/install-prometheus.sh, which needs root
# the first time) runs on loopback only while the demo runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh >/dev/null
bash scripts/install-prometheus.sh >/dev/null
mvn -B -q -ntp -DskipTests package
echo "Built target/kube-delivery.hpi"
# The demo runs in the background so that Ctrl-C or a kill of this script reaches it as a TERM
# (a background job would ignore the terminal's INT): the demo's JVM then stops the Prometheus it
# started, as it does at its end or on a failure, and this script waits for that before it exits.
mvn -B -q -ntp test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test -Dexec.mainClass=io.jenkins.plugins.kubedelivery.demo.DeliveryDemo \
  -Dkubedelivery.tools="$PWD/.tools" -Dkubedelivery.prometheus="${KUBEDELIVERY_PROMETHEUS:-/usr/bin/prometheus}" \
  -Dexec.cleanupDaemonThreads=false &
demo=$!
stop_demo() {
  kill -TERM "$demo" 2>/dev/null || true
  wait "$demo" || true
  exit "$1"
}
trap 'stop_demo 130' INT
trap 'stop_demo 143' TERM
wait "$demo"
