/* SPDX-License-Identifier: MIT */
/* Renderers behind strace's presentation options: -x/-xx strings, -X raw and verbose
 * constants, -v structures, -y descriptor records, and the decorations strace adds
 * (select's result, rt_sigreturn's frame, clone3's exit part, unknown ioctls).
 * Expected strings are strace 6.1's output for the same values on x86_64. */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/event.h"
#include "output/render.h"
#include "output/render_struct.h"
#include "syscalls/decode_struct.h"
#include "syscalls/table.h"
#include "util/buf.h"

static struct buf out = BUF_INIT;
static struct event ev;

static const struct render_opts raw = { .xlat = RENDER_XLAT_RAW };
static const struct render_opts verbose = { .xlat = RENDER_XLAT_VERBOSE };
static const struct render_opts full = { .verbose = true };
static const struct render_opts hex1 = { .hex = 1 };
static const struct render_opts hex2 = { .hex = 2 };

/* A completed call of name with argument i of kind holding raw (and data). */
static void set_arg(const char *name, int i, unsigned kind, uint64_t value, const void *data,
		    uint32_t len)
{
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.sc = syscall_by_name(name);
	cr_assert_not_null(ev.sc, "%s", name);
	ev.nr = ev.sc->nr;
	ev.nargs = 6;
	ev.args[i].kind = (uint8_t)kind;
	ev.args[i].raw = value;
	if (data) {
		ev.args[i].state = ARG_S_DATA;
		ev.args[i].data = data;
		ev.args[i].len = len;
	}
}

static const char *arg(int i, const struct render_opts *ro)
{
	buf_reset(&out);
	render_arg(&out, &ev, i, ro);
	return out.data ? out.data : "";
}

static const char *ret(const struct render_opts *ro)
{
	buf_reset(&out);
	render_ret(&out, &ev, ro);
	return out.data ? out.data : "";
}

static const char *quoted(const char *s, size_t len, const struct render_opts *ro)
{
	buf_reset(&out);
	render_quoted(&out, s, len, false, ro);
	return out.data;
}

Test(render_opts, x_hexes_only_strings_with_a_non_printable_byte)
{
	cr_assert_str_eq(quoted("hi\n", 3, &hex1), "\"hi\\n\"");
	cr_assert_str_eq(quoted("a\x01\tb\n", 5, &hex1), "\"\\x61\\x01\\x09\\x62\\x0a\"");
	cr_assert_str_eq(quoted("\xc3\xa9", 2, &hex1), "\"\\xc3\\xa9\"");
	cr_assert_str_eq(quoted("hi\n", 3, &hex2), "\"\\x68\\x69\\x0a\"");
	cr_assert_str_eq(quoted("a\x01", 2, NULL), "\"a\\1\"");
}

Test(render_opts, X_raw_and_verbose_restyle_names)
{
	set_arg("openat", 2, A_OPEN_FLAGS, 0x80000, NULL, 0);
	cr_assert_str_eq(arg(2, NULL), "O_RDONLY|O_CLOEXEC");
	cr_assert_str_eq(arg(2, &raw), "0x80000");
	cr_assert_str_eq(arg(2, &verbose), "0x80000 /* O_RDONLY|O_CLOEXEC */");
	set_arg("openat", 2, A_OPEN_FLAGS, 0, NULL, 0);
	cr_assert_str_eq(arg(2, &raw), "0");
	cr_assert_str_eq(arg(2, &verbose), "0 /* O_RDONLY */");
	set_arg("openat", 0, A_DIRFD, (uint64_t)-100, NULL, 0);
	cr_assert_str_eq(arg(0, &raw), "-100");
	cr_assert_str_eq(arg(0, &verbose), "-100 /* AT_FDCWD */");
	set_arg("kill", 1, A_SIGNAL, 15, NULL, 0);
	cr_assert_str_eq(arg(1, &raw), "15");
	cr_assert_str_eq(arg(1, &verbose), "15 /* SIGTERM */");
	set_arg("lseek", 2, A_WHENCE, 1, NULL, 0);
	cr_assert_str_eq(arg(2, &raw), "0x1");
	cr_assert_str_eq(arg(2, &verbose), "0x1 /* SEEK_CUR */");
	/* flags zero without a name: the number alone */
	set_arg("newfstatat", 3, A_AT_FLAGS, 0, NULL, 0);
	cr_assert_str_eq(arg(3, &verbose), "0");
}

