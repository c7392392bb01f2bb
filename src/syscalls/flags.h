/* SPDX-License-Identifier: MIT */
/* Renderers for flag, enum, mode, signal, errno and si_code values: each appends
 * exactly what strace 6.1 prints. The names live in the .def files of syscalls/flags. */
#ifndef RN_SYSCALLS_FLAGS_H
#define RN_SYSCALLS_FLAGS_H

#include <stdbool.h>
#include <stdint.h>

struct buf;

/*
 * Every flags_*() renderer appends to b and returns 0 or -ENOMEM. v is the raw
 * register value; each renderer first narrows it to the argument's C type the way
 * strace does (open, AT_*, mmap flags, access and whence are 32-bit ints; prot
 * and clone flags use all 64 bits; modes are 16-bit umode_t).
 * Unknown bits alone print as 0x40 followed by a "PREFIX_???" comment, strace's
 * way; after a known name they print as |0x40.
 */

/* O_RDONLY|O_CLOEXEC, O_WRONLY|O_CREAT|O_TRUNC, O_RDONLY|O_TMPFILE, O_ACCMODE|0x4. */
int flags_open(struct buf *b, uint64_t v);
/* O_* bits without an access mode (pipe2, dup3, F_GETFL aside): O_NONBLOCK|O_CLOEXEC; 0. */
int flags_open_bits(struct buf *b, uint64_t v);
/* True when open/openat has a mode argument to show: O_CREAT or O_TMPFILE is set. */
bool flags_open_has_mode(uint64_t v);
/* AT_SYMLINK_NOFOLLOW, AT_REMOVEDIR|AT_EMPTY_PATH; 0 prints "0". */
int flags_at(struct buf *b, uint64_t v);
/* faccessat2's flags, where 0x200 is AT_EACCESS. */
int flags_faccessat(struct buf *b, uint64_t v);
/* statx's flags: sync mode first (AT_STATX_SYNC_AS_STAT for 0), then AT_*. */
int flags_at_statx(struct buf *b, uint64_t v);
/* PROT_READ|PROT_WRITE; 0 prints PROT_NONE. */
int flags_prot(struct buf *b, uint64_t v);
/* Type, then flags, then the huge page size: MAP_PRIVATE|MAP_ANONYMOUS,
 * MAP_FILE for type 0, MAP_PRIVATE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT. */
int flags_map(struct buf *b, uint64_t v);
/* F_OK for 0, R_OK|W_OK. */
int flags_access(struct buf *b, uint64_t v);
/* SEEK_SET; unknown values in hex with a SEEK_??? comment. */
int flags_whence(struct buf *b, uint64_t v);
/* Creation mode (open, mkdir, chmod, umask): octal, at least three digits: 000,
 * 0644, 04755. */
int flags_mode(struct buf *b, uint64_t v);
/* Typed mode (st_mode, mknod): S_IFREG|0644, S_IFDIR|S_ISVTX|0777, 0644 without a
 * type; an unknown type prints the whole mode in octal. */
int flags_mode_type(struct buf *b, uint64_t v);
/* clone(2) flags with the exit signal in the low byte:
 * CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|SIGCHLD, SIGCHLD, 0. */
int flags_clone(struct buf *b, uint64_t v);
/* clone3(2) clone_args.flags: the clone flags plus CLONE_NEWTIME,
 * CLONE_CLEAR_SIGHAND and CLONE_INTO_CGROUP; no signal byte. */
int flags_clone3(struct buf *b, uint64_t v);
/* A signal number argument: SIGTERM, SIGRTMIN, SIGRT_1; others in decimal (0, 65, -1). */
int flags_signal(struct buf *b, uint64_t v);

/* Borrowed (static): SIGHUP..SIGSYS, SIGRTMIN (32), SIGRT_1..SIGRT_32 (33..64);
 * NULL for any other number. */
const char *signal_name(int sig);

/* Borrowed (static): ENOENT; NULL for a number strace has no name for. */
const char *errno_name(int err);
/* Borrowed (static): "No such file or directory"; NULL when errno_name() is. */
const char *errno_message(int err);
/* True for ERESTARTSYS, ERESTARTNOINTR, ERESTARTNOHAND, ERESTART_RESTARTBLOCK:
 * strace prints such a result as "= ? ERESTARTSYS (...)" instead of "= -1 ...". */
bool errno_is_restart(int err);

/* Borrowed (static): the name of si_code for signal signo (SI_USER, CLD_EXITED,
 * SEGV_MAPERR); NULL when unknown, which strace prints in hex (0x1, 0xfffffff8). */
const char *si_code_name(int signo, int code);

#endif
