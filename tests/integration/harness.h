/* SPDX-License-Identifier: MIT */
/* Helpers for integration tests: trace tests/progs programs through the
 * library, or run the renacer binary and capture what it prints. */
#ifndef RN_TESTS_HARNESS_H
#define RN_TESTS_HARNESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "renacer.h"

/* Absolute path of a test program in the build tree (static storage). */
const char *prog_path(const char *name);
/* Absolute path of the renacer binary. */
const char *renacer_path(void);

/* Trace a test program with extra argv (NULL-terminated after name) through
 * the library with recording on. follow: -f. Returns owned trace. */
struct rn_trace *trace_prog_argv(bool follow, const char *name, const char *const *args);
struct rn_trace *trace_prog(const char *name);
/* The nth (0-based) completed call named name, or NULL. */
const struct rn_event *trace_find(const struct rn_trace *t, const char *name, int nth);
/* Count of completed calls named name. */
int trace_count_name(const struct rn_trace *t, const char *name);
/* Rendered argument i of ev (static storage, overwritten by the next call). */
const char *arg_str(const struct rn_event *ev, int i);

struct cli_result {
	int status;   /* wait(2) status of renacer */
	int code;     /* exit code, or 128+signal */
	char *out;    /* owned: renacer's stdout (the traced program's too) */
	char *err;    /* owned: renacer's stderr (the trace, unless -o), ") = " unpadded */
	char *err_raw; /* owned: stderr exactly as written */
};

/* Run renacer with argv (NULL-terminated, without argv[0]) in directory cwd
 * (NULL: the current one); stdin is /dev/null. */
int run_cli(struct cli_result *r, const char *cwd, const char *const *argv);
void cli_result_fini(struct cli_result *r);
/* Remove strace's column-40 padding before "= " in place. */
void unpad_results(char *text);
/* The lines of text with the padding removed: owned NULL-terminated array
 * of owned strings (free with free_lines()); *n gets the count when n. */
char **split_lines(const char *text, int *n);
void free_lines(char **v);
/* Owned copy of a file's contents, or NULL. */
char *read_file(const char *path);
/* Replace pids, addresses and similar volatile numbers so lines compare. */
char *normalize_trace(const char *text);

/* Background processes for attach/interrupt tests. */
void sleep_ms(long ms);
/* fork+exec argv in cwd (NULL: the current one) with stdin /dev/null and
 * stdout/stderr to the given fds (-1: /dev/null); only 0-2 stay open. */
pid_t spawn_bg(const char *cwd, char *const argv[], int out, int err);
/* Exit code (128+N when killed) of pid within ms, or -1 after killing it;
 * -2 when pid is not a child. */
int wait_exit(pid_t pid, long ms);
/* Poll path until it contains one of subs (NULL-terminated) or ms pass. */
bool wait_file_has(const char *path, const char *const *subs, long ms);

/* Skip the current test when ptrace is not permitted here. */
void require_ptrace(void);

#endif
