/* SPDX-License-Identifier: MIT */
/* Renderers of structures of openat2, utimensat, sched_{get,set}affinity, mq_open and
 * capget/capset and the flags of fanotify_init as strace 6.1 prints them. Layouts are the x86_64 kernel
 * ABI (linux/openat2.h, linux/stat.h, linux/mqueue.h). */
#include "output/render_sys.h"

#include <stdbool.h>
#include <stdint.h>

#include "core/event.h"
#include "output/render.h"
#include "output/render_util.h"
#include "syscalls/flags.h"
#include "syscalls/flags_sys.h"
#include "syscalls/table.h"
#include "util/buf.h"

#define UTIME_NOW_ ((1l << 30) - 1l)
#define UTIME_OMIT_ ((1l << 30) - 2l)
#define O_CREAT_ 0100u
#define O_TMPFILE_ 020000000u
#define O_NONBLOCK_ 04000u

/* {flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}: mode only when it matters or
 * is set, resolve only when set, as strace's print_open_how(). */
static void render_open_how(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	uint64_t flags = get64(a->data, 0), mode = get64(a->data, 8), resolve;
	size_t mark;

	if (a->len < 24) {
		put_ptr(b, a->raw);
		return;
	}
	resolve = get64(a->data, 16);
	buf_puts(b, "{flags=");
	mark = b->len;
	flags_open(b, flags);
	render_const(b, ro, mark, flags, RENDER_NUM_HEX);
	if ((flags & (O_CREAT_ | O_TMPFILE_)) || mode) {
		buf_puts(b, ", mode=");
		flags_mode(b, mode);
	}
	if (resolve) {
		buf_puts(b, ", resolve=");
		put_table(b, ro, FT_RESOLVE_FLAGS, resolve);
	}
	buf_putc(b, '}');
}

/* [UTIME_NOW, {tv_sec=1, tv_nsec=2} /+ date +/] */
static void render_utimens(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	int k;

	if (a->len < 32) {
		put_ptr(b, a->raw);
		return;
	}
	buf_putc(b, '[');
	for (k = 0; k < 2; k++) {
		int64_t sec = (int64_t)get64(a->data, 16 * k);
		int64_t nsec = (int64_t)get64(a->data, 16 * k + 8);

		if (k)
			buf_puts(b, ", ");
		if (nsec == UTIME_NOW_) {
			buf_puts(b, "UTIME_NOW");
		} else if (nsec == UTIME_OMIT_) {
			buf_puts(b, "UTIME_OMIT");
		} else {
			buf_printf(b, "{tv_sec=%lld, tv_nsec=%lld}", (long long)sec,
				   (long long)nsec);
			render_time_comment(b, sec, (uint64_t)nsec, ro);
		}
	}
	buf_putc(b, ']');
}

/* A cpu set as the numbers of its CPUs: [0 1] */
static void render_cpuset(struct buf *b, const struct ev_arg *a)
{
	uint32_t k;
	bool first = true;

	buf_putc(b, '[');
	for (k = 0; k < a->len * 8u; k++) {
		if (!((unsigned char)a->data[k / 8] & (1u << (k % 8))))
			continue;
		if (!first)
			buf_putc(b, ' ');
		first = false;
		buf_printf(b, "%u", k);
	}
	buf_putc(b, ']');
}

static void render_mq_attr(struct buf *b, const struct ev_arg *a)
{
	uint64_t fl = get64(a->data, 0);

	if (a->len < 32) {
		put_ptr(b, a->raw);
		return;
	}
	buf_puts(b, "{mq_flags=");
	if (fl == O_NONBLOCK_)
		buf_puts(b, "O_NONBLOCK");
	else if (fl)
		buf_put_hex(b, fl);
	else
		buf_putc(b, '0');
	buf_printf(b, ", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		   (long long)get64(a->data, 8), (long long)get64(a->data, 16),
		   (long long)get64(a->data, 24));
}

static void put_caps(struct buf *b, uint64_t set)
{
	unsigned k;
	bool first = true;

	for (k = 0; k < 64; k++) {
		const char *name = flag_table_name(FT_CAPABILITY, k);

		if (!(set & (1ull << k)) || !name)
			continue;
		buf_printf(b, "%s1<<%s", first ? "" : "|", name);
		first = false;
		set &= ~(1ull << k);
	}
	if (set)
		buf_printf(b, "%s%#llx", first ? "" : "|", (unsigned long long)set);
	else if (first)
		buf_putc(b, '0');
}

/* {effective=1<<CAP_CHOWN|..., permitted=..., inheritable=0}: versions 2 and 3 split
 * each 64-bit set into two 32-bit halves, the low one first. */
static void render_cap_data(struct buf *b, const struct event *ev, const struct ev_arg *a)
{
	static const char *const names[] = { "effective", "permitted", "inheritable" };
	const struct ev_arg *h = &ev->args[0];
	bool wide = h->state == ARG_S_DATA && h->len >= 4 &&
		    get32(h->data, 0) != 0x19980330u;
	int k;

	if (a->len < (wide ? 24u : 12u)) {
		put_ptr(b, a->raw);
		return;
	}
	for (k = 0; k < 3; k++) {
		uint64_t set = get32(a->data, 4 * k);

		if (wide)
			set |= (uint64_t)get32(a->data, 12 + 4 * k) << 32;
		buf_printf(b, "%s%s=", k ? ", " : "{", names[k]);
		put_caps(b, set);
	}
	buf_putc(b, '}');
}

int render_sys_data(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];

	switch (a->kind) {
	case A_OPEN_HOW:
		render_open_how(b, a, ro);
		return 1;
	case A_UTIMENS:
		render_utimens(b, a, ro);
		return 1;
	case A_CPUSET:
	case A_CPUSET_OUT:
		render_cpuset(b, a);
		return 1;
	case A_MQ_ATTR:
		render_mq_attr(b, a);
		return 1;
	case A_CAP_HEADER:
		if (a->len < 8)
			return 0;
		buf_puts(b, "{version=");
		put_table(b, ro, FT_CAP_VERSION, get32(a->data, 0));
		buf_printf(b, ", pid=%d}", (int)get32(a->data, 4));
		return 1;
	case A_CAP_DATA:
	case A_CAP_DATA_OUT:
		render_cap_data(b, ev, a);
		return 1;
	default:
		return 0;
	}
}

int render_sys_raw(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	uint64_t v = ev->args[i].raw;

	switch (ev->args[i].kind) {
	case A_FAN_INIT_FLAGS:
		/* the class is an enum in bits 0xc, the rest are flags */
		put_enum_int(b, ro, FT_FAN_CLASS, v & 0xc);
		if ((uint32_t)v & ~0xcu) {
			buf_putc(b, '|');
			put_table(b, ro, FT_FAN_INIT_FLAGS, (uint32_t)v & ~0xcu);
		}
		return 1;
	default:
		return 0;
	}
}
