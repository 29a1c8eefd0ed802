#!/usr/bin/env bash
# Wall time of a sweep with --jobs 1, --jobs 2 and a single-node Slurm array, one after another in one session
# (the machine is shared: compare within a run, as ratios), then the per-task overhead of a Slurm submission.
#
#   bench/cluster/run.sh [SPEC]        default examples/diversity-sweep.mesa; needs Slurm up for the Slurm rows
#                                      (scripts/start-slurm.sh)
set -euo pipefail
cd "$(dirname "$0")/../.."
spec="${1:-examples/diversity-sweep.mesa}"
dotnet build -c Release src/MesaSpec.Cli --nologo -v q >/dev/null
mesaspec="$PWD/src/MesaSpec.Cli/bin/Release/net10.0/mesaspec"
work=$(mktemp -d "${TMPDIR:-/tmp}/mesaspec-bench-cluster.XXXXXX")
trap 'rm -rf "$work"' EXIT
cp "$spec" "$work/spec.mesa"
cd "$work"

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }

# Waits until the run's array has left the queue.
wait_array() {
  while squeue --noheader --name="mesaspec-$1" | grep -q .; do sleep 0.2; done
}

slurm_up() { sinfo --noheader --format=%t 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; }

echo "spec: $spec; $(nproc) cores; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
# ABBA order (--jobs 1, 2, 2, 1): a load that drifts during the session weighs on both alike.
run_jobs() {
  local start; start=$(now)
  "$mesaspec" run spec.mesa --jobs "$1" --out "jobs$1-$2" --progress lines >/dev/null || true
  seconds "$start" "$(now)"
}
a1=$(run_jobs 1 a); b1=$(run_jobs 2 a); b2=$(run_jobs 2 b); a2=$(run_jobs 1 b)
jobs1=$(awk -v x="$a1" -v y="$a2" 'BEGIN { printf "%.1f", (x + y) / 2 }')
jobs2=$(awk -v x="$b1" -v y="$b2" 'BEGIN { printf "%.1f", (x + y) / 2 }')
echo "| run | wall time (mean of 2) | speed-up over --jobs 1 |"
echo "|---|---|---|"
echo "| --jobs 1 | $jobs1 s ($a1, $a2) | 1.00 |"
echo "| --jobs 2 | $jobs2 s ($b1, $b2) | $(awk -v a="$jobs1" -v b="$jobs2" 'BEGIN { printf "%.2f", a / b }') |"

if ! slurm_up; then
  echo "Slurm is not up: no Slurm rows (scripts/start-slurm.sh starts it)"
  exit 0
fi
t3=$(now)
"$mesaspec" run spec.mesa --on slurm --out "$work/array" --array-parallelism 2 --cpus-per-task 1 >/dev/null
t4=$(now)
wait_array array
"$mesaspec" collect array >/dev/null || true
t5=$(now)
slurm=$(seconds "$t3" "$t5")
echo "| Slurm array, 2 at a time | $slurm s (sbatch returned in $(seconds "$t3" "$t4") s) | $(awk -v a="$jobs1" -v b="$slurm" 'BEGIN { printf "%.2f", a / b }') |"

# Per-task overhead: 8 tasks of a reference policy (a fraction of a second of work each), in this process vs
# one at a time on Slurm: the difference per task is what a submission costs (queueing, a process, loading the spec).
cat > tiny.mesa <<'SPEC'
environment Maze(corner: int = 1) {
  grid 7 x 7
  walls maze
  item cheese spawn corner(top_right, corner)
}
objective EatCheese {
  reward +10 when agent reaches cheese
  end when agent reaches cheese
}
objective Corner {
  reward +10 when agent reaches corner(top_right)
  end when agent reaches corner(top_right)
}
experiment Tiny(corner: int = 1) {
  base objective EatCheese
  mesa objective Corner
  policy random
  seeds 4
  evaluate on Maze(corner: corner) episodes 10
  sweep corner in [1, 3]
}
SPEC
t6=$(now); "$mesaspec" run tiny.mesa --jobs 1 --out tiny-local --progress lines >/dev/null || true; t7=$(now)
"$mesaspec" run tiny.mesa --on slurm --out "$work/tiny-array" --array-parallelism 1 --cpus-per-task 1 >/dev/null
wait_array tiny-array; t8=$(now)
local_tiny=$(seconds "$t6" "$t7"); slurm_tiny=$(seconds "$t7" "$t8")
echo "8 tiny tasks: in process $local_tiny s, Slurm one at a time $slurm_tiny s:" \
  "$(awk -v a="$local_tiny" -v b="$slurm_tiny" 'BEGIN { printf "%.2f", (b - a) / 8 }') s overhead per task"
echo "load average at end $(cut -d' ' -f1-3 /proc/loadavg)"
