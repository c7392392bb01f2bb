/* SPDX-License-Identifier: MIT */
/* Filter expressions compiled into bitsets. */
#include "syscalls/filter.h"

#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "syscalls/flags.h"

void syscall_set_fill(struct syscall_set *s, bool all)
{
	memset(s->bits, all ? 0xff : 0, sizeof(s->bits));
	s->others = all;
}

bool syscall_set_is_full(const struct syscall_set *s)
{
	size_t i;

	if (!s->others)
		return false;
	for (i = 0; i < syscall_count(); i++)
		if (!syscall_set_has(s, syscall_at(i)->nr))
			return false;
	return true;
}

size_t syscall_set_count(const struct syscall_set *s)
{
	size_t i, n = 0;

	for (i = 0; i < syscall_count(); i++)
		n += syscall_set_has(s, syscall_at(i)->nr);
	return n;
}

static void set_put(struct syscall_set *s, long nr, bool on)
{
	if (nr < 0 || nr >= SYSCALL_NR_LIMIT)
		return;
	if (on)
		s->bits[nr / 64] |= 1ull << (nr % 64);
	else
		s->bits[nr / 64] &= ~(1ull << (nr % 64));
}

/* strace's class names; %stat-like sets combine several bits. */
static const struct {
	const char *name;
	unsigned classes;
} class_names[] = {
	{"file", CLASS_FILE},
	{"desc", CLASS_DESC},
	{"process", CLASS_PROCESS},
	{"network", CLASS_NETWORK},
	{"net", CLASS_NETWORK},
	{"signal", CLASS_SIGNAL},
	{"ipc", CLASS_IPC},
	{"memory", CLASS_MEMORY},
	{"creds", CLASS_CREDS},
	{"clock", CLASS_TIME},
	{"time", CLASS_TIME},
	{"stat", CLASS_STAT},
	{"lstat", CLASS_LSTAT},
	{"fstat", CLASS_FSTAT},
	{"%stat", CLASS_STAT | CLASS_LSTAT | CLASS_FSTAT},
	{"statfs", CLASS_STATFS},
	{"fstatfs", CLASS_FSTATFS},
	{"%statfs", CLASS_STATFS | CLASS_FSTATFS},
	{"pure", CLASS_PURE},
};

static int class_lookup(const char *name, unsigned *classes)
{
	size_t i;

	for (i = 0; i < sizeof(class_names) / sizeof(class_names[0]); i++) {
		if (!strcmp(class_names[i].name, name)) {
			*classes = class_names[i].classes;
			return 0;
		}
	}
	return -1;
}

static void put_classes(struct syscall_set *s, unsigned classes, bool on)
{
	size_t i;

	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *sc = syscall_at(i);

		if (sc->classes & classes)
			set_put(s, sc->nr, on);
	}
}

static int put_regex(struct syscall_set *s, const char *re, bool on, char *err, size_t errlen)
{
	regex_t rx;
	size_t i;
	int rc = regcomp(&rx, re, REG_EXTENDED | REG_NOSUB);

	if (rc) {
		char msg[128];

		regerror(rc, &rx, msg, sizeof(msg));
		snprintf(err, errlen, "invalid regular expression '/%s': %s", re, msg);
		return -EINVAL;
	}
	for (i = 0; i < syscall_count(); i++) {
		const struct syscall_desc *sc = syscall_at(i);

		if (regexec(&rx, sc->name, 0, NULL, 0) == 0)
			set_put(s, sc->nr, on);
	}
	regfree(&rx);
	return 0;
}

static int put_token(struct syscall_set *s, const char *tok, bool on, char *err, size_t errlen)
{
	const struct syscall_desc *sc;
	bool optional = false;
	unsigned classes;

	if (*tok == '?') {
		optional = true;
		tok++;
	}
	if (!*tok) {
		snprintf(err, errlen, "empty element in syscall list");
		return -EINVAL;
	}
	if (!strcmp(tok, "all")) {
		syscall_set_fill(s, on);
		return 0;
	}
	if (!strcmp(tok, "none")) {
		syscall_set_fill(s, !on);
		return 0;
	}
	if (*tok == '/')
		return put_regex(s, tok + 1, on, err, errlen);
	if (*tok == '%') {
		if (class_lookup(tok + 1, &classes) < 0) {
			snprintf(err, errlen, "invalid syscall class '%s'", tok);
			return -EINVAL;
		}
		put_classes(s, classes, on);
		return 0;
	}
	sc = syscall_by_name(tok);
	if (sc) {
		set_put(s, sc->nr, on);
		return 0;
	}
	/* strace still accepts bare class names ("file", "process"). */
	if (class_lookup(tok, &classes) == 0 && tok[0] != '%') {
		put_classes(s, classes, on);
		return 0;
	}
	if (!strncmp(tok, "syscall_", 8)) {
		char *end;
		long nr = strtol(tok + 8, &end, 0);

		if (!*end && nr >= 0 && nr < SYSCALL_NR_LIMIT) {
			set_put(s, nr, on);
			return 0;
		}
	}
	if (optional)
		return 0;
	snprintf(err, errlen, "invalid system call '%s'", tok);
	return -EINVAL;
}

