/* SPDX-License-Identifier: MIT */
/* Expands the flags/ .def tables into static arrays and renders values with them
 * the way strace 6.1 does. */
#include "syscalls/flags.h"

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/xlat.h"

#ifndef CSIGNAL
#define CSIGNAL 0x000000ff
#endif
#ifndef MAP_TYPE
#define MAP_TYPE 0x0f
#endif
#ifndef MAP_HUGE_SHIFT
#define MAP_HUGE_SHIFT 26
#endif
#ifndef MAP_HUGE_MASK
#define MAP_HUGE_MASK 0x3f
#endif

#define ARRAY_COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* umode_t is 16 bits: strace shows mknod(..., 0777777) as 0177777. */
#define MODE_MASK 0177777u
/* The kernel's bare O_TMPFILE bit, without O_DIRECTORY (see open_flags.def). */
#define OPEN_TMPFILE_BIT 020000000u

/*
 * First expansion: every .def entry becomes a { value, "NAME" } item. The name is
 * stringized here, before NAME is macro-expanded to its value.
 */
#define XITEM(val, str) { (uint64_t)(val), (str) },
#define FLAG(n) XITEM(n, #n)
#define FLAG_FALLBACK(n, v) XITEM(n, #n)
#define FLAG_VAL(n, v) XITEM(v, #n)
#define ENUM(n) XITEM(n, #n)
#define ENUM_FALLBACK(n, v) XITEM(n, #n)
#define ENUM_VAL(n, v) XITEM(v, #n)

static const struct xlat_item open_access_items[] = {
#include "syscalls/flags/open_access.def"
};
static const struct xlat_item open_flags_items[] = {
#include "syscalls/flags/open_flags.def"
};
static const struct xlat_item at_flags_items[] = {
#include "syscalls/flags/at_flags.def"
};
static const struct xlat_item faccessat_flags_items[] = {
#include "syscalls/flags/faccessat_flags.def"
};
static const struct xlat_item statx_sync_items[] = {
#include "syscalls/flags/statx_sync.def"
};
static const struct xlat_item prot_items[] = {
#include "syscalls/flags/prot.def"
};
static const struct xlat_item map_types_items[] = {
#include "syscalls/flags/map_types.def"
};
static const struct xlat_item map_flags_items[] = {
#include "syscalls/flags/map_flags.def"
};
static const struct xlat_item access_mode_items[] = {
#include "syscalls/flags/access_mode.def"
};
static const struct xlat_item whence_items[] = {
#include "syscalls/flags/whence.def"
};
static const struct xlat_item clone_flags_items[] = {
#include "syscalls/flags/clone_flags.def"
};
/* clone3 prints the clone(2) flags first, then its own. */
static const struct xlat_item clone3_flags_items[] = {
#include "syscalls/flags/clone_flags.def"
#include "syscalls/flags/clone3_flags.def"
};
static const struct xlat_item signal_items[] = {
#include "syscalls/flags/signals.def"
};
static const struct xlat_item file_type_items[] = {
#include "syscalls/flags/file_types.def"
};
static const struct xlat_item mode_bit_items[] = {
#include "syscalls/flags/mode_bits.def"
};

/* The second field is the comment strace appends to a value no name covers. */
static const struct xlat open_access_x = XLAT(open_access_items, NULL);
static const struct xlat open_flags_x = XLAT(open_flags_items, NULL);
static const struct xlat at_flags_x = XLAT(at_flags_items, "AT_???");
static const struct xlat faccessat_flags_x = XLAT(faccessat_flags_items, "AT_???");
static const struct xlat statx_sync_x = XLAT(statx_sync_items, NULL);
static const struct xlat prot_x = XLAT(prot_items, "PROT_???");
static const struct xlat map_types_x = XLAT(map_types_items, "MAP_???");
static const struct xlat map_flags_x = XLAT(map_flags_items, NULL);
static const struct xlat access_mode_x = XLAT(access_mode_items, "?_OK");
static const struct xlat whence_x = XLAT(whence_items, "SEEK_???");
static const struct xlat clone_flags_x = XLAT(clone_flags_items, "CLONE_???");
static const struct xlat clone3_flags_x = XLAT(clone3_flags_items, "CLONE_???");
static const struct xlat signal_x = XLAT(signal_items, NULL);
static const struct xlat file_type_x = XLAT(file_type_items, NULL);
static const struct xlat mode_bit_x = XLAT(mode_bit_items, NULL);

struct errno_info {
	const char *name;
	const char *msg;
	bool restart;
};

