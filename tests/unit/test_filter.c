/* SPDX-License-Identifier: MIT */
/* Filter expressions: -e trace= sets checked against the syscall table's
 * classes, names and regexes; errors naming the bad token; -e status= and
 * -e signal= masks. */
#include <criterion/criterion.h>

#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>

#include "syscalls/filter.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* A fresh set parsed from expr the way the library starts one. */
static int parse(struct syscall_set *s, const char *expr, char *err, size_t errlen)
{
	bool first = true;

	syscall_set_fill(s, false);
	err[0] = '\0';
	return filter_parse_trace(s, &first, expr, err, errlen);
}

static void parse_ok(struct syscall_set *s, const char *expr)
{
	char err[256];
	int rc = parse(s, expr, err, sizeof(err));

	cr_assert_eq(rc, 0, "'%s': rc %d, %s", expr, rc, err);
}

static bool has_name(const struct syscall_set *s, const char *name)
{
	const struct syscall_desc *sc = syscall_by_name(name);

	cr_assert_not_null(sc, "no syscall %s in the table", name);
	return syscall_set_has(s, sc->nr);
}

/* Every table entry is in s exactly when want(entry) says so. */
static void expect_members(const struct syscall_set *s, const char *expr,
			   bool (*want)(const struct syscall_desc *sc))
{
	size_t i;

	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *sc = syscall_at(i);

		cr_expect_eq(syscall_set_has(s, sc->nr), want(sc), "'%s': %s is %s", expr, sc->name,
			     want(sc) ? "missing" : "wrongly included");
	}
}

static bool is_file(const struct syscall_desc *sc)
{
	return sc->classes & CLASS_FILE;
}

static bool is_desc_but_close(const struct syscall_desc *sc)
{
	return (sc->classes & CLASS_DESC) && strcmp(sc->name, "close");
}

static bool is_open_prefixed(const struct syscall_desc *sc)
{
	return !strncmp(sc->name, "open", 4);
}

static bool is_not_open_prefixed(const struct syscall_desc *sc)
{
	return strncmp(sc->name, "open", 4) != 0;
}

static bool is_not_close(const struct syscall_desc *sc)
{
	return strcmp(sc->name, "close") != 0;
}

static bool is_any(const struct syscall_desc *sc)
{
	(void)sc;
	return true;
}

static bool is_none(const struct syscall_desc *sc)
{
	(void)sc;
	return false;
}

static bool is_stat_family(const struct syscall_desc *sc)
{
	return sc->classes & (CLASS_STAT | CLASS_LSTAT | CLASS_FSTAT);
}

Test(filter, class_sets_follow_the_table)
{
	static const struct {
		const char *expr;
		bool (*want)(const struct syscall_desc *sc);
		bool others;
	} cases[] = {
		{ "%file", is_file, false },
		{ "file", is_file, false },
		{ "%file,!close", is_file, false },
		{ "%desc,!close", is_desc_but_close, false },
		{ "/^open", is_open_prefixed, false },
		{ "!/^open", is_not_open_prefixed, true },
		{ "!close", is_not_close, true },
		{ "all", is_any, true },
		{ "none", is_none, false },
		{ "?nosuch", is_none, false },
		{ "%%stat", is_stat_family, false },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct syscall_set s;

		parse_ok(&s, cases[i].expr);
		expect_members(&s, cases[i].expr, cases[i].want);
		cr_expect_eq(s.others, cases[i].others, "'%s': numbers outside the table",
			     cases[i].expr);
	}
}

Test(filter, file_class_is_not_empty_and_has_the_path_calls)
{
	static const char *const in[] = { "open", "openat", "execve", "stat", "unlink" };
	static const char *const out[] = { "read", "close", "getpid", "mmap" };
	struct syscall_set s;
	size_t i;

	parse_ok(&s, "%file");
	for (i = 0; i < COUNT(in); i++)
		cr_expect(has_name(&s, in[i]), "%s not in %%file", in[i]);
	for (i = 0; i < COUNT(out); i++)
		cr_expect(!has_name(&s, out[i]), "%s in %%file", out[i]);
}

