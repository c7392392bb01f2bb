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

enum { OPT_STRING_LIMIT = 256 };

static const struct option long_opts[] = {
	{"follow-forks", no_argument, NULL, 'f'},
	{"attach", required_argument, NULL, 'p'},
	{"output", required_argument, NULL, 'o'},
	{"quiet", no_argument, NULL, 'q'},
	{"string-limit", required_argument, NULL, OPT_STRING_LIMIT},
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

int options_parse(struct cli_options *o, int argc, char **argv)
{
	long v;
	int c, rc;

	memset(o, 0, sizeof(*o));
	o->string_limit = 32;
	opterr = 0;
	/* '+': stop at the first non-option, so "renacer ls -l" traces "ls -l". */
	while ((c = getopt_long(argc, argv, "+fp:o:qhV", long_opts, NULL)) != -1) {
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
	if (!o->command && !o->npids)
		return bad("%s", "must have a command to run or -p PID");
	if (o->command && o->npids)
		return bad("%s", "-p and a command are mutually exclusive");
	return 0;
}
