/* SPDX-License-Identifier: MIT */
/* Decoders: fill the typed argument slots of an event from registers and
 * tracee memory. They never print; sinks render what they fill. */
#ifndef RN_SYSCALLS_DECODE_H
#define RN_SYSCALLS_DECODE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct event;

enum decode_phase { DECODE_ENTRY = 0, DECODE_EXIT = 1 };

/* Reads up to len bytes of the tracee at addr into dst. Returns the number of
 * bytes read (short when a page is unmapped), or a negative errno. */
typedef ssize_t (*decode_read_fn)(void *ud, int tid, uint64_t addr, void *dst, size_t len);

/* -y: writes the record (syscalls/decode_struct.h, FDREC_*) of what descriptor fd of
 * task tid refers to, AT_FDCWD meaning its working directory, into dst of cap bytes.
 * Returns the record's length, or 0 when nothing is known. */
typedef size_t (*decode_fd_fn)(void *ud, int tid, int fd, char *dst, size_t cap);

/* Bytes of scratch -y needs beyond decode_scratch_size(): descriptor records for the
 * arguments, a pair and the result of one call. */
#define DECODE_FDREC_MAX (PATH_MAX + 96)
#define DECODE_FD_SCRATCH (5 * DECODE_FDREC_MAX)

struct decode_ctx {
	int tid;
	enum decode_phase phase;
	decode_read_fn read_mem;
	void *read_ud;
	unsigned string_limit; /* bytes of strings and buffers kept */
	unsigned array_limit;  /* elements of argv-like arrays kept */
	char *scratch;	       /* borrowed: the task's scratch area */
	size_t scratch_len;    /* used bytes; reset at each entry */
	size_t scratch_cap;
	uint64_t sp;	       /* the stack pointer at entry: rt_sigreturn's frame */
	bool verbose;	       /* -v: execve's environment as strings */
	decode_fd_fn describe_fd; /* -y; NULL when off */
	void *describe_ud;
};

/* Bytes of scratch a task needs for these limits. */
size_t decode_scratch_size(unsigned string_limit, unsigned array_limit);

/* Fill ev->args for the entry stop (inputs) from ev->args[i].raw and ev->nr. */
int decode_entry(struct decode_ctx *ctx, struct event *ev);
/* Fill OUT arguments once ev->ret and ev->err are known. */
int decode_exit(struct decode_ctx *ctx, struct event *ev);

/* Helpers for family decoders. Each sets arg->state/data/len/trunc. */
int decode_cstring(struct decode_ctx *ctx, struct event *ev, int i, size_t max);
int decode_buffer(struct decode_ctx *ctx, struct event *ev, int i, uint64_t len);
/* Borrowed: n bytes of the task's scratch area, or NULL when it is full. */
char *decode_scratch_take(struct decode_ctx *ctx, size_t n);
/* -y: a record for descriptor fd in scratch; sets *rec and *len, or leaves them
 * NULL and 0 when -y is off or nothing is known. */
void decode_fdrec(struct decode_ctx *ctx, int fd, const char **rec, uint16_t *len);
/* Copy len bytes at ev->args[i].raw into scratch (ARG_S_DATA), or mark it unreadable. */
int decode_struct(struct decode_ctx *ctx, struct event *ev, int i, size_t len);

#endif
