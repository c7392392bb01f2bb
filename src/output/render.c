/* SPDX-License-Identifier: MIT */
/* Rendering of decoded events as strace shows them. */
#include "output/render.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "core/event.h"
#include "output/render_struct.h"
#include "syscalls/decode_struct.h"
#include "syscalls/flags.h"
#include "syscalls/table.h"
#include "util/buf.h"

int render_name(struct buf *b, const struct event *ev)
{
	if (ev->sc)
		return buf_puts(b, ev->sc->name);
	buf_puts(b, "syscall_");
	return buf_put_hex(b, (unsigned)ev->nr);
}

/* strace -x: a string goes to hex when it has a byte that is neither printable
 * ASCII nor one of the whitespace escapes \t \n \v \f \r. */
static bool wants_hex(const char *s, size_t len, const struct render_opts *ro)
{
	size_t i;

	if (!ro || !ro->hex)
		return false;
	if (ro->hex >= 2)
		return true;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c > 0x7e || (c < ' ' && (unsigned)(c - 9) >= 5))
			return true;
	}
	return false;
}

static void put_hex_bytes(struct buf *b, const char *s, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char e[4] = {'\\', 'x', digits[c >> 4], digits[c & 15]};

		buf_append(b, e, 4);
	}
}

/* The escaped bytes of s, without quotes; chars in extra are escaped in octal too. */
static void put_escaped(struct buf *b, const char *s, size_t len, const char *extra)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		char esc = 0;

		switch (c) {
		case '"': esc = '"'; break;
		case '\\': esc = '\\'; break;
		case '\t': esc = 't'; break;
		case '\n': esc = 'n'; break;
		case '\v': esc = 'v'; break;
		case '\f': esc = 'f'; break;
		case '\r': esc = 'r'; break;
		default: break;
		}
		if (esc) {
			buf_putc(b, '\\');
			buf_putc(b, esc);
		} else if (c >= 0x20 && c < 0x7f && !(extra && strchr(extra, c))) {
			buf_putc(b, (char)c);
		} else {
			/* Octal, as short as possible unless a digit follows. */
			bool digit_next = i + 1 < len && s[i + 1] >= '0' && s[i + 1] <= '7';

			buf_putc(b, '\\');
			if (digit_next || c >= 0100)
				buf_putc(b, (char)('0' + (c >> 6)));
			if (digit_next || c >= 010)
				buf_putc(b, (char)('0' + ((c >> 3) & 7)));
			buf_putc(b, (char)('0' + (c & 7)));
		}
	}
}

int render_quoted(struct buf *b, const char *s, size_t len, bool trunc,
		  const struct render_opts *ro)
{
	if (buf_reserve(b, len * 4 + 6) < 0)
		return -ENOMEM;
	buf_putc(b, '"');
	if (wants_hex(s, len, ro))
		put_hex_bytes(b, s, len);
	else
		put_escaped(b, s, len, NULL);
	buf_putc(b, '"');
	if (trunc)
		buf_puts(b, "...");
	return 0;
}

size_t render_fdpath(struct buf *b, const char *rec, size_t len, const struct render_opts *ro)
{
	size_t plen, slen;
	unsigned flags;

	if (!rec || len < 3)
		return 0;
	flags = (unsigned char)rec[0];
	plen = strnlen(rec + 1, len - 1);
	if (1 + plen + 1 >= len)
		return 0;
	slen = strnlen(rec + 2 + plen, len - 2 - plen);
	if (flags & FDREC_NONE)
		return plen + slen + 3;
	buf_putc(b, '<');
	if (flags & FDREC_VERBATIM)
		buf_append(b, rec + 1, plen);
	else if (wants_hex(rec + 1, plen, ro))
		put_hex_bytes(b, rec + 1, plen);
	else
		put_escaped(b, rec + 1, plen, "<>");
	buf_append(b, rec + 2 + plen, slen);
	buf_putc(b, '>');
	if (flags & FDREC_DELETED)
		buf_puts(b, "(deleted)");
	return plen + slen + 3 < len ? plen + slen + 3 : len;
}

