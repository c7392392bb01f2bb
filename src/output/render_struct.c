/* SPDX-License-Identifier: MIT */
/* Renderers of structure, array and named-constant argument kinds as strace 6.1 prints
 * them by default (abbreviated structures end with "..."). Layouts are the x86_64 kernel
 * ABI; decoders copied the bytes (syscalls/decode_struct.c). */
#include "output/render_struct.h"

#include <stdbool.h>
#include <string.h>
#include <time.h>

#include "core/event.h"
#include "output/render.h"
#include "output/render_net.h"
#include "output/render_sys.h"
#include "output/render_util.h"
#include "syscalls/decode_struct.h"
#include "syscalls/flags.h"
#include "syscalls/flags_sys.h"
#include "syscalls/table.h"
#include "util/buf.h"
#include "util/xlat.h"

#define CLONE_SETTLS 0x00080000u
#define CLONE_PARENT_SETTID 0x00100000u
#define CLONE_CHILD_CLEARTID 0x00200000u
#define CLONE_CHILD_SETTID 0x01000000u
#define CLONE_PIDFD 0x00001000u
#define SA_RESTORER 0x04000000u
#define S_IFMT_ 0170000u


int render_sigset(struct buf *b, uint64_t mask, const struct render_opts *ro)
{
	int n, count = 0;
	bool first = true;
	size_t mark;

	for (n = 0; n < 64; n++)
		count += (mask >> n) & 1;
	/* strace prints a set with more than half the signals as its complement */
	if (count > 32) {
		buf_putc(b, '~');
		mask = ~mask;
	}
	buf_putc(b, '[');
	for (n = 1; n <= 64; n++) {
		const char *name;

		if (!(mask & (1ull << (n - 1))))
			continue;
		if (!first)
			buf_putc(b, ' ');
		first = false;
		name = signal_name(n);
		mark = b->len;
		if (name)
			buf_puts(b, name + 3);
		else
			buf_put_i64(b, n);
		render_const(b, ro, mark, (uint64_t)n, RENDER_NUM_DEC);
	}
	return buf_putc(b, ']');
}

static void put_timespec(struct buf *b, const void *p, const char *sub)
{
	buf_printf(b, "{tv_sec=%lld, %s=%lld}", (long long)get64(p, 0), sub,
		   (long long)get64(p, 8));
}

static void put_mode_type(struct buf *b, const struct render_opts *ro, uint64_t m)
{
	size_t mark = b->len;

	flags_mode_type(b, m);
	render_const(b, ro, mark, m & 0177777u, RENDER_NUM_OCT);
}

static void put_makedev(struct buf *b, uint64_t dev)
{
	unsigned major = (unsigned)(((dev >> 8) & 0xfff) | ((dev >> 32) & ~0xfffull));
	unsigned minor = (unsigned)((dev & 0xff) | ((dev >> 12) & ~0xffull));

	buf_printf(b, "makedev(%#x, %#x)", major, minor);
}

/* A time in seconds with the local date strace -v shows after it:
 * 1700000000 followed by a C comment holding 2023-11-14T22:13:20.000000123+0000;
 * nothing for 0 and under -X raw. */
void render_time_comment(struct buf *b, int64_t sec, uint64_t nsec, const struct render_opts *ro)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char date[64], zone[16];

	if ((sec == 0 && nsec == 0) || (ro && ro->xlat == RENDER_XLAT_RAW))
		return;
	if (!localtime_r(&t, &tm) || !strftime(date, sizeof(date), "%FT%T", &tm) ||
	    !strftime(zone, sizeof(zone), "%z", &tm))
		return;
	buf_printf(b, " /* %s", date);
	if (nsec)
		buf_printf(b, ".%09llu", (unsigned long long)nsec);
	buf_printf(b, "%s */", zone);
}

/* strace -v: st_atime=1700000000 (date comment), st_atime_nsec=123 */
static void put_stat_time(struct buf *b, const char *name, const char *p, size_t off,
			  const struct render_opts *ro)
{
	int64_t sec = (int64_t)get64(p, off);
	uint64_t nsec = get64(p, off + 8);

	buf_printf(b, ", %s=%lld", name, (long long)sec);
	render_time_comment(b, sec, nsec, ro);
	buf_printf(b, ", %s_nsec=%llu", name, (unsigned long long)nsec);
}

static void render_stat(struct buf *b, const char *p, const struct render_opts *ro)
{
	uint32_t mode = get32(p, 24);
	uint32_t type = mode & S_IFMT_;
	bool dev = type == 0020000 || type == 0060000;
	bool full = ro && ro->verbose;

	if (full) {
		buf_puts(b, "{st_dev=");
		put_makedev(b, get64(p, 0));
		buf_printf(b, ", st_ino=%llu, st_mode=", (unsigned long long)get64(p, 8));
	} else {
		buf_puts(b, "{st_mode=");
	}
	put_mode_type(b, ro, mode);
	if (full)
		buf_printf(b,
			   ", st_nlink=%llu, st_uid=%u, st_gid=%u, st_blksize=%lld, "
			   "st_blocks=%lld",
			   (unsigned long long)get64(p, 16), get32(p, 28), get32(p, 32),
			   (long long)get64(p, 56), (long long)get64(p, 64));
	if (dev) {
		buf_puts(b, ", st_rdev=");
		put_makedev(b, get64(p, 40));
	} else {
		buf_printf(b, ", st_size=%lld", (long long)get64(p, 48));
	}
	if (!full) {
		buf_puts(b, ", ...}");
		return;
	}
	put_stat_time(b, "st_atime", p, 72, ro);
	put_stat_time(b, "st_mtime", p, 88, ro);
	put_stat_time(b, "st_ctime", p, 104, ro);
	buf_putc(b, '}');
}