Test(render_opts, X_clone_flags_and_exit_signal_are_two_constants)
{
	set_arg("clone", 0, A_CLONE_FLAGS, 0x1200000 | 17, NULL, 0);
	cr_assert_str_eq(arg(0, NULL), "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
	cr_assert_str_eq(arg(0, &raw), "0x1200000|17");
	cr_assert_str_eq(
	    arg(0, &verbose),
	    "0x1200000 /* CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID */|17 /* SIGCHLD */");
}

Test(render_opts, X_sigsets_and_modes)
{
	uint64_t set = ~((1ull << 31) | (1ull << 32));
	unsigned char st[144] = { 0 };
	uint32_t mode = 0100644;

	set_arg("rt_sigprocmask", 1, A_SIGSET, 0x1000, &set, 8);
	cr_assert_str_eq(arg(1, &raw), "~[32 33]");
	cr_assert_str_eq(arg(1, &verbose), "~[32 /* RTMIN */ 33 /* RT_1 */]");
	memcpy(st + 24, &mode, 4);
	set_arg("fstat", 1, A_STAT_OUT, 0x1000, st, sizeof(st));
	cr_assert_str_eq(arg(1, &raw), "{st_mode=0100644, st_size=0, ...}");
	cr_assert_str_eq(arg(1, &verbose), "{st_mode=0100644 /* S_IFREG|0644 */, st_size=0, ...}");
}

Test(render_opts, X_unknown_ioctl_is_an_IOC_expression)
{
	set_arg("ioctl", 1, A_IOCTL_CMD, 0x80045499, NULL, 0);
	cr_assert_str_eq(arg(1, NULL), "_IOC(_IOC_READ, 0x54, 0x99, 0x4)");
	cr_assert_str_eq(arg(1, &raw), "0x80045499");
	cr_assert_str_eq(arg(1, &verbose), "0x80045499 /* _IOC(_IOC_READ, 0x54, 0x99, 0x4) */");
	set_arg("ioctl", 1, A_IOCTL_CMD, 0x5499, NULL, 0);
	cr_assert_str_eq(arg(1, NULL), "_IOC(_IOC_NONE, 0x54, 0x99, 0)");
	set_arg("ioctl", 1, A_IOCTL_CMD, 0xc0081234, NULL, 0);
	cr_assert_str_eq(arg(1, NULL), "_IOC(_IOC_READ|_IOC_WRITE, 0x12, 0x34, 0x8)");
	set_arg("ioctl", 1, A_IOCTL_CMD, 0x5401, NULL, 0);
	cr_assert_str_eq(arg(1, &raw), "0x5401");
	cr_assert_str_eq(arg(1, &verbose), "0x5401 /* TCGETS */");
}

Test(render_opts, X_socket_addresses_as_bytes)
{
	unsigned char in4[16] = { 2, 0, 0, 1, 127, 0, 0, 1 };

	set_arg("bind", 1, A_SOCKADDR, 0x1000, in4, sizeof(in4));
	cr_assert_str_eq(
	    arg(1, &raw),
	    "{sa_family=0x2, sin_port=\"\\x00\\x01\", sin_addr=\"\\x7f\\x00\\x00\\x01\"}");
	cr_assert_str_eq(arg(1, &verbose),
			 "{sa_family=0x2 /* AF_INET */, sin_port=\"\\x00\\x01\" /* htons(1) */, "
			 "sin_addr=\"\\x7f\\x00\\x00\\x01\" /* inet_addr(\"127.0.0.1\") */}");
}

Test(render_opts, v_shows_stat_in_full)
{
	unsigned char st[144] = { 0 };
	uint64_t dev = 0xfe00, ino = 551, nlink = 1, size = 42915, blksize = 4096, blocks = 88;
	uint64_t atime = 1700000000, anano = 5, rdev = 0x103;
	uint32_t mode = 0100644;

	setenv("TZ", "UTC0", 1);
	tzset();
	memcpy(st + 0, &dev, 8);
	memcpy(st + 8, &ino, 8);
	memcpy(st + 16, &nlink, 8);
	memcpy(st + 24, &mode, 4);
	memcpy(st + 48, &size, 8);
	memcpy(st + 56, &blksize, 8);
	memcpy(st + 64, &blocks, 8);
	memcpy(st + 72, &atime, 8);
	memcpy(st + 80, &anano, 8);
	set_arg("fstat", 1, A_STAT_OUT, 0x1000, st, sizeof(st));
	cr_assert_str_eq(arg(1, &full),
			 "{st_dev=makedev(0xfe, 0), st_ino=551, st_mode=S_IFREG|0644, st_nlink=1, "
			 "st_uid=0, st_gid=0, st_blksize=4096, st_blocks=88, st_size=42915, "
			 "st_atime=1700000000 /* 2023-11-14T22:13:20.000000005+0000 */, "
			 "st_atime_nsec=5, st_mtime=0, st_mtime_nsec=0, st_ctime=0, "
			 "st_ctime_nsec=0}");
	mode = 020666;
	memcpy(st + 24, &mode, 4);
	memcpy(st + 40, &rdev, 8);
	cr_assert(strstr(arg(1, &full), "st_blocks=88, st_rdev=makedev(0x1, 0x3), st_atime="));
}

Test(render_opts, v_shows_uname_in_full)
{
	char u[6 * 65] = { 0 };

	strcpy(u, "Linux");
	strcpy(u + 65, "host");
	strcpy(u + 130, "6.1.0");
	strcpy(u + 195, "#1 SMP");
	strcpy(u + 260, "x86_64");
	strcpy(u + 325, "(none)");
	set_arg("uname", 0, A_UTSNAME_OUT, 0x1000, u, sizeof(u));
	cr_assert_str_eq(arg(0, NULL), "{sysname=\"Linux\", nodename=\"host\", ...}");
	cr_assert_str_eq(arg(0, &full), "{sysname=\"Linux\", nodename=\"host\", release=\"6.1.0\", "
					"version=\"#1 SMP\", machine=\"x86_64\", "
					"domainname=\"(none)\"}");
}

Test(render_opts, v_shows_getdents64_entries)
{
	unsigned char d[24] = { 0 };
	uint64_t ino = 2, off = 7;
	uint16_t reclen = 24;

	memcpy(d, &ino, 8);
	memcpy(d + 8, &off, 8);
	memcpy(d + 16, &reclen, 2);
	d[18] = 4;
	memcpy(d + 19, "etc", 4);
	set_arg("getdents64", 1, A_DIRENTS_OUT, 0x1000, d, sizeof(d));
	ev.args[1].count = 1;
	cr_assert_str_eq(arg(1, &full),
			 "[{d_ino=2, d_off=7, d_reclen=24, d_type=DT_DIR, d_name=\"etc\"}]");
	cr_assert_str_eq(arg(1, NULL), "0x1000 /* 1 entries */");
}

/* One record: flags, path, suffix. */
static size_t rec(char *dst, unsigned flags, const char *path, const char *suffix)
{
	size_t p = strlen(path), s = strlen(suffix);

	dst[0] = (char)flags;
	memcpy(dst + 1, path, p + 1);
	memcpy(dst + 2 + p, suffix, s + 1);
	return p + s + 3;
}

Test(render_opts, y_records_render_as_strace_prints_them)
{
	char r[256], two[256];
	size_t n, m;

	n = rec(r, 0, "/etc/hosts", "");
	set_arg("read", 0, A_FD, 3, NULL, 0);
	ev.args[0].fdpath = r;
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, NULL), "3</etc/hosts>");
	cr_assert_str_eq(arg(0, &raw), "3</etc/hosts>");
	n = rec(r, 0, "/tmp/a<b>c", "");
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, NULL), "3</tmp/a\\74b\\76c>");
	n = rec(r, FDREC_DELETED, "/memfd:x", "");
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, NULL), "3</memfd:x>(deleted)");
	n = rec(r, 0, "/dev/null", "<char 1:3>");
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, NULL), "3</dev/null<char 1:3>>");
	n = rec(r, FDREC_VERBATIM, "UNIX-STREAM:[5,\"/tmp/s\"]", "");
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, NULL), "3<UNIX-STREAM:[5,\"/tmp/s\"]>");
	cr_assert_str_eq(arg(0, &hex2), "3<UNIX-STREAM:[5,\"/tmp/s\"]>");
	n = rec(r, 0, "/x", "");
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, &hex2), "3<\\x2f\\x78>");

	/* AT_FDCWD is the working directory; the result of open */
	n = rec(r, 0, "/tmp", "");
	set_arg("openat", 0, A_DIRFD, (uint64_t)-100, NULL, 0);
	ev.args[0].fdpath = r;
	ev.args[0].fdpath_len = (uint16_t)n;
	cr_assert_str_eq(arg(0, NULL), "AT_FDCWD</tmp>");
	ev.ret = 4;
	m = rec(two, 0, "/tmp/f", "");
	ev.ret_fdpath = two;
	ev.ret_fdpath_len = (uint16_t)m;
	cr_assert_str_eq(ret(NULL), "4</tmp/f>");

	/* a pair: two records in a row */
	{
		int fds[2] = { 3, 4 };

		n = rec(two, 0, "pipe:[7]", "");
		m = rec(two + n, 0, "pipe:[7]", "");
		set_arg("pipe2", 0, A_FDPAIR_OUT, 0x1000, fds, sizeof(fds));
		ev.args[0].fdpath = two;
		ev.args[0].fdpath_len = (uint16_t)(n + m);
		cr_assert_str_eq(arg(0, NULL), "[3<pipe:[7]>, 4<pipe:[7]>]");
	}
}

