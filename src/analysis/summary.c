/* SPDX-License-Identifier: MIT */
/* Aggregates of a trace: the -c table, memory and I/O accounting. */
#include "analysis/summary.h"

#include <asm/unistd.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/event.h"

#define PAGE_SIZE_BYTES 4096u

static void calls_init(struct summary_call *c, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		memset(&c[i], 0, sizeof(c[i]));
		c[i].min_ns = UINT64_MAX;
		qsketch_init(&c[i].lat);
	}
}

static void calls_fini(struct summary_call *c, size_t n)
{
	size_t i;

	for (i = 0; c && i < n; i++)
		qsketch_fini(&c[i].lat);
}

int summary_init(struct summary *s, bool per_process, bool extended, bool cpu_time)
{
	memset(s, 0, sizeof(*s));
	s->per_process = per_process;
	s->extended = extended;
	s->cpu_time = cpu_time;
	calls_init(s->calls, SUMMARY_SLOTS);
	return 0;
}

void summary_fini(struct summary *s)
{
	int i;

	calls_fini(s->calls, SUMMARY_SLOTS);
	for (i = 0; i < s->nprocs; i++) {
		calls_fini(s->procs[i].calls, SUMMARY_SLOTS);
		free(s->procs[i].calls);
	}
	free(s->procs);
	s->procs = NULL;
	s->nprocs = 0;
}

const struct proc_summary *summary_proc(const struct summary *s, int pid)
{
	int i;

	for (i = 0; i < s->nprocs; i++)
		if (s->procs[i].pid == pid)
			return &s->procs[i];
	return NULL;
}

/* Processes are few; a linear search from the most recent is enough. */
static struct proc_summary *proc_get(struct summary *s, int pid)
{
	struct proc_summary *p;
	int i;

	for (i = s->nprocs - 1; i >= 0; i--)
		if (s->procs[i].pid == pid)
			return &s->procs[i];
	if (s->nprocs == s->procs_cap) {
		int cap = s->procs_cap ? s->procs_cap * 2 : 8;
		struct proc_summary *n = realloc(s->procs, (size_t)cap * sizeof(*n));

		if (!n)
			return NULL;
		s->procs = n;
		s->procs_cap = cap;
	}
	p = &s->procs[s->nprocs];
	memset(p, 0, sizeof(*p));
	p->pid = pid;
	if (s->per_process) {
		p->calls = malloc(SUMMARY_SLOTS * sizeof(*p->calls));
		if (!p->calls)
			return NULL;
		calls_init(p->calls, SUMMARY_SLOTS);
	}
	s->nprocs++;
	return p;
}

const char *summary_slot_name(int slot, char *buf, unsigned len)
{
	const struct syscall_desc *sc = syscall_by_nr(slot);

	if (slot == SUMMARY_SLOT_OTHER)
		snprintf(buf, len, "(other)");
	else if (sc)
		return sc->name;
	else
		snprintf(buf, len, "syscall_%#x", (unsigned)slot);
	return buf;
}

static uint64_t page_round(uint64_t n)
{
	return (n + PAGE_SIZE_BYTES - 1) & ~(uint64_t)(PAGE_SIZE_BYTES - 1);
}

static void mapped_add(struct summary *s, struct proc_summary *p, int64_t delta)
{
	uint64_t *now[2] = {&s->mem.mapped_now_bytes, &p->mem.mapped_now_bytes};
	uint64_t *peak[2] = {&s->mem.peak_mapped_bytes, &p->mem.peak_mapped_bytes};
	int i;

	for (i = 0; i < 2; i++) {
		if (delta < 0 && (uint64_t)-delta > *now[i])
			*now[i] = 0;
		else
			*now[i] += (uint64_t)delta;
		if (*now[i] > *peak[i])
			*peak[i] = *now[i];
	}
}

/* Both the total and the process's own figures move together. */
#define MEM_ADD(field, v)                                                                          \
	do {                                                                                       \
		s->mem.field += (v);                                                               \
		p->mem.field += (v);                                                               \
	} while (0)
#define IO_ADD(field, v)                                                                           \
	do {                                                                                       \
		s->io.field += (v);                                                                \
		p->io.field += (v);                                                                \
	} while (0)

