/* SPDX-License-Identifier: MIT */
/* renacer compare GOLDEN CURRENT: parse the options, compare through the
 * library, print the report, exit 0 (no regression), 1 (regression) or 2
 * (usage or input error). */
#include "cli/compare.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/options.h"
#include "renacer.h"

enum {
	OPT_THRESHOLD = 256,
	OPT_IGNORE_TIMING,
	OPT_MATCH_ERRORS,
	OPT_FORMAT,
	OPT_COLOR,
	OPT_FLAMEGRAPH_DIFF,
};

static const struct option compare_opts[] = {
	{ "threshold", required_argument, NULL, OPT_THRESHOLD },
	{ "ignore-timing", no_argument, NULL, OPT_IGNORE_TIMING },
	{ "match-errors", no_argument, NULL, OPT_MATCH_ERRORS },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "output", required_argument, NULL, 'o' },
	{ "color", optional_argument, NULL, OPT_COLOR },
	{ "colour", optional_argument, NULL, OPT_COLOR },
	{ "flamegraph-diff", required_argument, NULL, OPT_FLAMEGRAPH_DIFF },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

static int bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int bad(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fprintf(stderr, "renacer compare: ");
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'renacer compare --help' for more information.\n");
	return EXIT_USAGE;
}

/* auto: the report goes to a terminal, NO_COLOR is unset (or empty) and
 * TERM is not "dumb" (https://no-color.org). */
static bool want_color(const char *when, bool to_stdout)
{
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");

	if (!strcmp(when, "always"))
		return true;
	if (!strcmp(when, "never"))
		return false;
	return to_stdout && isatty(1) && !(nc && *nc) && !(term && !strcmp(term, "dumb"));
}

static int write_all(FILE *f, const char *s)
{
	size_t n = strlen(s);

	return fwrite(s, 1, n, f) == n && fflush(f) == 0 ? 0 : -1;
}

int compare_main(int argc, char **argv)
{
	struct rn_compare_opts *opts = rn_compare_opts_new();
	const char *format = "text", *output = NULL, *color = "auto", *flame = NULL;
	struct rn_report *rep = NULL;
	char err[1024], *text = NULL;
	int c, code = EXIT_USAGE;
	FILE *f = stdout;

	if (!opts) {
		fprintf(stderr, "renacer compare: %s\n", strerror(errno));
		return EXIT_INTERNAL;
	}
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:h", compare_opts, NULL)) != -1) {
		switch (c) {
		case OPT_THRESHOLD:
			if (rn_compare_opts_set_threshold(opts, optarg, err, sizeof(err)) < 0) {
				code = bad("%s", err);
				goto out;
			}
			break;
		case OPT_IGNORE_TIMING: rn_compare_opts_set_ignore_timing(opts, true); break;
		case OPT_MATCH_ERRORS: rn_compare_opts_set_match_errors(opts, true); break;
		case OPT_FORMAT:
			if (strcmp(optarg, "text") && strcmp(optarg, "json")) {
				code = bad("unknown --format '%s' (text, json)", optarg);
				goto out;
			}
			format = optarg;
			break;
		case 'o': output = optarg; break;
		case OPT_COLOR:
			color = optarg ? optarg : "always";
			if (strcmp(color, "auto") && strcmp(color, "always") &&
			    strcmp(color, "never")) {
				code = bad("invalid --color '%s' (auto, always, never)", color);
				goto out;
			}
			break;
		case OPT_FLAMEGRAPH_DIFF: flame = optarg; break;
		case 'h':
			usage_compare_print(stdout);
			code = EXIT_OK;
			goto out;
		case ':': code = bad("option '%s' needs an argument", argv[optind - 1]); goto out;
		default: code = bad("unknown option '%s'", argv[optind - 1]); goto out;
		}
	}
	if (argc - optind != 2) {
		code = bad("%s", argc - optind < 2 ? "needs two traces: GOLDEN CURRENT"
						   : "too many arguments: GOLDEN CURRENT");
		goto out;
	}
	rep = rn_compare_files(argv[optind], argv[optind + 1], opts, err, sizeof(err));
	if (!rep) {
		fprintf(stderr, "renacer compare: %s\n", err);
		code = errno == ENOMEM ? EXIT_INTERNAL : EXIT_USAGE;
		goto out;
	}
	if (flame) {
		/* Stacks (-k) are not recorded yet: no trace can carry them. */
		fprintf(stderr,
			"renacer compare: --flamegraph-diff %s: traces carry no stacks "
			"(record with -k)\n",
			flame);
		code = EXIT_USAGE;
		goto out;
	}
	if (!strcmp(format, "json")
		? rn_report_render_json(rep, &text) < 0
		: rn_report_render_text(rep, want_color(color, !output), &text) < 0) {
		fprintf(stderr, "renacer compare: %s\n", strerror(ENOMEM));
		code = EXIT_INTERNAL;
		goto out;
	}
	if (output) {
		f = fopen(output, "w");
		if (!f) {
			fprintf(stderr, "renacer compare: Can't open '%s': %s\n", output,
				strerror(errno));
			code = EXIT_USAGE;
			goto out;
		}
	}
	if (write_all(f, text) < 0) {
		fprintf(stderr, "renacer compare: writing the report: %s\n", strerror(errno));
		code = EXIT_INTERNAL;
	} else {
		code = rn_report_regressed(rep) ? EXIT_FAIL : EXIT_OK;
	}
	if (output && fclose(f) != 0 && code != EXIT_INTERNAL) {
		fprintf(stderr, "renacer compare: writing '%s': %s\n", output, strerror(errno));
		code = EXIT_INTERNAL;
	}
out:
	free(text);
	rn_report_free(rep);
	rn_compare_opts_free(opts);
	return code;
}