Test(render_opts, rt_sigreturn_shows_the_frame_mask)
{
	uint64_t mask = 1u << 1;

	set_arg("rt_sigreturn", 0, A_SIGFRAME, 0x7ffd0000, &mask, 8);
	cr_assert_str_eq(arg(0, NULL), "{mask=[INT]}");
	mask = 0;
	cr_assert_str_eq(arg(0, NULL), "{mask=[]}");
}

Test(render_opts, select_result_lists_ready_sets_and_time_left)
{
	/* decode_keep_twice layout: the entry bytes, then the exit bytes */
	unsigned char wset[16] = { 0x10, 0, 0, 0, 0, 0, 0, 0, 0x10, 0, 0, 0, 0, 0, 0, 0 };
	int64_t ts[4] = { 5, 0, 4, 999 };

	set_arg("pselect6", 2, A_FDSET, 0x1000, wset, sizeof(wset));
	ev.args[0].kind = A_INT;
	ev.args[0].raw = 5;
	ev.args[2].count = 1;
	ev.args[4].kind = A_TIMESPEC;
	ev.args[4].raw = 0x2000;
	ev.args[4].state = ARG_S_DATA;
	ev.args[4].data = (const char *)ts;
	ev.args[4].len = sizeof(ts);
	ev.args[4].count = 1;
	ev.ret = 1;
	cr_assert_str_eq(arg(2, NULL), "[4]");
	cr_assert_str_eq(arg(4, NULL), "{tv_sec=5, tv_nsec=0}");
	cr_assert_str_eq(ret(NULL), "1 (out [4], left {tv_sec=4, tv_nsec=999})");
	ev.ret = 0;
	cr_assert_str_eq(ret(NULL), "0 (Timeout)");
}

Test(render_opts, clone3_shows_parent_tid_after_the_structure)
{
	unsigned char ca[96] = { 0 };
	uint64_t fl = 0x00100000; /* CLONE_PARENT_SETTID */
	int32_t tid = 1345;

	memcpy(ca, &fl, 8);
	memcpy(ca + 88 + 4, &tid, 4);
	set_arg("clone3", 0, A_CLONE_ARGS, 0x1000, ca, sizeof(ca));
	ev.args[0].count = CLONE3_GOT_PARENT_TID;
	cr_assert_str_eq(arg(0, NULL), "{flags=CLONE_PARENT_SETTID, parent_tid=0, exit_signal=0, "
				       "stack=NULL, stack_size=0} => {parent_tid=[1345]}");
	buf_reset(&out);
	render_arg_tail(&out, &ev, 0);
	cr_assert_str_eq(out.data, " => {parent_tid=[1345]}");
	/* at entry the exit part is not there yet */
	ev.type = EV_SYSCALL_ENTER;
	cr_assert_null(strstr(arg(0, NULL), "=>"));
	cr_assert_eq(event_first_exit_arg(&ev), 1);
}
