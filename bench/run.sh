#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# bench/run.sh: measure renacer's overhead against untraced runs and strace.
# `make bench` (full, < 20 min on 2 cores) or `make bench-quick` (< 60 s).
# Progress goes to stderr; the Markdown report goes to stdout and to --md,
# the CSV to --csv.  It reports, it never fails: exit status is always 0.
# What every figure means: bench/README.md.
set -u
export LC_ALL=C

usage() {
	cat <<'EOF'
Usage: bench/run.sh [--quick] [OPTIONS]

  --quick        4 workloads (getppid rw threads openat), small N, 3 runs: < 60 s
  --reps R       runs per configuration (default 5; 3 with --quick)
  --n N|auto     syscalls per micro-workload run (default 30000, 2000 with
                 --quick); auto: calibrate so that `strace -f -o F` of the
                 getppid loop takes ~1.5 s (~0.25 s quick), at most 100000
  --n-long N     syscalls per run in the long-run section (default: calibrated
                 so that the untraced getppid loop takes ~0.25 s, ~0.05 s quick)
  --only LIST    comma-separated workloads, e.g. --only getppid,tar
  --csv FILE     CSV output (default bench/results/latest.csv)
  --md FILE      Markdown output (default bench/results/latest.md)
  --timeout S    kill a single run after S seconds (default 300; 60 quick)
  --keep         keep the temporary directory (traces, raw data)
  -h, --help     this text
Environment: RENACER (default build/renacer), STRACE (default: strace in PATH).
EOF
}

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
RENACER=${RENACER:-$ROOT/build/renacer}
STRACE=${STRACE:-$(command -v strace 2>/dev/null || true)}

QUICK=0 REPS="" N_OPT="" NLONG_OPT="" ONLY="" KEEP=0 TMO=""
CSV_OUT=$BENCH_DIR/results/latest.csv
MD_OUT=$BENCH_DIR/results/latest.md
ARGS_GIVEN="$*"
while [ $# -gt 0 ]; do
	case $1 in
	--quick) QUICK=1 ;;
	--reps) REPS=${2:-}; shift ;;
	--n) N_OPT=${2:-}; shift ;;
	--n-long) NLONG_OPT=${2:-}; shift ;;
	--only) ONLY=${2:-}; shift ;;
	--csv) CSV_OUT=${2:-}; shift ;;
	--md) MD_OUT=${2:-}; shift ;;
	--timeout) TMO=${2:-}; shift ;;
	--keep) KEEP=1 ;;
	-h | --help) usage; exit 0 ;;
	*) echo "bench: unknown option '$1' (ignored; see --help)" >&2 ;;
	esac
	shift
done

if [ "$QUICK" = 1 ]; then
	: "${REPS:=3}" "${TMO:=60}"
	T_FULL=0.25 T_LONG=0.05 LONG_CAP=1.0 RSS_REPS=1 N_DEFAULT=2000
else
	: "${REPS:=5}" "${TMO:=300}"
	T_FULL=1.5 T_LONG=0.25 LONG_CAP=4.0 RSS_REPS=2 N_DEFAULT=30000
fi
case $REPS in '' | *[!0-9]* | 0) REPS=5 ;; esac
case $TMO in '' | *[!0-9]* | 0) TMO=300 ;; esac

START_US=${EPOCHREALTIME/./}
log() { printf '[bench %4ds] %s\n' $(((${EPOCHREALTIME/./} - START_US) / 1000000)) "$*" >&2; }
have() { command -v "$1" >/dev/null 2>&1; }
CLK_TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)

