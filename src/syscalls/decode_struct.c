/* SPDX-License-Identifier: MIT */
/* Generic decoding of structure kinds: copies the tracee's bytes into the task's scratch
 * so that output/render_struct.c can show them. Fixed layouts are the x86_64 kernel ABI
 * (asm/stat.h, linux/stat.h, asm/statfs.h, asm/signal.h, linux/uio.h, sys/socket.h). */
#include "syscalls/decode_struct.h"

#include <errno.h>
#include <string.h>

#include "core/event.h"
#include "syscalls/decode.h"
#include "syscalls/table.h"

#define SOCKADDR_MAX 128u   /* sizeof(struct sockaddr_storage) */
#define CONTROL_MAX 256u    /* bytes of msg_control kept */
#define CLONE_ARGS_MAX 88u  /* struct clone_args up to cgroup (linux/sched.h) */
#define CPUSET_MAX 128u     /* bytes of a cpu set kept: 1024 CPUs */

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* Size of the fixed structure behind a kind, or 0. */
static size_t kind_size(const struct event *ev, unsigned kind, int i)
{
	uint64_t next = i + 1 < SYSCALL_MAX_ARGS ? ev->args[i + 1].raw : 0;

	switch (kind) {
	case A_SIGACTION:
	case A_SIGACTION_OUT:
		return 32; /* handler, flags, restorer, mask: 8 bytes each */
	case A_SIGSET:
	case A_SIGSET_OUT:
		return 8;
	case A_TIMESPEC:
	case A_TIMESPEC_OUT:
	case A_TIMEVAL:
	case A_TIMEVAL_OUT:
	case A_RLIMIT:
	case A_RLIMIT_OUT:
		return 16;
	case A_ITIMERSPEC:
	case A_ITIMERSPEC_OUT:
		return 32;
	case A_STACK:
	case A_STACK_OUT:
		return 24;
	case A_EPOLL_EVENT:
		return 12; /* packed on x86_64 */
	case A_INT_PTR:
	case A_INT_OUT:
	case A_WSTATUS_OUT:
		return 4;
	case A_STAT_OUT:
		return 144;
	case A_STATX_OUT:
		return 256;
	case A_STATFS_OUT:
		return 120;
	case A_UTSNAME_OUT:
		return 6 * 65;
	case A_SYSINFO_OUT:
		return 112;
	case A_RUSAGE_OUT:
		return 144;
	case A_SIGINFO_OUT:
		return 128;
	case A_SOCKADDR:
		return (size_t)min_u64((uint32_t)next, SOCKADDR_MAX);
	case A_CLONE_ARGS:
		return (size_t)min_u64(next, CLONE_ARGS_MAX);
	case A_OPEN_HOW:
		return (size_t)min_u64(next, 24); /* flags, mode, resolve (linux/openat2.h) */
	case A_UTIMENS:
		return 32;
	case A_CAP_HEADER:
		return 8;
	case A_CAP_DATA:
	case A_CAP_DATA_OUT:
		return 24; /* two __user_cap_data_struct: versions 2 and 3 */
	case A_MQ_ATTR:
		return 32; /* mq_flags, mq_maxmsg, mq_msgsize, mq_curmsgs */
	case A_CPUSET:
		return (size_t)min_u64(i > 0 ? ev->args[i - 1].raw : 0, CPUSET_MAX);
	case A_CPUSET_OUT:
		return (size_t)min_u64(ev->ret > 0 ? (uint64_t)ev->ret : 0, CPUSET_MAX);
	default:
		return 0;
	}
}

/* Copy up to len bytes (short reads allowed), marking the argument readable. */
static int read_bytes(struct decode_ctx *ctx, struct event *ev, int i, size_t len)
{
	struct ev_arg *a = &ev->args[i];
	char *dst;
	ssize_t n;

	if (a->raw == 0)
		return 0;
	dst = decode_scratch_take(ctx, len ? len : 1);
	if (!dst) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	n = len ? ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, dst, len) : 0;
	if (n < 0 || (len && n == 0)) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	a->data = dst;
	a->len = (uint32_t)n;
	a->state = ARG_S_DATA;
	return 0;
}

