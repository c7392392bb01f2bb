/* SPDX-License-Identifier: MIT */
/* Aggregates of a trace: per-syscall counts, errors and time (the strace -c
 * table), latency quantiles, memory and I/O accounting, per process.
 * Fed one completed event at a time; bounded memory whatever the trace length. */
#ifndef RN_ANALYSIS_SUMMARY_H
#define RN_ANALYSIS_SUMMARY_H

#include <stdbool.h>
#include <stdint.h>

#include "analysis/stats.h"
#include "syscalls/table.h"

struct event;

/* Per syscall number. Numbers outside the table share slot SUMMARY_SLOT_OTHER. */
struct summary_call {
	uint64_t calls;
	uint64_t errors;
	uint64_t time_ns; /* sum of the calls' time (latency or CPU, see summary) */
	/* latency (entry to exit), whatever time_ns measures */
	uint64_t lat_sum_ns, min_ns, max_ns;
	struct qsketch lat; /* latency quantiles, with summary.extended */
};

/* Memory accounting. "Allocated" is defined in doc/renacer.1.md:
 * anonymous bytes newly mapped by successful mmap, plus growth of successful
 * mremap, plus heap growth through brk. Sizes are rounded up to pages. */
struct mem_stats {
	uint64_t mmap_calls, munmap_calls, mremap_calls, brk_calls;
	uint64_t mmap_anon_bytes;  /* successful anonymous mmap */
	uint64_t mmap_file_bytes;  /* successful file-backed mmap */
	uint64_t munmap_bytes;	   /* successful munmap */
	uint64_t mremap_grow_bytes;
	uint64_t mremap_shrink_bytes;
	uint64_t brk_growth_bytes; /* sum of positive brk moves */
	uint64_t brk_shrink_bytes;
	uint64_t allocated_bytes; /* anon mmap + mremap growth + brk growth */
	uint64_t mapped_now_bytes;
	uint64_t peak_mapped_bytes; /* peak of mapped_now (mmap - munmap +- mremap + heap) */
};

enum fd_class { FDC_OTHER = 0, FDC_FILE, FDC_PIPE, FDC_SOCKET, FDC_TTY, FDC_COUNT };

struct io_stats {
	uint64_t read_calls, write_calls;
	uint64_t read_bytes, written_bytes;
	uint64_t read_by_class[FDC_COUNT];
	uint64_t written_by_class[FDC_COUNT];
};

#define SUMMARY_SLOT_OTHER SYSCALL_NR_LIMIT
#define SUMMARY_SLOTS (SYSCALL_NR_LIMIT + 1)
#define SUMMARY_FDS 1024 /* fds above this are classed FDC_OTHER */

struct proc_summary {
	int pid;
	bool exited;
	int status; /* wait(2) status when exited */
	uint64_t brk_cur; /* last known program break */
	uint8_t fd_class[SUMMARY_FDS];
	struct summary_call *calls; /* owned, SUMMARY_SLOTS, only with per-process tables */
	uint64_t total_calls, total_errors, total_time_ns;
	struct mem_stats mem;
	struct io_stats io;
};

struct summary {
	bool per_process; /* keep a full table per process */
	bool extended;	  /* latency quantiles (--stats-extended) */
	bool cpu_time;	  /* time columns use the calls' CPU time, not latency */
	struct summary_call calls[SUMMARY_SLOTS];
	uint64_t total_calls, total_errors, total_time_ns;
	uint64_t signals;
	uint64_t unfinished_calls; /* never returned (exit_group...): not in calls[] */
	uint64_t first_ts_ns, last_ts_ns; /* monotonic, for wall time */
	struct mem_stats mem;
	struct io_stats io;
	struct proc_summary *procs; /* owned array */
	int nprocs, procs_cap;
	int threads; /* distinct tasks seen */
};

/* Returns 0 or -ENOMEM. */
int summary_init(struct summary *s, bool per_process, bool extended, bool cpu_time);
void summary_fini(struct summary *s);
/* Account one event (EV_SYSCALL_EXIT, EV_SIGNAL, EV_EXIT; others ignored).
 * Returns 0 or -ENOMEM (the event is then only partly counted). */
int summary_add(struct summary *s, const struct event *ev);
/* Borrowed: the process entry, or NULL. */
const struct proc_summary *summary_proc(const struct summary *s, int pid);
/* Name of a slot for tables: "openat", "syscall_0x1c8" style for unknown,
 * written to buf (at least 32 bytes). */
const char *summary_slot_name(int slot, char *buf, unsigned len);

#endif
