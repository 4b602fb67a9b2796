#!/usr/bin/env bash
# Builds the plugin (target/kube-delivery.hpi), then shows its main job with no Jenkins and no
# cluster: a preview per pull request, stage on merge, prod releases with an automatic rollback,
# driven by the engine the steps use, with the real helm and kubectl against the simulated cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh >/dev/null
mvn -B -q -ntp -DskipTests package
echo "Built target/kube-delivery.hpi"
mvn -B -q -ntp test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test -Dexec.mainClass=io.jenkins.plugins.kubedelivery.demo.DeliveryDemo \
  -Dkubedelivery.tools="$PWD/.tools" -Dexec.cleanupDaemonThreads=false
