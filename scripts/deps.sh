#!/bin/sh
# SPDX-License-Identifier: MIT
# Installs the Debian packages renacer needs (when root), or prints the command.
# Usage: scripts/deps.sh build|check
set -u
mode=${1:-build}

need=""
have_cmd() { command -v "$1" >/dev/null 2>&1; }
have_hdr() { printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1; }

have_cmd cc || need="$need gcc libc6-dev"
have_cmd make || need="$need make"
have_hdr linux/ptrace.h || need="$need linux-libc-dev"
if [ "$mode" = check ]; then
	have_hdr criterion/criterion.h || need="$need libcriterion-dev"
	have_cmd pkg-config || need="$need pkg-config"
	have_cmd strace || need="$need strace"
	have_cmd python3 || need="$need python3"
	# tests/tools/check_trace.py validates traces against doc/*.schema.json
	python3 -c 'import jsonschema' >/dev/null 2>&1 ||
		/usr/bin/python3 -c 'import jsonschema' >/dev/null 2>&1 ||
		need="$need python3-jsonschema"
	have_cmd g++ || need="$need g++"
fi

[ -z "$need" ] && exit 0

cmd="apt-get install -y --no-install-recommends$need"
if [ "$(id -u)" = 0 ] && have_cmd apt-get; then
	echo "renacer: installing missing Debian packages:$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null && $cmd >/dev/null || {
		echo "renacer: '$cmd' failed" >&2
		exit 1
	}
else
	echo "renacer: missing Debian packages:$need" >&2
	echo "renacer: run: sudo apt-get update && sudo $cmd" >&2
	exit 1
fi