int filter_parse_trace(struct syscall_set *s, bool *first, const char *expr, char *err,
		       size_t errlen)
{
	char *copy, *tok, *save = NULL;
	int rc = 0;

	if (!expr || !*expr) {
		snprintf(err, errlen, "empty syscall list");
		return -EINVAL;
	}
	copy = strdup(expr);
	if (!copy)
		return -ENOMEM;
	/* A regex may contain commas only when it is the whole expression. */
	if (expr[0] == '/' || (expr[0] == '!' && expr[1] == '/')) {
		bool neg = expr[0] == '!';

		if (*first && neg)
			syscall_set_fill(s, true);
		*first = false;
		rc = put_token(s, copy + (neg ? 1 : 0), !neg, err, errlen);
		free(copy);
		return rc;
	}
	for (tok = strtok_r(copy, ",", &save); tok && !rc; tok = strtok_r(NULL, ",", &save)) {
		bool neg = *tok == '!';

		if (*first && neg)
			syscall_set_fill(s, true);
		*first = false;
		rc = put_token(s, tok + (neg ? 1 : 0), !neg, err, errlen);
	}
	free(copy);
	return rc;
}

/* A "[!]a,b,c" list where each element names a set of bits: the union, or
 * its complement within all when negated. lookup returns false for an
 * unknown element, whose error says what is accepted. */
typedef bool (*bits_lookup_fn)(const char *tok, uint64_t *bits);

static int parse_bits(const char *expr, bits_lookup_fn lookup, uint64_t all, uint64_t *mask,
		      const char *what, const char *accepted, char *err, size_t errlen)
{
	char *copy = strdup(expr ? expr : ""), *tok, *save = NULL;
	bool neg = false;
	uint64_t m = 0, bits;

	if (!copy)
		return -ENOMEM;
	tok = copy;
	if (*tok == '!') {
		neg = true;
		tok++;
	}
	for (tok = strtok_r(tok, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (!lookup(tok, &bits)) {
			snprintf(err, errlen, "invalid %s '%s'%s", what, tok, accepted);
			free(copy);
			return -EINVAL;
		}
		m |= bits;
	}
	free(copy);
	*mask = neg ? all & ~m : m;
	return 0;
}

static bool status_lookup(const char *tok, uint64_t *bits)
{
	static const struct {
		const char *name;
		unsigned bit;
	} names[] = {
		{"successful", STATUS_SUCCESSFUL}, {"failed", STATUS_FAILED},
		{"unfinished", STATUS_UNFINISHED}, {"unavailable", STATUS_UNAVAILABLE},
		{"detached", STATUS_DETACHED},	   {"all", STATUS_ALL},
		{"none", 0},
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(names[i].name, tok)) {
			*bits = names[i].bit;
			return true;
		}
	}
	return false;
}

int filter_parse_status(unsigned *mask, const char *expr, char *err, size_t errlen)
{
	uint64_t m;
	int rc = parse_bits(expr, status_lookup, STATUS_ALL, &m, "status",
			    " (successful, failed, unfinished, unavailable, detached)", err, errlen);

	if (!rc)
		*mask = (unsigned)m;
	return rc;
}

/* SIGxxx, xxx (any case) or a number 1..64; all; none. */
static bool signal_lookup(const char *tok, uint64_t *bits)
{
	char *end;
	long n = strtol(tok, &end, 10);
	int sig;

	if (!strcmp(tok, "all") || !strcmp(tok, "none")) {
		*bits = tok[0] == 'a' ? ~0ull : 0;
		return true;
	}
	if (*tok && !*end) {
		if (n < 1 || n > 64)
			return false;
		*bits = 1ull << (n - 1);
		return true;
	}
	for (sig = 1; sig <= 64; sig++) {
		const char *name = signal_name(sig);

		if (name && (!strcasecmp(name, tok) || !strcasecmp(name + 3, tok))) {
			*bits = 1ull << (sig - 1);
			return true;
		}
	}
	return false;
}

int filter_parse_signals(uint64_t *mask, const char *expr, char *err, size_t errlen)
{
	return parse_bits(expr, signal_lookup, ~0ull, mask, "signal", "", err, errlen);
}
