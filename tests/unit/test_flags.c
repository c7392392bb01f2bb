/* SPDX-License-Identifier: MIT */
/* Flag, enum, mode, signal, errno and si_code rendering. Expected strings are
 * strace 6.1's output for the same raw values, observed on x86_64. */
#include <criterion/criterion.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "syscalls/flags.h"
#include "util/buf.h"
#include "util/xlat.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

struct render_case {
	uint64_t v;
	const char *want;
};

typedef int (*render_fn)(struct buf *b, uint64_t v);

static void check_render(const char *what, render_fn fn, const struct render_case *cases,
			 size_t count)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < count; i++) {
		buf_reset(&b);
		cr_assert_eq(fn(&b, cases[i].v), 0, "%s(%#llx) failed", what,
			     (unsigned long long)cases[i].v);
		cr_expect_str_eq(b.data, cases[i].want, "%s(%#llx): got %s, want %s", what,
				 (unsigned long long)cases[i].v, b.data, cases[i].want);
	}
	buf_fini(&b);
}

#define CHECK_RENDER(fn, cases) check_render(#fn, fn, cases, COUNT(cases))

Test(flags, open_prints_access_mode_then_flags)
{
	static const struct render_case cases[] = {
		{ 0, "O_RDONLY" },
		{ O_RDONLY | O_CLOEXEC, "O_RDONLY|O_CLOEXEC" },
		{ O_WRONLY | O_CREAT | O_TRUNC, "O_WRONLY|O_CREAT|O_TRUNC" },
		{ O_RDWR | O_CREAT | O_EXCL | 0100000, "O_RDWR|O_CREAT|O_EXCL|O_LARGEFILE" },
		{ 0100000, "O_RDONLY|O_LARGEFILE" },
		{ O_RDWR | O_TMPFILE, "O_RDWR|O_TMPFILE" },
		{ O_TMPFILE, "O_RDONLY|O_TMPFILE" },
		{ 020000000, "O_RDONLY|__O_TMPFILE" },
		{ 020000000 | FASYNC, "O_RDONLY|__O_TMPFILE|FASYNC" },
		{ O_TMPFILE | O_SYNC, "O_RDONLY|O_SYNC|O_TMPFILE" },
		{ O_SYNC, "O_RDONLY|O_SYNC" },
		{ O_RDWR | O_SYNC, "O_RDWR|O_SYNC" },
		{ O_DSYNC, "O_RDONLY|O_DSYNC" },
		{ 04000000 | O_NOCTTY, "O_RDONLY|O_NOCTTY|__O_SYNC" },
		{ O_APPEND | O_NONBLOCK | O_DSYNC, "O_RDONLY|O_APPEND|O_NONBLOCK|O_DSYNC" },
		{ O_ACCMODE, "O_ACCMODE" },
		{ O_ACCMODE | O_CREAT, "O_ACCMODE|O_CREAT" },
		{ 7, "O_ACCMODE|0x4" },
		{ O_PATH, "O_RDONLY|O_PATH" },
		{ O_PATH | O_CLOEXEC, "O_RDONLY|O_CLOEXEC|O_PATH" },
		{ O_DIRECTORY | O_CLOEXEC | O_PATH, "O_RDONLY|O_CLOEXEC|O_PATH|O_DIRECTORY" },
		{ O_DIRECTORY | O_CLOEXEC, "O_RDONLY|O_CLOEXEC|O_DIRECTORY" },
		{ O_NOCTTY | O_APPEND | O_NONBLOCK | O_ASYNC | O_DIRECT | O_DIRECTORY | O_NOFOLLOW |
			  O_NOATIME,
		  "O_RDONLY|O_NOCTTY|O_APPEND|O_NONBLOCK|O_DIRECT|O_NOFOLLOW|O_NOATIME|O_DIRECTORY|"
		  "FASYNC" },
		{ 0x40000000, "O_RDONLY|0x40000000" },
		{ 0x80000000 | O_CREAT, "O_RDONLY|O_CREAT|0x80000000" },
		{ 0xffffffff,
		  "O_ACCMODE|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|"
		  "O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0xff80003c" },
		/* The argument is an int: bits above 31 are not shown. */
		{ 0x100000000, "O_RDONLY" },
		{ 0x1ffffffff,
		  "O_ACCMODE|O_CREAT|O_EXCL|O_NOCTTY|O_TRUNC|O_APPEND|O_NONBLOCK|O_SYNC|O_DIRECT|"
		  "O_LARGEFILE|O_NOFOLLOW|O_NOATIME|O_CLOEXEC|O_PATH|O_TMPFILE|FASYNC|0xff80003c" },
	};

	CHECK_RENDER(flags_open, cases);
}