long decode_iovecs(struct decode_ctx *ctx, uint64_t addr, uint64_t count, uint64_t total,
		   uint32_t *kept, uint8_t *trunc)
{
	size_t start = ctx->scratch_len;
	uint64_t k, n = min_u64(count, ctx->array_limit);

	*kept = 0;
	*trunc = count > n;
	for (k = 0; k < n; k++) {
		uint64_t iov[2];
		struct iov_rec r;
		char *rec;
		uint64_t want;

		if (ctx->read_mem(ctx->read_ud, ctx->tid, addr + k * 16, iov, 16) != 16) {
			if (k == 0)
				return -EFAULT;
			*trunc = 1;
			break;
		}
		memset(&r, 0, sizeof(r));
		r.base = iov[0];
		r.len = iov[1];
		want = min_u64(min_u64(iov[1], total), ctx->string_limit);
		rec = decode_scratch_take(ctx, sizeof(r) + want);
		if (!rec) {
			*trunc = 1;
			break;
		}
		if (want) {
			ssize_t got = ctx->read_mem(ctx->read_ud, ctx->tid, iov[0],
						    rec + sizeof(r), want);

			if (got > 0) {
				r.readable = 1;
				r.dlen = (uint32_t)got;
			} else {
				ctx->scratch_len -= want;
			}
		} else {
			r.readable = 1;
		}
		r.trunc = r.readable && min_u64(iov[1], total) > r.dlen;
		memcpy(rec, &r, sizeof(r));
		total -= min_u64(iov[1], total);
		(*kept)++;
	}
	return (long)(ctx->scratch_len - start);
}

static int decode_iovec_arg(struct decode_ctx *ctx, struct event *ev, int i, uint64_t total)
{
	struct ev_arg *a = &ev->args[i];
	size_t start = ctx->scratch_len;
	uint32_t kept;
	long n;

	if (a->raw == 0 || i + 1 >= SYSCALL_MAX_ARGS)
		return 0;
	n = decode_iovecs(ctx, a->raw, ev->args[i + 1].raw, total, &kept, &a->trunc);
	if (n < 0) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	a->data = ctx->scratch + start;
	a->len = (uint32_t)n;
	a->count = kept;
	a->state = ARG_S_DATA;
	return 0;
}

/* -y: a record per SCM_RIGHTS descriptor of the control messages, in scratch right
 * after them. Returns the bytes of records. */
static uint32_t decode_scm_rights(struct decode_ctx *ctx, const char *ctl, uint32_t len)
{
	size_t start = ctx->scratch_len;
	uint32_t off = 0;

	while (off + 16 <= len) {
		uint64_t clen;
		int32_t level, type, fd;
		uint32_t k;

		memcpy(&clen, ctl + off, 8);
		memcpy(&level, ctl + off + 8, 4);
		memcpy(&type, ctl + off + 12, 4);
		if (clen < 16)
			break;
		for (k = 16; level == 1 && type == 1 && k + 4 <= clen && off + k + 4 <= len;
		     k += 4) {
			const char *rec;
			uint16_t n;

			memcpy(&fd, ctl + off + k, 4);
			decode_fdrec(ctx, fd, &rec, &n);
			if (!rec) {
				char *none = decode_scratch_take(ctx, 3);

				if (!none)
					return (uint32_t)(ctx->scratch_len - start);
				none[0] = (char)FDREC_NONE;
				none[1] = none[2] = '\0';
			}
		}
		off += (uint32_t)((clen + 7) & ~7ull);
	}
	return (uint32_t)(ctx->scratch_len - start);
}

