/* SPDX-License-Identifier: MIT */
/* The ptrace back end: tasks, spawning and attaching, reading tracee memory.
 * The stop loop that turns wait(2) results into events is in ptrace_loop.c. */
#include "backend/ptrace.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/filter.h>
#include <sys/ptrace.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "backend/fdinfo.h"
#include "backend/seccomp.h"
#include "syscalls/decode.h"
#include "syscalls/filter.h"

uint64_t pt_now_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* ---- task table: open addressing on tid ---------------------------------- */

static size_t slot_of(const struct ptrace_backend *b, int tid)
{
	return ((unsigned)tid * 2654435761u) & (b->cap - 1);
}

struct task *pt_task_find(struct ptrace_backend *b, int tid)
{
	size_t i;

	if (!b->cap)
		return NULL;
	for (i = slot_of(b, tid);; i = (i + 1) & (b->cap - 1)) {
		if (!b->slots[i])
			return NULL;
		if (b->slots[i] != PT_TOMBSTONE && b->slots[i]->tid == tid)
			return b->slots[i];
	}
}

static int table_grow(struct ptrace_backend *b)
{
	size_t cap = b->cap ? b->cap * 2 : 64, i;
	struct task **old = b->slots, **slots = calloc(cap, sizeof(*slots));
	size_t old_cap = b->cap;

	if (!slots)
		return -ENOMEM;
	b->slots = slots;
	b->cap = cap;
	b->used = 0;
	for (i = 0; i < old_cap; i++) {
		struct task *t = old[i];
		size_t j;

		if (!t || t == PT_TOMBSTONE)
			continue;
		for (j = slot_of(b, t->tid); b->slots[j]; j = (j + 1) & (cap - 1))
			;
		b->slots[j] = t;
		b->used++;
	}
	free(old);
	return 0;
}

struct task *pt_task_add(struct ptrace_backend *b, int tid, int pid, unsigned flags)
{
	struct task *t;
	size_t i;

	if ((b->used + 1) * 2 > b->cap && table_grow(b) < 0)
		return NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return NULL;
	t->scratch_cap = decode_scratch_size(b->base.opts.string_limit, b->base.opts.array_limit) +
			 (b->fdi ? DECODE_FD_SCRATCH : 0);
	t->scratch = malloc(t->scratch_cap);
	if (!t->scratch) {
		free(t);
		return NULL;
	}
	t->tid = tid;
	t->pid = pid;
	t->flags = flags;
	t->schedstat_fd = -1;
	for (i = slot_of(b, tid); b->slots[i] && b->slots[i] != PT_TOMBSTONE;
	     i = (i + 1) & (b->cap - 1))
		;
	if (!b->slots[i])
		b->used++;
	b->slots[i] = t;
	b->ntasks++;
	return t;
}

/* The task leaves the table now; its memory is freed at the next call to
 * next(), since events queued from it are still being read. */
void pt_task_remove(struct ptrace_backend *b, struct task *t)
{
	size_t i;

	for (i = slot_of(b, t->tid);; i = (i + 1) & (b->cap - 1)) {
		if (!b->slots[i])
			return;
		if (b->slots[i] == t) {
			b->slots[i] = PT_TOMBSTONE;
			break;
		}
	}
	b->ntasks--;
	t->next_dead = b->dead;
	b->dead = t;
}

void pt_free_dead(struct ptrace_backend *b)
{
	while (b->dead) {
		struct task *t = b->dead;

		b->dead = t->next_dead;
		if (t->schedstat_fd >= 0)
			close(t->schedstat_fd);
		fdcache_free(t->fdc);
		free(t->scratch);
		free(t);
	}
}

size_t pt_describe_fd(void *ud, int tid, int fd, char *dst, size_t cap)
{
	struct ptrace_backend *b = ud;
	struct task *t = pt_task_find(b, tid);

	return fdinfo_describe(b->fdi, t ? &t->fdc : NULL, tid, fd, dst, cap);
}

uint64_t pt_task_cpu_ns(struct task *t)
{
	char tmp[96];
	ssize_t n;

	if (t->schedstat_fd < 0) {
		snprintf(tmp, sizeof(tmp), "/proc/%d/task/%d/schedstat", t->pid, t->tid);
		t->schedstat_fd = open(tmp, O_RDONLY | O_CLOEXEC);
		if (t->schedstat_fd < 0)
			return 0;
	}
	/* proc(5): the first field is the time spent on the CPU, in ns. */
	n = pread(t->schedstat_fd, tmp, sizeof(tmp) - 1, 0);
	if (n <= 0)
		return 0;
	tmp[n] = '\0';
	return strtoull(tmp, NULL, 10);
}

int pt_read_tgid(int tid)
{
	char path[64], buf[512];
	const char *p;
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/status", tid);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = '\0';
	p = strstr(buf, "\nTgid:");
	return p ? atoi(p + 6) : -EIO;
}