static bool is_number(const char *s, size_t len)
{
	size_t i = 0;

	if (i < len && s[i] == '-')
		i++;
	if (i + 2 < len && s[i] == '0' && s[i + 1] == 'x')
		i += 2;
	if (i == len)
		return false;
	for (; i < len; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

int render_const(struct buf *b, const struct render_opts *ro, size_t mark, uint64_t v,
		 enum render_num fmt)
{
	char num[32];
	size_t nlen, tlen;
	int n;

	if (!ro || ro->xlat == RENDER_XLAT_ABBREV || mark > b->len)
		return 0;
	if (fmt == RENDER_NUM_DEC)
		n = snprintf(num, sizeof(num), "%lld", (long long)v);
	else if (fmt == RENDER_NUM_UDEC)
		n = snprintf(num, sizeof(num), "%llu", (unsigned long long)v);
	else if (fmt == RENDER_NUM_OCT)
		n = snprintf(num, sizeof(num), "%#llo", (unsigned long long)v);
	else
		n = snprintf(num, sizeof(num), "%#llx", (unsigned long long)v);
	nlen = (size_t)n;
	tlen = b->len - mark;
	if (ro->xlat == RENDER_XLAT_RAW) {
		b->len = mark;
		return buf_append(b, num, nlen);
	}
	/* verbose: a value shown as its number (maybe with a "???" comment) stays */
	if (tlen >= nlen && !memcmp(b->data + mark, num, nlen) &&
	    (tlen == nlen || !strncmp(b->data + mark + nlen, " /* ", 4)))
		return 0;
	if (is_number(b->data + mark, tlen)) {
		/* no name: only the number, in the constant's format */
		b->len = mark;
		return buf_append(b, num, nlen);
	}
	if (buf_reserve(b, nlen + 7) < 0)
		return -ENOMEM;
	memmove(b->data + mark + nlen + 4, b->data + mark, tlen);
	memcpy(b->data + mark, num, nlen);
	memcpy(b->data + mark + nlen, " /* ", 4);
	b->len += nlen + 4;
	b->data[b->len] = '\0';
	return buf_puts(b, " */");
}

static int render_ptr(struct buf *b, uint64_t p)
{
	if (!p)
		return buf_puts(b, "NULL");
	return buf_put_hex(b, p);
}

static int render_argv(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	const char *p = a->data;
	uint32_t i;

	buf_putc(b, '[');
	for (i = 0; i < a->count; i++) {
		size_t len = strlen(p + 1);

		if (i)
			buf_puts(b, ", ");
		render_quoted(b, p + 1, len, p[0] != 0, ro);
		p += len + 2;
	}
	if (a->trunc)
		buf_puts(b, a->count ? ", ..." : "...");
	return buf_putc(b, ']');
}

static int render_data_arg(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	switch (a->kind) {
	case A_ARGV:
		return render_argv(b, a, ro);
	case A_FDPAIR_OUT: {
		size_t off = 0;
		int fds[2];

		memcpy(fds, a->data, sizeof(fds));
		buf_putc(b, '[');
		buf_put_i64(b, fds[0]);
		off = render_fdpath(b, a->fdpath, a->fdpath_len, ro);
		buf_puts(b, ", ");
		buf_put_i64(b, fds[1]);
		if (off)
			render_fdpath(b, a->fdpath + off, a->fdpath_len - off, ro);
		return buf_putc(b, ']');
	}
	case A_ENVP:
		/* -v keeps the strings (data set), as argv */
		if (a->data)
			return render_argv(b, a, ro);
		render_ptr(b, a->raw);
		buf_puts(b, " /* ");
		buf_put_u64(b, a->count);
		return buf_puts(b, a->trunc ? "+ vars */" : " vars */");
	default:
		return render_quoted(b, a->data, a->len, a->trunc, ro);
	}
}

int render_clone_flags(struct buf *b, uint64_t v, const struct render_opts *ro)
{
	uint64_t fl = v & ~(uint64_t)0xff;
	unsigned sig = (unsigned)(v & 0xff);
	size_t mark = b->len;

	if (!ro || ro->xlat == RENDER_XLAT_ABBREV)
		return flags_clone(b, v);
	/* strace -X: the flags and the exit signal are two constants */
	if (fl || !sig) {
		flags_clone(b, fl);
		render_const(b, ro, mark, fl, RENDER_NUM_HEX);
	}
	if (!sig)
		return 0;
	if (fl)
		buf_putc(b, '|');
	mark = b->len;
	flags_signal(b, sig);
	return render_const(b, ro, mark, sig, RENDER_NUM_DEC);
}

static int render_plain_arg(struct buf *b, const struct event *ev, int i,
			    const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];
	uint64_t v = a->raw;
	size_t mark = b->len;
	int rc = render_struct_arg(b, ev, i, ro);

	if (rc)
		return rc < 0 ? rc : 0;
	if (a->state == ARG_S_DATA)
		return render_data_arg(b, a, ro);
	switch (a->kind) {
	case A_INT:
	case A_FD:
		return buf_put_i64(b, (int)v);
	case A_UINT:
		return buf_put_u64(b, (unsigned)v);
	case A_LONG:
		return buf_put_i64(b, (long long)v);
	case A_ULONG:
		return buf_put_u64(b, v);
	case A_HEX:
		return v ? buf_put_hex(b, v) : buf_putc(b, '0');
	case A_OCT:
		return buf_put_oct(b, v);
	case A_DIRFD:
		if ((int)v != AT_FDCWD)
			return buf_put_i64(b, (int)v);
		buf_puts(b, "AT_FDCWD");
		return render_const(b, ro, mark, (uint64_t)(int64_t)(int)v, RENDER_NUM_DEC);
	case A_MODE:
		return flags_mode(b, v);
	case A_OPEN_FLAGS:
		flags_open(b, v);
		return render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
	case A_AT_FLAGS:
		flags_at(b, v);
		return render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
	case A_PROT:
		flags_prot(b, v);
		return render_const(b, ro, mark, v, RENDER_NUM_HEX);
	case A_MAP_FLAGS:
		flags_map(b, v);
		return render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
	case A_ACCESS_MODE:
		flags_access(b, v);
		return render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
	case A_WHENCE:
		flags_whence(b, v);
		return render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
	case A_SIGNAL:
		flags_signal(b, v);
		return render_const(b, ro, mark, (uint64_t)(int64_t)(int)v, RENDER_NUM_DEC);
	case A_CLONE_FLAGS:
		return render_clone_flags(b, v, ro);
	default:
		/* pointers, unreadable strings and buffers, OUT args of failed calls */
		return render_ptr(b, v);
	}
}

int render_arg_tail(struct buf *b, const struct event *ev, int i)
{
	const struct ev_arg *a = &ev->args[i];
	int32_t v;

	if (a->kind != A_CLONE_ARGS || a->state != ARG_S_DATA || !a->count)
		return 0;
	buf_puts(b, " => {");
	if (a->count & CLONE3_GOT_PIDFD) {
		memcpy(&v, a->data + a->len - 8, 4);
		buf_printf(b, "pidfd=[%d]%s", v, a->count & CLONE3_GOT_PARENT_TID ? ", " : "");
	}
	if (a->count & CLONE3_GOT_PARENT_TID) {
		memcpy(&v, a->data + a->len - 4, 4);
		buf_printf(b, "parent_tid=[%d]", v);
	}
	return buf_putc(b, '}');
}

int render_arg(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];
	int rc;

	/* a trace read back from JSON (rn_trace_load()): the text as written */
	if (a->state == ARG_S_TEXT)
		return buf_append(b, a->data, a->len);
	rc = render_plain_arg(b, ev, i, ro);
	/* -y: the descriptor's path after its number, "3</etc/hosts>" */
	if (a->fdpath && (a->kind == A_FD || a->kind == A_DIRFD))
		render_fdpath(b, a->fdpath, a->fdpath_len, ro);
	if (ev->type == EV_SYSCALL_EXIT && arg_kind_has_tail(a->kind))
		render_arg_tail(b, ev, i);
	return rc;
}