# ---------------------------------------------------------------- temp dir
WORK=$(mktemp -d "${TMPDIR:-/tmp}/renacer-bench.XXXXXX") || { echo "bench: mktemp failed" >&2; exit 0; }
cleanup() { if [ "$KEEP" = 1 ]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
trap 'log "interrupted"; exit 0' INT TERM
mkdir -p "$WORK/bin" "$WORK/run"
RAW=$WORK/raw.tsv CONFS=$WORK/configs.tsv WLS=$WORK/workloads.tsv META=$WORK/meta.tsv
printf 'phase\tworkload\tconfig\trep\tn\twall_s\tcpu_s\tothers_cpu\trc\tloop_s\tloop_calls\trss_kb\ttrace_bytes\ttrace_lines\ttrace_resumed\n' >"$RAW"
: >"$CONFS" ; : >"$WLS" ; : >"$META"
meta() { printf '%s\t%s\n' "$1" "$2" >>"$META"; }

# ---------------------------------------------------------------- machine line
cpu=$( (lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1) || true)
[ -n "$cpu" ] || cpu=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -1)
hyp=$(lscpu 2>/dev/null | sed -n 's/^Hypervisor vendor:[[:space:]]*//p' | head -1)
ncpu=$(nproc 2>/dev/null || echo '?')
mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo 2>/dev/null)
load0=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
meta date "$(date -u '+%Y-%m-%d %H:%M UTC')"
meta cpu "${cpu:-unknown}${hyp:+ (VM: $hyp)}"
meta nproc "$ncpu"
meta mem "${mem:-?}"
meta kernel "$(uname -r)"
meta os "$( (. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") || uname -s)"
meta load_start "$load0"
meta command "bench/run.sh${ARGS_GIVEN:+ $ARGS_GIVEN}"
meta mode "$([ "$QUICK" = 1 ] && echo quick || echo full)"
meta reps "$REPS"
meta renacer_commit "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$( [ -n "$(git -C "$ROOT" status --porcelain -- src include 2>/dev/null | head -1)" ] && echo ' + uncommitted changes in src/ or include/')"
log "machine: $cpu, $ncpu CPUs, kernel $(uname -r), load $load0"

# ---------------------------------------------------------------- tools
NOTES=()
PY=""
for p in python3 python; do
	if have $p; then PY=$(command -v $p); break; fi
done
[ -n "$PY" ] || NOTES+=("python3 missing: no tables, raw data only (apt-get install python3)")
HAVE_GCC=0; have gcc && HAVE_GCC=1
[ "$HAVE_GCC" = 1 ] || NOTES+=("gcc missing: C workloads and the RSS probe are n/a (apt-get install gcc)")
HAVE_RENACER=0; [ -x "$RENACER" ] && HAVE_RENACER=1
[ "$HAVE_RENACER" = 1 ] || NOTES+=("$RENACER not found: renacer configurations are n/a (run make all)")
HAVE_STRACE=0; [ -n "$STRACE" ] && [ -x "$STRACE" ] && HAVE_STRACE=1
[ "$HAVE_STRACE" = 1 ] || NOTES+=("strace missing: strace comparisons are n/a (apt-get install strace)")
HAVE_TIMEOUT=0; have timeout && HAVE_TIMEOUT=1
[ "$HAVE_TIMEOUT" = 1 ] || NOTES+=("timeout(1) missing: runs are not time-limited (apt-get install coreutils)")
meta renacer "$([ "$HAVE_RENACER" = 1 ] && "$RENACER" --version 2>&1 | head -1 || echo "renacer missing")"
meta strace "$([ "$HAVE_STRACE" = 1 ] && "$STRACE" -V 2>&1 | head -1 || echo "strace missing")"
meta gcc "$(have gcc && gcc --version 2>/dev/null | head -1 || echo "gcc missing")"
# Benchmark a private copy: build/renacer may be relinked (by make, by someone
# else) while the suite runs, and a run must not see a half-written binary or
# a different build from the one before it.
if [ "$HAVE_RENACER" = 1 ] && cp "$RENACER" "$WORK/renacer" 2>/dev/null; then
	meta renacer_binary "$RENACER, $(date -u -r "$RENACER" '+built %Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$WORK/renacer" 2>/dev/null | cut -c1-12)"
	RENACER=$WORK/renacer
fi
RENACER_REAL=$(readlink -f "$RENACER" 2>/dev/null || echo "$RENACER")
STRACE_REAL=$(readlink -f "$STRACE" 2>/dev/null || echo "$STRACE")

# ---------------------------------------------------------------- build workloads
BIN=$WORK/bin
PROBE=""
if [ "$HAVE_GCC" = 1 ]; then
	for w in getppid rw openat threads fork; do
		gcc -O2 -D_GNU_SOURCE -o "$BIN/work_$w" "$BENCH_DIR/work_$w.c" -pthread 2>"$WORK/cc.err" ||
			{ NOTES+=("work_$w.c failed to build: $(head -1 "$WORK/cc.err")"); }
	done
	gcc -O2 -g -fno-omit-frame-pointer -D_GNU_SOURCE -o "$BIN/work_stack" "$BENCH_DIR/work_stack.c" 2>"$WORK/cc.err" ||
		NOTES+=("work_stack.c failed to build: $(head -1 "$WORK/cc.err")")
	if gcc -O2 -fPIC -shared -o "$BIN/rss_probe.so" "$BENCH_DIR/rss_probe.c" 2>"$WORK/cc.err"; then
		PROBE=$BIN/rss_probe.so
	else
		NOTES+=("rss_probe.c failed to build: peak RSS is n/a")
	fi
	log "built workloads in $BIN"