/* struct statx_timestamp: {tv_sec=1, tv_nsec=2} and the date comment */
static void put_statx_time(struct buf *b, const char *name, const char *p, size_t off,
			   const struct render_opts *ro)
{
	int64_t sec = (int64_t)get64(p, off);
	uint32_t nsec = get32(p, off + 8);

	buf_printf(b, ", %s={tv_sec=%lld, tv_nsec=%u}", name, (long long)sec, nsec);
	render_time_comment(b, sec, nsec, ro);
}

#define STATX_BTIME_ 0x800u
#define STATX_MNT_ID_ 0x1000u
#define STATX_DIOALIGN_ 0x2000u

static void render_statx_full(struct buf *b, const char *p, const struct render_opts *ro)
{
	uint32_t mask = get32(p, 0);

	buf_puts(b, "{stx_mask=");
	put_table(b, ro, FT_STATX_MASK, mask);
	buf_printf(b, ", stx_blksize=%u, stx_attributes=", get32(p, 4));
	put_table(b, ro, FT_STATX_ATTRS, get64(p, 8));
	buf_printf(b, ", stx_nlink=%u, stx_uid=%u, stx_gid=%u, stx_mode=", get32(p, 16),
		   get32(p, 20), get32(p, 24));
	put_mode_type(b, ro, get16(p, 28));
	buf_printf(b, ", stx_ino=%llu, stx_size=%llu, stx_blocks=%llu, stx_attributes_mask=",
		   (unsigned long long)get64(p, 32), (unsigned long long)get64(p, 40),
		   (unsigned long long)get64(p, 48));
	put_table(b, ro, FT_STATX_ATTRS, get64(p, 56));
	put_statx_time(b, "stx_atime", p, 64, ro);
	if (mask & STATX_BTIME_)
		put_statx_time(b, "stx_btime", p, 80, ro);
	put_statx_time(b, "stx_ctime", p, 96, ro);
	put_statx_time(b, "stx_mtime", p, 112, ro);
	buf_printf(b, ", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, stx_dev_minor=%u",
		   get32(p, 128), get32(p, 132), get32(p, 136), get32(p, 140));
	if (mask & STATX_MNT_ID_)
		buf_printf(b, ", stx_mnt_id=%#llx", (unsigned long long)get64(p, 144));
	if (mask & STATX_DIOALIGN_)
		buf_printf(b, ", stx_dio_mem_align=%u, stx_dio_offset_align=%u", get32(p, 152),
			   get32(p, 156));
	buf_putc(b, '}');
}

static void render_statx(struct buf *b, const char *p, const struct render_opts *ro)
{
	uint16_t mode = get16(p, 28);
	uint32_t type = mode & S_IFMT_;

	if (ro && ro->verbose) {
		render_statx_full(b, p, ro);
		return;
	}
	buf_puts(b, "{stx_mask=");
	put_table(b, ro, FT_STATX_MASK, get32(p, 0));
	buf_puts(b, ", stx_attributes=");
	put_table(b, ro, FT_STATX_ATTRS, get64(p, 8));
	buf_puts(b, ", stx_mode=");
	put_mode_type(b, ro, mode);
	if (type == 0020000 || type == 0060000)
		buf_printf(b, ", stx_rdev_major=%u, stx_rdev_minor=%u", get32(p, 128),
			   get32(p, 132));
	else
		buf_printf(b, ", stx_size=%llu", (unsigned long long)get64(p, 40));
	buf_puts(b, ", ...}");
}

static void render_statfs(struct buf *b, const char *p, const struct render_opts *ro)
{
	uint64_t type = get64(p, 0);
	const char *name = flag_table_name(FT_STATFS_MAGIC, type);
	size_t mark;

	buf_puts(b, "{f_type=");
	mark = b->len;
	if (name)
		buf_puts(b, name);
	else
		buf_put_hex(b, type);
	render_const(b, ro, mark, type, RENDER_NUM_HEX);
	buf_printf(b,
		   ", f_bsize=%lld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, f_files=%llu, "
		   "f_ffree=%llu, f_fsid={val=[%#x, %#x]}, f_namelen=%lld, f_frsize=%lld, "
		   "f_flags=",
		   (long long)get64(p, 8), (unsigned long long)get64(p, 16),
		   (unsigned long long)get64(p, 24), (unsigned long long)get64(p, 32),
		   (unsigned long long)get64(p, 40), (unsigned long long)get64(p, 48),
		   get32(p, 56), get32(p, 60), (long long)get64(p, 64), (long long)get64(p, 72));
	put_table(b, ro, FT_STATFS_FLAGS, get64(p, 80));
	buf_putc(b, '}');
}

