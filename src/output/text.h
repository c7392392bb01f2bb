/* SPDX-License-Identifier: MIT */
/* The strace-style text writer. */
#ifndef RN_OUTPUT_TEXT_H
#define RN_OUTPUT_TEXT_H

struct sink;

/* Returns owned (through sink_free()), or NULL. */
struct sink *text_sink_new(void);

#endif