fi

# ---------------------------------------------------------------- configurations
# id | tool | arguments (@TRACE@ = trace file) | compared with | scope
#   scope: all = every workload; gen = every workload but stack; stack = stack only.
# To follow a CLI change, edit the arguments here and nothing else.
CONFIG_DEFS=(
	"base|none||-|all"
	"r_full|renacer|-f -o @TRACE@|s_full|all"
	"s_full|strace|-f -o @TRACE@|-|all"
	"r_c|renacer|-f -c|s_c|gen"
	"s_c|strace|-f -c -o /dev/null|-|gen"
	"r_filt|renacer|-f -e trace=openat -o @TRACE@|s_filt,s_filt_bpf|gen"
	"s_filt|strace|-f -e trace=openat -o @TRACE@|-|gen"
	"s_filt_bpf|strace|-f --seccomp-bpf -e trace=openat -o @TRACE@|-|gen"
	"r_json|renacer|-f --format json -o @TRACE@|r_full|gen"
	"r_stack|renacer|-f -s -o @TRACE@|s_stack,r_full|stack"
	"s_stack|strace|-f -k -o @TRACE@|-|stack"
	"r_flame|renacer|-f --flamegraph -o @TRACE@|r_full|stack"
	"r_ebpf|renacer|--backend=ebpf -f -o @TRACE@|s_full,r_full|all"
	"r_ebpf_c|renacer|--backend=ebpf -f -c|s_c,r_c|gen"
	"r_ebpf_filt|renacer|--backend=ebpf -f -e trace=openat -o @TRACE@|s_filt_bpf,r_filt|gen"
)
declare -A C_TOOL C_ARGS C_STATUS C_SCOPE
CONFIG_IDS=()
for def in "${CONFIG_DEFS[@]}"; do
	IFS='|' read -r id tool args cmp scope <<<"$def"
	CONFIG_IDS+=("$id")
	C_TOOL[$id]=$tool C_ARGS[$id]=$args C_SCOPE[$id]=$scope
	status=ok
	case $tool in
	none) ;;
	renacer) [ "$HAVE_RENACER" = 1 ] || status="n/a (renacer not built)" ;;
	strace) [ "$HAVE_STRACE" = 1 ] || status="n/a (strace not installed)" ;;
	esac
	if [ "$status" = ok ] && [ "$tool" != none ]; then
		# Probe once on `true`: renacer exits 2 on an unknown option.
		bin=$RENACER; [ "$tool" = strace ] && bin=$STRACE
		read -r -a argv <<<"${args//@TRACE@/$WORK/probe.trace}"
		if [ "$HAVE_TIMEOUT" = 1 ]; then
			timeout -k 2 20 "$bin" "${argv[@]}" true </dev/null >/dev/null 2>"$WORK/probe.err"
		else
			"$bin" "${argv[@]}" true </dev/null >/dev/null 2>"$WORK/probe.err"
		fi
		prc=$?
		if [ $prc -ne 0 ]; then
			if [ "$tool" = renacer ] && [ $prc -eq 2 ]; then
				status="n/a (not implemented)"
			else
				status="n/a ($tool exit $prc: $(head -1 "$WORK/probe.err" | tr '\t|' '  ' | cut -c1-60))"
			fi
		fi
	fi
	C_STATUS[$id]=$status
	disp=$tool
	[ "$tool" = none ] && disp="(untraced)"
	[ -n "$args" ] && disp="$disp ${args//@TRACE@/F}"
	printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$tool" "$disp" "$cmp" "$scope" "$status" >>"$CONFS"
	[ "$status" = ok ] || log "config $id: $status"
done