static void put_rlim(struct buf *b, uint64_t v, bool is64, const struct render_opts *ro)
{
	size_t mark = b->len;

	if (v == UINT64_MAX)
		buf_puts(b, is64 ? "RLIM64_INFINITY" : "RLIM_INFINITY");
	else if (v && v % 1024 == 0)
		buf_printf(b, "%llu*1024", (unsigned long long)(v / 1024));
	else
		buf_put_u64(b, v);
	render_const(b, ro, mark, v, RENDER_NUM_UDEC);
}

static void render_rlimit(struct buf *b, const struct event *ev, const char *p,
			  const struct render_opts *ro)
{
	bool is64 = ev->sc && !strcmp(ev->sc->name, "prlimit64");

	buf_puts(b, "{rlim_cur=");
	put_rlim(b, get64(p, 0), is64, ro);
	buf_puts(b, ", rlim_max=");
	put_rlim(b, get64(p, 8), is64, ro);
	buf_putc(b, '}');
}

static void render_sigaction(struct buf *b, const char *p, const struct render_opts *ro)
{
	uint64_t handler = get64(p, 0), flags = get64(p, 8);

	buf_puts(b, "{sa_handler=");
	if (handler == 0 || handler == 1) {
		size_t mark = b->len;

		buf_puts(b, handler ? "SIG_IGN" : "SIG_DFL");
		render_const(b, ro, mark, handler, RENDER_NUM_HEX);
	} else {
		buf_put_hex(b, handler);
	}
	buf_puts(b, ", sa_mask=");
	render_sigset(b, get64(p, 24), ro);
	buf_puts(b, ", sa_flags=");
	put_table(b, ro, FT_SA_FLAGS, flags);
	if (flags & SA_RESTORER) {
		buf_puts(b, ", sa_restorer=");
		put_ptr(b, get64(p, 16));
	}
	buf_putc(b, '}');
}

