/* SPDX-License-Identifier: MIT */
/* Unit tests for the syscall table: numbers against the kernel's own header, lookups both ways,
 * the shape of every entry, and spot checks of well-known syscalls. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>

#include "syscalls/table.h"

/* The .def expanded a third way, independent of table.c, so the tests see the file itself. */
static const struct {
	long nr;
	const char *name;
} def[] = {
#define SYSCALL(num, sname, ...) { num, #sname },
#include "syscalls/syscalls.def"
#undef SYSCALL
};

#define DEF_COUNT (sizeof(def) / sizeof(def[0]))

/* Where distributions install the kernel's x86_64 number list. */
static const char *const unistd_paths[] = {
	"/usr/include/x86_64-linux-gnu/asm/unistd_64.h",
	"/usr/include/asm/unistd_64.h",
};

static FILE *open_unistd(void)
{
	size_t i;

	for (i = 0; i < sizeof(unistd_paths) / sizeof(unistd_paths[0]); i++) {
		FILE *f = fopen(unistd_paths[i], "r");

		if (f)
			return f;
	}
	return NULL;
}

/* Reads the next "#define __NR_name N" line into name[64]; returns 0 at end of file. */
static int next_nr_define(FILE *f, char name[64], long *nr)
{
	char line[256];

	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "#define __NR_%63s %ld", name, nr) == 2)
			return 1;
	return 0;
}

Test(table, every_number_matches_the_kernel_header)
{
	FILE *f = open_unistd();
	char name[64];
	long nr;
	int seen = 0;

	if (!f)
		cr_skip_test("asm/unistd_64.h not installed");
	while (next_nr_define(f, name, &nr)) {
		const struct syscall_desc *d = syscall_by_nr(nr);

		seen++;
		cr_expect_not_null(d, "header has __NR_%s = %ld, the table has no entry", name, nr);
		if (d)
			cr_expect_str_eq(d->name, name, "number %ld: header says %s, table says %s",
					 nr, name, d->name);
	}
	fclose(f);
	cr_assert_gt(seen, 300, "parsed only %d numbers from the header", seen);
}

Test(table, lists_no_number_below_the_headers_highest_that_the_header_lacks)
{
	static unsigned char in_header[SYSCALL_NR_LIMIT];
	FILE *f = open_unistd();
	char name[64];
	long nr, max = -1;
	size_t i;

	if (!f)
		cr_skip_test("asm/unistd_64.h not installed");
	while (next_nr_define(f, name, &nr)) {
		cr_assert(nr >= 0 && nr < SYSCALL_NR_LIMIT, "__NR_%s = %ld out of range", name, nr);
		in_header[nr] = 1;
		if (nr > max)
			max = nr;
	}
	fclose(f);
	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *d = syscall_at(i);

		if (d->nr <= max)
			cr_expect(in_header[d->nr], "%s = %u is not in the header", d->name, d->nr);
	}
}

Test(table, agrees_with_sys_syscall_h_on_well_known_numbers)
{
	static const struct {
		long nr;
		const char *name;
	} cases[] = {
		{ SYS_read, "read" },	      { SYS_write, "write" },
		{ SYS_openat, "openat" },     { SYS_mmap, "mmap" },
		{ SYS_clone, "clone" },	      { SYS_execve, "execve" },
		{ SYS_execveat, "execveat" }, { SYS_exit_group, "exit_group" },
		{ SYS_statx, "statx" },	      { SYS_getpid, "getpid" },
		{ SYS__sysctl, "_sysctl" },   { SYS_rseq, "rseq" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct syscall_desc *d = syscall_by_nr(cases[i].nr);

		cr_assert_not_null(d, "no entry for SYS_%s", cases[i].name);
		cr_expect_str_eq(d->name, cases[i].name);
	}
}

Test(table, library_table_matches_the_def_file_in_order)
{
	size_t i;

	cr_assert_eq(syscall_count(), DEF_COUNT);
	for (i = 0; i < DEF_COUNT; i++) {
		const struct syscall_desc *d = syscall_at(i);

		cr_assert_not_null(d);
		cr_expect_eq(d->nr, def[i].nr, "entry %zu", i);
		cr_expect_str_eq(d->name, def[i].name, "entry %zu", i);
	}
	cr_expect_null(syscall_at(DEF_COUNT));
}

Test(table, numbers_strictly_increase)
{
	size_t i;

	for (i = 1; i < DEF_COUNT; i++)
		cr_expect_gt(def[i].nr, def[i - 1].nr, "%s (%ld) follows %s (%ld)", def[i].name,
			     def[i].nr, def[i - 1].name, def[i - 1].nr);
	cr_expect_lt(def[DEF_COUNT - 1].nr, SYSCALL_NR_LIMIT);
}

Test(table, names_are_unique)
{
	size_t i, j;

	for (i = 0; i < DEF_COUNT; i++)
		for (j = i + 1; j < DEF_COUNT; j++)
			cr_expect_str_neq(def[i].name, def[j].name, "%s listed twice", def[i].name);
}

Test(table, by_nr_and_by_name_round_trip_for_every_entry)
{
	size_t i;

	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *d = syscall_at(i);

		cr_expect_eq(syscall_by_nr(d->nr), d, "by_nr(%u)", d->nr);
		cr_expect_eq(syscall_by_name(d->name), d, "by_name(%s)", d->name);
	}
}