# ---------------------------------------------------------------- calibration
nice_round() { # nearest 1/1.5/2/3/5/7 x 10^k (log scale), clamped to [lo, hi]
	awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN {
		if (x < lo) x = lo; if (x > hi) x = hi
		e = int(log(x) / log(10)); best = 0; bd = 1e99
		for (k = e - 1; k <= e + 1; k++) { split("1 1.5 2 3 5 7", m, " ")
			for (i = 1; i <= 6; i++) { v = m[i] * 10 ^ k; d = log(v / x); if (d < 0) d = -d
				if (d < bd) { bd = d; best = v } } }
		printf "%d\n", best }'
}
loop_per_call() { # CMD... (last arg is the time file): prints seconds per call, or nothing
	local tf=${*: -1}
	rm -f "$tf"
	"$@" </dev/null >/dev/null 2>&1
	[ -s "$tf" ] && awk '$2 > 0 { printf "%.12f\n", $1 / $2 }' "$tf"
}
min_of() { sort -g | head -1; }
median_of() { sort -g | awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'; }

# N (micro workloads) is fixed by default so that figures stay comparable from
# run to run: a calibration against a traced run moves with the machine's load.
# N_long is calibrated on the untraced loop, which is steady.
N=$N_DEFAULT N_LONG=1000000
if [ -x "$BIN/work_getppid" ]; then
	cu=$(for i in 1 2 3; do loop_per_call "$BIN/work_getppid" 200000 "$WORK/cal.t"; done | min_of)
	ct=""
	if [ "$N_OPT" != auto ]; then
		:
	elif [ "${C_STATUS[s_full]}" = ok ]; then
		ct=$(for i in 1 2 3; do loop_per_call "$STRACE" -f -o "$WORK/cal.trace" "$BIN/work_getppid" 5000 "$WORK/cal.t"; done | median_of)
	elif [ "${C_STATUS[r_full]}" = ok ]; then
		ct=$(for i in 1 2 3; do loop_per_call "$RENACER" -f -o "$WORK/cal.trace" "$BIN/work_getppid" 5000 "$WORK/cal.t"; done | median_of)
	fi
	[ -n "$ct" ] && N=$(nice_round "$(awk -v t="$T_FULL" -v c="$ct" 'BEGIN{print t/c}')" 2000 100000)
	[ -n "$cu" ] && N_LONG=$(nice_round "$(awk -v t="$T_LONG" -v c="$cu" 'BEGIN{print t/c}')" "$N" 50000000)
	meta calib_untraced_ns_per_call "$(awk -v c="${cu:-0}" 'BEGIN{printf "%.0f", c*1e9}')"
	[ -n "$ct" ] && meta calib_traced_us_per_call "$(awk -v c="$ct" 'BEGIN{printf "%.1f", c*1e6}')"
	log "calibration: untraced getppid ${cu:-?} s/call${ct:+, traced $ct s/call}"
fi
case $N_OPT in '' | *[!0-9]*) ;; *) N=$N_OPT ;; esac
case $NLONG_OPT in '' | *[!0-9]*) ;; *) N_LONG=$NLONG_OPT ;; esac
meta n "$N"
meta n_long "$N_LONG"
log "N=$N syscalls per micro-workload run; N_long=$N_LONG"

# ---------------------------------------------------------------- workloads
# Micro workloads take the number of *syscalls* they should make (rw/openat do
# 2 per iteration and are given N/2 iterations; stack gets N/8: stack capture
# costs several times a plain stop).
declare -A W_KIND W_ARGV W_N W_NLONG W_DESC W_STATUS W_RC
WL_IDS=()
add_wl() { # id kind n n_long status description argv...
	local id=$1 kind=$2 n=$3 nl=$4 st=$5 desc=$6
	shift 6
	WL_IDS+=("$id")
	W_KIND[$id]=$kind W_N[$id]=$n W_NLONG[$id]=$nl W_STATUS[$id]=$st W_DESC[$id]=$desc
	W_ARGV[$id]=$(printf '%q ' "$@")
}
micro() { # id divisor description
	local st=ok
	[ -x "$BIN/work_$1" ] || st="n/a (not built)"
	add_wl "$1" micro $((N / $2)) $((N_LONG / $2)) "$st" "$3" "$BIN/work_$1" @N@ @TIME@
}
micro getppid 1 "getppid loop"
micro rw 2 "1-byte write /dev/null + read /dev/zero loop"
micro openat 2 "openat + close loop"
micro threads 1 "4 threads, getppid loop each"
micro fork 1 "4 child processes, getppid loop each"
micro stack 8 "-g program, syscalls 4 user frames deep"

