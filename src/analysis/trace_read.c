/* SPDX-License-Identifier: MIT */
/* Streaming reader of renacer's JSON and JSON Lines traces on top of the
 * pull tokenizer of util/json_read.c: the document's "syscalls" array and
 * the lines of JSON Lines are read one record at a time. Fields are checked
 * for their types; unknown fields are skipped, as doc/json-format.md asks. */
#include "analysis/trace_read.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syscalls/table.h"
#include "util/buf.h"
#include "util/json_read.h"

#define JSON_FORMAT   "renacer-json-v1"
#define JSONL_FORMAT  "renacer-jsonl-v1"
#define FORMAT_FAMILY "renacer-json"

/* Strings of the object being read, kept in rd.sb. */
enum rd_str {
	S_TYPE,
	S_NAME,
	S_ERRNO,
	S_SRC_FILE,
	S_SRC_FUNC,
	S_SIGNAL,
	S_TEXT,
	S_FORMAT,
	S_VERSION,
	S_BINARY,
	S_ARG0,
	S_COUNT = S_ARG0 + SYSCALL_MAX_ARGS
};

/* Which members an object may have (others are skipped). */
#define M_REC 0x1 /* a record */
#define M_HDR 0x2 /* the header */
#define M_SUM 0x4 /* the summary */
#define M_DOC 0x8 /* the document's "syscalls" and "summary" */

/* Fields seen in the current object. */
#define F_NAME	 0x001
#define F_NR	 0x002
#define F_PID	 0x004
#define F_TID	 0x008
#define F_RESULT 0x010

/* Summary fields a trace must have. */
#define G_COMPLETE 0x01
#define G_TOTAL	   0x02
#define G_ERRORS   0x04
#define G_DURATION 0x08
#define G_WALL	   0x10
#define G_BY_SC	   0x20
#define G_MEMORY   0x40
#define G_IO	   0x80
#define G_ALL	   0xff

struct rd {
	struct json_reader jr;
	const char *name;
	const struct trace_read_ops *ops;
	void *ctx;
	struct buf sb; /* the current object's strings, NUL-separated */
	size_t off[S_COUNT], len[S_COUNT];
	bool has[S_COUNT];
	unsigned seen;
	struct trace_rec rec;
	struct trace_header hdr;
	struct trace_totals *tot; /* owned */
	unsigned sum_seen;
	char top_type[16]; /* "type" of the first object */
	bool lines, header_done, summary_done, in_doc;
	int cb_rc; /* a callback's error */
	unsigned long obj_line, obj_col;
};

static int type_error(struct rd *d, const char *key, enum jr_token tok, const char *want)
{
	return json_reader_errf(&d->jr, "\"%s\": expected %s, found %s", key, want,
				json_token_desc(tok));
}

