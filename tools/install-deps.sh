#!/usr/bin/env bash
# Installs the Debian 12 packages recordflow needs, only those missing. Run as root (or with sudo).
# `install-deps.sh demo` installs what building `recordflow` and running the demo need (compiler, CMake,
# Ninja, the libraries); `install-deps.sh full` adds the analysis scripts' Python modules, Graphviz, GoogleTest
# and GNU time; `install-deps.sh test` adds what only the test suite needs (a headless browser for the
# report test, clang with libFuzzer for the fuzzing run, a one-node Slurm for the scale-out test).
set -euo pipefail
mode="${1:-demo}"
packages=(
  build-essential cmake ninja-build pkg-config git
  libsimgrid-dev libboost-graph-dev libboost-math-dev libboost-random-dev
  nlohmann-json3-dev libcli11-dev libvalijson-dev libssl-dev
)
if [ "$mode" != demo ]; then
  packages+=(libgtest-dev python3 python3-matplotlib python3-pandas python3-scipy graphviz time)
fi
if [ "$mode" = test ]; then
  packages+=(chromium python3-pil clang libclang-rt-14-dev slurmctld slurmd slurm-client munge)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi
echo "install-deps: installing ${missing[*]}" >&2
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