static void account_memory(struct summary *s, struct proc_summary *p, const struct event *ev)
{
	bool ok = !ev->err && !(ev->flags & EV_F_NORETURN);

	switch (ev->nr) {
	case __NR_mmap:
		MEM_ADD(mmap_calls, 1);
		if (ok) {
			uint64_t len = page_round(ev->args[1].raw);

			if (ev->args[3].raw & MAP_ANONYMOUS) {
				MEM_ADD(mmap_anon_bytes, len);
				MEM_ADD(allocated_bytes, len);
			} else {
				MEM_ADD(mmap_file_bytes, len);
			}
			mapped_add(s, p, (int64_t)len);
		}
		break;
	case __NR_munmap:
		MEM_ADD(munmap_calls, 1);
		if (ok) {
			uint64_t len = page_round(ev->args[1].raw);

			MEM_ADD(munmap_bytes, len);
			mapped_add(s, p, -(int64_t)len);
		}
		break;
	case __NR_mremap:
		MEM_ADD(mremap_calls, 1);
		if (ok) {
			uint64_t oldl = page_round(ev->args[1].raw), newl = page_round(ev->args[2].raw);

			if (newl > oldl) {
				MEM_ADD(mremap_grow_bytes, newl - oldl);
				MEM_ADD(allocated_bytes, newl - oldl);
			} else {
				MEM_ADD(mremap_shrink_bytes, oldl - newl);
			}
			mapped_add(s, p, (int64_t)newl - (int64_t)oldl);
		}
		break;
	case __NR_brk:
		MEM_ADD(brk_calls, 1);
		/* brk(2) returns the new break (the old one when it fails). */
		if (ok && ev->ret > 0) {
			uint64_t brk = (uint64_t)ev->ret;

			if (p->brk_cur && brk > p->brk_cur) {
				MEM_ADD(brk_growth_bytes, brk - p->brk_cur);
				MEM_ADD(allocated_bytes, brk - p->brk_cur);
				mapped_add(s, p, (int64_t)(brk - p->brk_cur));
			} else if (p->brk_cur && brk < p->brk_cur) {
				MEM_ADD(brk_shrink_bytes, p->brk_cur - brk);
				mapped_add(s, p, -(int64_t)(p->brk_cur - brk));
			}
			p->brk_cur = brk;
		}
		break;
	case __NR_execve:
	case __NR_execveat:
		if (ok) {
			/* a new address space: what was mapped is gone */
			mapped_add(s, p, -(int64_t)p->mem.mapped_now_bytes);
			p->brk_cur = 0;
		}
		break;
	default:
		break;
	}
}

static enum fd_class class_of_path(const struct ev_arg *a)
{
	if (a->state != ARG_S_DATA || !a->data)
		return FDC_FILE;
	if (!strncmp(a->data, "/dev/tty", 8) || !strncmp(a->data, "/dev/pts/", 9) ||
	    !strcmp(a->data, "/dev/console") || !strcmp(a->data, "/dev/ptmx"))
		return FDC_TTY;
	return FDC_FILE;
}

static void fd_set_class(struct proc_summary *p, int64_t fd, enum fd_class c)
{
	if (fd >= 0 && fd < SUMMARY_FDS)
		p->fd_class[fd] = (uint8_t)c;
}

static enum fd_class fd_get_class(const struct proc_summary *p, uint64_t fd)
{
	return fd < SUMMARY_FDS ? (enum fd_class)p->fd_class[fd] : FDC_OTHER;
}

static void account_fds(struct proc_summary *p, const struct event *ev)
{
	int fds[2];

	if (ev->err || (ev->flags & EV_F_NORETURN))
		return;
	switch (ev->nr) {
	case __NR_open:
	case __NR_creat:
		fd_set_class(p, ev->ret, class_of_path(&ev->args[0]));
		break;
	case __NR_openat:
	case __NR_openat2:
		fd_set_class(p, ev->ret, class_of_path(&ev->args[1]));
		break;
	case __NR_socket:
	case __NR_accept:
	case __NR_accept4:
		fd_set_class(p, ev->ret, FDC_SOCKET);
		break;
	case __NR_pipe:
	case __NR_pipe2:
	case __NR_socketpair: {
		const struct ev_arg *a = &ev->args[ev->nr == __NR_socketpair ? 3 : 0];

		if (a->state == ARG_S_DATA && a->len == sizeof(fds)) {
			memcpy(fds, a->data, sizeof(fds));
			fd_set_class(p, fds[0], ev->nr == __NR_socketpair ? FDC_SOCKET : FDC_PIPE);
			fd_set_class(p, fds[1], ev->nr == __NR_socketpair ? FDC_SOCKET : FDC_PIPE);
		}
		break;
	}
	case __NR_dup:
	case __NR_dup2:
	case __NR_dup3:
		fd_set_class(p, ev->ret, fd_get_class(p, ev->args[0].raw));
		break;
	case __NR_close:
		fd_set_class(p, (int64_t)ev->args[0].raw, FDC_OTHER);
		break;
	default:
		break;
	}
}