real_wl() { # id needed-tool description argv...
	local id=$1 need=$2
	local st=ok
	have "$need" || st="n/a ($need not installed)"
	shift 2
	add_wl "$id" real 0 0 "$st" "$@"
}
PYEXE=$(python3 -c 'import sys; print(sys.executable)' 2>/dev/null || true) # skips pyenv-style shims
SMALL_C=$WORK/small.c REPO=$WORK/repo
real_wl tar tar "tar cf /dev/null /usr/include" tar cf /dev/null /usr/include
real_wl find find "find /usr/lib -name '*.so'" find /usr/lib -name '*.so'
real_wl python python3 "python3 -c 'import json, email, http.client'" "${PYEXE:-python3}" -c 'import json, email, http.client'
real_wl gcc gcc "gcc -c small.c" gcc -c "$SMALL_C" -o "$WORK/small.o"
real_wl git git "git status, 5,000-file repository" git -C "$REPO" status

SELECTED=()
if [ -n "$ONLY" ]; then
	IFS=',' read -r -a SELECTED <<<"$ONLY"
elif [ "$QUICK" = 1 ]; then
	SELECTED=(getppid rw threads openat)
else
	SELECTED=("${WL_IDS[@]}")
fi
selected() { local x; for x in "${SELECTED[@]}"; do [ "$x" = "$1" ] && return 0; done; return 1; }

if selected gcc && [ "${W_STATUS[gcc]}" = ok ]; then
	printf '#include <stdio.h>\n#include <string.h>\n\nstruct point { int x, y; };\n\nstatic int dist2(struct point a, struct point b)\n{\n\tint dx = a.x - b.x, dy = a.y - b.y;\n\treturn dx * dx + dy * dy;\n}\n\nint main(int argc, char **argv)\n{\n\tstruct point p = { argc, (int)strlen(argv[0]) }, q = { 3, 4 };\n\tprintf("%%d\\n", dist2(p, q));\n\treturn 0;\n}\n' >"$SMALL_C"
fi
if selected git && [ "${W_STATUS[git]}" = ok ]; then
	log "creating a 5,000-file git repository"
	mkdir -p "$REPO"
	for d in $(seq 0 49); do
		mkdir -p "$REPO/dir$d"
		for f in $(seq 0 99); do printf 'file %d/%d\n' "$d" "$f" >"$REPO/dir$d/file$f.txt"; done
	done
	old=$(($(date +%s) - 60)) # no racily-clean index entries
	find "$REPO" -path "$REPO/.git" -prune -o -exec touch -h -d "@$old" {} + 2>/dev/null
	if git -C "$REPO" init -q . >/dev/null 2>&1 && git -C "$REPO" add -A >/dev/null 2>&1 &&
		git -C "$REPO" -c user.name=bench -c user.email=bench@localhost -c commit.gpgsign=false \
			commit -q -m init >/dev/null 2>&1; then
		for f in 0 1 2 3 4 5 6 7 8 9; do echo changed >>"$REPO/dir$f/file$f.txt"; done
		for f in 0 1 2 3 4; do echo new >"$REPO/untracked$f.txt"; done
		touch -d "@$old" "$REPO"/dir?/file?.txt "$REPO"/untracked*.txt
		git -C "$REPO" status >/dev/null 2>&1 # refresh the index once
	else
		W_STATUS[git]="n/a (git repository setup failed)"
	fi
fi

