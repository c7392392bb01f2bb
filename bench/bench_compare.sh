#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/bench_compare.sh: time and memory of `renacer compare` on two traces
# of N (default 1,000,000) system calls; the budget is 2 s and 64 MiB.
# By default the traces are synthetic (bench/gen_trace.py: a getppid loop,
# the second with an extra write every 10,000 calls), which takes seconds;
# --real traces bench/work_getppid with renacer instead (minutes).
# Reports, and fails only with --strict when a budget is exceeded.
set -u
export LC_ALL=C

usage() {
	cat <<'EOF2'
Usage: bench/bench_compare.sh [--n N] [--real] [--format json|jsonl] [--runs R] [--strict] [--keep]

  --n N        system calls per trace (default 1000000)
  --real       trace bench/work_getppid N with renacer (--format F -o) instead of
               generating the traces
  --format F   jsonl (default) or json; the second trace is always the other
               format, so both readers are measured
  --runs R     compare runs; the median time and the largest RSS are reported (default 3)
  --strict     exit 1 when the median exceeds 2 s or the RSS 64 MiB
  --keep       keep the temporary directory
Environment: RENACER (default build/renacer).
EOF2
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RENACER=${RENACER:-$ROOT/build/renacer}
N=1000000 REAL=0 FORMAT=jsonl RUNS=3 STRICT=0 KEEP=0
while [ $# -gt 0 ]; do
	case $1 in
	--n) N=${2:?}; shift ;;
	--real) REAL=1 ;;
	--format) FORMAT=${2:?}; shift ;;
	--runs) RUNS=${2:?}; shift ;;
	--strict) STRICT=1 ;;
	--keep) KEEP=1 ;;
	-h|--help) usage; exit 0 ;;
	*) usage >&2; exit 2 ;;
	esac
	shift
done
case $FORMAT in json) OTHER=jsonl ;; jsonl) OTHER=json ;; *) usage >&2; exit 2 ;; esac
[ -x "$RENACER" ] || { echo "bench_compare: $RENACER not built (make all)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "bench_compare: needs python3" >&2; exit 2; }

TMP=$(mktemp -d /tmp/rn-bench-compare.XXXXXX)
[ "$KEEP" = 1 ] && echo "bench_compare: keeping $TMP" >&2 || trap 'rm -rf "$TMP"' EXIT
GOLDEN=$TMP/golden.$FORMAT CURRENT=$TMP/current.$OTHER

if [ "$REAL" = 1 ]; then
	gcc -O2 -o "$TMP/work_getppid" "$BENCH_DIR/work_getppid.c" || exit 2
	echo "bench_compare: tracing $N getppid calls twice (this takes a while)" >&2
	"$RENACER" --format "$FORMAT" -o "$GOLDEN" -- "$TMP/work_getppid" "$N" || exit 2
	"$RENACER" --format "$OTHER" -o "$CURRENT" -- "$TMP/work_getppid" "$N" || exit 2
else
	echo "bench_compare: generating two traces of $N calls" >&2
	python3 "$BENCH_DIR/gen_trace.py" "$GOLDEN" --calls "$N" --pid 4242 --seed 1 \
		--format "$FORMAT" || exit 2
	python3 "$BENCH_DIR/gen_trace.py" "$CURRENT" --calls "$N" --pid 5151 --seed 2 \
		--insert-every 10000 --format "$OTHER" || exit 2
fi

# Wall time and peak RSS of each run: GNU time when there is one (python's
# own RUSAGE_CHILDREN would count the forked python before exec, ~14 MiB).
python3 - "$RENACER" "$GOLDEN" "$CURRENT" "$RUNS" "$STRICT" "$TMP/time" <<'PY'
import os, resource, shutil, statistics, subprocess, sys, time
renacer, golden, current, runs, strict, tfile = sys.argv[1:7]
gnu_time = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None
times, rss, code = [], 0, None
for _ in range(int(runs)):
    cmd = [renacer, "compare", golden, current]
    if gnu_time:
        cmd = [gnu_time, "-f", "%e %M", "-o", tfile] + cmd
    t0 = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.monotonic() - t0
    code = p.returncode
    if gnu_time:
        line = open(tfile).read().split("\n")
        line = [l for l in line if l and l[0].isdigit()][-1].split()
        elapsed, peak = float(line[0]), int(line[1])
        code = p.returncode
    else:
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    times.append(elapsed)
    rss = max(rss, peak)
    if code not in (0, 1):
        sys.stderr.write(p.stderr.decode(errors="replace"))
        sys.exit(2)
size = (os.path.getsize(golden) + os.path.getsize(current)) / 2**20
med = statistics.median(times)
print("renacer compare: %s + %s (%.0f MiB of JSON in all)" % (os.path.basename(golden),
                                                              os.path.basename(current), size))
print("  median %.2f s over %s runs (min %.2f, max %.2f), peak RSS %.1f MiB (%s), exit %d"
      % (med, runs, min(times), max(times), rss / 1024,
         "GNU time" if gnu_time else "getrusage", code))
ok = med <= 2.0 and rss <= 64 * 1024
print("  budget 2 s and 64 MiB: %s" % ("met" if ok else "EXCEEDED"))
sys.exit(1 if strict == "1" and not ok else 0)
PY
