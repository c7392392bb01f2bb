/* SPDX-License-Identifier: MIT */
/* Generic decoding by argument kind (the table's ARGS). Tracee memory is
 * untrusted: any read may fail, and then the raw address is kept. */
#include "syscalls/decode.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <string.h>

#include <asm/unistd.h>

#include "core/event.h"
#include "syscalls/decode_family.h"
#include "syscalls/decode_struct.h"
#include "syscalls/table.h"

static const decode_fn decoders[SYSCALL_NR_LIMIT] = {
#define DECODER(name, fn) [__NR_##name] = fn,
#include "syscalls/decoders.def"
#undef DECODER
};

static int decode_special(struct decode_ctx *ctx, struct event *ev)
{
	if (!ev->sc || ev->nr < 0 || ev->nr >= SYSCALL_NR_LIMIT || !decoders[ev->nr])
		return 0;
	return decoders[ev->nr](ctx, ev);
}

static int decode_raw(struct decode_ctx *ctx, struct event *ev, int i, size_t len);
static char *scratch_take(struct decode_ctx *ctx, size_t n);

#define PAGE 4096u
#define ENVP_COUNT_MAX 65536u /* stop counting environment entries here */

size_t decode_scratch_size(unsigned string_limit, unsigned array_limit)
{
	/* two paths, an argv of array_limit strings, one buffer; then structures: iovec
	 * arrays with array_limit buffers (x2 for msghdr), fixed structs (statx is 256). */
	return 2 * (PATH_MAX + 1) + (size_t)(array_limit + 1) * (string_limit + 2) +
	       string_limit + 64 + 2 * (size_t)array_limit * (string_limit + 24) + 4096;
}

char *decode_scratch_take(struct decode_ctx *ctx, size_t n)
{
	return scratch_take(ctx, n);
}

static char *scratch_take(struct decode_ctx *ctx, size_t n)
{
	char *p;

	if (ctx->scratch_cap - ctx->scratch_len < n)
		return NULL;
	p = ctx->scratch + ctx->scratch_len;
	ctx->scratch_len += n;
	return p;
}

/* Read a NUL-terminated string of at most max bytes into dst (capacity max+1).
 * Returns its length, with *trunc set when no NUL was found within max bytes,
 * or a negative errno when nothing could be read. */
static ssize_t read_cstring(struct decode_ctx *ctx, uint64_t addr, char *dst, size_t max,
			    uint8_t *trunc)
{
	size_t got = 0;

	*trunc = 0;
	while (got < max) {
		/* Never cross a page in one read: the next page may be unmapped. */
		size_t chunk = PAGE - (size_t)((addr + got) % PAGE);
		ssize_t n;
		char *nul;

		if (chunk > max - got)
			chunk = max - got;
		n = ctx->read_mem(ctx->read_ud, ctx->tid, addr + got, dst + got, chunk);
		if (n <= 0) {
			if (got == 0)
				return n < 0 ? n : -EFAULT;
			break;
		}
		nul = memchr(dst + got, '\0', (size_t)n);
		if (nul) {
			got = (size_t)(nul - dst);
			dst[got] = '\0';
			return (ssize_t)got;
		}
		got += (size_t)n;
		if ((size_t)n < chunk)
			break;
	}
	dst[got] = '\0';
	if (got == max) {
		/* One more byte tells whether the string really goes on. */
		char c;

		if (ctx->read_mem(ctx->read_ud, ctx->tid, addr + got, &c, 1) == 1 && c != '\0')
			*trunc = 1;
	}
	return (ssize_t)got;
}

int decode_cstring(struct decode_ctx *ctx, struct event *ev, int i, size_t max)
{
	struct ev_arg *a = &ev->args[i];
	char *dst;
	ssize_t n;

	if (a->raw == 0)
		return 0;
	dst = scratch_take(ctx, max + 1);
	if (!dst) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	n = read_cstring(ctx, a->raw, dst, max, &a->trunc);
	if (n < 0) {
		ctx->scratch_len -= max + 1;
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	ctx->scratch_len -= max + 1 - ((size_t)n + 1);
	a->data = dst;
	a->len = (uint32_t)n;
	a->state = ARG_S_DATA;
	return 0;
}

int decode_buffer(struct decode_ctx *ctx, struct event *ev, int i, uint64_t len)
{
	struct ev_arg *a = &ev->args[i];
	size_t want = len > ctx->string_limit ? ctx->string_limit : (size_t)len;
	char *dst;
	ssize_t n;

	if (a->raw == 0) {
		a->state = ARG_S_RAW; /* shown as NULL */
		return 0;
	}
	dst = scratch_take(ctx, want + 1);
	if (!dst) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	n = want ? ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, dst, want) : 0;
	if (n < (ssize_t)want && want > 0) {
		/* A buffer that crosses into an unmapped page: read what is mapped. */
		size_t first = PAGE - (size_t)(a->raw % PAGE);

		if (n <= 0 && first < want)
			n = ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, dst, first);
		if (n <= 0) {
			ctx->scratch_len -= want + 1;
			a->state = ARG_S_UNREADABLE;
			return 0;
		}
	}
	dst[n] = '\0';
	ctx->scratch_len -= want - (size_t)n;
	a->data = dst;
	a->len = (uint32_t)n;
	a->trunc = len > (uint64_t)n;
	a->state = ARG_S_DATA;
	return 0;
}

