/* SPDX-License-Identifier: MIT */
/* Parsing of the command line into struct cli_options. strace's letters
 * where strace has the same option; -s is reserved for source lines. */
#include "cli/options.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "renacer.h"

enum {
	OPT_STRING_LIMIT = 256,
	OPT_TIMESTAMPS,
	OPT_PER_PROCESS,
	OPT_STATS_EXTENDED,
	OPT_FILTER,
	OPT_SECCOMP,
	OPT_NO_SECCOMP,
	OPT_FORMAT,
	OPT_TRACEE_STDOUT,
	OPT_NO_ABBREV,
	OPT_DECODE_FDS,
	OPT_STRINGS_HEX,
};

static const struct option long_opts[] = {
	{"follow-forks", no_argument, NULL, 'f'},
	{"attach", required_argument, NULL, 'p'},
	{"output", required_argument, NULL, 'o'},
	{"quiet", no_argument, NULL, 'q'},
	{"string-limit", required_argument, NULL, OPT_STRING_LIMIT},
	{"summary", no_argument, NULL, 'c'},
	{"summary-only", no_argument, NULL, 'c'},
	{"summary-with-trace", no_argument, NULL, 'C'},
	{"summary-sort-by", required_argument, NULL, 'S'},
	{"summary-wall-clock", no_argument, NULL, 'w'},
	{"summary-per-process", no_argument, NULL, OPT_PER_PROCESS},
	{"stats-extended", no_argument, NULL, OPT_STATS_EXTENDED},
	{"timing", no_argument, NULL, 'T'},
	{"expr", required_argument, NULL, 'e'},
	{"filter", required_argument, NULL, OPT_FILTER},
	{"successful-only", no_argument, NULL, 'z'},
	{"failed-only", no_argument, NULL, 'Z'},
	{"trace-path", required_argument, NULL, 'P'},
	{"seccomp-bpf", no_argument, NULL, OPT_SECCOMP},
	{"no-seccomp-bpf", no_argument, NULL, OPT_NO_SECCOMP},
	{"verbose", no_argument, NULL, 'v'},
	{"no-abbrev", no_argument, NULL, OPT_NO_ABBREV},
	{"decode-fds", optional_argument, NULL, OPT_DECODE_FDS},
	{"strings-in-hex", optional_argument, NULL, OPT_STRINGS_HEX},
	{"const-print-style", required_argument, NULL, 'X'},
	{"syscall-times", no_argument, NULL, 'T'},
	{"relative-timestamps", no_argument, NULL, 'r'},
	{"timestamps", optional_argument, NULL, OPT_TIMESTAMPS},
	{"absolute-timestamps", optional_argument, NULL, OPT_TIMESTAMPS},
	{"format", required_argument, NULL, OPT_FORMAT},
	{"tracee-stdout", required_argument, NULL, OPT_TRACEE_STDOUT},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{NULL, 0, NULL, 0},
};

static int bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int bad(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "renacer: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'renacer --help' for more information.\n");
	return EXIT_USAGE;
}

static int parse_uint(const char *s, long max, long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > max)
		return -1;
	*out = v;
	return 0;
}

static int parse_pids(struct cli_options *o, const char *arg)
{
	char tmp[256], *tok, *save = NULL;
	long v;

	if (strlen(arg) >= sizeof(tmp))
		return bad("too long pid list '%s'", arg);
	strcpy(tmp, arg);
	for (tok = strtok_r(tmp, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
		if (parse_uint(tok, INT_MAX, &v) < 0 || v == 0)
			return bad("invalid process id: '%s'", tok);
		if (o->npids == CLI_MAX_PIDS)
			return bad("too many processes to attach: '%s'", arg);
		o->pids[o->npids++] = (int)v;
	}
	return 0;
}

/* --timestamps[=FORMAT][,PRECISION]: FORMAT none|time|unix, PRECISION s|ms|us|ns. */
static int parse_timestamps(struct cli_options *o, const char *arg)
{
	static const struct {
		const char *name;
		int digits;
	} precisions[] = {{"s", 0}, {"ms", 3}, {"us", 6}, {"ns", 9}};
	char tmp[64], *tok, *save = NULL;
	size_t i;

	o->ts_format = 1;
	o->ts_digits = 0;
	if (!arg)
		return 0;
	if (strlen(arg) >= sizeof(tmp))
		return bad("invalid --timestamps '%s'", arg);
	strcpy(tmp, arg);
	for (tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strncmp(tok, "format:", 7))
			tok += 7;
		else if (!strncmp(tok, "precision:", 10))
			tok += 10;
		if (!strcmp(tok, "none")) {
			o->ts_format = 0;
			continue;
		}
		if (!strcmp(tok, "time")) {
			o->ts_format = 1;
			continue;
		}
		if (!strcmp(tok, "unix")) {
			o->ts_format = 2;
			continue;
		}
		for (i = 0; i < sizeof(precisions) / sizeof(precisions[0]); i++)
			if (!strcmp(tok, precisions[i].name))
				break;
		if (i == sizeof(precisions) / sizeof(precisions[0]))
			return bad("invalid --timestamps element '%s' (none, time, unix; s, ms, us, ns)",
				   tok);
		o->ts_digits = precisions[i].digits;
	}
	return 0;
}

