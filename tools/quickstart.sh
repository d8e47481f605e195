#!/usr/bin/env bash
# The README's quick start. `tools/quickstart.sh demo` installs what the demo needs, builds only the
# `recordflow` binary (Release without debug information, tests not configured) and runs the default demo
# scenario; `tools/quickstart.sh test` does the same
# set-up and runs the whole test suite: a warnings-as-errors build with ctest, then an AddressSanitizer+UBSan
# build with ctest, then a minute of fuzzing the scenario loader (tools/fuzz.sh) and a sharded run on a
# one-node Slurm (tools/slurm-test.sh). A compiler cache (ccache) is used when installed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-demo}"
jobs="$(nproc)"
bash tools/install-deps.sh "$mode"

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

configure_and_build() {  # dir, target ("all" for everything), extra cmake args...
  local dir="$1" target="$2"; shift 2
  cmake -S . -B "$dir" -G Ninja -DRECORDFLOW_WERROR=ON "${launcher[@]}" "$@" >/dev/null
  cmake --build "$dir" -j "$jobs" --target "$target"
}

case "$mode" in
  demo)
    # -O2 as in RelWithDebInfo (same code, same results) but no debug information; -O3 (CMake's Release
    # default) meets a false -Wrestrict warning of GCC 12 in std::string, an error under RECORDFLOW_WERROR.
    configure_and_build build recordflow -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O2 -DNDEBUG" \
      -DRECORDFLOW_TESTS=OFF
    ./build/recordflow run scenarios/demo.json --out out/demo
    ;;
  test)
    configure_and_build build all -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRECORDFLOW_TESTS=ON
    ctest --test-dir build --output-on-failure -j "$jobs"
    configure_and_build build-asan all -DCMAKE_BUILD_TYPE=Debug -DRECORDFLOW_SANITIZE=ON
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --test-dir build-asan --output-on-failure -j "$jobs" -L sanitize
    bash tools/fuzz.sh 60  # the scenario loader under libFuzzer for a minute (skipped without clang)
    bash tools/slurm-test.sh build  # a sharded run as a Slurm array job on a one-node cluster
    ;;
  *)
    echo "usage: tools/quickstart.sh demo|test" >&2
    exit 2
    ;;
esac
