/* SPDX-License-Identifier: MIT */
/* Command-line options of the renacer program. */
#ifndef RN_CLI_OPTIONS_H
#define RN_CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#define CLI_MAX_PIDS 64

/* Exit codes (doc/renacer.1.md): tracing exits with the command's status. */
enum cli_exit {
	EXIT_OK = 0,
	EXIT_FAIL = 1,	       /* attach failed; compare: regression */
	EXIT_USAGE = 2,	       /* bad option or argument */
	EXIT_INTERNAL = 3,     /* renacer itself failed */
	EXIT_CANNOT_EXEC = 126,
	EXIT_NOT_FOUND = 127,
};

struct cli_options {
	bool follow_forks;
	int quiet;
	unsigned string_limit;
	const char *output; /* -o FILE, NULL: stderr */
	int pids[CLI_MAX_PIDS];
	int npids;
	char **command; /* borrowed from argv, NULL-terminated */
	int summary;	/* 0, 1: -c (table only), 2: -C (trace and table) */
	const char *sort; /* -S */
	bool summary_wall, per_process, stats_extended, timing, relative;
	int ts_format;	  /* 0 none, 1 time of day, 2 unix */
	int ts_digits;
	const char *filters[CLI_MAX_PIDS]; /* -e, --filter (as trace=/re), -z, -Z */
	int nfilters;
	const char *paths[CLI_MAX_PIDS]; /* -P */
	int npaths;
	int seccomp; /* -1 auto, 0 off, 1 on */
	int verbose; /* -v: notices, and structures in full as strace -v */
	bool no_abbrev;	  /* --no-abbrev: structures in full only */
	int decode_fds;	  /* -y, -yy, --decode-fds */
	int strings_hex;  /* -x, -xx, --strings-in-hex */
	int const_style;  /* -X: 0 abbrev, 1 raw, 2 verbose */
	char filter_buf[CLI_MAX_PIDS][512]; /* storage for rewritten --filter */
	const char *format;	   /* --format: text (default), json, jsonl, csv */
	bool tracee_stdout_stderr; /* --tracee-stdout=stderr */
	bool help, version;
};

/* Returns 0, or EXIT_USAGE after printing the problem to stderr. */
int options_parse(struct cli_options *o, int argc, char **argv);
void usage_print(FILE *f);

#endif
