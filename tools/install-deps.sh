#!/usr/bin/env bash
# Installs the Debian 12 packages recordflow needs, only those missing. Run as root (or with sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config git
  libsimgrid-dev libboost-graph-dev libboost-math-dev libboost-random-dev
  nlohmann-json3-dev libcli11-dev libvalijson-dev libgtest-dev libssl-dev
  python3 python3-matplotlib python3-pandas graphviz time
  clang libclang-rt-14-dev
  slurmctld slurmd slurm-client munge
)
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
