/* SPDX-License-Identifier: MIT */
/* The JSON writers: one document (doc/json-format.md) or JSON Lines. */
#ifndef RN_OUTPUT_JSON_H
#define RN_OUTPUT_JSON_H

struct sink;

/* Return owned (through sink_free()), or NULL. */
struct sink *json_sink_new(void);
struct sink *jsonl_sink_new(void);

#endif
