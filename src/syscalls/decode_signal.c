/* SPDX-License-Identifier: MIT */
/* Decoders of the signal family: rt_sigreturn, whose only argument is the signal
 * frame on the stack. */
#include "syscalls/decode_family.h"

#include <string.h>

#include "core/event.h"
#include "syscalls/table.h"

/*
 * x86_64 (arch/x86/kernel/signal.c): the handler returned into the restorer, which
 * popped the frame's return address, so the stack pointer at rt_sigreturn is the
 * address of the frame's struct ucontext. uc_sigmask follows uc_flags (8), uc_link
 * (8), uc_stack (24) and uc_mcontext (struct sigcontext, 256).
 */
#define UC_SIGMASK_OFFSET 296

int decode_rt_sigreturn(struct decode_ctx *ctx, struct event *ev)
{
	struct ev_arg *a = &ev->args[0];
	char *p;

	if (ctx->phase != DECODE_ENTRY || !ctx->sp)
		return 0;
	p = decode_scratch_take(ctx, 8);
	if (!p || ctx->read_mem(ctx->read_ud, ctx->tid, ctx->sp + UC_SIGMASK_OFFSET, p, 8) != 8)
		return 0;
	memset(a, 0, sizeof(*a));
	a->raw = ctx->sp;
	a->kind = A_SIGFRAME;
	a->state = ARG_S_DATA;
	a->data = p;
	a->len = 8;
	ev->nargs = 1;
	return 0;
}
