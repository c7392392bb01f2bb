/* SPDX-License-Identifier: MIT */
/* Renderers of structure, array and named-constant argument kinds (stat, sigaction,
 * sockaddr, iovec, ...) as strace 6.1 prints them; called by render_arg(). */
#ifndef RN_OUTPUT_RENDER_STRUCT_H
#define RN_OUTPUT_RENDER_STRUCT_H

#include <stdint.h>

struct buf;
struct event;
struct render_opts;

/* Appends argument i when its kind is one of these; returns 1 when it did, 0 when the
 * kind is not handled here (the caller falls back), negative on -ENOMEM. */
int render_struct_arg(struct buf *b, const struct event *ev, int i, const struct render_opts *ro);
/* Appends a successful return value that strace decorates: "0x1 (flags FD_CLOEXEC)",
 * "0 (Timeout)", "1 ([{fd=4, revents=POLLOUT}])". Returns 1 when it did, else 0. */
int render_struct_ret(struct buf *b, const struct event *ev, const struct render_opts *ro);

/* Pieces also used by tests: [INT TERM], ~[RTMIN RT_1]; {tv_sec=1, tv_nsec=0}. */
int render_sigset(struct buf *b, uint64_t mask, const struct render_opts *ro);
int render_wait_status(struct buf *b, int status);
int render_sockaddr(struct buf *b, const void *sa, uint32_t len, const struct render_opts *ro);
/* clone(2) flags with the exit signal, each part styled as ro's -X asks. */
int render_clone_flags(struct buf *b, uint64_t v, const struct render_opts *ro);

#endif
