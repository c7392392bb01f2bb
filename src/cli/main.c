/* SPDX-License-Identifier: MIT */
/* The renacer command: parse options, drive the library, pick an exit code. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

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

static int open_output(const struct cli_options *o, struct rn_tracer *t)
{
	int fd = 2, flags = RN_OUT_LINEBUF;

	if (o->output) {
		fd = open(o->output, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
		if (fd < 0) {
			fprintf(stderr, "renacer: Can't open '%s': %s\n", o->output, strerror(errno));
			return EXIT_USAGE;
		}
		flags = RN_OUT_CLOSE;
	}
	if (rn_tracer_add_output(t, "text", fd, (unsigned)flags) < 0) {
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

static int run(const struct cli_options *o)
{
	struct rn_tracer *t = rn_tracer_new();
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
	rn_tracer_set_relative_timestamps(t, o->relative);
	rn_tracer_set_timestamps(t, o->ts_format == 2 ? RN_TS_UNIX : o->ts_format == 1 ? RN_TS_TIME
											 : RN_TS_NONE,
				 o->ts_digits);
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
	rc = rn_tracer_run(t);
	if (rc < 0) {
		fprintf(stderr, "renacer: %s\n", rn_tracer_errmsg(t));
		code = EXIT_INTERNAL;
		goto out;
	}
	if (o->command) {
		code = exit_code_of(rn_tracer_exit_status(t));
	} else {
		code = EXIT_OK;
		for (i = 0; i < o->npids && !o->quiet; i++)
			if (kill(o->pids[i], 0) == 0)
				fprintf(stderr, "renacer: Process %d detached\n", o->pids[i]);
	}
out:
	g_tracer = NULL;
	rn_tracer_free(t);
	return code;
}

int main(int argc, char **argv)
{
	struct cli_options o;
	int rc = options_parse(&o, argc, argv);

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