/* ---- tracee memory ------------------------------------------------------- */

static ssize_t peek_read(int tid, uint64_t addr, void *dst, size_t len)
{
	size_t got = 0;

	while (got < len) {
		uint64_t at = addr + got, aligned = at & ~(uint64_t)7;
		size_t off = (size_t)(at - aligned), n = 8 - off;
		long word;

		errno = 0;
		word = ptrace(PTRACE_PEEKDATA, tid, (void *)aligned, NULL);
		if (errno)
			return got ? (ssize_t)got : -errno;
		if (n > len - got)
			n = len - got;
		memcpy((char *)dst + got, (char *)&word + off, n);
		got += n;
	}
	return (ssize_t)got;
}

ssize_t pt_read_mem(void *ud, int tid, uint64_t addr, void *dst, size_t len)
{
	struct ptrace_backend *b = ud;
	struct iovec local = {dst, len}, remote[16];
	size_t k = 0, off = 0;
	ssize_t n;

	if (len == 0)
		return 0;
	if (b->no_vm_readv)
		return peek_read(tid, addr, dst, len);
	/* process_vm_readv(2): partial transfers happen per iovec element, so
	 * one element per page lets a read stop exactly at an unmapped page. */
	while (off < len && k < 16) {
		size_t page_left = 4096 - (size_t)((addr + off) % 4096);
		size_t n_this = len - off < page_left ? len - off : page_left;

		remote[k].iov_base = (void *)(uintptr_t)(addr + off);
		remote[k].iov_len = n_this;
		off += n_this;
		k++;
	}
	local.iov_len = off;
	n = process_vm_readv(tid, &local, 1, remote, k, 0);
	if (n < 0) {
		if (errno == ENOSYS || errno == EPERM) {
			b->no_vm_readv = errno == ENOSYS;
			return peek_read(tid, addr, dst, len);
		}
		return -errno;
	}
	if ((size_t)n == off && off < len) {
		ssize_t more = pt_read_mem(ud, tid, addr + off, (char *)dst + off, len - off);

		if (more > 0)
			n += more;
	}
	return n;
}

/* ---- spawn and attach ---------------------------------------------------- */

static unsigned trace_options(const struct ptrace_backend *b, bool spawned)
{
	unsigned o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC | PTRACE_O_TRACEEXIT;

	if (b->base.opts.follow_forks)
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK;
	if (spawned)
		o |= PTRACE_O_EXITKILL;
	if (spawned && b->base.opts.seccomp)
		o |= PTRACE_O_TRACESECCOMP;
	return o;
}

/* The filter is built before fork: the child only installs it. Returns the
 * program length, or 0 when no filter is wanted. */
static int seccomp_prepare(struct ptrace_backend *b, struct sock_filter *prog)
{
	const struct backend_opts *o = &b->base.opts;
	int len;

	if (!o->seccomp || !o->trace_set || syscall_set_is_full(o->trace_set))
		return 0;
	len = seccomp_build(o->trace_set, prog, SECCOMP_PROG_MAX);
	if (len < 0)
		snprintf(b->base.notice, sizeof(b->base.notice),
			 "seccomp-bpf filter too large; tracing without it");
	return len < 0 ? 0 : len;
}

static int pt_spawn(struct backend *bb, const char *path, char *const argv[])
{
	struct ptrace_backend *b = (struct ptrace_backend *)bb;
	struct sock_filter *prog = malloc(SECCOMP_PROG_MAX * sizeof(*prog));
	int status, pid, report[2] = {-1, -1};
	int prog_len = prog ? seccomp_prepare(b, prog) : 0;

	if (prog_len && pipe2(report, O_CLOEXEC) < 0)
		prog_len = 0;
	pid = fork();
	if (pid > 0 || pid < 0)
		free(prog); /* the child has its copy */
	if (pid < 0) {
		snprintf(bb->err, sizeof(bb->err), "fork: %s", strerror(errno));
		return -errno;
	}
	if (pid == 0) {
		/* Stop before exec so that the tracer can seize us; nothing of
		 * renacer's own set-up is traced. */
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (bb->opts.stdout_to_stderr && dup2(2, 1) < 0)
			_exit(126);
		kill(getpid(), SIGSTOP);
		/* Traced from here on, but hidden until execve. The filter goes
		 * in only now: before a tracer is attached, SECCOMP_RET_TRACE
		 * would fail the selected calls with ENOSYS (seccomp(2)). */
		if (prog_len) {
			/* Tell the tracer whether the filter is in: 0 or errno. */
			int rc = -seccomp_install(prog, prog_len);

			if (write(report[1], &rc, sizeof(rc)) < 0)
				_exit(126);
		}
		execv(path, argv);
		_exit(errno == ENOENT ? 127 : 126);
	}
	if (prog_len) {
		close(report[1]);
		b->report_fd = report[0]; /* read at the execve entry */
	}
	if (waitpid(pid, &status, WSTOPPED) < 0 || !WIFSTOPPED(status)) {
		snprintf(bb->err, sizeof(bb->err), "child %d did not stop", pid);
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -ECHILD;
	}
	if (ptrace(PTRACE_SEIZE, pid, NULL, (void *)(uintptr_t)trace_options(b, true)) < 0) {
		int e = errno;

		snprintf(bb->err, sizeof(bb->err), "ptrace(PTRACE_SEIZE, %d): %s", pid, strerror(e));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		return -e;
	}
	if (!pt_task_add(b, pid, pid, T_STARTUP | T_SPAWNED)) {
		kill(pid, SIGKILL);
		return -ENOMEM;
	}
	bb->spawned_pid = pid;
	bb->spawned_status = -1;
	/* ptrace(2): the seized child re-reports its stop as PTRACE_EVENT_STOP;
	 * our SIGCONT ends the group-stop, and its delivery is swallowed. */
	kill(pid, SIGCONT);
	return pid;
}

