/* SPDX-License-Identifier: MIT */
/* Collecting one side of a comparison from a streamed trace: 2 bytes per
 * call (plus 4 when the trace has source locations) and aggregates. */
#include "analysis/compare_side.h"

#include <asm/unistd.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash_int(uint32_t v)
{
	v ^= v >> 16;
	v *= 0x7feb352du;
	v ^= v >> 15;
	v *= 0x846ca68bu;
	v ^= v >> 16;
	return v;
}

static int tid_rehash(struct cmp_side *s)
{
	size_t n = s->tid_nslots ? s->tid_nslots * 2 : 64, i;
	uint32_t *slots = calloc(n, sizeof(*slots));

	if (!slots)
		return -ENOMEM;
	for (i = 0; i < s->ntasks; i++) {
		size_t j = hash_int((uint32_t)s->tasks[i].tid) & (n - 1);

		while (slots[j])
			j = (j + 1) & (n - 1);
		slots[j] = (uint32_t)(i + 1);
	}
	free(s->tid_slots);
	s->tid_slots = slots;
	s->tid_nslots = n;
	return 0;
}

static struct cmp_task *task_get(struct cmp_side *s, int tid, int pid)
{
	struct cmp_task *t;
	size_t j;

	if (s->tid_nslots) {
		for (j = hash_int((uint32_t)tid) & (s->tid_nslots - 1); s->tid_slots[j];
		     j = (j + 1) & (s->tid_nslots - 1))
			if (s->tasks[s->tid_slots[j] - 1].tid == tid)
				return &s->tasks[s->tid_slots[j] - 1];
	}
	if (s->ntasks == s->tasks_cap) {
		size_t cap = s->tasks_cap ? s->tasks_cap * 2 : 8;
		struct cmp_task *n = realloc(s->tasks, cap * sizeof(*n));

		if (!n)
			return NULL;
		s->tasks = n;
		s->tasks_cap = cap;
	}
	t = &s->tasks[s->ntasks++];
	memset(t, 0, sizeof(*t));
	t->tid = tid;
	t->pid = pid;
	if ((s->ntasks + 1) * 2 > s->tid_nslots) {
		if (tid_rehash(s) < 0)
			return NULL;
	} else {
		for (j = hash_int((uint32_t)tid) & (s->tid_nslots - 1); s->tid_slots[j];
		     j = (j + 1) & (s->tid_nslots - 1))
			;
		s->tid_slots[j] = (uint32_t)s->ntasks;
	}
	return t;
}

static int task_append(struct cmp_task *t, uint16_t tok, uint32_t src)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 256;
		uint16_t *seq = realloc(t->seq, cap * sizeof(*seq));

		if (!seq)
			return -ENOMEM;
		t->seq = seq;
		if (t->src) {
			uint32_t *p = realloc(t->src, cap * sizeof(*p));

			if (!p)
				return -ENOMEM;
			memset(p + t->cap, 0, (cap - t->cap) * sizeof(*p));
			t->src = p;
		}
		t->cap = cap;
	}
	if (src && !t->src) {
		t->src = calloc(t->cap, sizeof(*t->src));
		if (!t->src)
			return -ENOMEM;
	}
	if (t->src)
		t->src[t->n] = src;
	t->seq[t->n++] = tok;
	return 0;
}

/* Grow a per-id array to hold id. */
static int ensure(void **arr, size_t *cap, size_t id, size_t size)
{
	size_t n;
	void *p;

	if (id < *cap)
		return 0;
	n = *cap ? *cap * 2 : 32;
	while (n <= id)
		n *= 2;
	p = realloc(*arr, n * size);
	if (!p)
		return -ENOMEM;
	memset((char *)p + *cap * size, 0, (n - *cap) * size);
	*arr = p;
	*cap = n;
	return 0;
}

static int count_at(struct strmap *m, struct cmp_count **arr, size_t *cap, const char *key,
		    size_t len, uint32_t src, uint16_t nr)
{
	long id = strmap_intern(m, key, len, NULL);
	struct cmp_count *c;

	if (id < 0 || ensure((void **)arr, cap, (size_t)id, sizeof(**arr)) < 0)
		return -ENOMEM;
	c = &(*arr)[id];
	if (!c->count) {
		c->src = src;
		c->nr = nr;
	}
	c->count++;
	return 0;
}

static bool is_temp_path(const char *p, size_t len, size_t *skip)
{
	static const char *const dirs[] = { "/tmp/", "/var/tmp/", "/dev/shm/" };
	size_t i, n;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		n = strlen(dirs[i]);
		if (len > n && !memcmp(p, dirs[i], n)) {
			*skip = n;
			return true;
		}
	}
	return false;
}

int cmp_normalise_path(const char *p, size_t len, struct buf *out)
{
	size_t i = 0, skip = 0;
	int rc = 0;

	if (len > 6 && !memcmp(p, "/proc/", 6) && isdigit((unsigned char)p[6])) {
		for (i = 6; i < len && isdigit((unsigned char)p[i]); i++)
			;
		if (i == len || p[i] == '/')
			return buf_append(out, "/proc/PID", 9) < 0 ||
				       buf_append(out, p + i, len - i) < 0
				   ? -ENOMEM
				   : 0;
		i = 0;
	}
	if (!is_temp_path(p, len, &skip))
		return buf_append(out, p, len);
	rc = buf_append(out, p, skip);
	for (i = skip; i < len && !rc;) {
		size_t j = i;
		bool lower = false, upper = false, digit = false;

		if (!isalnum((unsigned char)p[i])) {
			rc = buf_append(out, p + i, 1);
			i++;
			continue;
		}
		for (; j < len && isalnum((unsigned char)p[j]); j++) {
			lower |= islower((unsigned char)p[j]) != 0;
			upper |= isupper((unsigned char)p[j]) != 0;
			digit |= isdigit((unsigned char)p[j]) != 0;
		}
		if (j - i >= 6 && lower + upper + digit >= 2)
			rc = buf_append(out, "XXXXXX", 6);
		else if (digit && !lower && !upper)
			rc = buf_append(out, "N", 1);
		else
			rc = buf_append(out, p + i, j - i);
		i = j;
	}
	return rc < 0 ? -ENOMEM : 0;
}

