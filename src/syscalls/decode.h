/* SPDX-License-Identifier: MIT */
/* Decoders: fill the typed argument slots of an event from registers and
 * tracee memory. They never print; sinks render what they fill. */
#ifndef RN_SYSCALLS_DECODE_H
#define RN_SYSCALLS_DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct event;

enum decode_phase { DECODE_ENTRY = 0, DECODE_EXIT = 1 };

/* Reads up to len bytes of the tracee at addr into dst. Returns the number of
 * bytes read (short when a page is unmapped), or a negative errno. */
typedef ssize_t (*decode_read_fn)(void *ud, int tid, uint64_t addr, void *dst, size_t len);

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
/* Copy len bytes at ev->args[i].raw into scratch (ARG_S_DATA), or mark it unreadable. */
int decode_struct(struct decode_ctx *ctx, struct event *ev, int i, size_t len);

#endif
