/* SPDX-License-Identifier: MIT */
/* The strace-style text writer. */
#ifndef RN_OUTPUT_TEXT_H
#define RN_OUTPUT_TEXT_H

#include <stdbool.h>

struct sink;

/* Returns owned (through sink_free()), or NULL. */
struct sink *text_sink_new(void);
/* -qq: leave out "+++ exited with N +++" lines. */
void text_sink_set_quiet_exit(struct sink *sk, bool on);

#endif
