/* SPDX-License-Identifier: MIT */
/* The strace -c table and the memory/I/O lines that follow it. */
#ifndef RN_OUTPUT_TABLE_H
#define RN_OUTPUT_TABLE_H

#include <stdbool.h>

struct buf;
struct summary;
struct summary_call;

enum table_sort { SORT_TIME = 0, SORT_CALLS, SORT_ERRORS, SORT_NAME, SORT_NOTHING };

/* Parse "time", "calls", "errors", "name", "nothing" (strace -S). -EINVAL otherwise. */
int table_sort_parse(const char *s, enum table_sort *out);

/* Slot numbers of the calls that happened, in the order of sort, written to
 * slots (room for SUMMARY_SLOTS). Returns their count or -ENOMEM. */
int table_sorted_slots(const struct summary_call *calls, enum table_sort sort, int *slots);
/* The table for calls (SUMMARY_SLOTS entries). */
int table_render(struct buf *b, const struct summary_call *calls, enum table_sort sort);
/* "memory: ..." and "io: ..." lines of a summary (the total or one process). */
int table_render_memio(struct buf *b, const struct summary *s, int pid);
/* Per syscall: calls, min, mean, p50, p90, p99, max in microseconds. */
int table_render_extended(struct buf *b, const struct summary_call *calls, enum table_sort sort);
/* Everything -c prints: the header line saying what time means, the table,
 * per-process tables when kept, the extended table when kept, memory/io. */
int table_render_summary(struct buf *b, const struct summary *s, enum table_sort sort);
/* "12.4 MiB", "132 KiB", "17 B". */
int table_put_bytes(struct buf *b, unsigned long long n);

#endif