int render_wait_status(struct buf *b, int s)
{
	const char *name;

	buf_puts(b, "[{");
	if ((s & 0x7f) == 0) {
		buf_printf(b, "WIFEXITED(s) && WEXITSTATUS(s) == %d", (s >> 8) & 0xff);
	} else if ((s & 0xff) == 0x7f) {
		name = signal_name((s >> 8) & 0xff);
		buf_puts(b, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
		if (name)
			buf_puts(b, name);
		else
			buf_put_i64(b, (s >> 8) & 0xff);
	} else if (s == 0xffff) {
		buf_puts(b, "WIFCONTINUED(s)");
	} else {
		name = signal_name(s & 0x7f);
		buf_puts(b, "WIFSIGNALED(s) && WTERMSIG(s) == ");
		if (name)
			buf_puts(b, name);
		else
			buf_put_i64(b, s & 0x7f);
		if (s & 0x80)
			buf_puts(b, " && WCOREDUMP(s)");
	}
	if ((s & 0xff) == 0x7f && (s >> 16))
		buf_printf(b, " | %#x", (unsigned)s >> 16 << 16);
	return buf_puts(b, "}]");
}

static void put_sig_or_num(struct buf *b, int sig, const struct render_opts *ro)
{
	const char *name = signal_name(sig);
	size_t mark = b->len;

	if (name)
		buf_puts(b, name);
	else
		buf_put_i64(b, sig);
	render_const(b, ro, mark, (uint64_t)(int64_t)sig, RENDER_NUM_DEC);
}

static void render_siginfo(struct buf *b, const char *p, const struct render_opts *ro)
{
	int signo = (int)get32(p, 0), code = (int)get32(p, 8);
	const char *cname = si_code_name(signo, code);
	size_t mark;

	buf_puts(b, "{si_signo=");
	put_sig_or_num(b, signo, ro);
	buf_puts(b, ", si_code=");
	mark = b->len;
	if (cname)
		buf_puts(b, cname);
	else
		buf_put_hex(b, (unsigned)code);
	render_const(b, ro, mark, (unsigned)code, RENDER_NUM_HEX);
	buf_printf(b, ", si_pid=%d, si_uid=%u", (int)get32(p, 16), get32(p, 20));
	if (signo == 17) {
		buf_puts(b, ", si_status=");
		if (code == 1)
			buf_put_i64(b, (int)get32(p, 24));
		else
			put_sig_or_num(b, (int)get32(p, 24), ro);
		buf_printf(b, ", si_utime=%lld, si_stime=%lld", (long long)get64(p, 32),
			   (long long)get64(p, 40));
	}
	buf_putc(b, '}');
}

static void put_cstr_field(struct buf *b, const char *name, const char *p, size_t max,
			   const struct render_opts *ro)
{
	buf_puts(b, name);
	buf_putc(b, '=');
	render_quoted(b, p, strnlen(p, max), false, ro);
}

static void render_utsname(struct buf *b, const char *p, const struct render_opts *ro)
{
	static const char *const names[] = {"sysname", "nodename", "release",
					     "version", "machine", "domainname"};
	int k, n = ro && ro->verbose ? 6 : 2;

	buf_putc(b, '{');
	for (k = 0; k < n; k++) {
		if (k)
			buf_puts(b, ", ");
		put_cstr_field(b, names[k], p + 65 * k, 65, ro);
	}
	buf_puts(b, n == 6 ? "}" : ", ...}");
}

static void render_sysinfo(struct buf *b, const char *p)
{
	buf_printf(b,
		   "{uptime=%lld, loads=[%llu, %llu, %llu], totalram=%llu, freeram=%llu, "
		   "sharedram=%llu, bufferram=%llu, totalswap=%llu, freeswap=%llu, procs=%u, "
		   "totalhigh=%llu, freehigh=%llu, mem_unit=%u}",
		   (long long)get64(p, 0), (unsigned long long)get64(p, 8),
		   (unsigned long long)get64(p, 16), (unsigned long long)get64(p, 24),
		   (unsigned long long)get64(p, 32), (unsigned long long)get64(p, 40),
		   (unsigned long long)get64(p, 48), (unsigned long long)get64(p, 56),
		   (unsigned long long)get64(p, 64), (unsigned long long)get64(p, 72),
		   get16(p, 80), (unsigned long long)get64(p, 88),
		   (unsigned long long)get64(p, 96), get32(p, 104));
}

static void render_rusage(struct buf *b, const char *p, const struct render_opts *ro)
{
	static const char *const names[] = {"maxrss", "ixrss",	 "idrss",    "isrss",
					     "minflt", "majflt", "nswap",    "inblock",
					     "oublock", "msgsnd", "msgrcv",  "nsignals",
					     "nvcsw",  "nivcsw"};
	size_t k;

	buf_puts(b, "{ru_utime=");
	put_timespec(b, p, "tv_usec");
	buf_puts(b, ", ru_stime=");
	put_timespec(b, p + 16, "tv_usec");
	if (!ro || !ro->verbose) {
		buf_puts(b, ", ...}");
		return;
	}
	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		buf_printf(b, ", ru_%s=%lld", names[k], (long long)get64(p, 32 + 8 * k));
	buf_putc(b, '}');
}


static void render_termios(struct buf *b, const char *p)
{
	static const char *const speeds[] = { "B0",	"B50",	 "B75",	  "B110", "B134",
					      "B150",	"B200",	 "B300",  "B600", "B1200",
					      "B1800",	"B2400", "B4800", "B9600", "B19200",
					      "B38400" };
	uint32_t oflag = get32(p, 4), cflag = get32(p, 8), lflag = get32(p, 12);
	uint32_t speed = cflag & 010017;

	buf_putc(b, '{');
	if (speed < 16)
		buf_puts(b, speeds[speed]);
	else
		buf_printf(b, "%#o", speed);
	buf_printf(b, " %sopost %sisig %sicanon %secho ...}", oflag & 1 ? "" : "-",
		   lflag & 1 ? "" : "-", lflag & 2 ? "" : "-", lflag & 010 ? "" : "-");
}

static void render_ioctl_arg(struct buf *b, const struct event *ev, const struct ev_arg *a)
{
	uint32_t cmd = (uint32_t)ev->args[1].raw;

	switch (cmd) {
	case 0x5401: /* TCGETS */
	case 0x5402:
	case 0x5403:
	case 0x5404:
		if (a->len >= 36) {
			render_termios(b, a->data);
			return;
		}
		break;
	case 0x5413: /* TIOCGWINSZ */
	case 0x5414:
		if (a->len >= 8) {
			buf_printf(b, "{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
				   get16(a->data, 0), get16(a->data, 2), get16(a->data, 4),
				   get16(a->data, 6));
			return;
		}
		break;
	default:
		if (a->len >= 4) {
			buf_printf(b, "[%d]", (int)get32(a->data, 0));
			return;
		}
		break;
	}
	put_ptr(b, a->raw);
}

static void render_flock(struct buf *b, const char *p, bool with_pid, const struct render_opts *ro)
{
	buf_puts(b, "{l_type=");
	put_enum_int(b, ro, FT_LOCK_TYPE, get16(p, 0));
	buf_puts(b, ", l_whence=");
	put_styled(b, ro, flags_whence, get16(p, 2), get16(p, 2), RENDER_NUM_HEX);
	buf_printf(b, ", l_start=%lld, l_len=%lld", (long long)get64(p, 8),
		   (long long)get64(p, 16));
	if (with_pid)
		buf_printf(b, ", l_pid=%d", (int)get32(p, 24));
	buf_putc(b, '}');
}

static void render_clone(struct buf *b, const struct event *ev, const struct render_opts *ro)
{
	buf_puts(b, "child_stack=");
	put_ptr(b, ev->args[1].raw);
	buf_puts(b, ", flags=");
	render_clone_flags(b, ev->args[0].raw, ro);
}

static void render_clone_out(struct buf *b, const struct event *ev, const struct ev_arg *a)
{
	uint64_t fl = ev->args[0].raw;
	bool first = true;

	if (fl & (CLONE_PARENT_SETTID | CLONE_PIDFD)) {
		buf_puts(b, "parent_tid=");
		if (a->state == ARG_S_DATA)
			buf_printf(b, "[%d]", (int)get32(a->data, 0));
		else
			put_ptr(b, ev->args[2].raw);
		first = false;
	}
	if (fl & CLONE_SETTLS) {
		buf_puts(b, first ? "tls=" : ", tls=");
		put_ptr(b, ev->args[4].raw);
		first = false;
	}
	if (fl & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)) {
		buf_puts(b, first ? "child_tidptr=" : ", child_tidptr=");
		put_ptr(b, ev->args[3].raw);
	}
}