long decode_msghdr_at(struct decode_ctx *ctx, uint64_t addr, uint64_t total)
{
	struct msghdr_rec *m;
	size_t start;
	char *p;
	long n;

	/* the record is used through a pointer: align it (-y records have odd sizes) */
	ctx->scratch_len = (ctx->scratch_len + 7) & ~(size_t)7;
	if (ctx->scratch_len > ctx->scratch_cap)
		ctx->scratch_len = ctx->scratch_cap;
	start = ctx->scratch_len;
	m = (struct msghdr_rec *)decode_scratch_take(ctx, sizeof(*m));
	if (!m)
		return -ENOMEM;
	if (ctx->read_mem(ctx->read_ud, ctx->tid, addr, m, 56) != 56) {
		ctx->scratch_len = start;
		return -EFAULT;
	}
	m->name_len = m->iov_count = m->iov_bytes = m->ctl_len = 0;
	m->iov_trunc = 0;
	if (m->name && m->namelen) {
		size_t want = (size_t)min_u64(m->namelen, SOCKADDR_MAX);

		p = decode_scratch_take(ctx, want);
		if (p && ctx->read_mem(ctx->read_ud, ctx->tid, m->name, p, want) == (ssize_t)want)
			m->name_len = (uint32_t)want;
		else if (p)
			ctx->scratch_len -= want;
	}
	if (m->iov) {
		n = decode_iovecs(ctx, m->iov, m->iovlen, total, &m->iov_count, &m->iov_trunc);
		if (n > 0)
			m->iov_bytes = (uint32_t)n;
	}
	if (m->control && m->controllen) {
		size_t want = (size_t)min_u64(m->controllen, CONTROL_MAX);

		p = decode_scratch_take(ctx, want);
		if (p && ctx->read_mem(ctx->read_ud, ctx->tid, m->control, p, want) ==
				 (ssize_t)want)
			m->ctl_len = (uint32_t)want;
		else if (p)
			ctx->scratch_len -= want;
	}
	m->fdrec_len = 0;
	if (ctx->describe_fd && m->ctl_len)
		m->fdrec_len = decode_scm_rights(ctx, ctx->scratch + ctx->scratch_len - m->ctl_len,
						 m->ctl_len);
	return (long)(ctx->scratch_len - start);
}

static int decode_msghdr(struct decode_ctx *ctx, struct event *ev, int i, uint64_t total)
{
	struct ev_arg *a = &ev->args[i];
	long n;

	if (a->raw == 0)
		return 0;
	n = decode_msghdr_at(ctx, a->raw, total);
	if (n < 0) {
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	a->data = ctx->scratch + ctx->scratch_len - n;
	a->len = (uint32_t)n;
	a->state = ARG_S_DATA;
	return 0;
}

/*
 * sendmmsg/recvmmsg's struct mmsghdr array (x86_64: a 56-byte msghdr, the unsigned
 * msg_len, 4 bytes of padding), read at exit like strace: count elements (the vlen
 * argument for sendmmsg, the return value for recvmmsg) up to the array limit, with
 * msg_len for the first with_len of them. recvmmsg shows msg_len bytes of each
 * message's iovecs, sendmmsg them in full.
 */
static int decode_mmsghdrs(struct decode_ctx *ctx, struct event *ev, int i, uint64_t count,
			   uint64_t with_len, int recv)
{
	struct ev_arg *a = &ev->args[i];
	uint64_t k, n = min_u64(count, ctx->array_limit);
	size_t start;

	if (a->raw == 0)
		return 0;
	ctx->scratch_len = (ctx->scratch_len + 7) & ~(size_t)7;
	if (ctx->scratch_len > ctx->scratch_cap)
		ctx->scratch_len = ctx->scratch_cap;
	start = ctx->scratch_len;
	a->count = 0;
	a->trunc = count > n;
	for (k = 0; k < n; k++) {
		size_t at = (ctx->scratch_len + 7) & ~(size_t)7;
		struct mmsghdr_rec r, *rec;
		uint32_t msg_len = 0;
		long got;

		if (at > ctx->scratch_cap)
			at = ctx->scratch_cap;
		ctx->scratch_len = at;
		memset(&r, 0, sizeof(r));
		if (ctx->read_mem(ctx->read_ud, ctx->tid, a->raw + k * 64 + 56, &msg_len, 4) != 4 ||
		    !(rec = (struct mmsghdr_rec *)decode_scratch_take(ctx, sizeof(r)))) {
			ctx->scratch_len = at;
			if (k == 0 && ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, &r, 1) != 1) {
				a->state = ARG_S_UNREADABLE;
				return 0;
			}
			a->trunc = 1;
			break;
		}
		got = decode_msghdr_at(ctx, a->raw + k * 64, recv ? msg_len : UINT64_MAX);
		if (got < 0) {
			ctx->scratch_len = at;
			if (k == 0 && got == -EFAULT) {
				a->state = ARG_S_UNREADABLE;
				return 0;
			}
			a->trunc = 1;
			break;
		}
		r.msg_len = msg_len;
		r.has_len = k < with_len;
		r.size = (uint32_t)(ctx->scratch_len - at);
		memcpy(rec, &r, sizeof(r));
		a->count++;
	}
	a->data = ctx->scratch + start;
	a->len = (uint32_t)(ctx->scratch_len - start);
	a->state = ARG_S_DATA;
	return 0;
}

