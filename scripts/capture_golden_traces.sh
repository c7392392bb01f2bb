#!/bin/sh
# SPDX-License-Identifier: MIT
# Capture golden traces of a set of commands, or check new runs against them.
# Each command is traced with `renacer -f --format json -o DIR/NAME.json`;
# --check traces into a temporary directory instead and runs
# `renacer compare DIR/NAME.json NEW.json` for each, failing when one regressed.
# Commands: lines "NAME: COMMAND ARGS..." of a file (-c; '#' starts a comment,
# arguments are split as the shell splits them, no pipes or redirections),
# or arguments "NAME=COMMAND ARGS...". doc/ci.md shows the whole workflow.
set -u

usage() {
	cat <<'EOF2'
Usage: scripts/capture_golden_traces.sh [OPTIONS] [NAME=COMMAND...]

  -c, --commands FILE   read "NAME: COMMAND ARGS..." lines from FILE
  -o, --dir DIR         where golden traces are (default: golden)
  -r, --renacer PATH    the renacer to use (default: build/renacer, else renacer in PATH)
      --check           compare new traces with DIR/NAME.json instead of writing them;
                        exit 1 when any regressed (reports in DIR/NAME.report.txt with --keep)
      --compare-opts S  options for renacer compare (default: --ignore-timing)
      --keep            with --check: keep the new traces as DIR/NAME.new.json
  -h, --help            this text
Exit status: 0 all captured (or no regression), 1 a regression, 2 usage or
tracing error.
EOF2
}

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RENACER=""
DIR=golden
CMDS=""
CHECK=0
KEEP=0
COMPARE_OPTS="--ignore-timing"
while [ $# -gt 0 ]; do
	case $1 in
	-c|--commands) CMDS=${2:?}; shift ;;
	-o|--dir) DIR=${2:?}; shift ;;
	-r|--renacer) RENACER=${2:?}; shift ;;
	--check) CHECK=1 ;;
	--keep) KEEP=1 ;;
	--compare-opts) COMPARE_OPTS=${2?}; shift ;;
	-h|--help) usage; exit 0 ;;
	--) shift; break ;;
	-*) echo "capture_golden_traces: unknown option '$1'" >&2; usage >&2; exit 2 ;;
	*) break ;;
	esac
	shift
done
if [ -z "$RENACER" ]; then
	if [ -x "$ROOT/build/renacer" ]; then
		RENACER=$ROOT/build/renacer
	else
		RENACER=$(command -v renacer) || {
			echo "capture_golden_traces: no renacer (make, or -r PATH)" >&2
			exit 2
		}
	fi
fi
[ -n "$CMDS" ] || [ $# -gt 0 ] || { usage >&2; exit 2; }
mkdir -p "$DIR" || exit 2
TMP=$(mktemp -d /tmp/rn-golden.XXXXXX) || exit 2
trap 'rm -rf "$TMP"' EXIT

status=0
# capture NAME COMMAND...
capture() {
	name=$1
	shift
	case $name in
	''|*/*|.*) echo "capture_golden_traces: bad name '$name'" >&2; status=2; return ;;
	esac
	if [ "$CHECK" = 1 ]; then out=$TMP/$name.json; else out=$DIR/$name.json; fi
	"$RENACER" -f -q --format json -o "$out" -- "$@" >/dev/null 2>"$TMP/err"
	rc=$?
	if [ ! -s "$out" ]; then
		echo "capture_golden_traces: $name: tracing failed:" >&2
		cat "$TMP/err" >&2
		status=2
		return
	fi
	[ "$rc" = 0 ] || echo "capture_golden_traces: $name: the command exited with $rc" >&2
	if [ "$CHECK" = 0 ]; then
		echo "$name: $out"
		return
	fi
	[ -f "$DIR/$name.json" ] || {
		echo "capture_golden_traces: $name: no golden trace $DIR/$name.json" >&2
		status=2
		return
	}
	# shellcheck disable=SC2086 # COMPARE_OPTS holds several options
	"$RENACER" compare $COMPARE_OPTS "$DIR/$name.json" "$out" >"$TMP/report" 2>&1
	rc=$?
	if [ "$KEEP" = 1 ]; then
		cp "$out" "$DIR/$name.new.json"
		cp "$TMP/report" "$DIR/$name.report.txt"
	fi
	case $rc in
	0) echo "$name: ok" ;;
	1) echo "$name: REGRESSION"; cat "$TMP/report"; [ "$status" = 2 ] || status=1 ;;
	*) echo "$name: compare failed"; cat "$TMP/report"; status=2 ;;
	esac
}

# run NAME COMMAND-TEXT: split as the shell splits words (quotes included),
# in a function so that "set --" leaves the script's arguments alone
run() {
	name=$1
	eval "set -- $2"
	capture "$name" "$@" </dev/null
}

if [ -n "$CMDS" ]; then
	[ -r "$CMDS" ] || { echo "capture_golden_traces: cannot read '$CMDS'" >&2; exit 2; }
	while IFS= read -r line || [ -n "$line" ]; do
		case $line in ''|'#'*) continue ;; esac
		name=${line%%:*}
		[ "$name" != "$line" ] || {
			echo "capture_golden_traces: '$line': expected NAME: COMMAND" >&2
			status=2
			continue
		}
		run "$name" "${line#*:}"
	done <"$CMDS"
fi
for spec in "$@"; do
	run "${spec%%=*}" "${spec#*=}"
done
exit $status
