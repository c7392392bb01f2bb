/* SPDX-License-Identifier: MIT */
/* The x86_64 syscall table: numbers, names, classes, argument and return kinds.
 * The data lives in syscalls.def; this header only declares its shape. */
#ifndef RN_SYSCALLS_TABLE_H
#define RN_SYSCALLS_TABLE_H

#include <stdint.h>
#include <stddef.h>

/* Classes are bits: a syscall may belong to several (openat is file and desc). */
enum syscall_class {
	CLASS_FILE = 1u << 0,	 /* takes a path */
	CLASS_DESC = 1u << 1,	 /* takes or returns a file descriptor */
	CLASS_PROCESS = 1u << 2, /* process lifecycle */
	CLASS_MEMORY = 1u << 3,	 /* address-space mapping */
	CLASS_NETWORK = 1u << 4,
	CLASS_SIGNAL = 1u << 5,
	CLASS_IPC = 1u << 6,
	CLASS_TIME = 1u << 7,	 /* clocks, timers, sleeping */
	CLASS_CREDS = 1u << 8,	 /* user/group ids, capabilities */
	CLASS_STAT = 1u << 9,	 /* stat of a path (stat, statx, newfstatat) */
	CLASS_LSTAT = 1u << 10,	 /* lstat-like */
	CLASS_FSTAT = 1u << 11,	 /* stat of an fd */
	CLASS_STATFS = 1u << 12, /* statfs of a path */
	CLASS_FSTATFS = 1u << 13,
	CLASS_PURE = 1u << 14, /* no arguments, always succeeds (getpid) */
	CLASS_OTHER = 1u << 15,
};

/* How an argument is read and shown. Kinds marked OUT are read at syscall exit;
 * the others at entry. Decoders may refine an argument (see decode.h). */
enum arg_kind {
	A_NONE = 0,
	A_INT,		/* signed int, decimal */
	A_UINT,		/* unsigned int, decimal */
	A_LONG,		/* signed long, decimal */
	A_ULONG,	/* unsigned long / size_t, decimal */
	A_HEX,		/* unsigned, 0x... */
	A_OCT,		/* octal with leading 0 (umask) */
	A_PTR,		/* address: NULL or 0x... */
	A_FD,		/* file descriptor */
	A_DIRFD,	/* AT_FDCWD or fd */
	A_PATH,		/* NUL-terminated path, shown in full up to PATH_MAX */
	A_STR,		/* NUL-terminated string, limited by --string-limit */
	A_BUF_IN,	/* input buffer; its length is the next argument */
	A_BUF_OUT,	/* OUT: buffer filled by the kernel; its length is the return value */
	A_PTR_OUT,	/* OUT: pointer to a result struct, shown as an address */
	A_MODE,		/* file creation mode, octal: 0644 */
	A_OPEN_FLAGS,	/* O_* */
	A_AT_FLAGS,	/* AT_* */
	A_PROT,		/* PROT_* */
	A_MAP_FLAGS,	/* MAP_* */
	A_ACCESS_MODE,	/* F_OK, R_OK|W_OK|X_OK */
	A_WHENCE,	/* SEEK_* */
	A_SIGNAL,	/* signal number: SIGTERM */
	A_CLONE_FLAGS,	/* CLONE_* | exit signal */
	A_ARGV,		/* NULL-terminated array of strings, shown in full */
	A_ENVP,		/* NULL-terminated array of strings, shown as address and count */
	A_FDPAIR_OUT,	/* OUT: int[2] of new descriptors (pipe, socketpair): [3, 4] */

