/* SPDX-License-Identifier: MIT */
/* Decoders of the memory family: mremap. */
#include "syscalls/decode_family.h"

#include "core/event.h"

#define MREMAP_FIXED 2u

/* mremap(2): new_address is only an argument with MREMAP_FIXED. */
int decode_mremap(struct decode_ctx *ctx, struct event *ev)
{
	if (ctx->phase == DECODE_ENTRY && !(ev->args[3].raw & MREMAP_FIXED))
		ev->nargs = 4;
	return 0;
}
