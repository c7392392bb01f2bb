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
int decode_rwv2(struct decode_ctx *ctx, struct event *ev);
int decode_mremap(struct decode_ctx *ctx, struct event *ev);

#endif
