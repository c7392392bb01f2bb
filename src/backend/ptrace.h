/* SPDX-License-Identifier: MIT */
/* Internals shared by ptrace.c (tasks, memory, spawn/attach) and
 * ptrace_loop.c (the stop loop). */
#ifndef RN_BACKEND_PTRACE_H
#define RN_BACKEND_PTRACE_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>
#include <time.h>

#include "backend/backend.h"
#include "core/event.h"

/* task.flags */
#define T_IN_SYSCALL 0x01 /* entry seen, exit not yet */
#define T_STARTUP 0x02	  /* spawned, before its execve: set-up calls are hidden */
#define T_SPAWNED 0x04	  /* started by us: killed, not detached, on interrupt */
#define T_ATTACHED 0x08	  /* attached with -p: detached on interrupt */
#define T_DETACHING 0x10  /* interrupted, detach at its next stop */
#define T_HIDDEN 0x20	  /* the call in progress is filtered out: no event */

struct task {
	int tid;
	int pid; /* thread group id */
	unsigned flags;
	struct event ev; /* the call in progress, filled at entry, completed at exit */
	char *scratch;	 /* owned: strings read from this task's memory */
	size_t scratch_cap;
	size_t scratch_used; /* bytes of scratch the entry decoding filled */
	int schedstat_fd;    /* /proc/TID/schedstat for CPU time, or -1 */
	uint64_t cpu_entry_ns;
	struct fdcache *fdc; /* owned: -y paths of this task's descriptors, or NULL */
	struct task *next_dead;
};

#define PT_TOMBSTONE ((struct task *)1)
#define PT_QUEUE_MAX 4

struct ptrace_backend {
	struct backend base;
	struct task **slots; /* open addressing on tid */
	size_t cap, used;
	int ntasks;
	struct task *dead; /* removed, freed at the next call to next() */
	bool no_vm_readv;
	int report_fd; /* the spawned child's seccomp install result, or -1 */
	bool interrupt_done;
	int interrupt_seen;
	uint64_t seq;
	struct event misc[PT_QUEUE_MAX]; /* signal and exit events */
	unsigned misc_used;
	struct event *queue[PT_QUEUE_MAX];
	unsigned qhead, qlen;
	struct fdinfo *fdi; /* owned: -y, or NULL */
};

uint64_t pt_now_ns(clockid_t clk);
struct task *pt_task_find(struct ptrace_backend *b, int tid);
/* Returns the new task (owned by the table), or NULL on -ENOMEM. */
struct task *pt_task_add(struct ptrace_backend *b, int tid, int pid, unsigned flags);
void pt_task_remove(struct ptrace_backend *b, struct task *t);
void pt_free_dead(struct ptrace_backend *b);
ssize_t pt_read_mem(void *ud, int tid, uint64_t addr, void *dst, size_t len);
int pt_next(struct backend *bb, struct event **ev);
/* CPU time the task has run, from /proc/TID/schedstat; 0 when unknown. */
uint64_t pt_task_cpu_ns(struct task *t);
/* Thread group of tid from /proc/TID/status, or -errno. */
int pt_read_tgid(int tid);
/* decode_fd_fn for -y: ud is the ptrace_backend. */
size_t pt_describe_fd(void *ud, int tid, int fd, char *dst, size_t cap);

#endif
