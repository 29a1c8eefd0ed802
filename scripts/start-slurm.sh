#!/usr/bin/env bash
# Starts a single-node Slurm on this machine (controller and compute node, all its CPUs) for mesaspec's
# `run --on slurm` and its tests: installs Debian's slurm-wlm and munge when missing, writes slurm.conf when
# there is none, and starts munged, slurmctld and slurmd where they are not already running. Needs root.
#
#   scripts/start-slurm.sh            start; prints the PIDs it started to $MESASPEC_SLURM_PIDS (default
#                                     /tmp/mesaspec-slurm.pids), one per line
#   scripts/start-slurm.sh --stop     stops exactly the daemons listed there (never ones it did not start)
set -euo pipefail
pids_file="${MESASPEC_SLURM_PIDS:-/tmp/mesaspec-slurm.pids}"

if [[ "${1:-}" == "--stop" ]]; then
  [[ -f "$pids_file" ]] || exit 0
  while read -r pid; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done < "$pids_file"
  rm -f "$pids_file"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "start-slurm: needs root (sudo $0) to install and start the Slurm daemons" >&2
  exit 2
fi

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  apt-get install -y -qq slurm-wlm munge >/dev/null
fi

host=$(hostname -s)
cpus=$(nproc)
mem=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 - 1024 ))
mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/munge
if [[ ! -s /etc/slurm/slurm.conf ]]; then
  cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$host
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
ReturnToService=2
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SlurmUser=root
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
fi
[[ -s /etc/munge/munge.key ]] || dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
chown -R munge:munge /etc/munge /run/munge
chmod 400 /etc/munge/munge.key

started=()
if ! pgrep -x munged >/dev/null; then
  su -s /bin/sh munge -c /usr/sbin/munged
  started+=("$(pgrep -x -n munged)")
fi
if ! pgrep -x slurmctld >/dev/null; then
  slurmctld
  sleep 1
  started+=("$(pgrep -x -n slurmctld)")
fi
if ! pgrep -x slurmd >/dev/null; then
  slurmd
  started+=("$(pgrep -x -n slurmd)")
fi
for pid in "${started[@]}"; do echo "$pid"; done >> "$pids_file"

# Up when the node accepts work; a node left down or drained by an earlier stop is resumed.
for _ in $(seq 1 30); do
  state=$(sinfo --noheader --nodes="$host" --format=%t 2>/dev/null || true)
  case "$state" in
    idle*|mix*|alloc*) echo "start-slurm: Slurm is up (node $host: $state; started ${#started[@]} daemons)"; exit 0 ;;
    down*|drain*) scontrol update nodename="$host" state=resume 2>/dev/null || true ;;
  esac
  sleep 1
done
echo "start-slurm: Slurm did not come up; see /var/log/slurm and 'sinfo'" >&2
exit 1
