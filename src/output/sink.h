/* SPDX-License-Identifier: MIT */
/* Sinks render events. Each format is one file filling one ops table, plus
 * one line in the table of sink.c. Sinks never see ptrace or BPF. */
#ifndef RN_OUTPUT_SINK_H
#define RN_OUTPUT_SINK_H

#include <stdbool.h>
#include <stdint.h>

#include "output/out.h"
#include "output/render.h"
#include "output/table.h"

struct event;
struct sink;
struct summary;

/* How timestamps are shown (strace -t, -tt, -ttt, --timestamps). */
enum ts_format { TS_NONE = 0, TS_TIME, TS_UNIX };

/* Rendering options shared by every sink, set on the tracer. */
struct output_opts {
	bool calls;	     /* one record per call (false with -c) */
	bool summary;	     /* -c / -C: the summary at the end */
	enum table_sort sort; /* -S */
	enum ts_format ts_format;
	int ts_precision;    /* digits after the second: 0, 3, 6 or 9 */
	bool ts_relative;    /* -r: time since the previous line */
	bool timing;	     /* -T: time spent in each call */
	bool whole_lines;    /* no entry events: each call is written whole at exit */
	int quiet;	     /* -q, -qq */
	struct render_opts render; /* -v, -x, -X */
};

struct trace_info {
	char *const *argv; /* borrowed; NULL under -p */
	const char *path;  /* resolved program path; NULL under -p */
	const int *attached_pids; /* borrowed; the pids given to -p, in order */
	int nattached;
	uint64_t start_mono_ns;
	uint64_t start_wall_ns;
	bool follow_forks;
	const struct output_opts *opts; /* borrowed, valid until end() */
};

struct trace_end {
	bool complete;	    /* false: interrupted, detached, or failed */
	const char *reason; /* why incomplete; NULL when complete */
	uint64_t end_mono_ns;
	const struct summary *sum; /* borrowed; NULL unless a summary was kept */
};

struct sink_ops {
	const char *name; /* "text", ... */
	bool needs_summary; /* end() wants trace_end.sum */
	int (*begin)(struct sink *s, const struct trace_info *info);
	int (*event)(struct sink *s, const struct event *ev);
	int (*end)(struct sink *s, const struct trace_end *end);
	void (*free)(struct sink *s);
};

struct sink {
	const struct sink_ops *ops;
	struct out out;
	bool pid_plain; /* RN_OUT_FILE: "PID " instead of "[pid PID] " */
};

/* Returns owned (free with sink_free()), NULL with errno EINVAL for an
 * unknown format or ENOMEM. The sink takes fd when close_fd. */
struct sink *sink_new(const char *format, int fd, bool close_fd, bool linebuf);
void sink_free(struct sink *s);
bool sink_format_exists(const char *format);

#endif
