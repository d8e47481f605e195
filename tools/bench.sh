#!/usr/bin/env bash
# Benchmark: one replication of one design, timed and measured from the outside, for the demo, a tenth
# of the region and the whole region (as episodes and as people). Prints wall time, peak memory (max RSS),
# logical events per second and copies (document-destination pairs) per second. Usage:
#   tools/bench.sh [BUILD_DIR] [--quick]      (--quick: demo and a tenth of the region only)
# Then, where perf works, the share of CPU samples inside SimGrid for the tenth of the region; and, where
# valgrind is installed, the instructions of one replication of region_people at a thirtieth of its
# population (callgrind: the same count for the same binary and inputs however busy the machine is, so two
# builds can be compared on a shared machine whose wall-clock times vary by a fifth between runs).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
quick=0
[ "${2:-}" = "--quick" ] || [ "${1:-}" = "--quick" ] && quick=1
[ "${1:-}" = "--quick" ] && build=build
bin="$build/recordflow"
[ -x "$bin" ] || { echo "bench: $bin not built (cmake --build $build)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# name | scenario | design | extra overrides
cases=(
  "demo|scenarios/demo.json||"
  "region/10|scenarios/region.json||--set /population=180000"
  "people/10|scenarios/region_people.json||--set /population/places/north/people=54000 --set /population/places/south/people=45000 --set /population/places/east/people=45000 --set /population/places/west/people=36000"
)
# The region-year replications the 60 s and 2 GiB bounds apply to: episodes (version 1) and people from a
# steady state (version 2, with its pre-history).
[ "$quick" -eq 1 ] || cases+=("region|scenarios/region.json||" "people|scenarios/region_people.json||")

printf '%-12s %-18s %10s %10s %14s %12s %12s\n' case design wall_s peak_MiB events_per_s copies copies_per_s
for c in "${cases[@]}"; do
  IFS='|' read -r name scenario design extra <<<"$c"
  [ -f "$scenario" ] || { printf '%-12s (missing %s)\n' "$name" "$scenario"; continue; }
  if [ -z "$design" ]; then
    # "…: OK, 3 design(s) (today, messaging, shared_record), …" -> the first design
    design="$("$bin" validate "$scenario" | sed -n 's/.*design(s) (\([^,)]*\).*/\1/p')"
  fi
  out="$work/${name//\//_}.json"
  # shellcheck disable=SC2086
  /usr/bin/time -f '%e %M' -o "$work/time" \
    "$bin" _replicate --scenario "$scenario" --design "$design" --replication 0 $extra --out "$out" >/dev/null
  read -r wall kib <"$work/time"
  /usr/bin/python3 - "$out" "$name" "$design" "$wall" "$kib" <<'PY'
import json, sys
path, name, design, wall, kib = sys.argv[1:]
r = json.load(open(path))
wall = float(wall); mib = int(kib) / 1024
events = r.get("simulated_events", 0)
copies = next((m["value"] for m in r["metrics"] if m["metric"] == "copies_created" and not m.get("dims")), 0)
print(f"{name:<12} {design:<18} {wall:10.2f} {mib:10.0f} {events / wall if wall else 0:14.0f} {copies:12.0f} {copies / wall if wall else 0:12.0f}")
PY
done

# Where the time goes: the share of CPU samples in SimGrid, in recordflow's own code and elsewhere, for
# the tenth of the region (needs perf from Debian's linux-perf; skipped without it).
if command -v perf >/dev/null 2>&1 && perf stat -e task-clock true >/dev/null 2>&1; then
  design="$("$bin" validate scenarios/region.json | sed -n 's/.*design(s) (\([^,)]*\).*/\1/p')"
  perf record -q -F 499 -o "$work/perf.data" -- "$bin" _replicate --scenario scenarios/region.json \
    --design "$design" --replication 0 --set /population=180000 --out "$work/profile.json" >/dev/null 2>&1 || true
  echo "CPU samples by library, region/10 ($design):"
  perf report -q -i "$work/perf.data" --sort dso --stdio 2>/dev/null | awk 'NF >= 2 && $1 ~ /%$/ {print "  " $1, $2}' | head -6
else
  echo "(perf not available: no breakdown of time inside SimGrid)"
fi

if command -v valgrind >/dev/null 2>&1; then
  thirtieth="--set /population/places/north/people=18000 --set /population/places/south/people=15000"
  thirtieth+=" --set /population/places/east/people=15000 --set /population/places/west/people=12000"
  # shellcheck disable=SC2086
  instructions="$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" "$bin" _replicate \
    --scenario scenarios/region_people.json --design mixed_economy --replication 0 $thirtieth \
    --out "$work/instructions.json" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p')"
  echo "instructions, people/30 (mixed_economy, callgrind): ${instructions:-unknown}"
else
  echo "(valgrind not available: no instruction count)"
fi
