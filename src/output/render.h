/* SPDX-License-Identifier: MIT */
/* Rendering of decoded events as strace shows them. Shared by the text
 * writer and by the structured writers, whose "args" keep this form. */
#ifndef RN_OUTPUT_RENDER_H
#define RN_OUTPUT_RENDER_H

#include <stdbool.h>
#include <stddef.h>

struct buf;
struct event;

/* "openat", or "syscall_0x1c8" for an unknown number. */
int render_name(struct buf *b, const struct event *ev);
/* Argument i, e.g. AT_FDCWD, "data.csv", O_RDONLY|O_CLOEXEC. */
int render_arg(struct buf *b, const struct event *ev, int i);
/* The part after " = ": 3, 0x7f.., -1 ENOENT (No such file or directory), ?. */
int render_ret(struct buf *b, const struct event *ev);
/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---" or "--- stopped by SIGSTOP ---". */
int render_signal(struct buf *b, const struct event *ev);
/* "+++ exited with 0 +++", "+++ killed by SIGSEGV (core dumped) +++". */
int render_exit(struct buf *b, const struct event *ev);
/* A C string literal with strace's escaping; "..." appended when trunc. */
int render_quoted(struct buf *b, const char *s, size_t len, bool trunc);

#endif
