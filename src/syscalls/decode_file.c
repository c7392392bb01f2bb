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

/* ioctl(2) requests whose third argument the kernel writes: size of what it writes. */
static size_t ioctl_out_size(uint32_t cmd)
{
	switch (cmd) {
	case 0x5401: /* TCGETS: struct termios of the kernel, 36 bytes */
		return 36;
	case 0x5413: /* TIOCGWINSZ */
		return 8;
	case 0x541b: /* FIONREAD */
	case 0x540f: /* TIOCGPGRP */
	case 0x5411: /* TIOCOUTQ */
	case 0x5429: /* TIOCGSID */
	case 0x80045430: /* TIOCGPTN */
		return 4;
	default:
		return 0;
	}
}

/* ioctl(2) requests whose third argument the kernel reads. */
static size_t ioctl_in_size(uint32_t cmd)
{
	switch (cmd) {
	case 0x5402: /* TCSETS, TCSETSW, TCSETSF */
	case 0x5403:
	case 0x5404:
		return 36;
	case 0x5414: /* TIOCSWINSZ */
		return 8;
	case 0x5421: /* FIONBIO */
	case 0x5410: /* TIOCSPGRP */
	case 0x5452: /* FIOASYNC */
	case 0x40045431: /* TIOCSPTLCK */
		return 4;
	default:
		return 0;
	}
}

int decode_ioctl(struct decode_ctx *ctx, struct event *ev)
{
	uint32_t cmd = (uint32_t)ev->args[1].raw;
	size_t n;

	if (ctx->phase != DECODE_ENTRY)
		return 0;
	switch (cmd) {
	case 0x5450: /* FIONCLEX, FIOCLEX, TIOCNOTTY, TIOCEXCL, TIOCNXCL, TIOCSBRK, TIOCCBRK:
		      * no argument */
	case 0x5451:
	case 0x5422:
	case 0x540c:
	case 0x540d:
	case 0x5427:
	case 0x5428:
		ev->nargs = 2;
		return 0;
	default:
		break;
	}
	n = ioctl_out_size(cmd);
	if (n) {
		ev->args[2].kind = A_IOCTL_OUT;
		ev->args[2].count = (uint32_t)n;
		return 0;
	}
	n = ioctl_in_size(cmd);
	if (n && ev->args[2].raw)
		return decode_struct(ctx, ev, 2, n);
	return 0;
}

int decode_fcntl(struct decode_ctx *ctx, struct event *ev)
{
	if (ctx->phase != DECODE_ENTRY)
		return 0;
	switch ((int)ev->args[1].raw) {
	case 1:	   /* F_GETFD */
	case 3:	   /* F_GETFL */
	case 9:	   /* F_GETOWN */
	case 11:   /* F_GETSIG */
	case 1025: /* F_GETLEASE */
	case 1032: /* F_GETPIPE_SZ */
	case 1034: /* F_GET_SEALS */
		ev->nargs = 2;
		return 0;
	case 6:	 /* F_SETLK, F_SETLKW, F_OFD_SETLK, F_OFD_SETLKW: struct flock is read */
	case 7:
	case 37:
	case 38:
		return decode_struct(ctx, ev, 2, 32);
	case 5: /* F_GETLK, F_OFD_GETLK: struct flock is read and written back */
	case 36:
		ev->args[2].kind = A_FCNTL_OUT;
		ev->args[2].count = 32;
		return 0;
	default:
		return 0;
	}
}

/* preadv2/pwritev2: the kernel takes the offset as two words; strace shows one offset
 * and the flags, so the high word is dropped. */
int decode_rwv2(struct decode_ctx *ctx, struct event *ev)
{
	if (ctx->phase == DECODE_ENTRY && ev->nargs == 6) {
		ev->args[4] = ev->args[5];
		ev->nargs = 5;
	}
	return 0;
}