Test(filter, names_select_exactly_those_calls)
{
	static const struct {
		const char *expr;
		const char *const in[4];
		size_t count;
	} cases[] = {
		{ "openat", { "openat" }, 1 },
		{ "open,close", { "open", "close" }, 2 },
		{ "read,write,read", { "read", "write" }, 2 },
		{ "?nosuch,read", { "read" }, 1 },
		{ "syscall_0", { "read" }, 1 },
	};
	size_t i, k;

	for (i = 0; i < COUNT(cases); i++) {
		struct syscall_set s;

		parse_ok(&s, cases[i].expr);
		cr_expect_eq(syscall_set_count(&s), cases[i].count, "'%s': %zu calls",
			     cases[i].expr, syscall_set_count(&s));
		for (k = 0; k < cases[i].count; k++)
			cr_expect(has_name(&s, cases[i].in[k]), "'%s': %s missing", cases[i].expr,
				  cases[i].in[k]);
		cr_expect(!s.others, "'%s'", cases[i].expr);
	}
}

Test(filter, negation_first_starts_from_all_calls)
{
	struct syscall_set s;

	parse_ok(&s, "!close");
	cr_expect_eq(syscall_set_count(&s), syscall_count() - 1);
	cr_expect(!has_name(&s, "close"));
	cr_expect(has_name(&s, "read"));
	cr_expect(!syscall_set_is_full(&s));
	parse_ok(&s, "all");
	cr_expect(syscall_set_is_full(&s));
}

Test(filter, regex_may_contain_commas_when_it_is_the_whole_expression)
{
	struct syscall_set s;

	parse_ok(&s, "/^(read|write){1,1}$");
	cr_expect_eq(syscall_set_count(&s), 2);
	cr_expect(has_name(&s, "read") && has_name(&s, "write"));
}

Test(filter, regex_matches_anywhere_in_the_name)
{
	struct syscall_set s;
	size_t i;

	parse_ok(&s, "/read|write");
	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *sc = syscall_at(i);
		bool want = strstr(sc->name, "read") || strstr(sc->name, "write");

		cr_expect_eq(syscall_set_has(&s, sc->nr), want, "%s", sc->name);
	}
}

Test(filter, repeated_expressions_accumulate)
{
	struct syscall_set s;
	bool first = true;
	char err[128];

	syscall_set_fill(&s, false);
	cr_assert_eq(filter_parse_trace(&s, &first, "read", err, sizeof(err)), 0);
	cr_assert_eq(filter_parse_trace(&s, &first, "write,close", err, sizeof(err)), 0);
	/* not first any more: removes from what is there, no fill */
	cr_assert_eq(filter_parse_trace(&s, &first, "!close", err, sizeof(err)), 0);
	cr_expect_eq(syscall_set_count(&s), 2);
	cr_expect(has_name(&s, "read") && has_name(&s, "write") && !has_name(&s, "close"));
}

Test(filter, errors_name_the_bad_token)
{
	static const struct {
		const char *expr;
		const char *want; /* the message starts with this */
		bool whole;	  /* the message is exactly want */
	} cases[] = {
		{ "opn", "invalid system call 'opn'", true },
		{ "read,opn", "invalid system call 'opn'", true },
		{ "!opn", "invalid system call 'opn'", true },
		{ "/[", "invalid regular expression '/['", false },
		{ "%nosuchclass", "invalid syscall class '%nosuchclass'", true },
		{ "%file,%nosuchclass", "invalid syscall class '%nosuchclass'", true },
		{ "", "empty syscall list", true },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		struct syscall_set s;
		char err[256];
		int rc = parse(&s, cases[i].expr, err, sizeof(err));

		cr_expect_eq(rc, -EINVAL, "'%s': rc %d", cases[i].expr, rc);
		if (cases[i].whole)
			cr_expect_str_eq(err, cases[i].want, "'%s'", cases[i].expr);
		else
			cr_expect_eq(strncmp(err, cases[i].want, strlen(cases[i].want)), 0,
				     "'%s': message '%s'", cases[i].expr, err);
	}
}

