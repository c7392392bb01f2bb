/* SPDX-License-Identifier: MIT */
/* Rendering of decoded events as strace shows them. */
#include "output/render.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>

#include "core/event.h"
#include "output/render_struct.h"
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

int render_quoted(struct buf *b, const char *s, size_t len, bool trunc)
{
	size_t i;

	if (buf_reserve(b, len * 4 + 6) < 0)
		return -ENOMEM;
	buf_putc(b, '"');
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
		} else if (c >= 0x20 && c < 0x7f) {
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
	buf_putc(b, '"');
	if (trunc)
		buf_puts(b, "...");
	return 0;
}

static int render_ptr(struct buf *b, uint64_t p)
{
	if (!p)
		return buf_puts(b, "NULL");
	return buf_put_hex(b, p);
}

static int render_argv(struct buf *b, const struct ev_arg *a)
{
	const char *p = a->data;
	uint32_t i;

	buf_putc(b, '[');
	for (i = 0; i < a->count; i++) {
		size_t len = strlen(p + 1);

		if (i)
			buf_puts(b, ", ");
		render_quoted(b, p + 1, len, p[0] != 0);
		p += len + 2;
	}
	if (a->trunc)
		buf_puts(b, a->count ? ", ..." : "...");
	return buf_putc(b, ']');
}

static int render_data_arg(struct buf *b, const struct ev_arg *a)
{
	switch (a->kind) {
	case A_ARGV:
		return render_argv(b, a);
	case A_FDPAIR_OUT: {
		int fds[2];

		memcpy(fds, a->data, sizeof(fds));
		buf_putc(b, '[');
		buf_put_i64(b, fds[0]);
		buf_puts(b, ", ");
		buf_put_i64(b, fds[1]);
		return buf_putc(b, ']');
	}
	case A_ENVP:
		render_ptr(b, a->raw);
		buf_puts(b, " /* ");
		buf_put_u64(b, a->count);
		return buf_puts(b, a->trunc ? "+ vars */" : " vars */");
	default:
		return render_quoted(b, a->data, a->len, a->trunc);
	}
}

int render_arg(struct buf *b, const struct event *ev, int i)
{
	const struct ev_arg *a = &ev->args[i];
	uint64_t v = a->raw;
	int rc = render_struct_arg(b, ev, i);

	if (rc)
		return rc < 0 ? rc : 0;
	if (a->state == ARG_S_DATA)
		return render_data_arg(b, a);
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
		if ((int)v == AT_FDCWD)
			return buf_puts(b, "AT_FDCWD");
		return buf_put_i64(b, (int)v);
	case A_MODE:
		return flags_mode(b, v);
	case A_OPEN_FLAGS:
		return flags_open(b, v);
	case A_AT_FLAGS:
		return flags_at(b, v);
	case A_PROT:
		return flags_prot(b, v);
	case A_MAP_FLAGS:
		return flags_map(b, v);
	case A_ACCESS_MODE:
		return flags_access(b, v);
	case A_WHENCE:
		return flags_whence(b, v);
	case A_SIGNAL:
		return flags_signal(b, v);
	case A_CLONE_FLAGS:
		return flags_clone(b, v);
	default:
		/* pointers, unreadable strings and buffers, OUT args of failed calls */
		return render_ptr(b, v);
	}
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

int render_ret(struct buf *b, const struct event *ev)
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
	if (render_struct_ret(b, ev))
		return 0;
	switch (kind) {
	case RET_HEX:
		return buf_put_hex(b, (uint64_t)ev->ret);
	case RET_OCT:
		return buf_put_oct(b, (uint64_t)ev->ret);
	case RET_NONE:
		if (ev->ret == 0 && ev->sc && !strcmp(ev->sc->name, "rt_sigreturn"))
			return buf_putc(b, '0');
		return buf_put_i64(b, ev->ret);
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

static void put_code(struct buf *b, int signo, int code)
{
	const char *name = si_code_name(signo, code);

	if (name)
		buf_puts(b, name);
	else
		buf_put_hex(b, (unsigned)code);
}

int render_signal(struct buf *b, const struct event *ev)
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
	put_sig(b, sig);
	buf_puts(b, ", si_code=");
	put_code(b, sig, si->si_code);
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
			put_sig(b, si->si_status);
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