/* "0x..." as written for values beyond 2^53 - 1. */
static bool parse_hex(const char *s, size_t len, uint64_t *out)
{
	uint64_t v = 0;
	size_t i;

	if (len < 3 || len > 18 || s[0] != '0' || s[1] != 'x')
		return false;
	for (i = 2; i < len; i++) {
		char c = s[i];

		if (c >= '0' && c <= '9')
			v = v * 16 + (uint64_t)(c - '0');
		else if (c >= 'a' && c <= 'f')
			v = v * 16 + (uint64_t)(c - 'a' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

static int get_u64(struct rd *d, const char *key, enum jr_token tok, uint64_t *out)
{
	struct json_reader *r = &d->jr;

	if (tok == JR_NUMBER) {
		if (!r->num_is_int)
			return json_reader_errf(r, "\"%s\": expected an integer, found %s", key,
						r->num);
		if (r->num_overflow || r->i64 < 0)
			return json_reader_errf(r, "\"%s\": %s is out of range (0 to 2^63-1)", key,
						r->num);
		*out = (uint64_t)r->i64;
		return 0;
	}
	if (tok == JR_STRING && parse_hex(r->str.data, r->len, out))
		return 0;
	return type_error(d, key, tok, "a non-negative integer");
}

/* An integer in [min, max]; 64-bit values may be "0x..." (two's complement). */
static int get_int(struct rd *d, const char *key, enum jr_token tok, int64_t min, int64_t max,
		   int64_t *out)
{
	struct json_reader *r = &d->jr;
	uint64_t u;
	int64_t v;

	if (tok == JR_NUMBER) {
		if (!r->num_is_int)
			return json_reader_errf(r, "\"%s\": expected an integer, found %s", key,
						r->num);
		if (r->num_overflow)
			return json_reader_errf(r, "\"%s\": %s is out of range", key, r->num);
		v = r->i64;
	} else if (tok == JR_STRING && parse_hex(r->str.data, r->len, &u)) {
		v = (int64_t)u;
	} else {
		return type_error(d, key, tok, "an integer");
	}
	if (v < min || v > max)
		return json_reader_errf(r, "\"%s\": %lld is out of range (%lld to %lld)", key,
					(long long)v, (long long)min, (long long)max);
	*out = v;
	return 0;
}

static int get_i32(struct rd *d, const char *key, enum jr_token tok, int min, int *out)
{
	int64_t v;
	int rc = get_int(d, key, tok, min, INT32_MAX, &v);

	if (!rc)
		*out = (int)v;
	return rc;
}

static int get_bool(struct rd *d, const char *key, enum jr_token tok, bool *out)
{
	if (tok != JR_TRUE && tok != JR_FALSE)
		return type_error(d, key, tok, "true or false");
	*out = tok == JR_TRUE;
	return 0;
}

static int get_str(struct rd *d, const char *key, enum jr_token tok, enum rd_str f)
{
	if (tok != JR_STRING)
		return type_error(d, key, tok, "a string");
	d->off[f] = d->sb.len;
	d->len[f] = d->jr.len;
	d->has[f] = true;
	if (buf_append(&d->sb, d->jr.str.data, d->jr.len + 1) < 0)
		return -ENOMEM;
	return 0;
}

static const char *str_of(const struct rd *d, enum rd_str f)
{
	return d->has[f] ? d->sb.data + d->off[f] : NULL;
}

static void reset_object(struct rd *d)
{
	buf_reset(&d->sb);
	memset(d->has, 0, sizeof(d->has));
	d->seen = 0;
	memset(&d->rec, 0, sizeof(d->rec));
	d->rec.returned = true;
	d->obj_line = d->jr.tok_line;
	d->obj_col = d->jr.tok_col;
}

/* ---- records ------------------------------------------------------------- */

static int member_args(struct rd *d, enum jr_token tok)
{
	int n = 0;

	if (tok != JR_ARR_BEGIN)
		return type_error(d, "args", tok, "an array");
	for (;;) {
		tok = json_reader_next(&d->jr);
		if (tok == JR_ARR_END)
			break;
		if (tok == JR_ERROR)
			return -EINVAL;
		if (n == SYSCALL_MAX_ARGS)
			return json_reader_errf(&d->jr, "\"args\": more than %d arguments",
						SYSCALL_MAX_ARGS);
		if (get_str(d, "args", tok, (enum rd_str)(S_ARG0 + n)) < 0)
			return -EINVAL;
		n++;
	}
	d->rec.nargs = n;
	return 0;
}

static int member_source(struct rd *d, enum jr_token tok)
{
	int64_t line;
	int rc = 0;

	if (tok == JR_NULL)
		return 0;
	if (tok != JR_OBJ_BEGIN)
		return type_error(d, "source", tok, "an object");
	for (;;) {
		char key[16];

		tok = json_reader_next(&d->jr);
		if (tok == JR_OBJ_END)
			return 0;
		if (tok != JR_KEY)
			return -EINVAL;
		snprintf(key, sizeof(key), "%s", d->jr.str.data);
		tok = json_reader_next(&d->jr);
		if (!strcmp(key, "file")) {
			rc = get_str(d, "source.file", tok, S_SRC_FILE);
		} else if (!strcmp(key, "function")) {
			rc = get_str(d, "source.function", tok, S_SRC_FUNC);
		} else if (!strcmp(key, "line")) {
			rc = get_int(d, "source.line", tok, 0, INT32_MAX, &line);
			d->rec.src_line = (unsigned)line;
		} else {
			rc = json_reader_skip(&d->jr, tok);
		}
		if (rc < 0)
			return rc;
	}
}

/* 1: key handled; 0: not a record member; <0: error. */
static int member_rec(struct rd *d, const char *key, enum jr_token tok)
{
	struct trace_rec *rec = &d->rec;
	int64_t v;
	int rc;

	switch (key[0]) {
	case 'a':
		if (strcmp(key, "args"))
			return 0;
		rc = member_args(d, tok);
		break;
	case 'b':
		if (strcmp(key, "by_tid"))
			return 0;
		rc = get_i32(d, key, tok, 0, &rec->by_tid);
		break;
	case 'c':
		if (!strcmp(key, "cpu_ns")) {
			rc = get_u64(d, key, tok, &rec->cpu_ns);
			rec->has_cpu = true;
		} else if (!strcmp(key, "core_dumped")) {
			rc = get_bool(d, key, tok, &rec->core_dumped);
		} else {
			return 0;
		}
		break;
	case 'd':
		if (strcmp(key, "duration_ns"))
			return 0;
		rc = get_u64(d, key, tok, &rec->duration_ns);
		break;
	case 'e':
		if (!strcmp(key, "errno")) {
			rc = get_str(d, key, tok, S_ERRNO);
		} else if (!strcmp(key, "exit_code")) {
			if (tok == JR_NULL)
				return 1;
			rc = get_i32(d, key, tok, INT32_MIN, &rec->exit_code);
			rec->has_exit_code = true;
		} else {
			return 0;
		}
		break;
	case 'g':
		if (strcmp(key, "group_stop"))
			return 0;
		rc = get_bool(d, key, tok, &rec->group_stop);
		break;
	case 'n':
		if (!strcmp(key, "name")) {
			rc = get_str(d, key, tok, S_NAME);
			d->seen |= F_NAME;
		} else if (!strcmp(key, "nr")) {
			rc = get_i32(d, key, tok, INT32_MIN, &rec->nr);
			d->seen |= F_NR;
		} else {
			return 0;
		}
		break;
	case 'p':
		if (strcmp(key, "pid"))
			return 0;
		rc = get_i32(d, key, tok, 0, &rec->pid);
		d->seen |= F_PID;
		break;
	case 'r':
		if (!strcmp(key, "result")) {
			d->seen |= F_RESULT;
			if (tok == JR_NULL) {
				rec->returned = false;
				return 1;
			}
			v = 0;
			rc = get_int(d, key, tok, INT64_MIN, INT64_MAX, &v);
			rec->result = v;
		} else if (!strcmp(key, "returned")) {
			bool b = true;

			rc = get_bool(d, key, tok, &b);
			if (!b)
				rec->returned = false;
		} else {
			return 0;
		}
		break;
	case 's':
		if (!strcmp(key, "signal"))
			rc = get_str(d, key, tok, S_SIGNAL);
		else if (!strcmp(key, "source"))
			rc = member_source(d, tok);
		else
			return 0;
		break;
	case 't':
		if (!strcmp(key, "tid")) {
			rc = get_i32(d, key, tok, 0, &rec->tid);
			d->seen |= F_TID;
		} else if (!strcmp(key, "ts_ns")) {
			rc = get_u64(d, key, tok, &rec->ts_ns);
		} else if (!strcmp(key, "text")) {
			rc = get_str(d, key, tok, S_TEXT);
		} else {
			return 0;
		}
		break;
	default: return 0;
	}
	return rc < 0 ? rc : 1;
}

/* ---- header -------------------------------------------------------------- */

static int member_hdr(struct rd *d, const char *key, enum jr_token tok)
{
	int rc;

	if (!strcmp(key, "format")) {
		rc = get_str(d, key, tok, S_FORMAT);
	} else if (!strcmp(key, "version")) {
		rc = get_str(d, key, tok, S_VERSION);
	} else if (!strcmp(key, "binary")) {
		rc = tok == JR_NULL ? 0 : get_str(d, key, tok, S_BINARY);
	} else if (!strcmp(key, "follow_forks")) {
		rc = get_bool(d, key, tok, &d->hdr.follow_forks);
	} else if (!strcmp(key, "calls")) {
		rc = get_bool(d, key, tok, &d->hdr.calls);
	} else {
		return 0;
	}
	return rc < 0 ? rc : 1;
}

static int header_done(struct rd *d)
{
	const char *want = d->lines ? JSONL_FORMAT : JSON_FORMAT;
	const char *other = d->lines ? JSON_FORMAT : JSONL_FORMAT;
	const char *f = str_of(d, S_FORMAT);
	struct json_reader *r = &d->jr;

	if (!f)
		return json_reader_errf_at(r, d->obj_line, d->obj_col,
					   "not a renacer trace: the header has no \"format\"");
	if (!strcmp(f, other))
		return json_reader_errf_at(r, d->obj_line, d->obj_col,
					   "\"format\" is \"%s\" but the file is %s", f,
					   d->lines ? "JSON Lines" : "one JSON document");
	if (strcmp(f, want)) {
		if (!strncmp(f, FORMAT_FAMILY, strlen(FORMAT_FAMILY)))
			return json_reader_errf_at(r, d->obj_line, d->obj_col,
						   "trace format \"%s\" is not one this renacer "
						   "reads (%s, %s): written by another version?",
						   f, JSON_FORMAT, JSONL_FORMAT);
		return json_reader_errf_at(r, d->obj_line, d->obj_col,
					   "not a renacer trace (\"format\": \"%s\")", f);
	}
	d->hdr.lines = d->lines;
	d->hdr.format = f;
	d->hdr.version = str_of(d, S_VERSION);
	d->hdr.binary = str_of(d, S_BINARY);
	d->header_done = true;
	if (d->ops->header) {
		int rc = d->ops->header(d->ctx, &d->hdr);

		if (rc < 0)
			return d->cb_rc = rc;
	}
	return 0;
}

/* ---- summary ------------------------------------------------------------- */

static int slot_of_name(const char *name)
{
	const struct syscall_desc *sc = syscall_by_name(name);
	unsigned long v;
	char *end;

	if (sc)
		return sc->nr;
	if (!strncmp(name, "syscall_0x", 10)) {
		v = strtoul(name + 10, &end, 16);
		if (!*end && end != name + 10 && v < SYSCALL_NR_LIMIT)
			return (int)v;
	}
	return SUMMARY_SLOT_OTHER;
}

static int by_syscall_item(struct rd *d)
{
	struct trace_totals *t = d->tot;
	uint64_t calls = 0, errors = 0, time_ns = 0;
	char name[64] = "";
	enum jr_token tok;
	int rc = 0, slot;

	for (;;) {
		char key[16];

		tok = json_reader_next(&d->jr);
		if (tok == JR_OBJ_END)
			break;
		if (tok != JR_KEY)
			return -EINVAL;
		snprintf(key, sizeof(key), "%s", d->jr.str.data);
		tok = json_reader_next(&d->jr);
		if (!strcmp(key, "name")) {
			if (tok != JR_STRING)
				return type_error(d, "by_syscall.name", tok, "a string");
			snprintf(name, sizeof(name), "%s", d->jr.str.data);
		} else if (!strcmp(key, "calls")) {
			rc = get_u64(d, "by_syscall.calls", tok, &calls);
		} else if (!strcmp(key, "errors")) {
			rc = get_u64(d, "by_syscall.errors", tok, &errors);
		} else if (!strcmp(key, "time_ns")) {
			rc = get_u64(d, "by_syscall.time_ns", tok, &time_ns);
		} else {
			rc = json_reader_skip(&d->jr, tok);
		}
		if (rc < 0)
			return rc;
	}
	slot = slot_of_name(name);
	t->calls[slot] += calls;
	t->errors[slot] += errors;
	t->time_ns[slot] += time_ns;
	return 0;
}

static int member_by_syscall(struct rd *d, enum jr_token tok)
{
	if (tok != JR_ARR_BEGIN)
		return type_error(d, "by_syscall", tok, "an array");
	for (;;) {
		tok = json_reader_next(&d->jr);
		if (tok == JR_ARR_END)
			return 0;
		if (tok != JR_OBJ_BEGIN)
			return tok == JR_ERROR ? -EINVAL
					       : type_error(d, "by_syscall", tok, "an object");
		if (by_syscall_item(d) < 0)
			return -EINVAL;
	}
}

struct u64_field {
	const char *name;
	size_t off;
};

/* clang-format off */
#define MEM_FIELD(f) { #f, offsetof(struct mem_stats, f) }
/* clang-format on */
static const struct u64_field mem_fields[] = {
	MEM_FIELD(mmap_calls),	      MEM_FIELD(munmap_calls),	    MEM_FIELD(mremap_calls),
	MEM_FIELD(brk_calls),	      MEM_FIELD(mmap_anon_bytes),   MEM_FIELD(mmap_file_bytes),
	MEM_FIELD(munmap_bytes),      MEM_FIELD(mremap_grow_bytes), MEM_FIELD(mremap_shrink_bytes),
	MEM_FIELD(brk_growth_bytes),  MEM_FIELD(brk_shrink_bytes),  MEM_FIELD(allocated_bytes),
	MEM_FIELD(peak_mapped_bytes),
};
#undef MEM_FIELD

/* clang-format off */
#define IO_FIELD(f) { #f, offsetof(struct io_stats, f) }
/* clang-format on */
static const struct u64_field io_fields[] = {
	IO_FIELD(read_calls),
	IO_FIELD(write_calls),
	IO_FIELD(read_bytes),
	IO_FIELD(written_bytes),
};
#undef IO_FIELD

static const char *const class_names[FDC_COUNT] = {
	[FDC_OTHER] = "other",	 [FDC_FILE] = "file", [FDC_PIPE] = "pipe",
	[FDC_SOCKET] = "socket", [FDC_TTY] = "tty",
};

/* An object of u64 members; fields[] names those kept (at base + off);
 * by_class (may be NULL) receives the io objects read_by_class/written_by_class. */
static int u64_object(struct rd *d, const char *what, enum jr_token tok, void *base,
		      const struct u64_field *fields, size_t nfields, uint64_t *read_by,
		      uint64_t *written_by)
{
	char key[40], path[64];
	size_t i;
	int rc, k;

	if (tok != JR_OBJ_BEGIN)
		return type_error(d, what, tok, "an object");
	for (;;) {
		uint64_t v, *by = NULL;

		tok = json_reader_next(&d->jr);
		if (tok == JR_OBJ_END)
			return 0;
		if (tok != JR_KEY)
			return -EINVAL;
		snprintf(key, sizeof(key), "%s", d->jr.str.data);
		snprintf(path, sizeof(path), "%s.%s", what, key);
		tok = json_reader_next(&d->jr);
		if (read_by && !strcmp(key, "read_by_class"))
			by = read_by;
		else if (written_by && !strcmp(key, "written_by_class"))
			by = written_by;
		if (by) {
			struct u64_field cf[FDC_COUNT];

			for (k = 0; k < FDC_COUNT; k++) {
				cf[k].name = class_names[k];
				cf[k].off = (size_t)k * sizeof(uint64_t);
			}
			rc = u64_object(d, path, tok, by, cf, FDC_COUNT, NULL, NULL);
			if (rc < 0)
				return rc;
			continue;
		}
		for (i = 0; i < nfields; i++)
			if (!strcmp(key, fields[i].name))
				break;
		if (i == nfields) {
			rc = json_reader_skip(&d->jr, tok);
		} else {
			rc = get_u64(d, path, tok, &v);
			memcpy((char *)base + fields[i].off, &v, sizeof(v));
		}
		if (rc < 0)
			return rc;
	}
}

static int member_processes(struct rd *d, enum jr_token tok)
{
	if (tok != JR_ARR_BEGIN)
		return type_error(d, "processes", tok, "an array");
	for (;;) {
		tok = json_reader_next(&d->jr);
		if (tok == JR_ARR_END)
			return 0;
		if (tok != JR_OBJ_BEGIN)
			return tok == JR_ERROR ? -EINVAL
					       : type_error(d, "processes", tok, "an object");
		if (json_reader_skip(&d->jr, tok) < 0)
			return -EINVAL;
		d->tot->nprocs++;
	}
}

static int member_sum(struct rd *d, const char *key, enum jr_token tok)
{
	struct trace_totals *t = d->tot;
	int rc;

	if (!strcmp(key, "complete")) {
		rc = get_bool(d, key, tok, &t->complete);
		d->sum_seen |= G_COMPLETE;
	} else if (!strcmp(key, "reason")) {
		if (tok != JR_STRING)
			return type_error(d, key, tok, "a string");
		snprintf(t->reason, sizeof(t->reason), "%s", d->jr.str.data);
		rc = 0;
	} else if (!strcmp(key, "total_syscalls")) {
		rc = get_u64(d, key, tok, &t->total_syscalls);
		d->sum_seen |= G_TOTAL;
	} else if (!strcmp(key, "total_errors")) {
		rc = get_u64(d, key, tok, &t->total_errors);
		d->sum_seen |= G_ERRORS;
	} else if (!strcmp(key, "total_duration_ns")) {
		rc = get_u64(d, key, tok, &t->total_duration_ns);
		d->sum_seen |= G_DURATION;
	} else if (!strcmp(key, "wall_time_ns")) {
		rc = get_u64(d, key, tok, &t->wall_time_ns);
		d->sum_seen |= G_WALL;
	} else if (!strcmp(key, "unfinished_calls")) {
		rc = get_u64(d, key, tok, &t->unfinished_calls);
	} else if (!strcmp(key, "signals")) {
		rc = get_u64(d, key, tok, &t->signals);
	} else if (!strcmp(key, "time_basis")) {
		if (tok != JR_STRING)
			return type_error(d, key, tok, "a string");
		t->cpu_time = !strcmp(d->jr.str.data, "cpu");
		rc = 0;
	} else if (!strcmp(key, "by_syscall")) {
		rc = member_by_syscall(d, tok);
		d->sum_seen |= G_BY_SC;
	} else if (!strcmp(key, "memory")) {
		rc = u64_object(d, "memory", tok, &t->mem, mem_fields,
				sizeof(mem_fields) / sizeof(mem_fields[0]), NULL, NULL);
		d->sum_seen |= G_MEMORY;
	} else if (!strcmp(key, "io")) {
		rc = u64_object(d, "io", tok, &t->io, io_fields,
				sizeof(io_fields) / sizeof(io_fields[0]), t->io.read_by_class,
				t->io.written_by_class);
		d->sum_seen |= G_IO;
	} else if (!strcmp(key, "processes")) {
		rc = member_processes(d, tok);
	} else {
		return 0;
	}
	return rc < 0 ? rc : 1;
}

static int summary_done(struct rd *d)
{
	static const struct {
		unsigned bit;
		const char *name;
	} req[] = {
		{ G_COMPLETE, "complete" },   { G_TOTAL, "total_syscalls" },
		{ G_ERRORS, "total_errors" }, { G_DURATION, "total_duration_ns" },
		{ G_WALL, "wall_time_ns" },   { G_BY_SC, "by_syscall" },
		{ G_MEMORY, "memory" },	      { G_IO, "io" },
	};
	size_t i;

	for (i = 0; i < sizeof(req) / sizeof(req[0]); i++)
		if (!(d->sum_seen & req[i].bit))
			return json_reader_errf_at(&d->jr, d->obj_line, d->obj_col,
						   "the summary has no \"%s\"", req[i].name);
	d->summary_done = true;
	if (d->ops->summary) {
		int rc = d->ops->summary(d->ctx, d->tot);

		if (rc < 0)
			return d->cb_rc = rc;
	}
	return 0;
}

/* ---- objects ------------------------------------------------------------- */

static int parse_object(struct rd *d, unsigned allow, bool top);

static int member_syscalls(struct rd *d, enum jr_token tok);

static int member(struct rd *d, unsigned allow, bool top, const char *key, enum jr_token tok)
{
	int rc;

	if (tok == JR_ERROR)
		return -EINVAL;
	if (!strcmp(key, "type")) {
		rc = get_str(d, key, tok, S_TYPE);
		if (!rc && top)
			snprintf(d->top_type, sizeof(d->top_type), "%s", str_of(d, S_TYPE));
		return rc;
	}
	if ((allow & M_REC) && (rc = member_rec(d, key, tok)) != 0)
		return rc < 0 ? rc : 0;
	if ((allow & M_HDR) && (rc = member_hdr(d, key, tok)) != 0)
		return rc < 0 ? rc : 0;
	if ((allow & M_SUM) && (rc = member_sum(d, key, tok)) != 0)
		return rc < 0 ? rc : 0;
	if ((allow & M_DOC) && !strcmp(key, "syscalls"))
		return member_syscalls(d, tok);
	if ((allow & M_DOC) && !strcmp(key, "summary")) {
		if (tok != JR_OBJ_BEGIN)
			return type_error(d, key, tok, "an object");
		d->in_doc = true;
		if (!d->header_done && header_done(d) < 0)
			return -EINVAL;
		if (parse_object(d, M_SUM, false) < 0)
			return -EINVAL;
		return summary_done(d);
	}
	return json_reader_skip(&d->jr, tok);
}

/* After the object's '{'. */
static int parse_object(struct rd *d, unsigned allow, bool top)
{
	enum jr_token tok;
	char key[40];

	reset_object(d);
	for (;;) {
		tok = json_reader_next(&d->jr);
		if (tok == JR_OBJ_END)
			return 0;
		if (tok != JR_KEY)
			return -EINVAL;
		if (d->jr.len < sizeof(key))
			memcpy(key, d->jr.str.data, d->jr.len + 1);
		else
			key[0] = '\0'; /* no field has so long a name: skipped */
		tok = json_reader_next(&d->jr);
		if (member(d, allow, top, key, tok) < 0)
			return -EINVAL;
	}
}

static enum trace_rec_type type_of(const char *t)
{
	if (!strcmp(t, "syscall"))
		return TR_SYSCALL;
	if (!strcmp(t, "signal"))
		return TR_SIGNAL;
	if (!strcmp(t, "exit"))
		return TR_EXIT;
	if (!strcmp(t, "superseded"))
		return TR_SUPERSEDED;
	if (!strcmp(t, "detach"))
		return TR_DETACH;
	return TR_OTHER;
}

static int emit_record(struct rd *d)
{
	struct trace_rec *rec = &d->rec;
	const char *missing = NULL;
	int i, rc;

	rec->type = type_of(str_of(d, S_TYPE));
	if (rec->type == TR_OTHER)
		return 0; /* consumers skip types they do not know */
	if (rec->type == TR_SYSCALL) {
		if (!(d->seen & F_NAME))
			missing = "name";
		else if (!(d->seen & F_NR))
			missing = "nr";
		else if (!(d->seen & F_RESULT))
			missing = "result";
	}
	if (!missing && !(d->seen & F_PID))
		missing = "pid";
	else if (!missing && !(d->seen & F_TID))
		missing = "tid";
	if (missing)
		return json_reader_errf_at(&d->jr, d->obj_line, d->obj_col,
					   "%s record without \"%s\"", str_of(d, S_TYPE), missing);
	rec->line = d->obj_line;
	rec->col = d->obj_col;
	rec->name = str_of(d, S_NAME);
	rec->err_name = rec->returned ? str_of(d, S_ERRNO) : NULL;
	rec->src_file = str_of(d, S_SRC_FILE);
	rec->src_func = str_of(d, S_SRC_FUNC);
	rec->signal = str_of(d, S_SIGNAL);
	rec->text = str_of(d, S_TEXT);
	for (i = 0; i < rec->nargs; i++) {
		rec->args[i] = str_of(d, (enum rd_str)(S_ARG0 + i));
		rec->arg_len[i] = d->len[S_ARG0 + i];
	}
	if (!d->ops->record)
		return 0;
	rc = d->ops->record(d->ctx, rec);
	if (rc < 0)
		d->cb_rc = rc;
	return rc;
}

static int object_record(struct rd *d, unsigned allow)
{
	if (parse_object(d, allow, false) < 0)
		return -EINVAL;
	if (!d->has[S_TYPE])
		return json_reader_errf_at(&d->jr, d->obj_line, d->obj_col,
					   "record without \"type\"");
	return emit_record(d);
}

static int member_syscalls(struct rd *d, enum jr_token tok)
{
	if (tok != JR_ARR_BEGIN)
		return type_error(d, "syscalls", tok, "an array");
	d->in_doc = true;
	if (!d->header_done && header_done(d) < 0)
		return -EINVAL;
	for (;;) {
		tok = json_reader_next(&d->jr);
		if (tok == JR_ARR_END)
			return 0;
		if (tok != JR_OBJ_BEGIN)
			return tok == JR_ERROR ? -EINVAL
					       : type_error(d, "syscalls", tok, "an object");
		if (object_record(d, M_REC) < 0)
			return -EINVAL;
	}
}

/* The lines after a JSON Lines header. */
static int read_lines(struct rd *d)
{
	enum jr_token tok;

	json_reader_set_multi(&d->jr, true);
	for (;;) {
		tok = json_reader_next(&d->jr);
		if (tok == JR_EOF)
			break;
		if (tok != JR_OBJ_BEGIN)
			return tok == JR_ERROR ? -EINVAL
					       : json_reader_errf(&d->jr,
								  "expected an object (one "
								  "per line), found %s",
								  json_token_desc(tok));
		if (d->summary_done)
			return json_reader_errf(&d->jr, "data after the summary line (two traces "
							"in one file?)");
		if (parse_object(d, M_REC | M_SUM, false) < 0)
			return -EINVAL;
		if (!d->has[S_TYPE])
			return json_reader_errf_at(&d->jr, d->obj_line, d->obj_col,
						   "line without \"type\"");
		if (!strcmp(str_of(d, S_TYPE), "summary")) {
			if (summary_done(d) < 0)
				return -EINVAL;
		} else if (!strcmp(str_of(d, S_TYPE), "header")) {
			return json_reader_errf_at(&d->jr, d->obj_line, d->obj_col,
						   "a second header (two traces in one file?)");
		} else if (emit_record(d) < 0) {
			return -EINVAL;
		}
	}
	if (!d->summary_done)
		return json_reader_errf(&d->jr, "no summary line at the end: the trace is "
						"truncated (renacer killed?)");
	return 0;
}

static int read_all(struct rd *d)
{
	enum jr_token tok = json_reader_next(&d->jr);

	if (tok == JR_EOF)
		return json_reader_errf(&d->jr, "empty file: not a renacer trace");
	if (tok != JR_OBJ_BEGIN)
		return tok == JR_ERROR ? -EINVAL
				       : json_reader_errf(&d->jr,
							  "not a renacer trace: expected "
							  "an object, found %s",
							  json_token_desc(tok));
	if (parse_object(d, M_HDR | M_DOC, true) < 0)
		return -EINVAL;
	if (d->top_type[0]) {
		if (d->in_doc || strcmp(d->top_type, "header"))
			return json_reader_errf_at(
			    &d->jr, 1, 1,
			    "not a renacer trace: the first line is a \"%s\" "
			    "record, not the header (cut at the start?)",
			    d->top_type);
		d->lines = true;
		if (header_done(d) < 0)
			return -EINVAL;
		return read_lines(d);
	}
	if (!d->header_done && header_done(d) < 0)
		return -EINVAL;
	if (!d->summary_done)
		return json_reader_errf(&d->jr, "the document has no \"summary\": the trace is "
						"truncated (renacer killed?)");
	tok = json_reader_next(&d->jr);
	return tok == JR_EOF ? 0 : -EINVAL;
}

static int finish(struct rd *d, int rc, char *err, size_t errlen)
{
	if (rc < 0 && d->cb_rc < 0)
		rc = d->cb_rc;
	else if (rc < 0 && d->jr.failed)
		rc = -EINVAL;
	if (rc == -ENOMEM)
		snprintf(err, errlen, "%s: out of memory", d->name);
	else if (rc < 0 && d->jr.failed)
		snprintf(err, errlen, "%s:%s", d->name, json_reader_errmsg(&d->jr));
	else if (rc < 0)
		snprintf(err, errlen, "%s: %s", d->name, strerror(-rc));
	buf_fini(&d->sb);
	free(d->tot);
	return rc;
}

static int start(struct rd *d, const char *name, const struct trace_read_ops *ops, void *ctx)
{
	static const struct trace_read_ops none;

	d->name = name;
	d->ops = ops ? ops : &none;
	d->ctx = ctx;
	buf_init(&d->sb);
	d->tot = calloc(1, sizeof(*d->tot));
	d->hdr.calls = true;
	return d->tot ? 0 : -ENOMEM;
}

int trace_read_mem(const char *data, size_t len, const char *name, const struct trace_read_ops *ops,
		   void *ctx, char *err, size_t errlen)
{
	struct rd d;
	int rc;

	memset(&d, 0, sizeof(d));
	json_reader_init(&d.jr, data, len);
	rc = start(&d, name, ops, ctx);
	if (!rc)
		rc = read_all(&d);
	rc = finish(&d, rc, err, errlen);
	json_reader_fini(&d.jr);
	return rc;
}

int trace_read_file(const char *path, const struct trace_read_ops *ops, void *ctx, char *err,
		    size_t errlen)
{
	struct rd d;
	int rc;

	memset(&d, 0, sizeof(d));
	rc = json_reader_open(&d.jr, path);
	if (rc < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(-rc));
		return rc;
	}
	rc = start(&d, path, ops, ctx);
	if (!rc)
		rc = read_all(&d);
	rc = finish(&d, rc, err, errlen);
	json_reader_close(&d.jr);
	return rc;
}

/* ---- C string literals --------------------------------------------------- */

int trace_arg_unquote(const char *arg, size_t len, struct buf *out)
{
	size_t i = 1;
	int rc = 0;

	if (len < 2 || arg[0] != '"')
		return -EINVAL;
	while (i < len && arg[i] != '"') {
		char c = arg[i++];

		if (c == '\\' && i < len) {
			char e = arg[i++];

			if (e == 'x' && i + 1 < len && isxdigit((unsigned char)arg[i]) &&
			    isxdigit((unsigned char)arg[i + 1])) {
				/* -x: \xNN */
				c = (char)strtoul((char[]){ arg[i], arg[i + 1], 0 }, NULL, 16);
				i += 2;
			} else if (e >= '0' && e <= '7') {
				unsigned v = (unsigned)(e - '0');
				int k;

				for (k = 0; k < 2 && i < len && arg[i] >= '0' && arg[i] <= '7'; k++)
					v = v * 8 + (unsigned)(arg[i++] - '0');
				c = (char)v;
			} else {
				switch (e) {
				case 'n': c = '\n'; break;
				case 't': c = '\t'; break;
				case 'r': c = '\r'; break;
				case 'v': c = '\v'; break;
				case 'f': c = '\f'; break;
				default: c = e; break;
				}
			}
		}
		if (buf_append(out, &c, 1) < 0)
			return -ENOMEM;
	}
	if (i >= len)
		return -EINVAL; /* no closing quote */
	i++;
	if (i + 3 <= len && !memcmp(arg + i, "...", 3))
		rc = 1;
	return rc;
}