Test(filter, status_sets)
{
	static const struct {
		const char *expr;
		unsigned want;
	} cases[] = {
		{ "successful", STATUS_SUCCESSFUL },
		{ "failed", STATUS_FAILED },
		{ "successful,failed", STATUS_SUCCESSFUL | STATUS_FAILED },
		{ "!failed", STATUS_ALL & ~STATUS_FAILED },
		{ "unfinished,detached", STATUS_UNFINISHED | STATUS_DETACHED },
		{ "all", STATUS_ALL },
		{ "none", 0 },
		{ "!all", 0 },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		unsigned mask = 0xdead;
		char err[256] = "";
		int rc = filter_parse_status(&mask, cases[i].expr, err, sizeof(err));

		cr_expect_eq(rc, 0, "'%s': %s", cases[i].expr, err);
		cr_expect_eq(mask, cases[i].want, "'%s': %#x", cases[i].expr, mask);
	}
}

Test(filter, bad_status_word_is_an_error_naming_it)
{
	static const char *const bad[] = { "bogus", "successful,bogus", "!bogus" };
	size_t i;

	for (i = 0; i < COUNT(bad); i++) {
		unsigned mask = 0x3;
		char err[256] = "";

		cr_expect_eq(filter_parse_status(&mask, bad[i], err, sizeof(err)), -EINVAL, "'%s'",
			     bad[i]);
		cr_expect(strstr(err, "invalid status 'bogus'"), "'%s': %s", bad[i], err);
		cr_expect_eq(mask, 0x3, "'%s' changed the mask", bad[i]);
	}
}

#define SIGBIT(n) (1ull << ((n)-1))

Test(filter, signal_sets)
{
	static const struct {
		const char *expr;
		uint64_t want;
	} cases[] = {
		{ "SIGUSR1", SIGBIT(SIGUSR1) },
		{ "USR1", SIGBIT(SIGUSR1) },
		{ "usr1", SIGBIT(SIGUSR1) },
		{ "sigusr1", SIGBIT(SIGUSR1) },
		{ "10", SIGBIT(10) },
		{ "SIGUSR1,SIGCHLD", SIGBIT(SIGUSR1) | SIGBIT(SIGCHLD) },
		{ "!SIGUSR1", ~SIGBIT(SIGUSR1) },
		{ "all", ~0ull },
		{ "!all", 0 },
		{ "none", 0 },
		{ "64", SIGBIT(64) },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		uint64_t mask = 0xdead;
		char err[256] = "";
		int rc = filter_parse_signals(&mask, cases[i].expr, err, sizeof(err));

		cr_expect_eq(rc, 0, "'%s': %s", cases[i].expr, err);
		cr_expect_eq(mask, cases[i].want, "'%s': %#llx", cases[i].expr,
			     (unsigned long long)mask);
	}
}

Test(filter, bad_signal_is_an_error_naming_it)
{
	static const struct {
		const char *expr;
		const char *want;
	} cases[] = {
		{ "SIGNOPE", "invalid signal 'SIGNOPE'" },
		{ "USR1,NOPE", "invalid signal 'NOPE'" },
		{ "0", "invalid signal '0'" },
		{ "65", "invalid signal '65'" },
		{ "-1", "invalid signal '-1'" },
	};
	size_t i;

	for (i = 0; i < COUNT(cases); i++) {
		uint64_t mask = 5;
		char err[256] = "";

		cr_expect_eq(filter_parse_signals(&mask, cases[i].expr, err, sizeof(err)), -EINVAL,
			     "'%s'", cases[i].expr);
		cr_expect_str_eq(err, cases[i].want, "'%s'", cases[i].expr);
		cr_expect_eq(mask, 5, "'%s' changed the mask", cases[i].expr);
	}
}