static void account_io(struct summary *s, struct proc_summary *p, const struct event *ev)
{
	bool ok = !ev->err && !(ev->flags & EV_F_NORETURN) && ev->ret > 0;
	uint64_t n = ok ? (uint64_t)ev->ret : 0;
	enum fd_class c = fd_get_class(p, ev->args[0].raw);

	switch (ev->nr) {
	case __NR_read:
	case __NR_pread64:
	case __NR_readv:
	case __NR_preadv:
	case __NR_preadv2:
	case __NR_recvfrom:
	case __NR_recvmsg:
		IO_ADD(read_calls, 1);
		IO_ADD(read_bytes, n);
		IO_ADD(read_by_class[c], n);
		break;
	case __NR_write:
	case __NR_pwrite64:
	case __NR_writev:
	case __NR_pwritev:
	case __NR_pwritev2:
	case __NR_sendto:
	case __NR_sendmsg:
	case __NR_sendfile:
		IO_ADD(write_calls, 1);
		IO_ADD(written_bytes, n);
		IO_ADD(written_by_class[c], n);
		break;
	default:
		break;
	}
}

static int add_call(struct summary *s, struct summary_call *c, uint64_t t, uint64_t lat)
{
	c->calls++;
	c->time_ns += t;
	c->lat_sum_ns += lat;
	if (lat < c->min_ns)
		c->min_ns = lat;
	if (lat > c->max_ns)
		c->max_ns = lat;
	return s->extended ? qsketch_add(&c->lat, lat) : 0;
}

static uint64_t call_time(const struct summary *s, const struct event *ev)
{
	if (ev->flags & EV_F_NORETURN)
		return 0;
	if (s->cpu_time)
		return (ev->flags & EV_F_CPU) ? ev->cpu_ns : 0;
	return ev->ts_exit_ns > ev->ts_ns ? ev->ts_exit_ns - ev->ts_ns : 0;
}

int summary_add(struct summary *s, const struct event *ev)
{
	struct proc_summary *p;
	uint64_t t, lat;
	int slot, rc = 0;

	if (!s->first_ts_ns || ev->ts_ns < s->first_ts_ns)
		s->first_ts_ns = ev->ts_ns;
	if (ev->ts_ns > s->last_ts_ns)
		s->last_ts_ns = ev->ts_ns;
	if (ev->ts_exit_ns > s->last_ts_ns)
		s->last_ts_ns = ev->ts_exit_ns;
	p = proc_get(s, ev->pid);
	if (!p)
		return -ENOMEM;
	switch (ev->type) {
	case EV_SYSCALL_EXIT:
		break;
	case EV_SIGNAL:
		s->signals++;
		return 0;
	case EV_EXIT:
		if (ev->tid == ev->pid) {
			p->exited = true;
			p->status = ev->status;
			/* its address space is gone */
			mapped_add(s, p, -(int64_t)p->mem.mapped_now_bytes);
		}
		s->threads++;
		return 0;
	default:
		return 0;
	}
	if (ev->flags & EV_F_NORETURN) {
		/* exit_group and calls cut short: no result, no time; strace -c
		 * leaves them out of the table too. */
		s->unfinished_calls++;
		account_memory(s, p, ev);
		return 0;
	}
	slot = ev->nr >= 0 && ev->nr < SYSCALL_NR_LIMIT ? ev->nr : SUMMARY_SLOT_OTHER;
	t = call_time(s, ev);
	lat = ev->ts_exit_ns > ev->ts_ns ? ev->ts_exit_ns - ev->ts_ns : 0;
	rc = add_call(s, &s->calls[slot], t, lat);
	if (p->calls && add_call(s, &p->calls[slot], t, lat) < 0)
		rc = -ENOMEM;
	s->total_calls++;
	s->total_time_ns += t;
	p->total_calls++;
	p->total_time_ns += t;
	if (ev->err) {
		s->calls[slot].errors++;
		if (p->calls)
			p->calls[slot].errors++;
		s->total_errors++;
		p->total_errors++;
	}
	account_memory(s, p, ev);
	account_fds(p, ev);
	account_io(s, p, ev);
	return rc;
}