/* --decode-fds[=SET]: path, socket, dev, pidfd, all (strace's names); socket,
 * dev and pidfd details are what -yy adds. */
static int parse_decode_fds(struct cli_options *o, const char *arg)
{
	char tmp[128], *tok, *save = NULL;

	if (!arg) {
		o->decode_fds = o->decode_fds > 1 ? o->decode_fds : 1;
		return 0;
	}
	if (strlen(arg) >= sizeof(tmp))
		return bad("invalid --decode-fds '%s'", arg);
	strcpy(tmp, arg);
	for (tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!strcmp(tok, "none"))
			o->decode_fds = 0;
		else if (!strcmp(tok, "path"))
			o->decode_fds = o->decode_fds > 1 ? o->decode_fds : 1;
		else if (!strcmp(tok, "socket") || !strcmp(tok, "dev") || !strcmp(tok, "pidfd") ||
			 !strcmp(tok, "all"))
			o->decode_fds = 2;
		else
			return bad("invalid --decode-fds element '%s' (none, path, socket, dev, "
				   "pidfd, all)",
				   tok);
	}
	return 0;
}

/* Machine formats write only data, to -o FILE or to stdout. A spawned
 * command inherits stdout, so its output would land inside the data:
 * refuse unless the user sends it elsewhere (-o) or moves the command's
 * stdout to stderr. Attached processes have their own stdout. */
static int check_format(const struct cli_options *o)
{
	if (!o->format || !strcmp(o->format, "text"))
		return 0;
	if (!strcmp(o->format, "csv") && o->summary == 2)
		return bad("%s", "--format csv holds one table: -c for the summary table, or "
				 "neither -c nor -C for one row per call");
	if (o->command && !o->output && !o->tracee_stdout_stderr)
		return bad("--format %s writes to stdout, which the traced command also uses; "
			   "use -o FILE, or --tracee-stdout=stderr to send the command's stdout "
			   "to stderr",
			   o->format);
	return 0;
}

