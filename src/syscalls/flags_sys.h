/* SPDX-License-Identifier: MIT */
/* The named-constant tables listed in flags/tables.def, by id, for renderers that show an
 * argument or a struct field with one of them. */
#ifndef RN_SYSCALLS_FLAGS_SYS_H
#define RN_SYSCALLS_FLAGS_SYS_H

#include <stdint.h>

struct buf;
struct xlat;

enum flag_table {
#define FT(id, file, mode, unknown) FT_##id,
#include "syscalls/flags/tables.def"
#undef FT
	FT_TABLE_COUNT
};

/* Borrowed (static): the table with this id. */
const struct xlat *flag_table(enum flag_table id);
/* True when the table is a flag set (names joined by '|'), false for an enum. */
int flag_table_is_flags(enum flag_table id);
/*
 * Appends v with table id: an enum shows one name or the number (hex with the table's
 * "???" comment, or signed decimal when the table has no comment); a flag set shows
 * names joined by '|' with any unknown remainder in hex, and 0 as "0".
 */
int flags_table_put(struct buf *b, enum flag_table id, uint64_t v);
/* Borrowed (static): the name of v in table id, or NULL. */
const char *flag_table_name(enum flag_table id, uint64_t v);

#endif