Test(table, every_entry_has_a_valid_shape)
{
	size_t i;
	unsigned k;

	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *d = syscall_at(i);

		cr_expect_leq(d->nargs, SYSCALL_MAX_ARGS, "%s", d->name);
		cr_expect_leq(d->ret, RET_OCT, "%s", d->name);
		cr_expect_neq(d->classes, 0, "%s has no class", d->name);
		for (k = 0; k < SYSCALL_MAX_ARGS; k++) {
			if (k < d->nargs) {
				cr_expect_lt(d->args[k], A_KIND_COUNT, "%s arg %u", d->name, k);
				cr_expect_neq(d->args[k], A_NONE, "%s arg %u", d->name, k);
			} else {
				cr_expect_eq(d->args[k], A_NONE, "%s arg %u unused", d->name, k);
			}
		}
	}
}

Test(table, buf_in_is_always_followed_by_its_length)
{
	size_t i;
	unsigned k;

	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *d = syscall_at(i);

		for (k = 0; k < d->nargs; k++)
			if (d->args[k] == A_BUF_IN)
				cr_expect_lt(k + 1, d->nargs, "%s: A_BUF_IN is the last argument",
					     d->name);
	}
}

Test(table, pure_syscalls_take_no_arguments)
{
	size_t i;

	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *d = syscall_at(i);

		if (d->classes & CLASS_PURE)
			cr_expect_eq(d->nargs, 0, "%s is pure but takes arguments", d->name);
	}
}

Test(table, openat_takes_dirfd_path_flags_mode_and_returns_an_fd)
{
	const struct syscall_desc *d = syscall_by_name("openat");

	cr_assert_not_null(d);
	cr_expect_eq(d->nr, 257);
	cr_expect_eq(d->nargs, 4);
	cr_expect_eq(d->args[0], A_DIRFD);
	cr_expect_eq(d->args[1], A_PATH);
	cr_expect_eq(d->args[2], A_OPEN_FLAGS);
	cr_expect_eq(d->args[3], A_MODE);
	cr_expect_eq(d->ret, RET_FD);
	cr_expect_eq(d->classes, CLASS_FILE | CLASS_DESC);
}

Test(table, read_fills_a_buffer_sized_by_its_return_value)
{
	const struct syscall_desc *d = syscall_by_nr(0);

	cr_assert_not_null(d);
	cr_expect_str_eq(d->name, "read");
	cr_expect_eq(d->nargs, 3);
	cr_expect_eq(d->args[0], A_FD);
	cr_expect_eq(d->args[1], A_BUF_OUT);
	cr_expect_eq(d->args[2], A_ULONG);
	cr_expect(arg_kind_is_out(d->args[1]));
}

Test(table, mmap_returns_an_address)
{
	const struct syscall_desc *d = syscall_by_name("mmap");

	cr_assert_not_null(d);
	cr_expect_eq(d->nargs, 6);
	cr_expect_eq(d->args[2], A_PROT);
	cr_expect_eq(d->args[3], A_MAP_FLAGS);
	cr_expect_eq(d->ret, RET_HEX);
	cr_expect(d->classes & CLASS_MEMORY);
}

Test(table, exit_group_never_returns)
{
	const struct syscall_desc *d = syscall_by_name("exit_group");

	cr_assert_not_null(d);
	cr_expect_eq(d->nr, 231);
	cr_expect_eq(d->ret, RET_NONE);
	cr_expect(d->classes & CLASS_PROCESS);
}

Test(table, getpid_is_pure)
{
	const struct syscall_desc *d = syscall_by_name("getpid");

	cr_assert_not_null(d);
	cr_expect_eq(d->nr, 39);
	cr_expect_eq(d->nargs, 0);
	cr_expect(d->classes & CLASS_PURE);
}

Test(table, newfstatat_is_both_a_path_stat_and_an_fd_stat)
{
	const struct syscall_desc *d = syscall_by_name("newfstatat");

	cr_assert_not_null(d);
	cr_expect_eq(d->classes & (CLASS_STAT | CLASS_FSTAT), CLASS_STAT | CLASS_FSTAT);
	cr_expect_eq(d->args[2], A_STAT_OUT);
}

Test(table, unknown_numbers_and_names_give_null)
{
	cr_expect_null(syscall_by_nr(-1));
	cr_expect_null(syscall_by_nr(335));
	cr_expect_null(syscall_by_nr(500));
	cr_expect_null(syscall_by_nr(SYSCALL_NR_LIMIT));
	cr_expect_null(syscall_by_nr(1000));
	cr_expect_null(syscall_by_name("no_such_syscall"));
	cr_expect_null(syscall_by_name(""));
	cr_expect_null(syscall_by_name(NULL));
	cr_expect_null(syscall_by_name("READ"));
}