Test(flags, open_has_mode_with_creat_or_tmpfile)
{
	static const struct {
		uint64_t v;
		bool want;
	} cases[] = {
		{ O_RDONLY, false },
		{ O_WRONLY | O_TRUNC, false },
		{ O_DIRECTORY, false },
		{ O_CREAT, true },
		{ O_TMPFILE, true },
		{ 020000000, true },
		{ 0x100000000 | O_CREAT, true },
		{ 0x100000000, false },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++)
		cr_expect_eq(flags_open_has_mode(cases[i].v), cases[i].want, "%#llx",
			     (unsigned long long)cases[i].v);
}

Test(flags, at_flags_name_bits_and_comment_unknown_ones)
{
	static const struct render_case cases[] = {
		{ 0, "0" },
		{ AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW" },
		{ AT_REMOVEDIR, "AT_REMOVEDIR" },
		{ AT_SYMLINK_FOLLOW, "AT_SYMLINK_FOLLOW" },
		{ AT_NO_AUTOMOUNT, "AT_NO_AUTOMOUNT" },
		{ AT_EMPTY_PATH, "AT_EMPTY_PATH" },
		{ 0x8000, "AT_RECURSIVE" },
		{ AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH, "AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH" },
		{ 0x2000, "0x2000 /* AT_??? */" },
		{ 0x6000, "0x6000 /* AT_??? */" },
		{ 0x80000000, "0x80000000 /* AT_??? */" },
		{ 0xffff, "AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|"
			  "AT_EMPTY_PATH|AT_RECURSIVE|0x60ff" },
		{ 0x100000000, "0" },
	};

	CHECK_RENDER(flags_at, cases);
}

Test(flags, faccessat2_names_0x200_eaccess)
{
	static const struct render_case cases[] = {
		{ 0, "0" },
		{ AT_SYMLINK_NOFOLLOW, "AT_SYMLINK_NOFOLLOW" },
		{ 0x200, "AT_EACCESS" },
		{ AT_EMPTY_PATH, "AT_EMPTY_PATH" },
		{ 0x800, "0x800 /* AT_??? */" },
		{ 0xffff, "AT_SYMLINK_NOFOLLOW|AT_EACCESS|AT_EMPTY_PATH|0xecff" },
	};

	CHECK_RENDER(flags_faccessat, cases);
}

Test(flags, statx_prints_sync_mode_first)
{
	static const struct render_case cases[] = {
		{ 0, "AT_STATX_SYNC_AS_STAT" },
		{ AT_SYMLINK_NOFOLLOW, "AT_STATX_SYNC_AS_STAT|AT_SYMLINK_NOFOLLOW" },
		{ 0x2000, "AT_STATX_FORCE_SYNC" },
		{ 0x4000, "AT_STATX_DONT_SYNC" },
		{ 0x6000, "AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC" },
		{ 0x2100, "AT_STATX_FORCE_SYNC|AT_SYMLINK_NOFOLLOW" },
		{ 0x10000, "AT_STATX_SYNC_AS_STAT|0x10000" },
		{ 0xffff, "AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC|AT_SYMLINK_NOFOLLOW|AT_REMOVEDIR|"
			  "AT_SYMLINK_FOLLOW|AT_NO_AUTOMOUNT|AT_EMPTY_PATH|AT_RECURSIVE|0xff" },
	};

	CHECK_RENDER(flags_at_statx, cases);
}

Test(flags, prot_zero_is_prot_none_and_uses_all_64_bits)
{
	static const struct render_case cases[] = {
		{ 0, "PROT_NONE" },
		{ PROT_READ, "PROT_READ" },
		{ PROT_READ | PROT_WRITE, "PROT_READ|PROT_WRITE" },
		{ PROT_READ | PROT_EXEC, "PROT_READ|PROT_EXEC" },
		{ PROT_READ | PROT_WRITE | PROT_EXEC, "PROT_READ|PROT_WRITE|PROT_EXEC" },
		{ 0x8, "PROT_SEM" },
		{ PROT_GROWSDOWN, "PROT_GROWSDOWN" },
		{ PROT_GROWSUP, "PROT_GROWSUP" },
		{ 0x3000007, "PROT_READ|PROT_WRITE|PROT_EXEC|PROT_GROWSDOWN|PROT_GROWSUP" },
		{ 0x10, "0x10 /* PROT_??? */" },
		{ 0x10000000, "0x10000000 /* PROT_??? */" },
		{ 0x100000001, "PROT_READ|0x100000000" },
	};

	CHECK_RENDER(flags_prot, cases);
}

Test(flags, map_prints_type_flags_then_huge_page_shift)
{
	static const struct render_case cases[] = {
		{ 0, "MAP_FILE" },
		{ MAP_SHARED, "MAP_SHARED" },
		{ MAP_PRIVATE, "MAP_PRIVATE" },
		{ 0x03, "MAP_SHARED_VALIDATE" },
		{ 0x04, "0x4 /* MAP_??? */" },
		{ MAP_PRIVATE | MAP_ANONYMOUS, "MAP_PRIVATE|MAP_ANONYMOUS" },
		{ MAP_PRIVATE | MAP_FIXED | MAP_DENYWRITE, "MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE" },
		{ MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, "MAP_PRIVATE|MAP_FIXED|MAP_ANONYMOUS" },
		{ MAP_SHARED | MAP_32BIT, "MAP_SHARED|MAP_32BIT" },
		{ MAP_GROWSDOWN, "MAP_FILE|MAP_GROWSDOWN" },
		{ MAP_STACK, "MAP_FILE|MAP_STACK" },
		{ 0x80000, "MAP_FILE|MAP_SYNC" },
		{ 0x100000, "MAP_FILE|MAP_FIXED_NOREPLACE" },
		{ MAP_PRIVATE | MAP_ANONYMOUS | 0x100000,
		  "MAP_PRIVATE|MAP_ANONYMOUS|MAP_FIXED_NOREPLACE" },
		{ 0x200000, "MAP_FILE|0x200000" },
		{ 0x400, "MAP_FILE|0x400" },
		/* MAP_UNINITIALIZED is bit 26, the low bit of the huge page field. */
		{ 0x4000000, "MAP_FILE|1<<MAP_HUGE_SHIFT" },
		{ MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB | (21u << 26),
		  "MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT" },
		{ 0x40000022, "MAP_PRIVATE|MAP_ANONYMOUS|16<<MAP_HUGE_SHIFT" },
		{ 0xfc000022, "MAP_PRIVATE|MAP_ANONYMOUS|63<<MAP_HUGE_SHIFT" },
		{ 0xf, "0xf /* MAP_??? */" },
		{ 0xffffffff,
		  "0xf /* MAP_??? */|MAP_FIXED|MAP_ANONYMOUS|MAP_32BIT|MAP_NORESERVE|MAP_POPULATE|"
		  "MAP_NONBLOCK|MAP_GROWSDOWN|MAP_DENYWRITE|MAP_EXECUTABLE|MAP_LOCKED|MAP_STACK|"
		  "MAP_HUGETLB|MAP_SYNC|MAP_FIXED_NOREPLACE|0x3e00680|63<<MAP_HUGE_SHIFT" },
		{ 0x100000002, "MAP_PRIVATE" },
	};

	CHECK_RENDER(flags_map, cases);
}

Test(flags, access_zero_is_f_ok)
{
	static const struct render_case cases[] = {
		{ F_OK, "F_OK" },
		{ X_OK, "X_OK" },
		{ W_OK, "W_OK" },
		{ R_OK, "R_OK" },
		{ W_OK | X_OK, "W_OK|X_OK" },
		{ R_OK | W_OK, "R_OK|W_OK" },
		{ R_OK | W_OK | X_OK, "R_OK|W_OK|X_OK" },
		{ 0x8, "0x8 /* ?_OK */" },
		{ 0xf, "R_OK|W_OK|X_OK|0x8" },
		{ 0x100000004, "R_OK" },
	};

	CHECK_RENDER(flags_access, cases);
}

Test(flags, whence_unknown_is_hex_with_comment)
{
	static const struct render_case cases[] = {
		{ SEEK_SET, "SEEK_SET" },
		{ SEEK_CUR, "SEEK_CUR" },
		{ SEEK_END, "SEEK_END" },
		{ 3, "SEEK_DATA" },
		{ 4, "SEEK_HOLE" },
		{ 5, "0x5 /* SEEK_??? */" },
		{ (uint64_t)-1, "0xffffffff /* SEEK_??? */" },
		{ 0x100000000, "SEEK_SET" },
	};

	CHECK_RENDER(flags_whence, cases);
}

Test(flags, creation_mode_is_octal_with_three_digits_at_least)
{
	static const struct render_case cases[] = {
		{ 0, "000" },
		{ 01, "001" },
		{ 07, "007" },
		{ 010, "010" },
		{ 0100, "0100" },
		{ 0644, "0644" },
		{ 0755, "0755" },
		{ 04755, "04755" },
		{ 07777, "07777" },
		{ 0177777, "0177777" },
		/* umode_t is 16 bits. */
		{ 0777777, "0177777" },
		{ 0x1000001a4, "0644" },
	};

	CHECK_RENDER(flags_mode, cases);
}

Test(flags, typed_mode_names_type_and_setid_bits)
{
	static const struct render_case cases[] = {
		{ 0, "000" },
		{ 0644, "0644" },
		{ S_IFREG | 0644, "S_IFREG|0644" },
		{ S_IFREG, "S_IFREG|000" },
		{ S_IFDIR | 0755, "S_IFDIR|0755" },
		{ S_IFCHR | 0600, "S_IFCHR|0600" },
		{ S_IFBLK | 0600, "S_IFBLK|0600" },
		{ S_IFIFO | 0600, "S_IFIFO|0600" },
		{ S_IFLNK | 0777, "S_IFLNK|0777" },
		{ S_IFSOCK | 0755, "S_IFSOCK|0755" },
		{ S_IFDIR | S_ISVTX | 0777, "S_IFDIR|S_ISVTX|0777" },
		{ S_IFREG | S_ISUID | 0755, "S_IFREG|S_ISUID|0755" },
		{ S_IFREG | 07777, "S_IFREG|S_ISUID|S_ISGID|S_ISVTX|0777" },
		{ S_ISUID | 0755, "S_ISUID|0755" },
		{ S_ISUID, "S_ISUID|000" },
		{ S_ISGID, "S_ISGID|000" },
		{ 07777, "S_ISUID|S_ISGID|S_ISVTX|0777" },
		/* An unknown type leaves the whole mode in octal. */
		{ 0170000, "0170000" },
		{ 0110000, "0110000" },
		{ 0777777, "0177777" },
	};

	CHECK_RENDER(flags_mode_type, cases);
}

Test(flags, clone_appends_exit_signal_name)
{
	static const struct render_case cases[] = {
		{ 0, "0" },
		{ SIGCHLD, "SIGCHLD" },
		{ CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD,
		  "CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD" },
		{ CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | CLONE_SYSVSEM |
			  CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID,
		  "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|"
		  "CLONE_SETTLS|CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID" },
		{ CLONE_VM | CLONE_VFORK | SIGCHLD, "CLONE_VM|CLONE_VFORK|SIGCHLD" },
		{ CLONE_SIGHAND, "CLONE_SIGHAND" },
		{ CLONE_SIGHAND | 1, "CLONE_SIGHAND|SIGHUP" },
		{ CLONE_SIGHAND | 32, "CLONE_SIGHAND|SIGRTMIN" },
		{ CLONE_SIGHAND | 33, "CLONE_SIGHAND|SIGRT_1" },
		{ CLONE_SIGHAND | 34, "CLONE_SIGHAND|SIGRT_2" },
		{ CLONE_SIGHAND | 64, "CLONE_SIGHAND|SIGRT_32" },
		{ CLONE_SIGHAND | 0xff, "CLONE_SIGHAND|255" },
		{ CLONE_VM | 0xff, "CLONE_VM|255" },
		{ CLONE_PIDFD | CLONE_SIGHAND, "CLONE_SIGHAND|CLONE_PIDFD" },
		{ CLONE_NEWCGROUP | CLONE_NEWUTS | CLONE_NEWIPC | CLONE_NEWUSER | CLONE_NEWPID |
			  CLONE_NEWNET | CLONE_IO,
		  "CLONE_NEWCGROUP|CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|"
		  "CLONE_NEWNET|CLONE_IO" },
		/* CLONE_DETACHED is not named; 64-bit flags belong to clone3. */
		{ 0x400000, "0x400000 /* CLONE_??? */" },
		{ 0x400000 | SIGCHLD, "0x400000 /* CLONE_??? */|SIGCHLD" },
		{ 0x100000000, "0x100000000 /* CLONE_??? */" },
		{ CLONE_SIGHAND | 0x200000000, "CLONE_SIGHAND|0x200000000" },
		{ 0xffffffffffffefff,
		  "CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_PTRACE|CLONE_VFORK|"
		  "CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_SETTLS|CLONE_PARENT_"
		  "SETTID|"
		  "CLONE_CHILD_CLEARTID|CLONE_UNTRACED|CLONE_CHILD_SETTID|CLONE_NEWCGROUP|"
		  "CLONE_NEWUTS|CLONE_NEWIPC|CLONE_NEWUSER|CLONE_NEWPID|CLONE_NEWNET|CLONE_IO|"
		  "0xffffffff00400000|255" },
	};

	CHECK_RENDER(flags_clone, cases);
}

Test(flags, clone3_adds_its_own_flags_after_clone_ones)
{
	static const struct render_case cases[] = {
		{ 0, "0" },
		{ 0x400000, "0x400000 /* CLONE_??? */" },
		{ CLONE_SIGHAND | 0x100000000, "CLONE_SIGHAND|CLONE_CLEAR_SIGHAND" },
		{ CLONE_SIGHAND | 0x80 | 0x200000000,
		  "CLONE_SIGHAND|CLONE_NEWTIME|CLONE_INTO_CGROUP" },
		{ CLONE_VM | CLONE_SIGHAND | CLONE_IO | 0x80 | 0x100000000 | 0x200000000,
		  "CLONE_VM|CLONE_SIGHAND|CLONE_IO|CLONE_NEWTIME|CLONE_CLEAR_SIGHAND|"
		  "CLONE_INTO_CGROUP" },
		{ CLONE_SIGHAND | 0x400400000, "CLONE_SIGHAND|0x400400000" },
		{ CLONE_SIGHAND | 0xff, "CLONE_SIGHAND|CLONE_NEWTIME|0x7f" },
	};

	CHECK_RENDER(flags_clone3, cases);
}

Test(flags, signal_argument_is_name_or_signed_decimal)
{
	static const struct render_case cases[] = {
		{ 0, "0" },
		{ SIGHUP, "SIGHUP" },
		{ SIGABRT, "SIGABRT" },
		{ SIGKILL, "SIGKILL" },
		{ SIGTERM, "SIGTERM" },
		{ SIGIO, "SIGIO" },
		{ SIGSYS, "SIGSYS" },
		{ 32, "SIGRTMIN" },
		{ 33, "SIGRT_1" },
		{ 64, "SIGRT_32" },
		{ 65, "65" },
		{ 128, "128" },
		{ (uint64_t)-1, "-1" },
		{ 0xffffffff, "-1" },
		{ 0x100000001, "SIGHUP" },
	};

	CHECK_RENDER(flags_signal, cases);
}

Test(flags, signal_names_one_to_thirty_one)
{
	static const char *const want[] = {
		NULL,	    "SIGHUP",  "SIGINT",    "SIGQUIT", "SIGILL",  "SIGTRAP",   "SIGABRT",
		"SIGBUS",   "SIGFPE",  "SIGKILL",   "SIGUSR1", "SIGSEGV", "SIGUSR2",   "SIGPIPE",
		"SIGALRM",  "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT", "SIGSTOP",   "SIGTSTP",
		"SIGTTIN",  "SIGTTOU", "SIGURG",    "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
		"SIGWINCH", "SIGIO",   "SIGPWR",    "SIGSYS",
	};
	int sig;

	for (sig = 1; sig < (int)COUNT(want); sig++)
		cr_expect_str_eq(signal_name(sig), want[sig], "signal %d", sig);
	/* Aliases map to the name strace prints. */
	cr_expect_str_eq(signal_name(SIGIOT), "SIGABRT");
	cr_expect_str_eq(signal_name(SIGPOLL), "SIGIO");
}

Test(flags, realtime_signals_use_kernel_numbering)
{
	char want[16];
	int sig;

	cr_expect_str_eq(signal_name(32), "SIGRTMIN");
	for (sig = 33; sig <= 64; sig++) {
		snprintf(want, sizeof(want), "SIGRT_%d", sig - 32);
		cr_expect_str_eq(signal_name(sig), want, "signal %d", sig);
	}
	cr_expect_null(signal_name(0));
	cr_expect_null(signal_name(65));
	cr_expect_null(signal_name(-1));
}

Test(flags, every_errno_up_to_133_has_name_and_strerror_message)
{
	int e;

	for (e = 1; e <= 133; e++) {
		if (e == 41 || e == 58) {
			/* Unused on Linux: strace prints (errno 41). */
			cr_expect_null(errno_name(e), "errno %d", e);
			cr_expect_null(errno_message(e), "errno %d", e);
			continue;
		}
		cr_expect_not_null(errno_name(e), "errno %d", e);
		cr_expect_not_null(errno_message(e), "errno %d", e);
		if (errno_message(e))
			cr_expect_str_eq(errno_message(e), strerror(e), "errno %d", e);
		cr_expect_not(errno_is_restart(e), "errno %d", e);
	}
}

Test(flags, errno_names_match_errno_h)
{
#define E(x)          \
	{             \
		x, #x \
	}
	static const struct {
		int err;
		const char *want;
	} cases[] = {
		E(EPERM),      E(ENOENT),      E(ESRCH),	E(EINTR),
		E(EIO),	       E(ENXIO),       E(E2BIG),	E(ENOEXEC),
		E(EBADF),      E(ECHILD),      E(EAGAIN),	E(ENOMEM),
		E(EACCES),     E(EFAULT),      E(EBUSY),	E(EEXIST),
		E(EXDEV),      E(ENODEV),      E(ENOTDIR),	E(EISDIR),
		E(EINVAL),     E(ENFILE),      E(EMFILE),	E(ENOTTY),
		E(ETXTBSY),    E(EFBIG),       E(ENOSPC),	E(ESPIPE),
		E(EROFS),      E(EMLINK),      E(EPIPE),	E(EDOM),
		E(ERANGE),     E(EDEADLK),     E(ENAMETOOLONG), E(ENOLCK),
		E(ENOSYS),     E(ENOTEMPTY),   E(ELOOP),	E(ENOMSG),
		E(EIDRM),      E(ENOSTR),      E(ENODATA),	E(ETIME),
		E(EPROTO),     E(EBADMSG),     E(EOVERFLOW),	E(EILSEQ),
		E(ERESTART),   E(ENOTSOCK),    E(EOPNOTSUPP),	E(EAFNOSUPPORT),
		E(EADDRINUSE), E(ECONNRESET),  E(ENOBUFS),	E(EISCONN),
		E(ENOTCONN),   E(ETIMEDOUT),   E(ECONNREFUSED), E(EHOSTUNREACH),
		E(EALREADY),   E(EINPROGRESS), E(ESTALE),	E(EDQUOT),
		E(ECANCELED),  E(ENOKEY),      E(EOWNERDEAD),	E(ENOTRECOVERABLE),
		E(ERFKILL),    E(EHWPOISON),
	};
#undef E
	size_t i;

	for (i = 0; i < COUNT(cases); i++)
		cr_expect_str_eq(errno_name(cases[i].err), cases[i].want, "errno %d", cases[i].err);
}

Test(flags, errno_aliases_print_the_strace_name)
{
	cr_expect_str_eq(errno_name(EWOULDBLOCK), "EAGAIN");
	cr_expect_str_eq(errno_name(EDEADLOCK), "EDEADLK");
	cr_expect_str_eq(errno_name(ENOTSUP), "EOPNOTSUPP");
	cr_expect_str_eq(errno_message(ENOENT), "No such file or directory");
	cr_expect_str_eq(errno_message(EAGAIN), "Resource temporarily unavailable");
}

Test(flags, kernel_internal_errnos)
{
	static const struct {
		int err;
		const char *name;
		const char *msg;
		bool restart;
	} cases[] = {
		{ 512, "ERESTARTSYS", "To be restarted if SA_RESTART is set", true },
		{ 513, "ERESTARTNOINTR", "To be restarted", true },
		{ 514, "ERESTARTNOHAND", "To be restarted if no handler", true },
		{ 515, "ENOIOCTLCMD", "Unknown error 515", false },
		{ 516, "ERESTART_RESTARTBLOCK", "Interrupted by signal", true },
		{ 517, "EPROBE_DEFER", "Unknown error 517", false },
		{ 518, "EOPENSTALE", "Unknown error 518", false },
		{ 521, "EBADHANDLE", "Unknown error 521", false },
		{ 522, "ENOTSYNC", "Unknown error 522", false },
		{ 523, "EBADCOOKIE", "Unknown error 523", false },
		{ 524, "ENOTSUPP", "Unknown error 524", false },
		{ 525, "ETOOSMALL", "Unknown error 525", false },
		{ 526, "ESERVERFAULT", "Unknown error 526", false },
		{ 527, "EBADTYPE", "Unknown error 527", false },
		{ 528, "EJUKEBOX", "Unknown error 528", false },
		{ 529, "EIOCBQUEUED", "Unknown error 529", false },
		{ 530, "ERECALLCONFLICT", "Unknown error 530", false },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		cr_expect_str_eq(errno_name(cases[i].err), cases[i].name);
		cr_expect_str_eq(errno_message(cases[i].err), cases[i].msg);
		cr_expect_eq(errno_is_restart(cases[i].err), cases[i].restart, "errno %d",
			     cases[i].err);
	}
}

Test(flags, unknown_errnos_have_no_name)
{
	static const int unknown[] = { 0, -1, -2, 41, 58, 134, 511, 519, 520, 531, 4095, 1 << 20 };
	size_t i;

	for (i = 0; i < COUNT(unknown); i++) {
		cr_expect_null(errno_name(unknown[i]), "errno %d", unknown[i]);
		cr_expect_null(errno_message(unknown[i]), "errno %d", unknown[i]);
		cr_expect_not(errno_is_restart(unknown[i]), "errno %d", unknown[i]);
	}
}

Test(flags, si_codes_for_sigchld_and_sigsegv)
{
	static const struct {
		int signo;
		int code;
		const char *want;
	} cases[] = {
		{ SIGCHLD, CLD_EXITED, "CLD_EXITED" },
		{ SIGCHLD, CLD_KILLED, "CLD_KILLED" },
		{ SIGCHLD, CLD_DUMPED, "CLD_DUMPED" },
		{ SIGCHLD, CLD_TRAPPED, "CLD_TRAPPED" },
		{ SIGCHLD, CLD_STOPPED, "CLD_STOPPED" },
		{ SIGCHLD, CLD_CONTINUED, "CLD_CONTINUED" },
		{ SIGCHLD, SI_USER, "SI_USER" },
		{ SIGCHLD, SI_KERNEL, "SI_KERNEL" },
		{ SIGCHLD, 7, NULL },
		{ SIGSEGV, 1, "SEGV_MAPERR" },
		{ SIGSEGV, 2, "SEGV_ACCERR" },
		{ SIGSEGV, 3, "SEGV_BNDERR" },
		{ SIGSEGV, 4, "SEGV_PKUERR" },
		{ SIGSEGV, 5, "SEGV_ACCADI" },
		{ SIGSEGV, 6, "SEGV_ADIDERR" },
		{ SIGSEGV, 7, "SEGV_ADIPERR" },
		{ SIGSEGV, 8, "SEGV_MTEAERR" },
		{ SIGSEGV, 9, "SEGV_MTESERR" },
		{ SIGSEGV, 10, NULL },
		{ SIGSEGV, SI_KERNEL, "SI_KERNEL" },
		{ SIGSEGV, -60, "SI_ASYNCNL" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		const char *got = si_code_name(cases[i].signo, cases[i].code);

		if (cases[i].want)
			cr_expect_str_eq(got, cases[i].want, "signal %d code %d", cases[i].signo,
					 cases[i].code);
		else
			cr_expect_null(got, "signal %d code %d", cases[i].signo, cases[i].code);
	}
}

Test(flags, generic_si_codes_apply_to_every_signal)
{
	static const struct {
		int code;
		const char *want;
	} generic[] = {
		{ 0, "SI_USER" },      { -1, "SI_QUEUE" },    { -2, "SI_TIMER" },
		{ -3, "SI_MESGQ" },    { -4, "SI_ASYNCIO" },  { -5, "SI_SIGIO" },
		{ -6, "SI_TKILL" },    { -7, "SI_DETHREAD" }, { -60, "SI_ASYNCNL" },
		{ 0x80, "SI_KERNEL" },
	};
	static const int sigs[] = { SIGHUP, SIGCHLD, SIGSEGV, SIGUSR1, 34 };
	size_t i, j;

	for (j = 0; j < COUNT(sigs); j++) {
		for (i = 0; i < COUNT(generic); i++)
			cr_expect_str_eq(si_code_name(sigs[j], generic[i].code), generic[i].want,
					 "signal %d code %d", sigs[j], generic[i].code);
		cr_expect_null(si_code_name(sigs[j], -8));
	}
}

Test(flags, per_signal_si_codes_belong_to_their_signal)
{
	static const struct {
		int signo;
		int code;
		const char *want;
	} cases[] = {
		{ SIGILL, 1, "ILL_ILLOPC" },
		{ SIGILL, 8, "ILL_BADSTK" },
		{ SIGILL, 9, "ILL_BADIADDR" },
		{ SIGILL, 10, NULL },
		{ SIGFPE, 1, "FPE_INTDIV" },
		{ SIGFPE, 8, "FPE_FLTSUB" },
		{ SIGFPE, 9, NULL },
		{ SIGFPE, 14, "FPE_FLTUNK" },
		{ SIGFPE, 15, "FPE_CONDTRAP" },
		{ SIGBUS, 1, "BUS_ADRALN" },
		{ SIGBUS, 4, "BUS_MCEERR_AR" },
		{ SIGBUS, 5, "BUS_MCEERR_AO" },
		{ SIGTRAP, 1, "TRAP_BRKPT" },
		{ SIGTRAP, 5, "TRAP_UNK" },
		{ SIGTRAP, 6, "TRAP_PERF" },
		{ SIGIO, 1, "POLL_IN" },
		{ SIGIO, 6, "POLL_HUP" },
		{ SIGSYS, 1, "SYS_SECCOMP" },
		{ SIGSYS, 2, "SYS_USER_DISPATCH" },
		{ SIGSYS, 3, NULL },
		{ SIGHUP, 1, NULL },
		{ SIGUSR1, 1, NULL },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		const char *got = si_code_name(cases[i].signo, cases[i].code);

		if (cases[i].want)
			cr_expect_str_eq(got, cases[i].want, "signal %d code %d", cases[i].signo,
					 cases[i].code);
		else
			cr_expect_null(got, "signal %d code %d", cases[i].signo, cases[i].code);
	}
}

/* The generic mechanism, on a small table of its own. */
static const struct xlat_item test_items[] = {
	{ 0, "T_NONE" }, { 0x3, "T_BOTH" }, { 0x1, "T_ONE" }, { 0x2, "T_TWO" }, { 0x10, "T_HIGH" },
};
static const struct xlat test_x = XLAT(test_items, "T_???");
static const struct xlat_item bare_items[] = { { 0x1, "B_ONE" } };
static const struct xlat bare_x = XLAT(bare_items, NULL);

Test(xlat, flags_match_multi_bit_items_first_in_table_order)
{
	struct buf b = BUF_INIT;

	cr_assert_eq(xlat_flags(&b, &test_x, 0x13, NULL), 0);
	cr_expect_str_eq(b.data, "T_BOTH|T_HIGH");
	buf_reset(&b);
	xlat_flags(&b, &test_x, 0x0, NULL);
	cr_expect_str_eq(b.data, "T_NONE");
	buf_reset(&b);
	xlat_flags(&b, &test_x, 0x0, "ZERO");
	cr_expect_str_eq(b.data, "ZERO");
	buf_reset(&b);
	xlat_flags(&b, &test_x, 0x100, NULL);
	cr_expect_str_eq(b.data, "0x100 /* T_??? */");
	buf_reset(&b);
	xlat_flags(&b, &bare_x, 0x0, NULL);
	cr_expect_str_eq(b.data, "0");
	buf_reset(&b);
	xlat_flags(&b, &bare_x, 0x6, NULL);
	cr_expect_str_eq(b.data, "0x6");
	buf_reset(&b);
	xlat_flags(&b, &bare_x, 0x7, NULL);
	cr_expect_str_eq(b.data, "B_ONE|0x6");
	buf_fini(&b);
}

Test(xlat, flags_more_prefix_every_part_with_a_bar)
{
	struct buf b = BUF_INIT;

	cr_assert_eq(buf_puts(&b, "HEAD"), 0);
	cr_assert_eq(xlat_flags_more(&b, &test_x, 0x0), 0);
	cr_expect_str_eq(b.data, "HEAD");
	cr_assert_eq(xlat_flags_more(&b, &test_x, 0x101), 0);
	cr_expect_str_eq(b.data, "HEAD|T_ONE|0x100");
	buf_fini(&b);
}

Test(xlat, enum_falls_back_to_decimal_or_commented_hex)
{
	struct buf b = BUF_INIT;

	cr_expect_str_eq(xlat_name(&test_x, 0x2), "T_TWO");
	cr_expect_null(xlat_name(&test_x, 0x4));
	cr_assert_eq(xlat_enum(&b, &test_x, 0x10, XLAT_HEX), 0);
	cr_expect_str_eq(b.data, "T_HIGH");
	buf_reset(&b);
	xlat_enum(&b, &test_x, 0x4, XLAT_HEX);
	cr_expect_str_eq(b.data, "0x4 /* T_??? */");
	buf_reset(&b);
	xlat_enum(&b, &test_x, (uint64_t)-7, XLAT_DEC);
	cr_expect_str_eq(b.data, "-7");
	buf_reset(&b);
	xlat_enum(&b, &bare_x, 0x4, XLAT_HEX);
	cr_expect_str_eq(b.data, "0x4");
	buf_fini(&b);
}
