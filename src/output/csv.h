/* SPDX-License-Identifier: MIT */
/* The CSV writer (RFC 4180): one row per event, or the -c table. */
#ifndef RN_OUTPUT_CSV_H
#define RN_OUTPUT_CSV_H

struct sink;

/* Returns owned (through sink_free()), or NULL. */
struct sink *csv_sink_new(void);

#endif
