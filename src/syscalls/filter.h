/* SPDX-License-Identifier: MIT */
/* Filter expressions (strace's -e trace=, -e status=, -e signal=), compiled
 * once into bitsets that the back end and the library test in O(1). */
#ifndef RN_SYSCALLS_FILTER_H
#define RN_SYSCALLS_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "syscalls/table.h"

#define SYSCALL_SET_WORDS (SYSCALL_NR_LIMIT / 64)

/* A set of syscall numbers 0..SYSCALL_NR_LIMIT-1. Numbers outside (x32,
 * unknown) are in the set only when "others" is true (trace=all). */
struct syscall_set {
	uint64_t bits[SYSCALL_SET_WORDS];
	bool others;
};

static inline bool syscall_set_has(const struct syscall_set *s, long nr)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return s->others;
	return (s->bits[nr / 64] >> (nr % 64)) & 1;
}

void syscall_set_fill(struct syscall_set *s, bool all);
bool syscall_set_is_full(const struct syscall_set *s);
size_t syscall_set_count(const struct syscall_set *s); /* numbers in the table only */

/* Apply a -e trace= expression to *s: a comma-separated list of names,
 * %class (or a bare class name), /regex (POSIX ERE over names), all, none;
 * '!' before an element removes it, '?' before a name ignores it if unknown.
 * A list whose first element is negated starts from all syscalls.
 * Returns 0, or -EINVAL with a message naming the bad token in err. */
int filter_parse_trace(struct syscall_set *s, bool *first, const char *expr, char *err,
		       size_t errlen);

/* -e status=: which outcomes are shown. */
#define STATUS_SUCCESSFUL 0x1
#define STATUS_FAILED 0x2
#define STATUS_UNFINISHED 0x4
#define STATUS_UNAVAILABLE 0x8
#define STATUS_DETACHED 0x10
#define STATUS_ALL 0x1f

int filter_parse_status(unsigned *mask, const char *expr, char *err, size_t errlen);

/* -e signal=: signals shown (bit n for signal n, 1..64). */
int filter_parse_signals(uint64_t *mask, const char *expr, char *err, size_t errlen);

#endif
