/* SPDX-License-Identifier: MIT */
/* -y: what a tracee's descriptor refers to (proc(5) /proc/TID/fd links), and with
 * -yy socket endpoints (sock_diag(7)), device numbers and pidfd pids, as strace 6.1
 * shows them. Records follow syscalls/decode_struct.h (FDREC_*). */
#ifndef RN_BACKEND_FDINFO_H
#define RN_BACKEND_FDINFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct fdinfo;
struct fdcache;

/* Returns owned (free with fdinfo_free()), or NULL on -ENOMEM. level: 1 (-y) or 2
 * (-yy). cache: keep a small per-task cache of paths, only safe when every task
 * sharing a descriptor table is traced and stops at every call. */
struct fdinfo *fdinfo_new(int level, bool cache);
/* fdinfo_free(NULL) is a no-op. */
void fdinfo_free(struct fdinfo *fi);
/* fdcache_free(NULL) is a no-op. */
void fdcache_free(struct fdcache *c);

/* Writes the record of descriptor fd of task tid (AT_FDCWD: its working directory)
 * into dst of cap bytes. *cache is the task's cache, allocated on first use (owned by
 * the task; NULL stays NULL when caching is off or memory is short); cache itself may
 * be NULL. Returns the
 * record's length, 0 when the descriptor is not open or cannot be described. */
size_t fdinfo_describe(struct fdinfo *fi, struct fdcache **cache, int tid, int fd, char *dst,
		       size_t cap);
/* A call numbered nr has returned (or a task appeared or ran execve: nr -1): cached
 * paths become stale unless the call cannot change descriptors, names or the
 * working directory. */
void fdinfo_after_syscall(struct fdinfo *fi, long nr);

#endif