/* Indexed by errno value; the holes (41, 58, 134..511, 519, 520) stay NULL. A
 * duplicate value fails the build through -Woverride-init (part of -Wextra). */
#define ERRNO(n, m) [n] = { #n, (m), false },
#define ERRNO_FALLBACK(n, v, m) [n] = { #n, (m), false },
#define ERRNO_RESTART(n, v, m) [n] = { #n, (m), true },
static const struct errno_info errno_infos[] = {
#include "syscalls/flags/errno.def"
};

struct si_code_info {
	int signo; /* 0: any signal */
	int code;
	const char *name;
};

#define SI_CODE(s, n) { (s), (n), #n },
#define SI_CODE_FALLBACK(s, n, v) { (s), (n), #n },
static const struct si_code_info si_code_infos[] = {
#include "syscalls/flags/si_codes.def"
};

#undef XITEM
#undef FLAG
#undef FLAG_FALLBACK
#undef FLAG_VAL
#undef ENUM
#undef ENUM_FALLBACK
#undef ENUM_VAL
#undef ERRNO
#undef ERRNO_FALLBACK
#undef ERRNO_RESTART
#undef SI_CODE
#undef SI_CODE_FALLBACK

/*
 * Second expansion: only the fallback entries survive, each as a compile-time
 * check that a value the headers do define equals the one the table documents.
 */
#define FALLBACK_CHECK(val, str, v) _Static_assert((val) == (v), str " differs from its fallback");
#define FLAG(n)
#define FLAG_FALLBACK(n, v) FALLBACK_CHECK(n, #n, v)
#define FLAG_VAL(n, v)
#define ENUM(n)
#define ENUM_FALLBACK(n, v) FALLBACK_CHECK(n, #n, v)
#define ENUM_VAL(n, v)
#define ERRNO(n, m)
#define ERRNO_FALLBACK(n, v, m) FALLBACK_CHECK(n, #n, v)
#define ERRNO_RESTART(n, v, m) FALLBACK_CHECK(n, #n, v)
#define SI_CODE(s, n)
#define SI_CODE_FALLBACK(s, n, v) FALLBACK_CHECK(n, #n, v)
#include "syscalls/flags/open_access.def"
#include "syscalls/flags/open_flags.def"
#include "syscalls/flags/at_flags.def"
#include "syscalls/flags/faccessat_flags.def"
#include "syscalls/flags/statx_sync.def"
#include "syscalls/flags/prot.def"
#include "syscalls/flags/map_types.def"
#include "syscalls/flags/map_flags.def"
#include "syscalls/flags/access_mode.def"
#include "syscalls/flags/whence.def"
#include "syscalls/flags/clone_flags.def"
#include "syscalls/flags/clone3_flags.def"
#include "syscalls/flags/signals.def"
#include "syscalls/flags/file_types.def"
#include "syscalls/flags/mode_bits.def"
#include "syscalls/flags/errno.def"
#include "syscalls/flags/si_codes.def"
#undef FALLBACK_CHECK
#undef FLAG
#undef FLAG_FALLBACK
#undef FLAG_VAL
#undef ENUM
#undef ENUM_FALLBACK
#undef ENUM_VAL
#undef ERRNO
#undef ERRNO_FALLBACK
#undef ERRNO_RESTART
#undef SI_CODE
#undef SI_CODE_FALLBACK

int flags_open(struct buf *b, uint64_t v)
{
	uint32_t f = (uint32_t)v;
	int rc;

	rc = xlat_enum(b, &open_access_x, f & O_ACCMODE, XLAT_HEX);
	if (rc < 0)
		return rc;
	return xlat_flags_more(b, &open_flags_x, f & ~(uint32_t)O_ACCMODE);
}

int flags_open_bits(struct buf *b, uint64_t v)
{
	return xlat_flags(b, &open_flags_x, (uint32_t)v, "0");
}

bool flags_open_has_mode(uint64_t v)
{
	/* strace shows the mode for the bare __O_TMPFILE bit too. */
	return ((uint32_t)v & (O_CREAT | OPEN_TMPFILE_BIT)) != 0;
}

int flags_at(struct buf *b, uint64_t v)
{
	return xlat_flags(b, &at_flags_x, (uint32_t)v, NULL);
}

int flags_faccessat(struct buf *b, uint64_t v)
{
	return xlat_flags(b, &faccessat_flags_x, (uint32_t)v, NULL);
}

