/* SPDX-License-Identifier: MIT */
/* The syscall table: syscalls.def expanded by the preprocessor into a static array ordered by
 * number, an O(1) number index and a name lookup. Nothing here is built or changed at run time. */
#include "syscalls/table.h"

#include <string.h>

/* Counts the arguments given to ARGS(...), 1 to SYSCALL_MAX_ARGS; a seventh fails to compile. */
#define RN_NARGS(...) RN_NARGS_(__VA_ARGS__, 6, 5, 4, 3, 2, 1, 0)
#define RN_NARGS_(a1, a2, a3, a4, a5, a6, n, ...) n

/* One enumerator per line of syscalls.def, in file order: each entry's position in table[].
 * The name is only pasted and stringified, never macro-expanded, so a libc macro named like a
 * syscall cannot change it. */
enum syscall_index {
#define SYSCALL(num, sname, cls, rk, argspec) SI_##sname,
#include "syscalls/syscalls.def"
#undef SYSCALL
	SI_COUNT
};

_Static_assert(SI_COUNT < UINT16_MAX, "by_nr stores index + 1 in a uint16_t");

#define ARGS(...) .nargs = RN_NARGS(__VA_ARGS__), .args = { __VA_ARGS__ }
#define NOARGS .nargs = 0, .args = { 0 }
#define SYSCALL(num, sname, cls, rk, argspec) \
	[SI_##sname] = { .name = #sname, .nr = (num), .classes = (cls), .ret = (rk), argspec },

static const struct syscall_desc table[] = {
#include "syscalls/syscalls.def"
};

#undef SYSCALL
#undef ARGS
#undef NOARGS

/* Index + 1 into table[] by syscall number; 0 means the number is unknown. A number listed
 * twice trips -Woverride-init (in -Wextra), and one at or past SYSCALL_NR_LIMIT fails to
 * compile, so the .def cannot silently shadow or overflow an entry. */
#define SYSCALL(num, sname, cls, rk, argspec) [num] = SI_##sname + 1,

static const uint16_t by_nr[SYSCALL_NR_LIMIT] = {
#include "syscalls/syscalls.def"
};

#undef SYSCALL

const struct syscall_desc *syscall_by_nr(long nr)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT || by_nr[nr] == 0)
		return NULL;
	return &table[by_nr[nr] - 1];
}

/* A linear scan: the preprocessor cannot sort, the style forbids a generator, and name lookup
 * runs only while parsing filters (-e trace=...), never per event. ~400 strcmp calls is cheap. */
const struct syscall_desc *syscall_by_name(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < SI_COUNT; i++) {
		if (table[i].name[0] == name[0] && strcmp(table[i].name, name) == 0)
			return &table[i];
	}
	return NULL;
}

size_t syscall_count(void)
{
	return SI_COUNT;
}

const struct syscall_desc *syscall_at(size_t i)
{
	return i < SI_COUNT ? &table[i] : NULL;
}
