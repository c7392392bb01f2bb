/* SPDX-License-Identifier: MIT */
/* Decoders of the time and waiting family: futex, poll, select. */
#include "syscalls/decode_family.h"

#include <string.h>
#include <asm/unistd.h>

#include "core/event.h"
#include "syscalls/table.h"

int decode_keep_twice(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	char *p;

	if (ctx->phase == DECODE_ENTRY) {
		if (a->state != ARG_S_DATA || !a->len)
			return 0;
		p = decode_scratch_take(ctx, 2 * (size_t)a->len);
		if (!p)
			return 0;
		memcpy(p, a->data, a->len);
		memset(p + a->len, 0, a->len);
		a->data = p;
		a->len *= 2;
		a->count = 2; /* halves; the second not read yet */
		return 0;
	}
	/* exit: only when the entry made the two halves */
	if (ev->err || a->state != ARG_S_DATA || a->count != 2 || !a->raw)
		return 0;
	if (ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, (char *)a->data + a->len / 2,
			  a->len / 2) == (ssize_t)(a->len / 2))
		a->count = 1;
	return 0;
}

/* select(2), pselect6(2): the kernel rewrites the fd sets and the timeout; keep both
 * versions for "= 1 (out [4], left {...})". */
int decode_select(struct decode_ctx *ctx, struct event *ev)
{
	int i;

	for (i = 1; i <= 4; i++)
		decode_keep_twice(ctx, ev, i);
	return 0;
}

/* futex(2): the arguments an operation uses; timeouts are read as timespecs only by
 * the waiting operations (for the others the slot is val2, a number). */
int decode_futex(struct decode_ctx *ctx, struct event *ev)
{
	unsigned cmd = (unsigned)ev->args[1].raw & 0x7f;

	if (ctx->phase != DECODE_ENTRY)
		return 0;
	switch (cmd) {
	case 0:	 /* FUTEX_WAIT */
		ev->nargs = 4;
		return 0;
	case 1:	 /* FUTEX_WAKE, FUTEX_FD */
	case 2:
		ev->nargs = 3;
		return 0;
	case 7:	 /* FUTEX_UNLOCK_PI, FUTEX_TRYLOCK_PI */
	case 8:
		ev->nargs = 2;
		return 0;
	case 6:	 /* FUTEX_LOCK_PI, FUTEX_LOCK_PI2: uaddr, op, timeout */
	case 13:
		ev->args[2] = ev->args[3];
		ev->nargs = 3;
		return 0;
	case 3:	 /* FUTEX_REQUEUE: val, val2, uaddr2 */
	case 4:	 /* FUTEX_CMP_REQUEUE: val, val2, uaddr2, val3 */
	case 5:	 /* FUTEX_WAKE_OP */
	case 12: /* FUTEX_CMP_REQUEUE_PI */
		ev->args[3].kind = A_UINT;
		ev->args[3].state = ARG_S_RAW;
		ev->nargs = cmd == 3 ? 5 : 6;
		return 0;
	case 9: /* FUTEX_WAIT_BITSET: val, timeout, bitset (no uaddr2) */
		ev->args[4] = ev->args[5];
		ev->args[4].kind = A_X_FUTEX_BITSET;
		ev->nargs = 5;
		return 0;
	case 10: /* FUTEX_WAKE_BITSET: val, NULL, NULL, bitset */
		ev->args[3].state = ARG_S_RAW;
		return 0;
	default:
		return 0;
	}
}

/* recvmmsg(2): the kernel rewrites the timeout; "= 2 (left {...})". */
int decode_recvmmsg(struct decode_ctx *ctx, struct event *ev)
{
	return decode_keep_twice(ctx, ev, 4);
}

/* poll(2), ppoll(2): the kernel fills revents; read the array again at exit so that
 * the return value can list them. */
int decode_poll(struct decode_ctx *ctx, struct event *ev)
{
	if (ev->nr == __NR_ppoll) /* the time left, "left {...}" */
		decode_keep_twice(ctx, ev, 2);
	if (ctx->phase != DECODE_EXIT || ev->err || ev->args[0].state != ARG_S_DATA)
		return 0;
	return decode_struct(ctx, ev, 0, ev->args[0].len);
}