int options_parse(struct cli_options *o, int argc, char **argv)
{
	long v;
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->string_limit = 32;
	o->ts_digits = -1;
	o->seccomp = -1;
	opterr = 0;
	/* '+': stop at the first non-option, so "renacer ls -l" traces "ls -l". */
	while ((c = getopt_long(argc, argv, "+:fp:o:qhVcCS:wTtre:zZP:vyxX:", long_opts, NULL)) !=
	       -1) {
		switch (c) {
		case 'f':
			o->follow_forks = true;
			break;
		case 'p':
			rc = parse_pids(o, optarg);
			if (rc)
				return rc;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'q':
			o->quiet++;
			break;
		case OPT_STRING_LIMIT:
			if (parse_uint(optarg, 1 << 20, &v) < 0)
				return bad("invalid --string-limit '%s' (0 to 1048576)", optarg);
			o->string_limit = (unsigned)v;
			break;
		case 'c':
			o->summary = 1;
			break;
		case 'C':
			o->summary = 2;
			break;
		case 'S':
			o->sort = optarg;
			break;
		case 'w':
			o->summary_wall = true;
			break;
		case OPT_PER_PROCESS:
			o->per_process = true;
			break;
		case OPT_STATS_EXTENDED:
			o->stats_extended = true;
			break;
		case 'T':
			o->timing = true;
			break;
		case 'r':
			o->relative = true;
			break;
		case 't':
			/* -t, -tt, -ttt as strace */
			if (o->ts_format == 2)
				break;
			if (o->ts_format == 1 && o->ts_digits == 6) {
				o->ts_format = 2;
			} else if (o->ts_format == 1) {
				o->ts_digits = 6;
			} else {
				o->ts_format = 1;
				o->ts_digits = 0;
			}
			break;
		case OPT_TIMESTAMPS:
			rc = parse_timestamps(o, optarg);
			if (rc)
				return rc;
			break;
		case 'e':
		case 'z':
		case 'Z':
		case OPT_FILTER:
			if (o->nfilters == CLI_MAX_PIDS)
				return bad("too many filters");
			if (c == 'z')
				o->filters[o->nfilters++] = "status=successful";
			else if (c == 'Z')
				o->filters[o->nfilters++] = "status=failed";
			else if (c == 'e')
				o->filters[o->nfilters++] = optarg;
			else {
				/* --filter "read|write": a regex over syscall names */
				snprintf(o->filter_buf[o->nfilters], sizeof(o->filter_buf[0]),
					 "trace=/%s", optarg);
				o->filters[o->nfilters] = o->filter_buf[o->nfilters];
				o->nfilters++;
			}
			break;
		case 'P':
			if (o->npaths == CLI_MAX_PIDS)
				return bad("too many -P paths");
			o->paths[o->npaths++] = optarg;
			break;
		case OPT_SECCOMP:
			o->seccomp = 1;
			break;
		case OPT_NO_SECCOMP:
			o->seccomp = 0;
			break;
		case 'v':
			o->verbose++;
			break;
		case OPT_NO_ABBREV:
			o->no_abbrev = true;
			break;
		case 'y':
			o->decode_fds = o->decode_fds < 2 ? o->decode_fds + 1 : 2;
			break;
		case OPT_DECODE_FDS:
			rc = parse_decode_fds(o, optarg);
			if (rc)
				return rc;
			break;
		case 'x':
			o->strings_hex = o->strings_hex < 2 ? o->strings_hex + 1 : 2;
			break;
		case OPT_STRINGS_HEX:
			if (!optarg || !strcmp(optarg, "all"))
				o->strings_hex = 2;
			else if (!strcmp(optarg, "non-ascii"))
				o->strings_hex = 1;
			else if (!strcmp(optarg, "none"))
				o->strings_hex = 0;
			else
				return bad("invalid --strings-in-hex '%s' (none, non-ascii, all)",
					   optarg);
			break;
		case 'X':
			if (!strcmp(optarg, "abbrev"))
				o->const_style = 0;
			else if (!strcmp(optarg, "raw"))
				o->const_style = 1;
			else if (!strcmp(optarg, "verbose"))
				o->const_style = 2;
			else
				return bad("invalid -X '%s' (raw, abbrev, verbose)", optarg);
			break;
		case OPT_FORMAT:
			if (!rn_output_format_exists(optarg))
				return bad("unknown --format '%s' (text, json, jsonl, csv)",
					   optarg);
			o->format = optarg;
			break;
		case OPT_TRACEE_STDOUT:
			if (strcmp(optarg, "stdout") && strcmp(optarg, "stderr"))
				return bad("invalid --tracee-stdout '%s' (stdout, stderr)", optarg);
			o->tracee_stdout_stderr = !strcmp(optarg, "stderr");
			break;
		case 'h':
			o->help = true;
			return 0;
		case 'V':
			o->version = true;
			return 0;
		case ':':
			return bad("option '%s' needs an argument", argv[optind - 1]);
		default:
			return bad("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		o->command = &argv[optind];
	if (o->ts_digits < 0)
		o->ts_digits = o->ts_format || o->relative || o->timing ? 6 : 0;
	if (!o->command && !o->npids)
		return bad("%s", "must have a command to run or -p PID");
	if (o->command && o->npids)
		return bad("%s", "-p and a command are mutually exclusive");
	return check_format(o);
}
