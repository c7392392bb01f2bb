/* SPDX-License-Identifier: MIT */
/* Decoders of the file family: open and friends. */
#include "syscalls/decode_family.h"

#include <string.h>

#include "core/event.h"
#include "syscalls/flags.h"

/* open(2): the mode argument is only meaningful with O_CREAT or O_TMPFILE,
 * and is not shown otherwise. */
int decode_open(struct decode_ctx *ctx, struct event *ev)
{
	int flags_i = ev->nr == 2 ? 1 : 2; /* open(path, flags, mode), openat(dirfd, ...) */

	if (ctx->phase == DECODE_ENTRY && !flags_open_has_mode(ev->args[flags_i].raw))
		ev->nargs = (uint8_t)(flags_i + 1);
	return 0;
}
