/* SPDX-License-Identifier: MIT */
/* Decoders of the process family: clone, prctl. */
#include "syscalls/decode_family.h"

#include <limits.h>
#include <string.h>

#include "core/event.h"
#include "syscalls/decode_struct.h"
#include "syscalls/table.h"

#define CLONE_SETTLS 0x00080000u
#define CLONE_PARENT_SETTID 0x00100000u
#define CLONE_CHILD_CLEARTID 0x00200000u
#define CLONE_CHILD_SETTID 0x01000000u
#define CLONE_PIDFD 0x00001000u

/* clone(2): strace shows child_stack and flags at entry and the pointers the flags
 * make meaningful (parent_tid, tls, child_tidptr) at exit; with none, only two. */
int decode_clone(struct decode_ctx *ctx, struct event *ev)
{
	uint64_t fl = ev->args[0].raw;

	if (ctx->phase != DECODE_ENTRY)
		return 0;
	ev->nargs = fl & (CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_PIDFD | CLONE_CHILD_SETTID |
			  CLONE_CHILD_CLEARTID)
			    ? 2
			    : 1;
	return 0;
}

/* clone3(2): the kernel stores the new pidfd and the child's tid where clone_args
 * says; strace shows them after the structure, " => {parent_tid=[42]}". At entry the
 * structure moves to a scratch area with 8 more bytes (counted in len): pidfd,
 * parent_tid; count records which were read (CLONE3_GOT_*, decode_struct.h). */
int decode_clone3(struct decode_ctx *ctx, struct event *ev)
{
	struct ev_arg *a = &ev->args[0];
	uint64_t fl, ptr;
	int32_t v;
	char *p;

	if (a->state != ARG_S_DATA || a->len < 32)
		return 0;
	if (ctx->phase == DECODE_ENTRY) {
		p = decode_scratch_take(ctx, (size_t)a->len + 8);
		if (!p) {
			a->state = ARG_S_UNREADABLE;
			return 0;
		}
		memcpy(p, a->data, a->len);
		memset(p + a->len, 0, 8);
		a->data = p;
		a->len += 8;
		a->count = 0;
		return 0;
	}
	if (ev->err || (ev->flags & EV_F_NORETURN) || a->len < 40)
		return 0;
	memcpy(&fl, a->data, 8);
	p = (char *)a->data + a->len - 8;
	memcpy(&ptr, a->data + 8, 8);
	if ((fl & CLONE_PIDFD) && ctx->read_mem(ctx->read_ud, ctx->tid, ptr, &v, 4) == 4) {
		memcpy(p, &v, 4);
		a->count |= CLONE3_GOT_PIDFD;
	}
	memcpy(&ptr, a->data + 24, 8);
	if ((fl & CLONE_PARENT_SETTID) && ctx->read_mem(ctx->read_ud, ctx->tid, ptr, &v, 4) == 4) {
		memcpy(p + 4, &v, 4);
		a->count |= CLONE3_GOT_PARENT_TID;
	}
	return 0;
}

/* prctl(2): how many arguments an option takes and what they are (prctl(2)). */
int decode_prctl(struct decode_ctx *ctx, struct event *ev)
{
	if (ctx->phase != DECODE_ENTRY)
		return 0;
	switch ((int)ev->args[0].raw) {
	case 15: /* PR_SET_NAME */
		ev->args[1].kind = A_STR;
		ev->nargs = 2;
		return decode_cstring(ctx, ev, 1, ctx->string_limit);
	case 1: /* PR_SET_PDEATHSIG */
		ev->args[1].kind = A_SIGNAL;
		ev->nargs = 2;
		return 0;
	case 3:	 /* PR_GET_DUMPABLE */
	case 7:	 /* PR_GET_KEEPCAPS */
	case 21: /* PR_GET_SECCOMP */
	case 27: /* PR_GET_SECUREBITS */
	case 30: /* PR_GET_TIMERSLACK */
	case 37: /* PR_GET_CHILD_SUBREAPER */
	case 39: /* PR_GET_NO_NEW_PRIVS */
	case 42: /* PR_GET_THP_DISABLE */
		ev->nargs = 1;
		return 0;
	case 2:	 /* PR_GET_PDEATHSIG, PR_GET_NAME: a pointer */
	case 16:
	case 4:	 /* PR_SET_DUMPABLE, PR_SET_KEEPCAPS, PR_CAPBSET_READ/DROP, ... */
	case 8:
	case 23:
	case 24:
	case 36:
		ev->nargs = 2;
		ev->args[1].kind = ev->args[0].raw == 2 || ev->args[0].raw == 16 ? A_PTR : A_ULONG;
		return 0;
	case 38: /* PR_SET_NO_NEW_PRIVS */
		ev->args[1].kind = A_ULONG;
		ev->args[2].kind = A_ULONG;
		ev->args[3].kind = A_ULONG;
		ev->args[4].kind = A_ULONG;
		return 0;
	default:
		return 0;
	}
}