	/* Structures read at entry; rendered by output/render_struct.c. */
	A_SIGACTION,	/* struct sigaction (kernel layout) */
	A_SIGSET,	/* sigset_t: [INT TERM] */
	A_TIMESPEC,	/* {tv_sec=1, tv_nsec=0} */
	A_TIMEVAL,	/* {tv_sec=1, tv_usec=0} */
	A_ITIMERSPEC,	/* {it_interval=..., it_value=...} */
	A_RLIMIT,	/* {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY} */
	A_SOCKADDR,	/* struct sockaddr; its length is the next argument */
	A_IOVEC,	/* struct iovec[]; the count is the next argument */
	A_POLLFD,	/* struct pollfd[]; count next; revents follow the return value */
	A_EPOLL_EVENT,	/* struct epoll_event */
	A_MSGHDR,	/* struct msghdr with its iovecs and control messages */
	A_STACK,	/* stack_t (sigaltstack) */
	A_INT_PTR,	/* int *: [1] */
	A_OFF_INOUT,	/* loff_t * read at entry and exit: [0] => [10] */
	A_FDSET,	/* fd_set of select(2); the first argument is nfds */
	A_SEMBUF,	/* struct sembuf[]; count next */
	A_MSGBUF,	/* struct msgbuf; text size next */
	A_CLONE_ARGS,	/* struct clone_args; size next */
	A_CLONE,	/* clone(2) entry part: child_stack=..., flags=... */
	A_IOCTL_ARG,	/* ioctl's third argument, shaped by the request */
	A_FCNTL_ARG,	/* fcntl's third argument, shaped by the command */
	A_SOCKOPT_VAL,	/* setsockopt value; length next */
	A_SIGFRAME,	/* rt_sigreturn: the mask of the signal frame, {mask=[INT]} */
	A_OPEN_HOW,	/* struct open_how of openat2; size next */
	A_UTIMENS,	/* utimensat's timespec[2]: [UTIME_NOW, {tv_sec=1, tv_nsec=0}] */
	A_CPUSET,	/* cpu_set_t; its size is the previous argument: [0 1] */
	A_MQ_ATTR,	/* struct mq_attr */
	A_CAP_HEADER,	/* capget/capset header: {version=_LINUX_CAPABILITY_VERSION_3, pid=0} */
	A_CAP_DATA,	/* capset data: {effective=1<<CAP_KILL, permitted=..., inheritable=0} */

	/* Structures read at exit, only when the call succeeded (OUT). */
	A_STAT_OUT,	/* struct stat: {st_mode=S_IFREG|0644, st_size=1, ...} */
	A_STATX_OUT,	/* struct statx */
	A_STATFS_OUT,	/* struct statfs */
	A_RLIMIT_OUT,
	A_SIGACTION_OUT,
	A_SIGSET_OUT,
	A_TIMESPEC_OUT,
	A_TIMEVAL_OUT,
	A_ITIMERSPEC_OUT,
	A_STACK_OUT,
	A_WSTATUS_OUT,	/* wait status: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}] */
	A_INT_OUT,	/* int *: [26] */
	A_UTSNAME_OUT,
	A_SYSINFO_OUT,
	A_RUSAGE_OUT,
	A_DIRENTS_OUT,	/* getdents64 buffer: address and entry count */
	A_SOCKADDR_OUT,	/* struct sockaddr; its length is at the next argument */
	A_SOCKLEN_INOUT, /* socklen_t * read at entry and exit: [128 => 7] */
	A_IOVEC_OUT,	/* struct iovec[] filled up to the return value; count next */
	A_EPOLL_EVENTS_OUT, /* struct epoll_event[]; count is the return value */
	A_MSGHDR_OUT,
	A_MMSGHDR_OUT,	/* sendmmsg's struct mmsghdr[], read at exit even on failure; count next */
	A_MMSGHDR_RECV_OUT, /* recvmmsg's struct mmsghdr[]; count is the return value */
	A_SIGINFO_OUT,	/* siginfo_t (waitid) */
	A_STR_OUT,	/* NUL-terminated string written by the kernel (getcwd) */
	A_MSGBUF_OUT,	/* struct msgbuf of msgrcv; text size is the return value */
	A_SOCKOPT_OUT,	/* getsockopt value; the length is at the next argument */
	A_CLONE_OUT,	/* clone(2) exit part: parent_tid=[N], tls=..., child_tidptr=... */
	A_IOCTL_OUT,	/* ioctl's third argument when the request writes it */
	A_CAP_DATA_OUT,	/* capget data */
	A_CPUSET_OUT,	/* cpu_set_t of sched_getaffinity; its size is the return value */
	A_FCNTL_OUT,	/* fcntl's third argument when the command writes it (F_GETLK) */

