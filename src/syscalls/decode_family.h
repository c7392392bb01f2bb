/* SPDX-License-Identifier: MIT */
/* Per-syscall decoders listed in decoders.def. Each runs after the generic
 * decoding by kind, at entry and at exit (ctx->phase), and refines ev. */
#ifndef RN_SYSCALLS_DECODE_FAMILY_H
#define RN_SYSCALLS_DECODE_FAMILY_H

#include "syscalls/decode.h"

struct event;

typedef int (*decode_fn)(struct decode_ctx *ctx, struct event *ev);

int decode_open(struct decode_ctx *ctx, struct event *ev);
int decode_ioctl(struct decode_ctx *ctx, struct event *ev);
int decode_fcntl(struct decode_ctx *ctx, struct event *ev);
int decode_clone(struct decode_ctx *ctx, struct event *ev);
int decode_prctl(struct decode_ctx *ctx, struct event *ev);
int decode_futex(struct decode_ctx *ctx, struct event *ev);
int decode_poll(struct decode_ctx *ctx, struct event *ev);
int decode_recvmmsg(struct decode_ctx *ctx, struct event *ev);
int decode_rwv2(struct decode_ctx *ctx, struct event *ev);
int decode_mremap(struct decode_ctx *ctx, struct event *ev);
int decode_select(struct decode_ctx *ctx, struct event *ev);
int decode_clone3(struct decode_ctx *ctx, struct event *ev);
int decode_rt_sigreturn(struct decode_ctx *ctx, struct event *ev);

/* For arguments the kernel rewrites (select's fd sets, the time left): at entry,
 * moves argument i's bytes to a twice as large scratch area (len doubles, count 2);
 * at exit, reads the new bytes into the second half and sets count to 1. Renderers
 * show the first half as the argument and the second in the result ("left {...}"). */
int decode_keep_twice(struct decode_ctx *ctx, struct event *ev, int i);

#endif
