#!/usr/bin/env bash
# Prints the figures of DESIGN.md section 5 (per-call overhead, deploy and rollback cost, reaping
# 1,000 previews, a 10-service preview deploy), measured with the real helm and kubectl against
# the simulated cluster. Numbers, not pass/fail. Arguments pick parts: deploy, reap, preview
# (e.g. bash scripts/benchmark.sh reap); none runs all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-tools.sh >/dev/null
mvn -B -q -ntp test-compile org.codehaus.mojo:exec-maven-plugin:3.5.0:java \
  -Dexec.classpathScope=test -Dexec.mainClass=io.jenkins.plugins.kubedelivery.benchmark.DeliveryBenchmark \
  -Dkubedelivery.tools="$PWD/.tools" -Dexec.cleanupDaemonThreads=false -Dexec.args="$*"