static int attach_one(struct ptrace_backend *b, int pid, int tid)
{
	if (ptrace(PTRACE_SEIZE, tid, NULL, (void *)(uintptr_t)trace_options(b, false)) < 0)
		return -errno;
	if (!pt_task_add(b, tid, pid, T_ATTACHED)) {
		ptrace(PTRACE_DETACH, tid, NULL, NULL);
		return -ENOMEM;
	}
	/* SEIZE does not stop the task: interrupt it so syscall stops begin. */
	ptrace(PTRACE_INTERRUPT, tid, NULL, NULL);
	return 0;
}

static int pt_attach(struct backend *bb, int pid)
{
	struct ptrace_backend *b = (struct ptrace_backend *)bb;
	char dir[64];
	int n = 0, rc, added;

	if (kill(pid, 0) < 0 && errno == ESRCH) {
		snprintf(bb->err, sizeof(bb->err), "attach to pid %d: No such process", pid);
		return -ESRCH;
	}
	snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
	/* Threads may be created while we attach: list again until none is new. */
	do {
		DIR *d = opendir(dir);
		struct dirent *de;

		added = 0;
		if (!d) {
			rc = attach_one(b, pid, pid);
			if (rc < 0)
				goto fail;
			return 1;
		}
		while ((de = readdir(d))) {
			int tid = atoi(de->d_name);

			if (tid <= 0 || pt_task_find(b, tid))
				continue;
			rc = attach_one(b, pid, tid);
			if (rc == -ESRCH && tid != pid)
				continue; /* the thread exited meanwhile */
			if (rc < 0) {
				closedir(d);
				goto fail;
			}
			added++;
			n++;
		}
		closedir(d);
	} while (added);
	return n;
fail:
	snprintf(bb->err, sizeof(bb->err), "attach to pid %d: %s", pid, strerror(-rc));
	return rc;
}

static void pt_free(struct backend *bb)
{
	struct ptrace_backend *b = (struct ptrace_backend *)bb;
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->cap; i++) {
		struct task *t = b->slots[i];

		if (!t || t == PT_TOMBSTONE)
			continue;
		if (t->flags & T_SPAWNED)
			kill(t->tid, SIGKILL);
		else
			ptrace(PTRACE_DETACH, t->tid, NULL, NULL);
		if (t->schedstat_fd >= 0)
			close(t->schedstat_fd);
		fdcache_free(t->fdc);
		free(t->scratch);
		free(t);
	}
	pt_free_dead(b);
	fdinfo_free(b->fdi);
	if (b->report_fd >= 0)
		close(b->report_fd);
	free(b->slots);
	free(b);
}

static const struct backend_ops ptrace_ops = {
	.name = "ptrace",
	.spawn = pt_spawn,
	.attach = pt_attach,
	.next = pt_next,
	.free = pt_free,
};

struct backend *backend_ptrace_new(const struct backend_opts *opts)
{
	struct ptrace_backend *b = calloc(1, sizeof(*b));

	if (!b)
		return NULL;
	b->base.ops = &ptrace_ops;
	b->base.opts = *opts;
	b->base.spawned_status = -1;
	b->report_fd = -1;
	b->base.start_mono_ns = pt_now_ns(CLOCK_MONOTONIC);
	b->base.start_wall_ns = pt_now_ns(CLOCK_REALTIME);
	if (opts->decode_fds) {
		/* Cached paths are right only when every call of every task that may
		 * share a descriptor table stops here (-f, no filter). */
		bool cache = opts->follow_forks &&
			     (!opts->trace_set || syscall_set_is_full(opts->trace_set));

		b->fdi = fdinfo_new(opts->decode_fds, cache);
		if (!b->fdi) {
			free(b);
			return NULL;
		}
	}
	return &b->base;
}