void decode_fdrec(struct decode_ctx *ctx, int fd, const char **rec, uint16_t *len)
{
	char *dst;
	size_t n;

	*rec = NULL;
	*len = 0;
	if (!ctx->describe_fd || (fd < 0 && fd != AT_FDCWD))
		return;
	dst = scratch_take(ctx, DECODE_FDREC_MAX);
	if (!dst)
		return;
	n = ctx->describe_fd(ctx->describe_ud, ctx->tid, fd, dst, DECODE_FDREC_MAX);
	ctx->scratch_len -= DECODE_FDREC_MAX - n;
	if (n) {
		*rec = dst;
		*len = (uint16_t)n;
	}
}

/* -y: one record per descriptor of a pollfd array or an fd_set, in order, in
 * ev_arg.fdpath (FDREC_NONE for those not known). */
static void decode_fd_array(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	size_t start = ctx->scratch_len;
	uint32_t k, n;

	if (a->state != ARG_S_DATA || (a->kind != A_POLLFD && a->kind != A_FDSET))
		return;
	n = a->kind == A_POLLFD ? a->len / 8 : a->len * 8;
	for (k = 0; k < n; k++) {
		const char *rec;
		uint16_t len;
		int fd;

		if (a->kind == A_POLLFD) {
			memcpy(&fd, a->data + 8 * k, 4);
		} else {
			if ((int)k >= (int)ev->args[0].raw)
				break;
			if (!((unsigned char)a->data[k / 8] & (1u << (k % 8))))
				continue;
			fd = (int)k;
		}
		decode_fdrec(ctx, fd, &rec, &len);
		if (!rec) {
			char *none = scratch_take(ctx, 3);

			if (!none)
				break;
			none[0] = (char)FDREC_NONE;
			none[1] = none[2] = '\0';
		}
	}
	if (ctx->scratch_len > start && ctx->scratch_len - start <= UINT16_MAX) {
		a->fdpath = ctx->scratch + start;
		a->fdpath_len = (uint16_t)(ctx->scratch_len - start);
	}
}

/* fcntl(2) commands returning a new descriptor: F_DUPFD, F_DUPFD_CLOEXEC. */
static bool returns_fd(const struct event *ev)
{
	if (ev->sc->ret == RET_FD)
		return true;
	return ev->nr == __NR_fcntl &&
	       (ev->args[1].raw == F_DUPFD || ev->args[1].raw == F_DUPFD_CLOEXEC);
}

/* -y: the pair of pipe(2)/socketpair(2) as two records in a row, and the result. */
static void decode_exit_fds(struct decode_ctx *ctx, struct event *ev)
{
	int i;

	if (!ctx->describe_fd || !ev->sc || ev->err || (ev->flags & EV_F_NORETURN))
		return;
	for (i = 0; i < ev->nargs; i++) {
		struct ev_arg *a = &ev->args[i];
		const char *r1, *r2;
		uint16_t l1, l2;
		int fds[2];

		if (a->kind != A_FDPAIR_OUT || a->state != ARG_S_DATA || a->len < sizeof(fds))
			continue;
		memcpy(fds, a->data, sizeof(fds));
		decode_fdrec(ctx, fds[0], &r1, &l1);
		decode_fdrec(ctx, fds[1], &r2, &l2);
		/* both or none: the renderer reads them in a row */
		if (r1 && r2 && r2 == r1 + l1) {
			a->fdpath = r1;
			a->fdpath_len = (uint16_t)(l1 + l2);
		}
	}
	if (ev->ret >= 0 && ev->ret <= INT_MAX && returns_fd(ev))
		decode_fdrec(ctx, (int)ev->ret, &ev->ret_fdpath, &ev->ret_fdpath_len);
}

/* A fixed-size binary structure, kept as bytes. */
int decode_struct(struct decode_ctx *ctx, struct event *ev, int i, size_t len)
{
	return decode_raw(ctx, ev, i, len);
}

static int decode_raw(struct decode_ctx *ctx, struct event *ev, int i, size_t len)
{
	struct ev_arg *a = &ev->args[i];
	char *dst = scratch_take(ctx, len);

	if (!dst || a->raw == 0 ||
	    ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, dst, len) != (ssize_t)len) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	a->data = dst;
	a->len = (uint32_t)len;
	a->state = ARG_S_DATA;
	return 0;
}

/* argv: up to array_limit strings, each up to string_limit bytes, stored
 * one after another NUL-terminated. envp: only counted. */
