/* SPDX-License-Identifier: MIT */
/* Rendering of decoded events as strace shows them. Shared by the text
 * writer and by the structured writers, whose "args" keep this form. */
#ifndef RN_OUTPUT_RENDER_H
#define RN_OUTPUT_RENDER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct buf;
struct event;

/* How named constants and flags are shown (strace -X). */
enum render_xlat {
	RENDER_XLAT_ABBREV = 0, /* names: O_RDONLY|O_CLOEXEC */
	RENDER_XLAT_RAW,	/* numbers: 0x80000 */
	RENDER_XLAT_VERBOSE,	/* both: 0x80000 and the names in a C comment */
};

/* Presentation choices (strace -v, -x/-xx, -X). A NULL pointer or all zero
 * fields mean strace's defaults. */
struct render_opts {
	uint8_t xlat;  /* enum render_xlat */
	uint8_t hex;   /* 1: strings with a non-printable byte in \x hex (-x); 2: all (-xx) */
	bool verbose;  /* -v: structures in full instead of ending in "..." */
};

/* How the number of a constant is written under -X raw and -X verbose. */
enum render_num {
	RENDER_NUM_HEX, /* 0x80000; 0 as 0 */
	RENDER_NUM_DEC, /* signed: -100 */
	RENDER_NUM_UDEC, /* unsigned: 18446744073709551615 */
	RENDER_NUM_OCT, /* 0100644 */
};

/* "openat", or "syscall_0x1c8" for an unknown number. */
int render_name(struct buf *b, const struct event *ev);
/* Argument i, e.g. AT_FDCWD, "data.csv", O_RDONLY|O_CLOEXEC. */
int render_arg(struct buf *b, const struct event *ev, int i, const struct render_opts *ro);
/* The part of argument i shown at exit right after it (table.h arg_kind_has_tail):
 * clone3's " => {parent_tid=[42]}"; nothing when there is none. render_arg() of a
 * completed call includes it. */
int render_arg_tail(struct buf *b, const struct event *ev, int i);
/* The part after " = ": 3, 0x7f.., -1 ENOENT (No such file or directory), ?. */
int render_ret(struct buf *b, const struct event *ev, const struct render_opts *ro);
/* "--- SIGCHLD {si_signo=SIGCHLD, ...} ---" or "--- stopped by SIGSTOP ---". */
int render_signal(struct buf *b, const struct event *ev, const struct render_opts *ro);
/* "+++ exited with 0 +++", "+++ killed by SIGSEGV (core dumped) +++". */
int render_exit(struct buf *b, const struct event *ev);
/* A C string literal with strace's escaping, or in \x hex as -x/-xx ask; "..."
 * appended when trunc. ro may be NULL. */
int render_quoted(struct buf *b, const char *s, size_t len, bool trunc,
		  const struct render_opts *ro);
/*
 * Restyles the constant appended to b since mark (names as the flags and xlat
 * renderers write them for value v) as ro asks: unchanged by default, v alone in
 * fmt under -X raw, v followed by the names in a comment under -X verbose (a value
 * no name covers keeps its text). Returns 0 or -ENOMEM.
 */
int render_const(struct buf *b, const struct render_opts *ro, size_t mark, uint64_t v,
		 enum render_num fmt);
/* Appends what a -y descriptor record (syscalls/decode_struct.h) describes:
 * "</etc/hosts>", "<TCP:[1.2.3.4:80->5.6.7.8:9]>", "</dev/null<char 1:3>>",
 * "</memfd:x>(deleted)". Returns the bytes of the record read, 0 when none. */
size_t render_fdpath(struct buf *b, const char *rec, size_t len, const struct render_opts *ro);

#endif
