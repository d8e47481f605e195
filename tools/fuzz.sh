#!/usr/bin/env bash
# Fuzzes the scenario loader and --set overrides with libFuzzer (clang, ASan + UBSan) for SECONDS
# (default 60). Seeds: scenarios/, models/ and the invalid corpus (tests/scenario/invalid/). Findings
# (crash-*, leak-*, timeout-*, oom-* files) are written to build-fuzz/findings/ and make the script fail.
# An input may take a minute (the region scenario, instrumented, on a busy machine) before it counts.
#   tools/fuzz.sh 60      # the short run of `tools/quickstart.sh test`
#   tools/fuzz.sh 3600    # an hour
# Without clang++ and its libFuzzer runtime (Debian: clang, libclang-rt-14-dev) it says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
build="${FUZZ_BUILD_DIR:-build-fuzz}"
if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ not found; skipped (install clang and libclang-rt-14-dev)" >&2
  exit 0
fi
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
cmake -S . -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRECORDFLOW_FUZZ=ON -DRECORDFLOW_TESTS=OFF "${launcher[@]}" >/dev/null
cmake --build "$build" --target scenario_fuzzer -j "$(nproc)"
corpus="$build/corpus"
findings="$build/findings"
mkdir -p "$corpus" "$findings"
# Seeds: each scenario and model file as is; each invalid case as is.
find scenarios models tests/scenario/invalid -name '*.json' -print0 | while IFS= read -r -d '' f; do
  cp "$f" "$corpus/seed-$(echo "$f" | tr '/' '_')"
done
# A few seeds with --set overrides after a NUL byte.
printf '%s\0%s\n%s\n' "$(cat scenarios/demo.json)" '/population=2147483648' '/experiment/horizon=1e12 y' \
  >"$corpus/seed-demo-overrides"
printf '%s\0%s\n' "$(cat scenarios/demo.json)" $'/population=\xff' >"$corpus/seed-demo-bad-utf8"
status=0
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  "$build/tests/fuzz/scenario_fuzzer" -max_total_time="$seconds" -timeout=60 -report_slow_units=60 -rss_limit_mb=2048 \
  -max_len=262144 -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" >"$build/fuzz.log" 2>&1 ||
  status=$?
tail -n 25 "$build/fuzz.log"
if [ "$status" -ne 0 ] || compgen -G "$findings/crash-*" >/dev/null || compgen -G "$findings/leak-*" >/dev/null ||
  compgen -G "$findings/timeout-*" >/dev/null || compgen -G "$findings/oom-*" >/dev/null; then
  echo "fuzz: findings in $findings:" >&2
  ls -l "$findings" >&2
  exit 1
fi
echo "fuzz: no findings in ${seconds} s" >&2