static void render_clone_args(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	const char *p = a->data;
	uint64_t fl = get64(p, 0);

	if (a->len < 64) {
		put_ptr(b, a->raw);
		return;
	}
	buf_puts(b, "{flags=");
	put_styled(b, ro, flags_clone3, fl, fl, RENDER_NUM_HEX);
	if (fl & CLONE_PIDFD)
		buf_printf(b, ", pidfd=%#llx", (unsigned long long)get64(p, 8));
	if (fl & (CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID))
		buf_printf(b, ", child_tid=%#llx", (unsigned long long)get64(p, 16));
	if (fl & CLONE_PARENT_SETTID)
		buf_printf(b, ", parent_tid=%#llx", (unsigned long long)get64(p, 24));
	buf_puts(b, ", exit_signal=");
	put_sig_or_num(b, (int)get64(p, 32), ro);
	buf_puts(b, ", stack=");
	put_ptr(b, get64(p, 40));
	buf_printf(b, ", stack_size=%#llx", (unsigned long long)get64(p, 48));
	if (fl & CLONE_SETTLS) {
		buf_puts(b, ", tls=");
		put_ptr(b, get64(p, 56));
	}
	buf_putc(b, '}');
}


static void render_inout(struct buf *b, const struct ev_arg *a, size_t w)
{
	long long in = w == 8 ? (long long)get64(a->data, 0) : (int)get32(a->data, 0);
	long long out;

	if (a->len < 2 * w)
		return (void)buf_printf(b, "[%lld]", in);
	out = w == 8 ? (long long)get64(a->data, 8) : (int)get32(a->data, 4);
	if (w == 8) /* sendfile's offset: [0] => [10] */
		buf_printf(b, "[%lld] => [%lld]", in, out);
	else if (in == out)
		buf_printf(b, "[%lld]", in);
	else
		buf_printf(b, "[%lld => %lld]", in, out);
}

/* strace -v getdents64: [{d_ino=2, d_off=3, d_reclen=24, d_type=DT_DIR, d_name="etc"}] */
static void render_dirents64(struct buf *b, const struct ev_arg *a, const struct render_opts *ro)
{
	static const char *const types[16] = {
		[0] = "DT_UNKNOWN", [1] = "DT_FIFO", [2] = "DT_CHR",   [4] = "DT_DIR",
		[6] = "DT_BLK",	    [8] = "DT_REG",  [10] = "DT_LNK",  [12] = "DT_SOCK",
		[14] = "DT_WHT",
	};
	const char *p = a->data;
	uint32_t off = 0;
	bool first = true;

	buf_putc(b, '[');
	while (off + 19 <= a->len) {
		uint16_t reclen = get16(p, off + 16);
		unsigned type = (unsigned char)p[off + 18];
		size_t mark;

		if (reclen < 19 || off + reclen > a->len)
			break;
		if (!first)
			buf_puts(b, ", ");
		first = false;
		buf_printf(b, "{d_ino=%llu, d_off=%lld, d_reclen=%u, d_type=",
			   (unsigned long long)get64(p, off), (long long)get64(p, off + 8), reclen);
		mark = b->len;
		if (type < 16 && types[type])
			buf_puts(b, types[type]);
		else
			buf_put_hex(b, type);
		render_const(b, ro, mark, type, RENDER_NUM_HEX);
		buf_puts(b, ", d_name=");
		render_quoted(b, p + off + 19, strnlen(p + off + 19, reclen - 19), false, ro);
		buf_putc(b, '}');
		off += reclen;
	}
	if (a->trunc)
		buf_puts(b, first ? "..." : ", ...");
	buf_putc(b, ']');
}

