/* SPDX-License-Identifier: MIT */
/* The renacer command: parse options, drive the library, pick an exit code. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/compare.h"
#include "cli/options.h"
#include "renacer.h"

static struct rn_tracer *g_tracer; /* for the signal handler only */

static void on_signal(int sig)
{
	if (g_tracer)
		rn_tracer_interrupt(g_tracer, sig);
}

static void install_handlers(void)
{
	static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: waitpid must return EINTR */
	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
}

/* True when fd is a terminal, pipe or socket: a reader is waiting for
 * each record, so machine formats flush them one by one. */
static bool is_stream(int fd)
{
	struct stat st;

	return isatty(fd) ||
	       (fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)));
}

/* Text goes to stderr as strace's does; machine formats (--format) write
 * only their data, to stdout (options.c made sure the command's own stdout
 * cannot mix in). -o FILE is opened close-on-exec: the command never has it. */
static int open_output(const struct cli_options *o, struct rn_tracer *t)
{
	const char *format = o->format ? o->format : "text";
	bool machine = strcmp(format, "text") != 0;
	int fd = machine ? 1 : 2, flags = RN_OUT_LINEBUF;

	if (o->output) {
		fd = open(o->output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0) {
			fprintf(stderr, "renacer: Can't open '%s': %s\n", o->output, strerror(errno));
			return EXIT_USAGE;
		}
		flags = RN_OUT_CLOSE | RN_OUT_FILE;
	} else if (machine && !is_stream(fd)) {
		flags = 0;
	}
	if (rn_tracer_add_output(t, format, fd, (unsigned)flags) < 0) {
		fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
		return EXIT_INTERNAL;
	}
	return 0;
}

static int exit_code_of(int status)
{
	if (status < 0)
		return EXIT_OK;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return EXIT_INTERNAL;
}

static int attach_all(const struct cli_options *o, struct rn_tracer *t)
{
	int i, n;

	for (i = 0; i < o->npids; i++) {
		n = rn_tracer_attach(t, o->pids[i]);
		if (n < 0) {
			fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
			return EXIT_FAIL;
		}
		if (o->quiet)
			continue;
		if (n > 1)
			fprintf(stderr, "renacer: Process %d attached with %d threads\n", o->pids[i], n);
		else
			fprintf(stderr, "renacer: Process %d attached\n", o->pids[i]);
	}
	return 0;
}

/* One line when the seccomp fast path was asked for and is not there. */
static void notices(const struct cli_options *o, struct rn_tracer *t, bool first)
{
	static bool said; /* cli/ may keep state: once per run */
	const char *n = rn_tracer_notice(t);

	if (!said && o->command && *n && o->seccomp != 0) {
		fprintf(stderr, "renacer: %s\n", n);
		said = true;
	}
	if (first && !o->command && o->verbose && o->nfilters)
		fprintf(stderr, "renacer: seccomp-bpf cannot be installed in attached processes; "
				"every call stops and is filtered in renacer\n");
}

static int run(const struct cli_options *o)
{
	struct rn_tracer *t = rn_tracer_new();
	const struct rn_event *ev;
	int rc, code, i;

	if (!t) {
		fprintf(stderr, "renacer: %s\n", strerror(errno));
		return EXIT_INTERNAL;
	}
	rn_tracer_set_follow_forks(t, o->follow_forks);
	rn_tracer_set_quiet(t, o->quiet);
	rn_tracer_set_summary(t, o->summary == 1   ? RN_SUMMARY_ONLY
				 : o->summary == 2 ? RN_SUMMARY_ALSO
						   : RN_SUMMARY_NONE);
	rn_tracer_set_summary_wall(t, o->summary_wall);
	rn_tracer_set_summary_per_process(t, o->per_process);
	rn_tracer_set_stats_extended(t, o->stats_extended);
	rn_tracer_set_timing(t, o->timing);
	rn_tracer_set_tracee_stdout_to_stderr(t, o->tracee_stdout_stderr);
	rn_tracer_set_relative_timestamps(t, o->relative);
	rn_tracer_set_timestamps(t, o->ts_format == 2 ? RN_TS_UNIX : o->ts_format == 1 ? RN_TS_TIME
											 : RN_TS_NONE,
				 o->ts_digits);
	rn_tracer_set_seccomp(t, o->seccomp);
	rn_tracer_set_decode_fds(t, o->decode_fds);
	rn_tracer_set_verbose_structs(t, o->verbose > 0 || o->no_abbrev);
	rn_tracer_set_strings_in_hex(t, o->strings_hex);
	rn_tracer_set_const_style(t, o->const_style == 1   ? RN_CONST_RAW
				  : o->const_style == 2 ? RN_CONST_VERBOSE
							: RN_CONST_ABBREV);
	for (i = 0; i < o->nfilters; i++) {
		if (rn_tracer_add_filter(t, o->filters[i]) < 0) {
			fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
			code = EXIT_USAGE;
			goto out;
		}
	}
	for (i = 0; i < o->npaths; i++) {
		if (rn_tracer_add_path(t, o->paths[i]) < 0) {
			fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
			code = EXIT_USAGE;
			goto out;
		}
	}
	if (o->sort && rn_tracer_set_summary_sort(t, o->sort) < 0) {
		fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
		code = EXIT_USAGE;
		goto out;
	}
	if (rn_tracer_set_string_limit(t, o->string_limit) < 0) {
		fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
		code = EXIT_USAGE;
		goto out;
	}
	code = open_output(o, t);
	if (code)
		goto out;
	g_tracer = t;
	install_handlers();
	if (o->command) {
		rc = rn_tracer_spawn(t, o->command);
		if (rc < 0) {
			fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
			code = rc == -ENOENT ? EXIT_NOT_FOUND : rc == -EACCES ? EXIT_CANNOT_EXEC
									   : EXIT_INTERNAL;
			goto out;
		}
	} else {
		code = attach_all(o, t);
		if (code)
			goto out;
	}
	notices(o, t, true);
	while ((ev = rn_tracer_next(t))) {
		notices(o, t, false);
		if (rn_event_type(ev) == RN_EV_DETACH && !o->quiet)
			fprintf(stderr, "renacer: Process %d detached\n", rn_event_tid(ev));
	}
	rc = rn_tracer_failed(t) ? -1 : 0;
	if (rc < 0) {
		fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
		code = EXIT_INTERNAL;
		goto out;
	}
	if (o->command) {
		code = exit_code_of(rn_tracer_exit_status(t));
	} else {
		code = EXIT_OK;
	}
out:
	g_tracer = NULL;
	rn_tracer_free(t);
	return code;
}

int main(int argc, char **argv)
{
	struct cli_options o;
	int rc;

	/* "renacer compare A B"; trace a program called compare as "renacer -- compare" */
	if (argc > 1 && !strcmp(argv[1], "compare"))
		return compare_main(argc - 1, argv + 1);
	rc = options_parse(&o, argc, argv);
	if (rc)
		return rc;
	if (o.help) {
		usage_print(stdout);
		return EXIT_OK;
	}
	if (o.version) {
		printf("renacer %s\n", rn_version());
		return EXIT_OK;
	}
	return run(&o);
}