static int render_errno(struct buf *b, int err)
{
	const char *name = errno_name(err), *msg = errno_message(err);

	if (!name) {
		buf_puts(b, "(errno ");
		buf_put_i64(b, err);
		return buf_putc(b, ')');
	}
	buf_puts(b, name);
	buf_puts(b, " (");
	if (msg) {
		buf_puts(b, msg);
	} else {
		buf_puts(b, "Unknown error ");
		buf_put_i64(b, err);
	}
	return buf_putc(b, ')');
}

int render_ret(struct buf *b, const struct event *ev, const struct render_opts *ro)
{
	uint8_t kind = ev->sc ? ev->sc->ret : RET_INT;

	if (ev->flags & EV_F_NORETURN)
		return buf_putc(b, '?');
	if (ev->err) {
		/* Kernel-internal restart codes never reach the program: strace
		 * shows them as "?". */
		buf_puts(b, errno_is_restart(ev->err) ? "? " : "-1 ");
		return render_errno(b, ev->err);
	}
	if (render_struct_ret(b, ev, ro))
		return 0;
	if (ev->ret_fdpath) {
		/* -y: "= 3</etc/hosts>" */
		buf_put_i64(b, ev->ret);
		render_fdpath(b, ev->ret_fdpath, ev->ret_fdpath_len, ro);
		return 0;
	}
	switch (kind) {
	case RET_HEX:
		return buf_put_hex(b, (uint64_t)ev->ret);
	case RET_OCT:
		return buf_put_oct(b, (uint64_t)ev->ret);
	default:
		return buf_put_i64(b, ev->ret);
	}
}

