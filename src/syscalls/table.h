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
	A_KIND_COUNT
};

static inline int arg_kind_is_out(unsigned k)
{
	return k == A_BUF_OUT || k == A_PTR_OUT || k == A_FDPAIR_OUT;
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