int decode_struct_entry(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	uint64_t next = i + 1 < SYSCALL_MAX_ARGS ? ev->args[i + 1].raw : 0;
	size_t len;

	switch (a->kind) {
	case A_IOVEC:
		return decode_iovec_arg(ctx, ev, i, UINT64_MAX);
	case A_MSGHDR:
		return decode_msghdr(ctx, ev, i, UINT64_MAX);
	case A_POLLFD:
		return read_bytes(ctx, ev, i, (size_t)min_u64(next, ctx->array_limit) * 8);
	case A_SEMBUF:
		return read_bytes(ctx, ev, i, (size_t)min_u64(next, ctx->array_limit) * 6);
	case A_MSGBUF:
		return read_bytes(ctx, ev, i, 8 + (size_t)min_u64(next, ctx->string_limit));
	case A_SOCKOPT_VAL:
		return read_bytes(ctx, ev, i, (size_t)min_u64((uint32_t)next, ctx->string_limit));
	case A_FDSET: {
		int nfds = (int)ev->args[0].raw;

		if (nfds <= 0)
			return 0;
		return read_bytes(ctx, ev, i, (size_t)min_u64(((unsigned)nfds + 63) / 64 * 8, 128));
	}
	default:
		len = kind_size(ev, a->kind, i);
		if (!len)
			return 0;
		return decode_struct(ctx, ev, i, len);
	}
}

/* getdents64: only the number of entries is shown; walk the d_reclen chain. */
static int decode_dirents(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	uint64_t total = ev->ret > 0 ? (uint64_t)ev->ret : 0, pos = 0;
	unsigned char chunk[4096];
	uint64_t chunk_at = 0, chunk_len = 0;
	uint32_t count = 0;

	while (pos + 19 <= total) {
		uint16_t reclen;

		if (pos < chunk_at || pos + 19 > chunk_at + chunk_len) {
			ssize_t n = ctx->read_mem(ctx->read_ud, ctx->tid, a->raw + pos, chunk,
						  (size_t)min_u64(sizeof(chunk), total - pos));

			if (n < 19)
				break;
			chunk_at = pos;
			chunk_len = (uint64_t)n;
		}
		memcpy(&reclen, chunk + (pos - chunk_at) + 16, sizeof(reclen));
		if (!reclen)
			break;
		count++;
		pos += reclen;
	}
	a->count = count;
	a->len = 0;
	a->data = ctx->scratch + ctx->scratch_len;
	a->state = ARG_S_DATA;
	if (ctx->verbose && ev->nr == 217 && total) {
		/* -v shows the entries of getdents64: keep what scratch can hold */
		size_t room = ctx->scratch_cap - ctx->scratch_len;
		size_t want = (size_t)min_u64(min_u64(total, room), 65536);
		char *p = decode_scratch_take(ctx, want);
		ssize_t n = p ? ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, p, want) : -1;

		if (n > 0) {
			a->data = p;
			a->len = (uint32_t)n;
			a->trunc = (uint64_t)n < total;
		} else if (p) {
			ctx->scratch_len -= want;
		}
	}
	return 0;
}

