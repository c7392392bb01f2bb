/* SPDX-License-Identifier: MIT */
/* Back ends produce events from a running program. Each fills one ops table;
 * the library calls through it and never sees ptrace or BPF itself. */
#ifndef RN_BACKEND_BACKEND_H
#define RN_BACKEND_BACKEND_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

struct backend;
struct event;
struct syscall_set;

struct backend_opts {
	bool follow_forks;
	unsigned string_limit;
	unsigned array_limit;
	bool cpu_time; /* measure each call's CPU time (strace -c without -w) */
	bool stdout_to_stderr; /* spawn: the child's fd 1 is a copy of fd 2 */
	/* Syscalls to trace (borrowed, NULL: all). Others are never decoded. */
	const struct syscall_set *trace_set;
	/* Stop the tracee only for trace_set calls (seccomp-bpf), when spawning. */
	bool seccomp;
	int decode_fds;	     /* -y: 1 paths, 2 (-yy) also socket and device details */
	bool verbose;	     /* -v: execve's environment as strings, arrays in full */
};

struct backend_ops {
	const char *name;
	/* Start path (already resolved) with argv, stopped before exec. Returns pid or -errno. */
	int (*spawn)(struct backend *b, const char *path, char *const argv[]);
	/* Attach to every thread of pid. Returns the number of threads or -errno. */
	int (*attach)(struct backend *b, int pid);
	/* Next event: 1 with *ev set (borrowed until the next call), 0 at the end, -errno. */
	int (*next)(struct backend *b, struct event **ev);
	void (*free)(struct backend *b);
};

struct backend {
	const struct backend_ops *ops;
	struct backend_opts opts;
	char err[256];			    /* message of the last failure */
	volatile sig_atomic_t interrupt_sig;   /* set by rn_tracer_interrupt() */
	volatile sig_atomic_t interrupt_count;
	int spawned_pid;    /* 0 when none */
	int spawned_status; /* wait(2) status of the spawned command, -1 while it runs */
	bool seccomp_active; /* the spawned command runs under the seccomp filter */
	char notice[256];    /* why seccomp is not active, when it was asked for */
	uint64_t start_mono_ns;
	uint64_t start_wall_ns;
};

/* Returns owned (free through ops->free), or NULL with errno set. */
struct backend *backend_ptrace_new(const struct backend_opts *opts);

#endif