/* The path argument of calls that open a file: open, creat (0), openat, openat2 (1). */
static int path_arg(int nr)
{
	switch (nr) {
	case __NR_open:
	case __NR_creat: return 0;
	case __NR_openat:
	case __NR_openat2: return 1;
	default: return -1;
	}
}

static int on_record(void *ctx, const struct trace_rec *rec)
{
	struct cmp_side *s = ctx;
	struct cmp_task *t;
	uint32_t src = 0;
	uint16_t tok;
	long id;
	int slot, pa;

	if (rec->type != TR_SYSCALL)
		return 0;
	s->nsyscalls++;
	t = task_get(s, rec->tid, rec->pid);
	if (!t)
		return -ENOMEM;
	if (rec->src_file) {
		buf_reset(&s->tmp);
		if (buf_printf(&s->tmp, "%s:%u", rec->src_file, rec->src_line) < 0)
			return -ENOMEM;
		id = strmap_intern(&s->srcs, s->tmp.data, s->tmp.len, NULL);
		if (id < 0)
			return -ENOMEM;
		src = (uint32_t)id + 1;
		s->has_src = true;
	}
	tok = rec->nr >= 0 && rec->nr < (int)CMP_TOK_NR ? (uint16_t)rec->nr : CMP_TOK_NR;
	if (rec->err_name)
		tok |= CMP_TOK_FAILED;
	if (task_append(t, tok, src) < 0)
		return -ENOMEM;
	slot = rec->nr >= 0 && rec->nr < SYSCALL_NR_LIMIT ? rec->nr : SUMMARY_SLOT_OTHER;
	if (src && !s->first_src[slot])
		s->first_src[slot] = src;
	if (rec->err_name) {
		size_t nlen = strlen(rec->name), elen = strlen(rec->err_name);

		id = strmap_intern(&s->errnos, rec->err_name, elen, NULL);
		if (id < 0 || ensure((void **)&s->errno_n, &s->errno_cap, (size_t)id,
				     sizeof(*s->errno_n)) < 0)
			return -ENOMEM;
		s->errno_n[id]++;
		buf_reset(&s->tmp);
		if (buf_append(&s->tmp, rec->name, nlen + 1) < 0 ||
		    buf_append(&s->tmp, rec->err_name, elen) < 0)
			return -ENOMEM;
		return count_at(&s->fails, &s->fail_c, &s->fail_cap, s->tmp.data, s->tmp.len, src,
				tok & CMP_TOK_NR);
	}
	pa = path_arg(rec->nr);
	if (pa < 0 || pa >= rec->nargs || !rec->returned || rec->result < 0)
		return 0;
	buf_reset(&s->tmp);
	if (trace_arg_unquote(rec->args[pa], rec->arg_len[pa], &s->tmp) < 0)
		return 0; /* not a string: an unreadable pointer */
	buf_reset(&s->tmp2);
	if (cmp_normalise_path(s->tmp.data ? s->tmp.data : "", s->tmp.len, &s->tmp2) < 0)
		return -ENOMEM;
	return count_at(&s->paths, &s->path_c, &s->path_cap, s->tmp2.data ? s->tmp2.data : "",
			s->tmp2.len, src, tok & CMP_TOK_NR);
}

static int on_header(void *ctx, const struct trace_header *h)
{
	struct cmp_side *s = ctx;

	s->calls = h->calls;
	s->lines = h->lines;
	return 0;
}

static int on_summary(void *ctx, const struct trace_totals *t)
{
	struct cmp_side *s = ctx;

	s->tot = *t;
	return 0;
}

int cmp_side_load(struct cmp_side *s, const char *path, char *err, size_t errlen)
{
	static const struct trace_read_ops ops = {
		.header = on_header,
		.record = on_record,
		.summary = on_summary,
	};

	memset(s, 0, sizeof(*s));
	s->path = path;
	strmap_init(&s->errnos);
	strmap_init(&s->fails);
	strmap_init(&s->paths);
	strmap_init(&s->srcs);
	buf_init(&s->tmp);
	buf_init(&s->tmp2);
	return trace_read_file(path, &ops, s, err, errlen);
}

void cmp_side_fini(struct cmp_side *s)
{
	size_t i;

	for (i = 0; i < s->ntasks; i++) {
		free(s->tasks[i].seq);
		free(s->tasks[i].src);
	}
	free(s->tasks);
	free(s->tid_slots);
	free(s->errno_n);
	free(s->fail_c);
	free(s->path_c);
	strmap_fini(&s->errnos);
	strmap_fini(&s->fails);
	strmap_fini(&s->paths);
	strmap_fini(&s->srcs);
	buf_fini(&s->tmp);
	buf_fini(&s->tmp2);
}

const char *cmp_side_source(const struct cmp_side *s, uint32_t src)
{
	return src && src <= s->srcs.count ? strmap_str(&s->srcs, src - 1) : NULL;
}