/* Structures that were read (ARG_S_DATA). */
static int render_data(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];
	const char *p = a->data;
	uint32_t k;

	switch (a->kind) {
	case A_STAT_OUT:
		render_stat(b, p, ro);
		return 1;
	case A_STATX_OUT:
		render_statx(b, p, ro);
		return 1;
	case A_STATFS_OUT:
		render_statfs(b, p, ro);
		return 1;
	case A_RLIMIT:
	case A_RLIMIT_OUT:
		render_rlimit(b, ev, p, ro);
		return 1;
	case A_SIGACTION:
	case A_SIGACTION_OUT:
		render_sigaction(b, p, ro);
		return 1;
	case A_SIGSET:
	case A_SIGSET_OUT:
		render_sigset(b, get64(p, 0), ro);
		return 1;
	case A_SIGFRAME:
		buf_puts(b, "{mask=");
		render_sigset(b, get64(p, 0), ro);
		buf_putc(b, '}');
		return 1;
	case A_TIMESPEC:
	case A_TIMESPEC_OUT:
		put_timespec(b, p, "tv_nsec");
		return 1;
	case A_TIMEVAL:
	case A_TIMEVAL_OUT:
		put_timespec(b, p, "tv_usec");
		return 1;
	case A_ITIMERSPEC:
	case A_ITIMERSPEC_OUT:
		buf_puts(b, "{it_interval=");
		put_timespec(b, p, "tv_nsec");
		buf_puts(b, ", it_value=");
		put_timespec(b, p + 16, "tv_nsec");
		buf_putc(b, '}');
		return 1;
	case A_STACK:
	case A_STACK_OUT:
		buf_puts(b, "{ss_sp=");
		put_ptr(b, get64(p, 0));
		buf_puts(b, ", ss_flags=");
		put_table(b, ro, FT_SS_FLAGS, get32(p, 8));
		buf_printf(b, ", ss_size=%llu}", (unsigned long long)get64(p, 16));
		return 1;
	case A_INT_PTR:
	case A_INT_OUT:
		buf_printf(b, "[%d]", (int)get32(p, 0));
		return 1;
	case A_WSTATUS_OUT:
		render_wait_status(b, (int)get32(p, 0));
		return 1;
	case A_UTSNAME_OUT:
		render_utsname(b, p, ro);
		return 1;
	case A_SYSINFO_OUT:
		render_sysinfo(b, p);
		return 1;
	case A_RUSAGE_OUT:
		render_rusage(b, p, ro);
		return 1;
	case A_SIGINFO_OUT:
		render_siginfo(b, p, ro);
		return 1;
	case A_DIRENTS_OUT:
		if (ro && ro->verbose && ev->nr == 217) {
			render_dirents64(b, a, ro);
			return 1;
		}
		put_ptr(b, a->raw);
		buf_printf(b, " /* %u entries */", a->count);
		return 1;
	case A_SOCKLEN_INOUT:
		render_inout(b, a, 4);
		return 1;
	case A_OFF_INOUT:
		render_inout(b, a, 8);
		return 1;
	case A_SEMBUF:
		buf_putc(b, '[');
		for (k = 0; k + 6 <= a->len; k += 6) {
			uint16_t flg = get16(p, k + 4);

			if (k)
				buf_puts(b, ", ");
			buf_printf(b, "{sem_num=%u, sem_op=%d, sem_flg=", get16(p, k),
				   (int16_t)get16(p, k + 2));
			if (!flg)
				buf_putc(b, '0');
			else
				buf_printf(b, "%s%s%s", flg & 04000 ? "IPC_NOWAIT" : "",
					   (flg & 04000) && (flg & 010000) ? "|" : "",
					   flg & 010000 ? "SEM_UNDO" : "");
			buf_putc(b, '}');
		}
		buf_putc(b, ']');
		return 1;
	case A_MSGBUF:
	case A_MSGBUF_OUT:
		buf_printf(b, "{mtype=%lld, mtext=", (long long)get64(p, 0));
		render_quoted(b, p + 8, a->len - 8, false, ro);
		buf_putc(b, '}');
		return 1;
	case A_STR_OUT:
		render_quoted(b, p, a->len, a->trunc, ro);
		return 1;
	case A_CLONE_ARGS:
		render_clone_args(b, a, ro);
		return 1;
	case A_CLONE_OUT:
		render_clone_out(b, ev, a);
		return 1;
	case A_IOCTL_ARG:
	case A_IOCTL_OUT:
		render_ioctl_arg(b, ev, a);
		return 1;
	case A_FCNTL_ARG:
	case A_FCNTL_OUT:
		render_flock(b, p, a->kind == A_FCNTL_OUT, ro);
		return 1;
	default:
		return render_net_data(b, ev, i, ro) || render_sys_data(b, ev, i, ro);
	}
}

static void render_futex_op(struct buf *b, uint64_t v, const struct render_opts *ro)
{
	uint32_t op = (uint32_t)v, cmd = op & 0x7f;
	const char *name = flag_table_name(FT_FUTEX_OP, cmd);
	size_t mark = b->len;

	if (!name) {
		buf_put_hex(b, op);
		return;
	}
	if (ro && ro->xlat != RENDER_XLAT_ABBREV) {
		buf_puts(b, name);
		if (op & 128)
			buf_puts(b, "_PRIVATE");
		render_const(b, ro, mark, op & 0x1ff & ~256u, RENDER_NUM_HEX);
		if (op & 256) {
			buf_putc(b, '|');
			mark = b->len;
			buf_puts(b, "FUTEX_CLOCK_REALTIME");
			render_const(b, ro, mark, 256, RENDER_NUM_HEX);
		}
		if (op & ~0x1ffu)
			buf_printf(b, "|%#x", op & ~0x1ffu);
		return;
	}
	buf_puts(b, name);
	if (op & 128)
		buf_puts(b, "_PRIVATE");
	if (op & 256)
		buf_puts(b, "|FUTEX_CLOCK_REALTIME");
	if (op & ~0x1ffu)
		buf_printf(b, "|%#x", op & ~0x1ffu);
}


