#!/usr/bin/env bash
# Installs the Prometheus server the canary analysis tests and the demo query: Debian's package
# `prometheus`. Tests and the demo start their own instance on loopback (a free port, a temporary
# data directory, a scrape interval of 1 s) and stop it; this script only makes the binary
# available and never leaves the packaged service running. Idempotent: returns at once when the
# binary is there.
#
#   scripts/install-prometheus.sh        (needs root for apt-get, as CI runs)
set -euo pipefail

binary=${KUBEDELIVERY_PROMETHEUS:-/usr/bin/prometheus}
if [ -x "$binary" ]; then
  echo "install-prometheus: $("$binary" --version 2>&1 | head -n 1)"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "install-prometheus: $binary is missing; run this script as root (it runs apt-get install prometheus)" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# No recommends: the node exporter and the web console assets are not needed by the tests.
apt-get install -y -qq --no-install-recommends prometheus >/dev/null
# The package may start its own service where an init system runs; tests use their own instance.
if command -v invoke-rc.d >/dev/null; then invoke-rc.d prometheus stop >/dev/null 2>&1 || true; fi
echo "install-prometheus: $("$binary" --version 2>&1 | head -n 1)"