	/* Raw values whose rendering depends on another argument or mixes tables. */
	A_STATX_FLAGS,	/* statx(2) flags: AT_STATX_SYNC_AS_STAT|AT_EMPTY_PATH */
	A_FACCESSAT_FLAGS, /* faccessat2(2) flags: AT_EACCESS|AT_SYMLINK_NOFOLLOW */
	A_OPEN_BITS,	/* O_* flags without the access mode: O_NONBLOCK|O_CLOEXEC, 0 */
	A_SOCK_TYPE,	/* SOCK_STREAM|SOCK_CLOEXEC */
	A_SOCK_PROTO,	/* protocol of socket(2): IPPROTO_TCP, NETLINK_ROUTE, 0 for AF_UNIX */
	A_SOCKOPT_NAME,	/* option name, by the level in the previous argument */
	A_FUTEX_OP,	/* FUTEX_WAIT_PRIVATE, FUTEX_WAIT_BITSET|FUTEX_CLOCK_REALTIME */
	A_FLOCK_OP,	/* LOCK_EX|LOCK_NB */
	A_IPC_KEY,	/* IPC_PRIVATE or 0x... */
	A_IPC_GETFLAGS,	/* IPC_CREAT|IPC_EXCL|0600 */
	A_IOCTL_CMD,	/* TCGETS, FIONREAD, or 0x... */
	A_FCNTL_CMD,	/* F_GETFD, ... */
	A_FAN_INIT_FLAGS, /* fanotify_init(2): FAN_CLASS_NOTIF|FAN_CLOEXEC */

	/* Named constants: A_X_<ID> shows the raw value with table FT_<ID> (flags_sys.h). */
	A_X_FIRST,
#define FT(id, file, mode, unknown) A_X_##id,
#include "syscalls/flags/tables.def"
#undef FT
	A_KIND_COUNT
};

static inline int arg_kind_is_out(unsigned k)
{
	return k == A_BUF_OUT || k == A_PTR_OUT || k == A_FDPAIR_OUT || k == A_OFF_INOUT ||
	       (k >= A_STAT_OUT && k <= A_FCNTL_OUT);
}

/* True for entry kinds with a part shown at exit right after them, without a comma:
 * clone3's "{flags=...} => {parent_tid=[42]}". The next argument is shown at exit. */
static inline int arg_kind_has_tail(unsigned k)
{
	return k == A_CLONE_ARGS;
}

/* True for kinds read at entry and again at exit (shown with the exit part). */
static inline int arg_kind_is_inout(unsigned k)
{
	return k == A_SOCKLEN_INOUT || k == A_OFF_INOUT;
}

/* How a return value is shown. */
enum ret_kind {
	RET_INT = 0, /* decimal; -1 ERRNO on failure */
	RET_HEX,     /* address (mmap, brk): 0x... */
	RET_FD,	     /* a new file descriptor */
	RET_NONE,    /* never returns on success (exit, exit_group, rt_sigreturn) */
	RET_OCT,     /* umask */
};

#define SYSCALL_MAX_ARGS 6

struct syscall_desc {
	const char *name;
	uint16_t nr;
	uint16_t classes; /* enum syscall_class bits */
	uint8_t ret;	  /* enum ret_kind */
	uint8_t nargs;
	uint8_t args[SYSCALL_MAX_ARGS]; /* enum arg_kind */
};

/* Highest syscall number the table knows, plus one. */
#define SYSCALL_NR_LIMIT 512

/* Borrowed (static table); NULL for a number the table does not know. */
const struct syscall_desc *syscall_by_nr(long nr);
/* Borrowed (static table); NULL for an unknown name. */
const struct syscall_desc *syscall_by_name(const char *name);
/* Number of entries in the table and entry i (0-based, ordered by number). */
size_t syscall_count(void);
const struct syscall_desc *syscall_at(size_t i);

#endif