/* Raw register values with a kind of their own. */
static int render_raw(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];
	uint64_t v = a->raw;

	if (a->kind > A_X_FIRST && a->kind < A_KIND_COUNT) {
		enum flag_table id = (enum flag_table)(a->kind - A_X_FIRST - 1);

		if (flag_table_is_flags(id))
			put_table(b, ro, id, (uint32_t)v);
		else
			put_enum_int(b, ro, id, v);
		return 1;
	}
	switch (a->kind) {
	case A_OPEN_BITS:
		put_styled(b, ro, flags_open_bits, v, (uint32_t)v, RENDER_NUM_HEX);
		return 1;
	case A_STATX_FLAGS:
		put_styled(b, ro, flags_at_statx, v, (uint32_t)v, RENDER_NUM_HEX);
		return 1;
	case A_FACCESSAT_FLAGS:
		put_styled(b, ro, flags_faccessat, v, (uint32_t)v, RENDER_NUM_HEX);
		return 1;
	case A_FUTEX_OP:
		render_futex_op(b, v, ro);
		return 1;
	case A_FLOCK_OP: {
		size_t mark = b->len;

		put_enum_int(b, NULL, FT_FLOCK_OP, (uint32_t)v & ~4u);
		if (v & 4)
			buf_puts(b, "|LOCK_NB");
		render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
		return 1;
	}
	case A_IPC_KEY: {
		size_t mark = b->len;

		if ((int32_t)v == 0)
			buf_puts(b, "IPC_PRIVATE");
		else
			buf_printf(b, "%#x", (uint32_t)v);
		render_const(b, ro, mark, (uint32_t)v, RENDER_NUM_HEX);
		return 1;
	}
	case A_IPC_GETFLAGS:
		if ((uint32_t)v & ~0777u) {
			put_table(b, ro, FT_IPC_FLAGS, (uint32_t)v & ~0777u);
			buf_putc(b, '|');
		}
		buf_printf(b, "%#03o", (unsigned)v & 0777u);
		return 1;
	case A_IOCTL_CMD: {
		/* asm-generic/ioctl.h: nr 8 bits, type 8, size 14, dir 2 */
		static const char *const dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ",
						   "_IOC_READ|_IOC_WRITE"};
		uint32_t cmd = (uint32_t)v, size = (cmd >> 16) & 0x3fff;
		size_t mark = b->len;

		if (flag_table_name(FT_IOCTL_CMD, cmd)) {
			put_table(b, ro, FT_IOCTL_CMD, cmd);
			return 1;
		}
		buf_printf(b, "_IOC(%s, %#x, %#x, ", dirs[cmd >> 30], (cmd >> 8) & 0xff,
			   cmd & 0xff);
		if (size)
			buf_printf(b, "%#x)", size);
		else
			buf_puts(b, "0)");
		render_const(b, ro, mark, cmd, RENDER_NUM_HEX);
		return 1;
	}
	case A_FCNTL_CMD:
		put_enum_int(b, ro, FT_FCNTL_CMD, v);
		return 1;
	case A_CLONE:
		render_clone(b, ev, ro);
		return 1;
	case A_CLONE_OUT:
		render_clone_out(b, ev, a);
		return 1;
	case A_FCNTL_ARG:
		/* F_SETFD shows FD_CLOEXEC, F_SETFL the O_* flags, others a number */
		switch ((int)ev->args[1].raw) {
		case 2:
			put_table(b, ro, FT_FD_FLAGS, (uint32_t)v);
			return 1;
		case 4:
			put_styled(b, ro, flags_open, v, (uint32_t)v, RENDER_NUM_HEX);
			return 1;
		case 10:
			put_styled(b, ro, flags_signal, v, (uint64_t)(int64_t)(int)v,
				   RENDER_NUM_DEC);
			return 1;
		default:
			buf_put_i64(b, (long long)v);
			return 1;
		}
	case A_IOCTL_ARG:
		put_ptr(b, v);
		return 1;
	default:
		return render_net_raw(b, ev, i, ro) || render_sys_raw(b, ev, i, ro);
	}
}

int render_struct_arg(struct buf *b, const struct event *ev, int i, const struct render_opts *ro)
{
	const struct ev_arg *a = &ev->args[i];

	if (a->kind <= A_FDPAIR_OUT)
		return 0;
	if (a->state == ARG_S_DATA && render_data(b, ev, i, ro))
		return 1;
	if (render_raw(b, ev, i, ro))
		return 1;
	/* unread structures: NULL or the address */
	put_ptr(b, a->raw);
	return 1;
}