static int decode_strarray(struct decode_ctx *ctx, struct event *ev, int i, int keep)
{
	struct ev_arg *a = &ev->args[i];
	uint64_t ptrs[64];
	unsigned count = 0;
	size_t start = ctx->scratch_len;
	unsigned limit = keep ? ctx->array_limit : ENVP_COUNT_MAX;

	if (a->raw == 0)
		return 0;
	for (;;) {
		size_t want = sizeof(ptrs);
		uint64_t at = a->raw + (uint64_t)count * 8;
		size_t page_left = PAGE - (size_t)(at % PAGE);
		ssize_t n;
		size_t k;

		if (want > page_left)
			want = page_left;
		n = ctx->read_mem(ctx->read_ud, ctx->tid, at, ptrs, want);
		if (n < 8) {
			if (count == 0) {
				a->state = ARG_S_UNREADABLE;
				return 0;
			}
			a->trunc = 1;
			goto done;
		}
		for (k = 0; k < (size_t)n / 8; k++) {
			if (ptrs[k] == 0)
				goto done;
			if (count >= limit) {
				a->trunc = 1;
				goto done;
			}
			if (keep) {
				char *dst = scratch_take(ctx, ctx->string_limit + 2);
				uint8_t tr = 0;
				ssize_t len;

				if (!dst) {
					a->trunc = 1;
					goto done;
				}
				/* element layout: one flag byte (1 = truncated), the string, NUL */
				len = read_cstring(ctx, ptrs[k], dst + 1, ctx->string_limit, &tr);
				if (len < 0) {
					/* strace shows an unreadable element as its address;
					 * keep it simple: stop the array there. */
					ctx->scratch_len -= ctx->string_limit + 2;
					a->trunc = 1;
					goto done;
				}
				dst[0] = (char)tr;
				ctx->scratch_len -= ctx->string_limit - (size_t)len;
			}
			count++;
		}
	}
done:
	a->count = count;
	if (keep) {
		a->data = ctx->scratch + start;
		a->len = (uint32_t)(ctx->scratch_len - start);
	}
	a->state = ARG_S_DATA;
	return 0;
}

static int decode_arg_entry(struct decode_ctx *ctx, struct event *ev, int i)
{
	switch (ev->args[i].kind) {
	case A_PATH:
		return decode_cstring(ctx, ev, i, PATH_MAX);
	case A_STR:
		return decode_cstring(ctx, ev, i, ctx->string_limit);
	case A_BUF_IN:
		if (i + 1 < ev->nargs)
			return decode_buffer(ctx, ev, i, ev->args[i + 1].raw);
		return 0;
	case A_ARGV:
		return decode_strarray(ctx, ev, i, 1);
	case A_ENVP:
		return decode_strarray(ctx, ev, i, ctx->verbose);
	case A_FD:
	case A_DIRFD:
		decode_fdrec(ctx, (int)ev->args[i].raw, &ev->args[i].fdpath,
			     &ev->args[i].fdpath_len);
		return 0;
	default:
		return decode_struct_entry(ctx, ev, i);
	}
}

int decode_entry(struct decode_ctx *ctx, struct event *ev)
{
	int i, rc;

	ctx->phase = DECODE_ENTRY;
	ctx->scratch_len = 0;
	ev->ret_fdpath = NULL;
	ev->ret_fdpath_len = 0;
	for (i = 0; i < ev->nargs; i++) {
		ev->args[i].fdpath = NULL;
		ev->args[i].fdpath_len = 0;
		ev->args[i].state = ARG_S_RAW;
		ev->args[i].trunc = 0;
		ev->args[i].data = NULL;
		ev->args[i].len = 0;
		ev->args[i].count = 0;
		if (arg_kind_is_inout(ev->args[i].kind))
			decode_inout_entry(ctx, ev, i);
		if (arg_kind_is_out(ev->args[i].kind))
			continue;
		rc = decode_arg_entry(ctx, ev, i);
		if (rc < 0)
			return rc;
		if (ctx->describe_fd)
			decode_fd_array(ctx, ev, i);
	}
	return decode_special(ctx, ev);
}

int decode_exit(struct decode_ctx *ctx, struct event *ev)
{
	int i;

	ctx->phase = DECODE_EXIT;
	for (i = 0; i < ev->nargs; i++) {
		struct ev_arg *a = &ev->args[i];

		if (!arg_kind_is_out(a->kind))
			continue;
		if (arg_kind_is_inout(a->kind)) {
			if (!ev->err && !(ev->flags & EV_F_NORETURN))
				decode_inout_exit(ctx, ev, i);
			continue;
		}
		if ((ev->err && a->kind != A_MMSGHDR_OUT) || (ev->flags & EV_F_NORETURN)) {
			a->state = ARG_S_NOT_FETCHED;
			continue;
		}
		if (a->kind == A_BUF_OUT)
			decode_buffer(ctx, ev, i, ev->ret > 0 ? (uint64_t)ev->ret : 0);
		else if (a->kind == A_FDPAIR_OUT)
			decode_raw(ctx, ev, i, 2 * sizeof(int));
		else
			decode_struct_exit(ctx, ev, i);
	}
	decode_exit_fds(ctx, ev);
	return decode_special(ctx, ev);
}