int decode_struct_exit(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	uint64_t next = i + 1 < SYSCALL_MAX_ARGS ? ev->args[i + 1].raw : 0;
	uint64_t ret = ev->ret > 0 ? (uint64_t)ev->ret : 0;
	size_t len;

	switch (a->kind) {
	case A_DIRENTS_OUT:
		return decode_dirents(ctx, ev, i);
	case A_WSTATUS_OUT:
		/* wait4 with WNOHANG and no child ready returns 0 and writes nothing */
		if (ev->ret <= 0) {
			a->state = ARG_S_NOT_FETCHED;
			return 0;
		}
		return decode_struct(ctx, ev, i, 4);
	case A_IOVEC_OUT:
		return decode_iovec_arg(ctx, ev, i, ret);
	case A_MSGHDR_OUT:
		return decode_msghdr(ctx, ev, i, ret);
	case A_MMSGHDR_OUT:
		/* sendmmsg: shown even when the call failed, then without msg_len */
		return decode_mmsghdrs(ctx, ev, i, (uint32_t)next, ev->err ? 0 : ret, 0);
	case A_MMSGHDR_RECV_OUT:
		return decode_mmsghdrs(ctx, ev, i, ret, ret, 1);
	case A_EPOLL_EVENTS_OUT:
		return read_bytes(ctx, ev, i, (size_t)min_u64(ret, ctx->array_limit) * 12);
	case A_STR_OUT:
		return decode_cstring(ctx, ev, i, (size_t)min_u64(ret ? ret : 1, 4096));
	case A_MSGBUF_OUT:
		/* strace shows msgsz bytes of mtext, not only the received ones */
		return read_bytes(ctx, ev, i, 8 + (size_t)min_u64(next, ctx->string_limit));
	case A_SOCKADDR_OUT:
	case A_SOCKOPT_OUT: {
		uint32_t slen = 0;

		if (!next || ctx->read_mem(ctx->read_ud, ctx->tid, next, &slen, 4) != 4)
			return 0;
		if (a->kind == A_SOCKADDR_OUT)
			return read_bytes(ctx, ev, i, (size_t)min_u64(slen, SOCKADDR_MAX));
		return read_bytes(ctx, ev, i, (size_t)min_u64(slen, ctx->string_limit));
	}
	case A_CLONE_OUT:
		/* parent_tid: read when CLONE_PARENT_SETTID asked the kernel to store it */
		if ((ev->args[0].raw & 0x00100000) && ev->args[2].raw) {
			int32_t *p = (int32_t *)decode_scratch_take(ctx, 8);

			if (p && ctx->read_mem(ctx->read_ud, ctx->tid, ev->args[2].raw, p, 4) == 4) {
				a->data = (const char *)p;
				a->len = 4;
				a->state = ARG_S_DATA;
			}
		}
		return 0;
	case A_IOCTL_OUT:
	case A_FCNTL_OUT:
		/* family decoders set len in count before the call */
		return a->count ? decode_struct(ctx, ev, i, a->count) : 0;
	default:
		len = kind_size(ev, a->kind, i);
		if (!len)
			return 0;
		return decode_struct(ctx, ev, i, len);
	}
}

int decode_inout_entry(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	size_t w = a->kind == A_OFF_INOUT ? 8 : 4;
	char *p;

	if (a->raw == 0)
		return 0;
	p = decode_scratch_take(ctx, 2 * w);
	if (!p)
		return 0;
	memset(p, 0, 2 * w);
	if (ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, p, w) != (ssize_t)w) {
		ctx->scratch_len -= 2 * w;
		a->state = ARG_S_UNREADABLE;
		return 0;
	}
	a->data = p;
	a->len = (uint32_t)w;
	a->state = ARG_S_DATA;
	return 0;
}

int decode_inout_exit(struct decode_ctx *ctx, struct event *ev, int i)
{
	struct ev_arg *a = &ev->args[i];
	size_t w = a->kind == A_OFF_INOUT ? 8 : 4;

	if (a->state != ARG_S_DATA || a->len != w)
		return 0;
	if (ctx->read_mem(ctx->read_ud, ctx->tid, a->raw, (char *)a->data + w, w) == (ssize_t)w)
		a->len = (uint32_t)(2 * w);
	return 0;
}