/* ", left {tv_sec=0, tv_nsec=999}": the timeout the kernel rewrote (decode_keep_twice) */
static void put_left(struct buf *b, const struct ev_arg *a, const char *sub, const char *sep)
{
	if (a->state != ARG_S_DATA || a->count != 1 || a->len != 32)
		return;
	buf_puts(b, sep);
	buf_puts(b, "left ");
	put_timespec(b, a->data + 16, sub);
}

/* select(2)'s result as strace shows it: " (in [3], out [4], left {...})", listing at
 * most ready descriptors from the sets the kernel rewrote. */
static void render_select_ret(struct buf *b, const struct event *ev, int ready, const char *sub)
{
	static const char *const names[] = {"in", "out", "except"};
	int nfds = (int)ev->args[0].raw, k, fd;
	const char *sep = "";

	buf_puts(b, " (");
	for (k = 0; k < 3 && ready > 0; k++) {
		const struct ev_arg *a = &ev->args[k + 1];
		const unsigned char *set = (const unsigned char *)a->data + a->len / 2;
		bool first = true;

		if (a->state != ARG_S_DATA || a->count != 1)
			continue;
		for (fd = 0; fd < nfds && (uint32_t)fd / 8 < a->len / 2 && ready > 0; fd++) {
			if (!(set[fd / 8] & (1u << (fd % 8))))
				continue;
			if (first)
				buf_printf(b, "%s%s [%d", sep, names[k], fd);
			else
				buf_printf(b, " %d", fd);
			first = false;
			sep = ", ";
			ready--;
		}
		if (!first)
			buf_putc(b, ']');
	}
	if (ev->args[4].raw)
		put_left(b, &ev->args[4], sub, sep);
	buf_putc(b, ')');
}

int render_struct_ret(struct buf *b, const struct event *ev, const struct render_opts *ro)
{
	/* strace shows these decorations with names whatever -X says, but for
	 * personality and membarrier */
	const char *name = ev->sc ? ev->sc->name : NULL;
	int64_t r = ev->ret;

	if (!name || ev->err)
		return 0;
	if (!strcmp(name, "fcntl")) {
		int cmd = (int)ev->args[1].raw;

		if (cmd == 1 && r) { /* F_GETFD */
			buf_printf(b, "%#llx (flags ", (unsigned long long)r);
			put_table(b, NULL, FT_FD_FLAGS, (uint64_t)r);
			buf_putc(b, ')');
			return 1;
		}
		if (cmd == 3) { /* F_GETFL */
			buf_printf(b, "%#llx (flags ", (unsigned long long)r);
			flags_open(b, (uint64_t)r);
			buf_putc(b, ')');
			return 1;
		}
		return 0;
	}
	if (!strcmp(name, "poll") || !strcmp(name, "ppoll")) {
		const struct ev_arg *a = &ev->args[0];

		buf_put_i64(b, r);
		if (r == 0) {
			buf_puts(b, " (Timeout)");
		} else if (a->state == ARG_S_DATA) {
			buf_puts(b, " (");
			render_pollfds(b, a, true, ro);
			if (!strcmp(name, "ppoll"))
				put_left(b, &ev->args[2], "tv_nsec", ", ");
			buf_putc(b, ')');
		}
		return 1;
	}
	if (!strcmp(name, "recvmmsg")) {
		const struct ev_arg *a = &ev->args[4];

		if (r && (a->state != ARG_S_DATA || a->count != 1 || a->len != 32))
			return 0;
		buf_put_i64(b, r);
		if (r == 0)
			return buf_puts(b, " (Timeout)"), 1;
		buf_puts(b, " (");
		put_left(b, a, "tv_nsec", "");
		buf_putc(b, ')');
		return 1;
	}
	if (!strcmp(name, "select") || !strcmp(name, "pselect6")) {
		buf_put_i64(b, r);
		if (r == 0)
			return buf_puts(b, " (Timeout)"), 1;
		render_select_ret(b, ev, (int)r, name[0] == 's' ? "tv_usec" : "tv_nsec");
		return 1;
	}
	if (!strcmp(name, "prctl") && (int)ev->args[0].raw == 3) {
		buf_put_i64(b, r);
		buf_puts(b, " (");
		put_enum_int(b, NULL, FT_DUMPABLE, (uint64_t)r);
		buf_putc(b, ')');
		return 1;
	}
	if (!strcmp(name, "personality")) {
		if (r)
			buf_put_hex(b, (uint64_t)r);
		else
			buf_putc(b, '0');
		buf_puts(b, " (");
		put_enum_int(b, ro, FT_PERSONALITY, (uint64_t)r);
		buf_putc(b, ')');
		return 1;
	}
	if (!strcmp(name, "sched_getscheduler")) {
		buf_put_i64(b, r);
		buf_puts(b, " (");
		put_enum_int(b, NULL, FT_SCHED_POLICY, (uint64_t)r);
		buf_putc(b, ')');
		return 1;
	}
	if (!strcmp(name, "membarrier") && (int)ev->args[0].raw == 0 && r) {
		buf_put_hex(b, (uint64_t)r);
		buf_puts(b, " (");
		put_table(b, ro, FT_MEMBARRIER_CMD, (uint64_t)r);
		buf_putc(b, ')');
		return 1;
	}
	return 0;
}