# ---------------------------------------------------------------- one measured run
# run_one PHASE WORKLOAD CONFIG REP N
run_one() {
	local phase=$1 wl=$2 cfg=$3 rep=$4 n=$5
	local tool=${C_TOOL[$cfg]} tf=$WORK/run/trace timef=$WORK/run/time rssf=$WORK/run/rss
	rm -f "$tf" "$timef" "$rssf"
	local -a wargv targv=() cmd
	eval "wargv=(${W_ARGV[$wl]})"
	wargv=("${wargv[@]//@N@/$n}")
	wargv=("${wargv[@]//@TIME@/$timef}")
	local exe=""
	case $tool in
	renacer) exe=$RENACER_REAL ;;
	strace) exe=$STRACE_REAL ;;
	esac
	if [ -n "$exe" ]; then
		read -r -a targv <<<"${C_ARGS[$cfg]//@TRACE@/$tf}"
		cmd=("$exe" "${targv[@]}" "${wargv[@]}")
	else
		cmd=("${wargv[@]}")
	fi
	[ "$HAVE_TIMEOUT" = 1 ] && cmd=(timeout -k 5 "$TMO" "${cmd[@]}")
	local t0 t1 rc
	times >"$WORK/run/times0" # children's CPU so far (builtin: no fork)
	local _c u0 n0 s0 i0 w0 q0 sq0 st0 u1 n1 s1 i1 w1 q1 sq1 st1 # machine-wide CPU, /proc/stat
	read -r _c u0 n0 s0 i0 w0 q0 sq0 st0 _ </proc/stat
	if [ -n "$exe" ] && [ -n "$PROBE" ]; then
		t0=$EPOCHREALTIME
		BENCH_RSS_OUT=$rssf BENCH_RSS_EXE=$exe LD_PRELOAD=$PROBE "${cmd[@]}" </dev/null >/dev/null 2>&1
		rc=$?
		t1=$EPOCHREALTIME
	else
		t0=$EPOCHREALTIME
		"${cmd[@]}" </dev/null >/dev/null 2>&1
		rc=$?
		t1=$EPOCHREALTIME
	fi
	times >"$WORK/run/times1"
	read -r _c u1 n1 s1 i1 w1 q1 sq1 st1 _ </proc/stat
	local busy_ticks=$(((u1 + n1 + s1 + q1 + sq1 + st1) - (u0 + n0 + s0 + q0 + sq0 + st0)))
	local wall cpu others loop=NA calls=NA rss=NA tb=NA tl=NA tr=NA
	wall=$(awk -v a="${t0/./}" -v b="${t1/./}" 'BEGIN { printf "%.6f", (b - a) / 1e6 }')
	# user + system time of the reaped descendants (tracer + tracee + timeout)
	cpu=$(awk 'function s(x) { split(x, p, "m"); sub("s", "", p[2]); return p[1] * 60 + p[2] }
		FNR == 2 { c = s($1) + s($2); if (FILENAME ~ /times0$/) a = c; else b = c }
		END { printf "%.3f", b - a }' "$WORK/run/times0" "$WORK/run/times1")
	# CPUs kept busy by everything else (other users, hypervisor steal) meanwhile
	others=$(awk -v b="$busy_ticks" -v hz="$CLK_TCK" -v c="$cpu" -v w="$wall" \
		'BEGIN { o = (b / hz - c) / (w > 0 ? w : 1); printf "%.2f", o < 0 ? 0 : o }')
	[ -s "$timef" ] && read -r loop calls <"$timef"
	[ -s "$rssf" ] && read -r rss <"$rssf"
	if [ -f "$tf" ]; then
		tb=$(stat -c %s "$tf")
		tl=$(wc -l <"$tf")
		tr=$(grep -c 'resumed>' "$tf") # 2nd half of a call split by another task
		rm -f "$tf"
	fi
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$phase" "$wl" "$cfg" "$rep" "$n" "$wall" "$cpu" "$others" "$rc" \
		"${loop:-NA}" "${calls:-NA}" "${rss:-NA}" "$tb" "$tl" "$tr" >>"$RAW"
	[ "$rc" = 124 ] && log "  $wl/$cfg rep $rep: timed out after ${TMO}s"
}

configs_for() { # workload -> supported configs in scope, base first
	local wl=$1 id out=()
	for id in "${CONFIG_IDS[@]}"; do
		[ "${C_STATUS[$id]}" = ok ] || continue
		case ${C_SCOPE[$id]} in
		all) ;;
		gen) [ "$wl" = stack ] && continue ;;
		stack) [ "$wl" = stack ] || continue ;;
		esac
		out+=("$id")
	done
	echo "${out[@]}"
}
shuffled() { # rep words... -> same words, order shuffled with a per-rep seed
	local rep=$1
	shift
	printf '%s\n' "$@" | awk -v seed="$rep" 'BEGIN { srand(seed * 7919) } { a[NR] = $0 }
		END { for (i = NR; i > 1; i--) { j = int(rand() * i) + 1; t = a[i]; a[i] = a[j]; a[j] = t }
		      for (i = 1; i <= NR; i++) printf "%s ", a[i] }'
}

# warm-up: record the untraced exit status (what every traced run must match)
warm() {
	local wl=$1 n=$2 i rcs
	local -a wargv
	eval "wargv=(${W_ARGV[$wl]})"
	wargv=("${wargv[@]//@N@/$n}")
	wargv=("${wargv[@]//@TIME@/$WORK/run/warm}")
	for i in 1 2; do
		"${wargv[@]}" </dev/null >/dev/null 2>&1
		rcs=$?
	done
	W_RC[$wl]=$rcs
}