static void put_sig(struct buf *b, int sig)
{
	const char *name = signal_name(sig);

	if (name)
		buf_puts(b, name);
	else
		buf_put_i64(b, sig);
}

/* A signal number field, as -X asks. */
static void put_sig_ro(struct buf *b, int sig, const struct render_opts *ro)
{
	size_t mark = b->len;

	put_sig(b, sig);
	render_const(b, ro, mark, (uint64_t)(int64_t)sig, RENDER_NUM_DEC);
}

static void put_code(struct buf *b, int signo, int code, const struct render_opts *ro)
{
	const char *name = si_code_name(signo, code);
	size_t mark = b->len;

	if (name)
		buf_puts(b, name);
	else
		buf_put_hex(b, (unsigned)code);
	render_const(b, ro, mark, (unsigned)code, RENDER_NUM_HEX);
}

int render_signal(struct buf *b, const struct event *ev, const struct render_opts *ro)
{
	const siginfo_t *si = &ev->si;
	int sig = si->si_signo;

	if (ev->flags & EV_F_GROUP_STOP) {
		buf_puts(b, "--- stopped by ");
		put_sig(b, sig);
		return buf_puts(b, " ---");
	}
	buf_puts(b, "--- ");
	put_sig(b, sig);
	buf_puts(b, " {si_signo=");
	put_sig_ro(b, sig, ro);
	buf_puts(b, ", si_code=");
	put_code(b, sig, si->si_code, ro);
	if (si->si_errno) {
		const char *en = errno_name(si->si_errno);

		buf_puts(b, ", si_errno=");
		if (en)
			buf_puts(b, en);
		else
			buf_put_i64(b, si->si_errno);
	}
	if (si->si_code <= 0 || si->si_code == SI_TKILL) {
		/* sent by a process: kill, tgkill, sigqueue */
		buf_puts(b, ", si_pid=");
		buf_put_i64(b, si->si_pid);
		buf_puts(b, ", si_uid=");
		buf_put_u64(b, si->si_uid);
		if (si->si_code == SI_QUEUE) {
			buf_puts(b, ", si_int=");
			buf_put_i64(b, si->si_int);
			buf_puts(b, ", si_ptr=");
			render_ptr(b, (uint64_t)(uintptr_t)si->si_ptr);
		}
	} else if (sig == SIGCHLD) {
		buf_puts(b, ", si_pid=");
		buf_put_i64(b, si->si_pid);
		buf_puts(b, ", si_uid=");
		buf_put_u64(b, si->si_uid);
		buf_puts(b, ", si_status=");
		if (si->si_code == CLD_EXITED)
			buf_put_i64(b, si->si_status);
		else
			put_sig_ro(b, si->si_status, ro);
		buf_puts(b, ", si_utime=");
		buf_put_i64(b, (long long)si->si_utime);
		buf_puts(b, ", si_stime=");
		buf_put_i64(b, (long long)si->si_stime);
	} else if (sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE ||
		   sig == SIGTRAP) {
		buf_puts(b, ", si_addr=");
		render_ptr(b, (uint64_t)(uintptr_t)si->si_addr);
	} else if (sig == SIGIO || si->si_code == POLL_IN) {
		buf_puts(b, ", si_band=");
		buf_put_i64(b, si->si_band);
		buf_puts(b, ", si_fd=");
		buf_put_i64(b, si->si_fd);
	} else if (si->si_code == SI_TIMER) {
		buf_puts(b, ", si_timerid=");
		buf_put_hex(b, (unsigned)si->si_timerid);
		buf_puts(b, ", si_overrun=");
		buf_put_i64(b, si->si_overrun);
	}
	return buf_puts(b, "} ---");
}

int render_exit(struct buf *b, const struct event *ev)
{
	int st = ev->status;

	if (ev->type == EV_SUPERSEDED) {
		buf_puts(b, "+++ superseded by execve in pid ");
		buf_put_i64(b, st);
		return buf_puts(b, " +++");
	}
	if (WIFSIGNALED(st)) {
		buf_puts(b, "+++ killed by ");
		put_sig(b, WTERMSIG(st));
		if (WCOREDUMP(st))
			buf_puts(b, " (core dumped)");
		return buf_puts(b, " +++");
	}
	buf_puts(b, "+++ exited with ");
	buf_put_i64(b, WEXITSTATUS(st));
	return buf_puts(b, " +++");
}
