#!/usr/bin/env bash
# Scale-out tested for real: starts a single-node Slurm cluster on this machine (munge, slurmctld,
# slurmd from Debian's packages, run as root in the foreground, no systemd, no cgroups), submits a
# sharded run of the demo as an array job (tools/slurm-array.sbatch), merges the shards and checks that
# the merged results equal a one-process run byte for byte (wall-time fields aside), and the tidy files
# exactly. Stops the daemons it started. Usage: tools/slurm-test.sh BUILD_DIR (needs BUILD_DIR/recordflow).
# Exits 0 with a message when Slurm is not installed (tools/install-deps.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
for tool in slurmctld slurmd munged sbatch; do
  command -v "$tool" >/dev/null || { echo "slurm-test: $tool not found; skipped" >&2; exit 0; }
done
work="$(mktemp -d /tmp/recordflow-slurm.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

host="$(hostname -s)"
cpus="$(nproc)"
mkdir -p "$work"/{etc,spool/ctld,spool/d,log,munge,run}
# munge: a fresh key, its own socket and directories.
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 0400 "$work/munge/munge.key"
chmod 0700 "$work/munge"
munged --foreground --force --key-file="$work/munge/munge.key" --socket="$work/run/munge.socket" \
  --pid-file="$work/run/munged.pid" --log-file="$work/log/munged.log" --seed-file="$work/munge/seed" \
  >"$work/log/munged.out" 2>&1 &
pids+=($!)
export SLURM_CONF="$work/etc/slurm.conf"
cat >"$SLURM_CONF" <<CONF
ClusterName=recordflow
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/run/munge.socket
StateSaveLocation=$work/spool/ctld
SlurmdSpoolDir=$work/spool/d
SlurmctldPidFile=$work/run/slurmctld.pid
SlurmdPidFile=$work/run/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
SlurmctldPort=16817
SlurmdPort=16818
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
NodeName=$host CPUs=$cpus State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
sleep 1
slurmctld -D -i -f "$SLURM_CONF" >"$work/log/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D -f "$SLURM_CONF" >"$work/log/slurmd.out" 2>&1 &
pids+=($!)
for _ in $(seq 60); do
  sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed)' && break
  sleep 1
done
sinfo -h -o '%T' | grep -qE '^(idle|mixed)' || { echo "slurm-test: the node did not come up" >&2;
  tail -n 20 "$work/log/slurmctld.log" "$work/log/slurmd.log" >&2; exit 1; }

out="$work/out"
args=(-n 4 --set '/experiment/horizon=10 d' --set '/experiment/warm_up=2 d')
mkdir -p "$out/shards"
job="$(RECORDFLOW_SHARDS_DIR="$out/shards" RECORDFLOW_BINARY="$build/recordflow" \
  sbatch --parsable --array=1-3 --chdir="$PWD" --export=ALL --output="$out/shards/slurm-%A_%a.log" \
  tools/slurm-array.sbatch scenarios/demo.json "${args[@]}")"
echo "slurm-test: submitted array job $job" >&2
for _ in $(seq 600); do
  [ -z "$(squeue -h -j "$job" 2>/dev/null)" ] && break
  sleep 1
done
for i in 1 2 3; do
  [ -f "$out/shards/shard-$i/results.json" ] || { echo "slurm-test: shard $i wrote no results" >&2;
    cat "$out/shards"/slurm-*_"$i".log >&2 || true; exit 1; }
done
"$build/recordflow" merge "$out"/shards/shard-{1,2,3} --out "$out/merged" >/dev/null
"$build/recordflow" run scenarios/demo.json --quiet --jobs 2 --out "$out/whole" "${args[@]}"
/usr/bin/python3 - "$out/merged/results.json" "$out/whole/results.json" <<'PY'
import json, sys
def strip(path):
    d = json.load(open(path))
    for k in ("started_at", "wall_seconds", "host", "jobs", "command_line"):
        d["manifest"].pop(k, None)
    for r in d["replications"]:
        r.pop("wall_seconds", None)
    return json.dumps(d, sort_keys=True)
merged, whole = strip(sys.argv[1]), strip(sys.argv[2])
if merged != whole:
    sys.exit("slurm-test: merged results differ from the one-process run")
PY
cmp "$out/merged/tidy.csv" "$out/whole/tidy.csv"
cmp "$out/merged/tidy.jsonl" "$out/whole/tidy.jsonl"
echo "slurm-test: 3 array tasks merged equal the one-process run" >&2