# ---------------------------------------------------------------- main phase
for wl in "${WL_IDS[@]}"; do
	selected "$wl" || continue
	if [ "${W_STATUS[$wl]}" != ok ]; then
		log "workload $wl: ${W_STATUS[$wl]}"
		continue
	fi
	n=${W_N[$wl]}
	read -r -a cfgs <<<"$(configs_for "$wl")"
	warm "$wl" "$n"
	log "workload $wl (n=$n, untraced exit ${W_RC[$wl]}): ${#cfgs[@]} configurations x $REPS runs"
	for rep in $(seq 1 "$REPS"); do
		for cfg in $(shuffled "$rep" "${cfgs[@]}"); do
			run_one main "$wl" "$cfg" "$rep" "$n"
		done
	done
done

# ---------------------------------------------------------------- RSS vs trace length
if selected getppid && [ "${W_STATUS[getppid]}" = ok ]; then
	rcfgs=()
	for c in r_full s_full; do [ "${C_STATUS[$c]}" = ok ] && rcfgs+=("$c"); done
	if [ ${#rcfgs[@]} -gt 0 ] && [ -n "$PROBE" ]; then
		log "peak RSS at N=$N and 4N=$((4 * N)) (getppid, full trace)"
		for rep in $(seq 1 "$RSS_REPS"); do
			for c in "${rcfgs[@]}"; do
				run_one rss_1x getppid "$c" "$rep" "$N"
				run_one rss_4x getppid "$c" "$rep" $((4 * N))
			done
		done
	fi
fi

# ---------------------------------------------------------------- long runs of cheap configurations
# The filtered and eBPF goals are whole-command ratios on runs long enough that
# start-up does not dominate (untraced ~0.25 s).  A configuration is run here
# only if the main phase projects it under LONG_CAP seconds per run at N_long.
if [ -n "$PY" ]; then
	plan=$("$PY" "$BENCH_DIR/stats.py" plan-long --raw "$RAW" --factor "$(awk -v a="$N_LONG" -v b="$N" 'BEGIN{print a/b}')" \
		--cap "$LONG_CAP" --workloads getppid,rw,threads,fork \
		--configs r_filt,s_filt_bpf,r_ebpf,r_ebpf_c,r_ebpf_filt 2>/dev/null)
	while read -r wl cfgs_csv; do
		[ -n "$wl" ] || continue
		IFS=',' read -r -a lcfgs <<<"$cfgs_csv"
		nl=${W_NLONG[$wl]}
		warm "$wl" "$nl"
		log "long runs: $wl (n=$nl): base ${lcfgs[*]}"
		for rep in $(seq 1 "$REPS"); do
			for cfg in $(shuffled "$rep" base "${lcfgs[@]}"); do
				run_one long "$wl" "$cfg" "$rep" "$nl"
			done
		done
	done <<<"$plan"
fi

# ---------------------------------------------------------------- report
meta load_end "$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
meta elapsed_s "$(((${EPOCHREALTIME/./} - START_US) / 1000000))"
for wl in "${WL_IDS[@]}"; do
	st=${W_STATUS[$wl]}
	selected "$wl" || st="skipped"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$wl" "${W_KIND[$wl]}" "${W_N[$wl]}" "${W_NLONG[$wl]}" "${W_RC[$wl]:-NA}" "$st" "${W_DESC[$wl]}" >>"$WLS"
done
for note in ${NOTES[@]+"${NOTES[@]}"}; do meta note "$note"; done

mkdir -p "$(dirname "$CSV_OUT")" "$(dirname "$MD_OUT")" 2>/dev/null
if [ -n "$PY" ] && "$PY" "$BENCH_DIR/stats.py" report --dir "$WORK" --csv "$CSV_OUT" --md "$MD_OUT"; then
	log "wrote $MD_OUT and $CSV_OUT (raw runs: $([ "$KEEP" = 1 ] && echo "$RAW" || echo 'use --keep'))"
else
	echo "bench: could not render the report; raw measurements follow" >&2
	cat "$RAW"
	cp "$RAW" "$CSV_OUT" 2>/dev/null && log "raw measurements copied to $CSV_OUT"
fi
log "done in $(((${EPOCHREALTIME/./} - START_US) / 1000000)) s"
exit 0