int flags_at_statx(struct buf *b, uint64_t v)
{
	uint32_t f = (uint32_t)v;
	uint32_t sync = AT_STATX_FORCE_SYNC | AT_STATX_DONT_SYNC;
	int rc;

	rc = xlat_flags(b, &statx_sync_x, f & sync, NULL);
	if (rc < 0)
		return rc;
	return xlat_flags_more(b, &at_flags_x, f & ~sync);
}

int flags_prot(struct buf *b, uint64_t v)
{
	return xlat_flags(b, &prot_x, v, NULL);
}

int flags_map(struct buf *b, uint64_t v)
{
	uint32_t f = (uint32_t)v;
	uint32_t huge_field = (uint32_t)MAP_HUGE_MASK << MAP_HUGE_SHIFT;
	uint32_t huge = (f & huge_field) >> MAP_HUGE_SHIFT;
	int rc;

	rc = xlat_enum(b, &map_types_x, f & MAP_TYPE, XLAT_HEX);
	if (rc < 0)
		return rc;
	rc = xlat_flags_more(b, &map_flags_x, f & ~(uint32_t)MAP_TYPE & ~huge_field);
	if (rc < 0)
		return rc;
	/* mmap(2): the field holds log2 of the page size; strace prints it raw. */
	if (huge)
		rc = buf_printf(b, "|%u<<MAP_HUGE_SHIFT", (unsigned)huge);
	return rc;
}

int flags_access(struct buf *b, uint64_t v)
{
	return xlat_flags(b, &access_mode_x, (uint32_t)v, NULL);
}

int flags_whence(struct buf *b, uint64_t v)
{
	return xlat_enum(b, &whence_x, (uint32_t)v, XLAT_HEX);
}

int flags_mode(struct buf *b, uint64_t v)
{
	return buf_printf(b, "%#03o", (unsigned)(v & MODE_MASK));
}

int flags_mode_type(struct buf *b, uint64_t v)
{
	unsigned m = (unsigned)(v & MODE_MASK);
	unsigned type = m & S_IFMT;
	unsigned special = m & (S_ISUID | S_ISGID | S_ISVTX);
	const char *name = NULL;

	if (type) {
		name = xlat_name(&file_type_x, type);
		if (!name)
			return buf_printf(b, "%#03o", m);
		if (buf_puts(b, name) < 0 || buf_putc(b, '|') < 0)
			return -ENOMEM;
	}
	if (special) {
		if (xlat_flags(b, &mode_bit_x, special, NULL) < 0 || buf_putc(b, '|') < 0)
			return -ENOMEM;
	}
	return buf_printf(b, "%#03o", m & 0777u);
}

int flags_clone(struct buf *b, uint64_t v)
{
	uint64_t fl = v & ~(uint64_t)CSIGNAL;
	unsigned sig = (unsigned)(v & CSIGNAL);
	int rc = 0;

	if (fl || !sig)
		rc = xlat_flags(b, &clone_flags_x, fl, NULL);
	if (rc < 0 || !sig)
		return rc;
	if (fl && buf_putc(b, '|') < 0)
		return -ENOMEM;
	return flags_signal(b, sig);
}

int flags_clone3(struct buf *b, uint64_t v)
{
	return xlat_flags(b, &clone3_flags_x, v, NULL);
}

int flags_signal(struct buf *b, uint64_t v)
{
	int sig = (int)(uint32_t)v;

	/* Sign-extended so that kill(pid, -1) shows -1, not 4294967295. */
	return xlat_enum(b, &signal_x, (uint64_t)(int64_t)sig, XLAT_DEC);
}

const char *signal_name(int sig)
{
	if (sig <= 0)
		return NULL;
	return xlat_name(&signal_x, (uint64_t)sig);
}

static const struct errno_info *errno_info(int err)
{
	if (err <= 0 || (size_t)err >= ARRAY_COUNT(errno_infos) || !errno_infos[err].name)
		return NULL;
	return &errno_infos[err];
}

const char *errno_name(int err)
{
	const struct errno_info *e = errno_info(err);

	return e ? e->name : NULL;
}

const char *errno_message(int err)
{
	const struct errno_info *e = errno_info(err);

	return e ? e->msg : NULL;
}

bool errno_is_restart(int err)
{
	const struct errno_info *e = errno_info(err);

	return e && e->restart;
}

const char *si_code_name(int signo, int code)
{
	size_t i;

	for (i = 0; i < ARRAY_COUNT(si_code_infos); i++) {
		const struct si_code_info *s = &si_code_infos[i];

		if (s->code == code && (s->signo == 0 || s->signo == signo))
			return s->name;
	}
	return NULL;
}
