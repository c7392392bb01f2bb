/* SPDX-License-Identifier: MIT */
/* The ptrace stop loop: wait(2) results become events. One
 * PTRACE_GET_SYSCALL_INFO per syscall stop; nothing is allocated per call. */
#include "backend/ptrace.h"

#include <errno.h>
#include <linux/audit.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>
#include <asm/unistd.h>

#include "backend/fdinfo.h"
#include "syscalls/decode.h"
#include "syscalls/filter.h"
#include "syscalls/table.h"

#ifndef __X32_SYSCALL_BIT
#define __X32_SYSCALL_BIT 0x40000000
#endif

static void enqueue(struct ptrace_backend *b, struct event *ev)
{
	ev->ntasks = b->ntasks;
	b->queue[b->qlen++] = ev;
}

static struct event *misc_event(struct ptrace_backend *b, struct task *t, enum event_type type,
				uint64_t now)
{
	struct event *ev = &b->misc[b->misc_used++];

	memset(ev, 0, sizeof(*ev));
	ev->type = (uint8_t)type;
	ev->pid = t->pid;
	ev->tid = t->tid;
	ev->seq = b->seq++;
	ev->ts_ns = now;
	ev->wall_ns = b->base.start_wall_ns + (now - b->base.start_mono_ns);
	return ev;
}

static void resume(struct ptrace_backend *b, struct task *t, int sig)
{
	/* Under the seccomp filter, a task runs freely (PTRACE_CONT) until
	 * the filter stops it at a selected call; only then do we ask for the
	 * call's exit stop. ESRCH: the task died meanwhile; wait(2) says how. */
	int req = b->base.seccomp_active && (t->flags & T_SPAWNED) && !(t->flags & T_IN_SYSCALL)
			  ? PTRACE_CONT
			  : PTRACE_SYSCALL;

	ptrace(req, t->tid, NULL, (void *)(uintptr_t)sig);
}

static void decode_ctx_init(struct ptrace_backend *b, struct task *t, struct decode_ctx *ctx)
{
	ctx->tid = t->tid;
	ctx->read_mem = pt_read_mem;
	ctx->read_ud = b;
	ctx->string_limit = b->base.opts.string_limit;
	ctx->array_limit = b->base.opts.array_limit;
	ctx->scratch = t->scratch;
	ctx->scratch_cap = t->scratch_cap;
	ctx->scratch_len = t->scratch_used; /* exit decoding appends after entry's */
	ctx->sp = 0;
	ctx->verbose = b->base.opts.verbose;
	ctx->describe_fd = b->fdi ? pt_describe_fd : NULL;
	ctx->describe_ud = b;
}

/* The task vanished inside a call (exit_group, killed, exec by another
 * thread): complete the call with an unknown result. */
static void finish_noreturn(struct ptrace_backend *b, struct task *t, uint64_t now)
{
	struct decode_ctx ctx;

	if (!(t->flags & T_IN_SYSCALL))
		return;
	t->flags &= ~T_IN_SYSCALL;
	if (t->flags & T_HIDDEN) {
		t->flags &= ~T_HIDDEN;
		return;
	}
	decode_ctx_init(b, t, &ctx);
	t->ev.type = EV_SYSCALL_EXIT;
	t->ev.flags |= EV_F_NORETURN;
	t->ev.ts_exit_ns = now;
	decode_exit(&ctx, &t->ev);
	enqueue(b, &t->ev);
}

static void syscall_entry(struct ptrace_backend *b, struct task *t, uint32_t arch, long nr,
			  const uint64_t *args, uint64_t sp, uint64_t now)
{
	struct event *ev = &t->ev;
	const struct syscall_desc *sc = NULL;
	const struct syscall_set *set = b->base.opts.trace_set;
	struct decode_ctx ctx;
	bool native = arch == AUDIT_ARCH_X86_64 && !(nr & __X32_SYSCALL_BIT);
	int i;

	t->flags |= T_IN_SYSCALL;
	if (set && !syscall_set_has(set, native ? nr : -1)) {
		t->flags |= T_HIDDEN; /* filtered out: not decoded, not shown */
		return;
	}
	if (native)
		sc = syscall_by_nr(nr);
	ev->type = EV_SYSCALL_ENTER;
	ev->flags = sc ? 0 : EV_F_UNKNOWN;
	ev->pid = t->pid;
	ev->tid = t->tid;
	ev->seq = b->seq++;
	ev->ts_ns = now;
	ev->ts_exit_ns = 0;
	ev->cpu_ns = 0;
	ev->wall_ns = b->base.start_wall_ns + (now - b->base.start_mono_ns);
	ev->nr = (int32_t)nr;
	ev->sc = sc;
	ev->nargs = sc ? sc->nargs : SYSCALL_MAX_ARGS;
	ev->ret = 0;
	ev->err = 0;
	for (i = 0; i < ev->nargs; i++) {
		ev->args[i].raw = args[i];
		ev->args[i].kind = sc ? sc->args[i] : A_HEX;
	}
	decode_ctx_init(b, t, &ctx);
	ctx.scratch_len = 0;
	ctx.sp = sp;
	decode_entry(&ctx, ev);
	t->scratch_used = ctx.scratch_len;
	if (b->base.opts.cpu_time)
		t->cpu_entry_ns = pt_task_cpu_ns(t);
	enqueue(b, ev);
}

static void syscall_exit(struct ptrace_backend *b, struct task *t,
			 const struct __ptrace_syscall_info *info, uint64_t now)
{
	struct event *ev = &t->ev;
	struct decode_ctx ctx;

	if (b->fdi)
		fdinfo_after_syscall(b->fdi, (t->flags & (T_HIDDEN | T_IN_SYSCALL)) == T_IN_SYSCALL
						     ? t->ev.nr
						     : -1);
	if (!(t->flags & T_IN_SYSCALL))
		return; /* attached in the middle of a call: its entry was not seen */
	t->flags &= ~T_IN_SYSCALL;
	if (t->flags & T_HIDDEN) {
		t->flags &= ~T_HIDDEN;
		return;
	}
	ev->type = EV_SYSCALL_EXIT;
	ev->ts_exit_ns = now;
	ev->ret = info->exit.rval;
	ev->err = info->exit.is_error ? (int32_t)-info->exit.rval : 0;
	if (b->base.opts.cpu_time && t->cpu_entry_ns) {
		uint64_t cpu = pt_task_cpu_ns(t);

		if (cpu >= t->cpu_entry_ns) {
			ev->cpu_ns = cpu - t->cpu_entry_ns;
			ev->flags |= EV_F_CPU;
		}
	}
	decode_ctx_init(b, t, &ctx);
	ctx.scratch_len = t->scratch_used;
	decode_exit(&ctx, ev);
	enqueue(b, ev);
}

/* Learn whether the child installed the seccomp filter. */
static void startup_done(struct ptrace_backend *b)
{
	int rc = -1;

	if (b->report_fd < 0)
		return;
	if (read(b->report_fd, &rc, sizeof(rc)) == sizeof(rc) && rc == 0)
		b->base.seccomp_active = true;
	else
		snprintf(b->base.notice, sizeof(b->base.notice),
			 "seccomp-bpf unavailable (%s); tracing without it",
			 rc > 0 ? strerror(rc) : "no report");
	close(b->report_fd);
	b->report_fd = -1;
}

static void syscall_stop(struct ptrace_backend *b, struct task *t, uint64_t now)
{
	struct __ptrace_syscall_info info;

	if (ptrace(PTRACE_GET_SYSCALL_INFO, t->tid, (void *)sizeof(info), &info) < 0)
		return; /* ESRCH: vanished; wait(2) reports how */
	if (t->flags & T_STARTUP) {
		/* renacer's own set-up in the child is not the program's: the
		 * trace starts at the execve of the command. */
		if (info.op != PTRACE_SYSCALL_INFO_ENTRY || info.entry.nr != __NR_execve) {
			resume(b, t, 0);
			return;
		}
		t->flags &= ~T_STARTUP;
		startup_done(b);
	} else if (info.op == PTRACE_SYSCALL_INFO_SECCOMP && (t->flags & T_IN_SYSCALL)) {
		/* The filter's stop right after an entry stop we already saw. */
		resume(b, t, 0);
		return;
	}
	switch (info.op) {
	case PTRACE_SYSCALL_INFO_ENTRY:
		syscall_entry(b, t, info.arch, (long)info.entry.nr, info.entry.args,
			      info.stack_pointer, now);
		break;
	case PTRACE_SYSCALL_INFO_SECCOMP:
		/* The filter stopped a selected call before it ran: its entry. */
		syscall_entry(b, t, info.arch, (long)info.seccomp.nr, info.seccomp.args,
			      info.stack_pointer, now);
		break;
	case PTRACE_SYSCALL_INFO_EXIT:
		syscall_exit(b, t, &info, now);
		break;
	default:
		break;
	}
	resume(b, t, 0);
}

static bool is_stop_signal(int sig)
{
	return sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU;
}

static void new_child(struct ptrace_backend *b, struct task *parent, int event)
{
	unsigned long msg = 0;
	struct task *child;
	int tgid;

	if (ptrace(PTRACE_GETEVENTMSG, parent->tid, NULL, &msg) < 0)
		return;
	tgid = (int)msg;
	if (event == PTRACE_EVENT_CLONE && (parent->flags & T_IN_SYSCALL) &&
	    !(parent->flags & T_HIDDEN)) {
		/* clone(2): CLONE_THREAD puts the child in the caller's group. */
		uint64_t flags = 0;

		if (parent->ev.sc && parent->ev.nr == __NR_clone)
			flags = parent->ev.args[0].raw;
		else if (parent->ev.sc && parent->ev.nr == __NR_clone3)
			pt_read_mem(b, parent->tid, parent->ev.args[0].raw, &flags, sizeof(flags));
		if (flags & CLONE_THREAD)
			tgid = parent->pid;
	} else if (event == PTRACE_EVENT_CLONE) {
		/* the clone call itself was not traced: ask proc(5) */
		tgid = pt_read_tgid((int)msg);
		if (tgid <= 0)
			tgid = (int)msg;
	}
	child = pt_task_find(b, (int)msg);
	if (child)
		child->pid = tgid; /* it stopped before its parent's event */
	else
		pt_task_add(b, (int)msg, tgid, parent->flags & (T_SPAWNED | T_ATTACHED));
}

/* ptrace(2): after execve in a non-leader thread, the thread takes the
 * leader's tid; the leader's own state is gone. */
static void exec_event(struct ptrace_backend *b, struct task *t, uint64_t now)
{
	unsigned long former = 0;
	struct task *old;

	if (ptrace(PTRACE_GETEVENTMSG, t->tid, NULL, &former) < 0 || (int)former == t->tid)
		return;
	old = pt_task_find(b, (int)former);
	if (t->flags & T_IN_SYSCALL) {
		/* The leader's own call ends unanswered; copy it out, since
		 * t->ev is about to receive the exec'ing thread's execve. */
		struct event *ev = &b->misc[b->misc_used++];

		finish_noreturn(b, t, now);
		*ev = t->ev;
		b->queue[b->qlen - 1] = ev;
	}
	enqueue(b, misc_event(b, t, EV_SUPERSEDED, now));
	b->queue[b->qlen - 1]->status = (int32_t)former;
	if (!old)
		return;
	/* Move the exec'ing thread's call (execve, in progress) to the leader. */
	{
		char *scratch = t->scratch;
		size_t cap = t->scratch_cap;

		t->ev = old->ev;
		t->scratch = old->scratch;
		t->scratch_cap = old->scratch_cap;
		t->scratch_used = old->scratch_used;
		old->scratch = scratch;
		old->scratch_cap = cap;
		t->flags = (t->flags & ~T_IN_SYSCALL) | (old->flags & T_IN_SYSCALL);
		t->ev.tid = t->tid;
		t->ev.pid = t->pid;
		old->flags &= ~T_IN_SYSCALL;
	}
	pt_task_remove(b, old);
}

static void detach_task(struct ptrace_backend *b, struct task *t, int sig, uint64_t now)
{
	ptrace(PTRACE_DETACH, t->tid, NULL, (void *)(uintptr_t)sig);
	t->flags &= ~T_IN_SYSCALL;
	enqueue(b, misc_event(b, t, EV_DETACH, now));
	pt_task_remove(b, t);
}

static void signal_stop(struct ptrace_backend *b, struct task *t, int sig, uint64_t now)
{
	struct event *ev;
	siginfo_t si;

	if (ptrace(PTRACE_GETSIGINFO, t->tid, NULL, &si) < 0)
		return;
	if ((t->flags & T_STARTUP) && sig == SIGCONT) {
		resume(b, t, 0); /* our own SIGCONT that started the command */
		return;
	}
	if (t->flags & T_DETACHING) {
		detach_task(b, t, sig, now);
		return;
	}
	ev = misc_event(b, t, EV_SIGNAL, now);
	ev->si = si;
	enqueue(b, ev);
	resume(b, t, sig); /* re-inject: never swallow the program's signals */
}

static void handle_stop(struct ptrace_backend *b, int tid, int status)
{
	uint64_t now = pt_now_ns(CLOCK_MONOTONIC);
	struct task *t = pt_task_find(b, tid);
	int sig, event;

	if (WIFEXITED(status) || WIFSIGNALED(status)) {
		struct event *ev;

		if (!t)
			return;
		finish_noreturn(b, t, now);
		ev = misc_event(b, t, EV_EXIT, now);
		ev->status = status;
		if (tid == b->base.spawned_pid)
			b->base.spawned_status = status;
		enqueue(b, ev);
		pt_task_remove(b, t);
		return;
	}
	if (!WIFSTOPPED(status))
		return;
	if (!t) {
		/* A new child can stop before its parent's fork event. */
		unsigned origin = b->base.spawned_pid ? T_SPAWNED : T_ATTACHED;

		t = pt_task_add(b, tid, tid,
				origin | (origin == T_ATTACHED && b->interrupt_done ? T_DETACHING : 0));
		if (!t)
			return;
	}
	sig = WSTOPSIG(status);
	event = (unsigned)status >> 16;
	if (sig == (SIGTRAP | 0x80)) {
		if (t->flags & T_DETACHING) {
			detach_task(b, t, 0, now);
			return;
		}
		syscall_stop(b, t, now);
		return;
	}
	switch (event) {
	case 0:
		signal_stop(b, t, sig, now);
		return;
	case PTRACE_EVENT_STOP:
		if (t->flags & T_DETACHING) {
			detach_task(b, t, 0, now);
			return;
		}
		if (is_stop_signal(sig)) {
			if (!(t->flags & T_STARTUP)) {
				struct event *ev = misc_event(b, t, EV_SIGNAL, now);

				ev->flags |= EV_F_GROUP_STOP;
				ev->si.si_signo = sig;
				enqueue(b, ev);
			}
			/* ptrace(2): LISTEN keeps it stopped until SIGCONT, as
			 * job control expects, while we still see new signals. */
			ptrace(PTRACE_LISTEN, t->tid, NULL, NULL);
			return;
		}
		resume(b, t, 0);
		return;
	case PTRACE_EVENT_FORK:
	case PTRACE_EVENT_VFORK:
	case PTRACE_EVENT_CLONE:
		new_child(b, t, event);
		break;
	case PTRACE_EVENT_EXEC:
		exec_event(b, t, now);
		break;
	case PTRACE_EVENT_SECCOMP:
		if (t->flags & T_DETACHING) {
			detach_task(b, t, 0, now);
			return;
		}
		syscall_stop(b, t, now);
		return;
	default:
		break;
	}
	if (t->flags & T_DETACHING)
		detach_task(b, t, 0, now);
	else
		resume(b, t, 0);
}

/* Ctrl-C: detach what we attached to, pass the signal to what we started. */
static void handle_interrupt(struct ptrace_backend *b)
{
	size_t i;
	int count = b->base.interrupt_count;

	if (count == b->interrupt_seen)
		return;
	b->interrupt_seen = count;
	for (i = 0; i < b->cap; i++) {
		struct task *t = b->slots[i];

		if (!t || t == PT_TOMBSTONE)
			continue;
		if (t->flags & T_SPAWNED) {
			/* The first interrupt is passed on; a second one kills. */
			if (t->tid == t->pid)
				kill(t->pid, count > 1 ? SIGKILL : b->base.interrupt_sig);
		} else if (!(t->flags & T_DETACHING)) {
			t->flags |= T_DETACHING;
			ptrace(PTRACE_INTERRUPT, t->tid, NULL, NULL);
		}
	}
	b->interrupt_done = true;
}

int pt_next(struct backend *bb, struct event **out)
{
	struct ptrace_backend *b = (struct ptrace_backend *)bb;

	for (;;) {
		int status, tid;

		if (b->qhead < b->qlen) {
			*out = b->queue[b->qhead++];
			return 1;
		}
		b->qhead = b->qlen = 0;
		b->misc_used = 0;
		pt_free_dead(b);
		if (b->ntasks == 0)
			return 0;
		if (bb->interrupt_count != b->interrupt_seen)
			handle_interrupt(b);
		tid = waitpid(-1, &status, __WALL);
		if (tid < 0) {
			if (errno == EINTR)
				continue;
			if (errno == ECHILD)
				return 0;
			snprintf(bb->err, sizeof(bb->err), "waitpid: %s", strerror(errno));
			return -errno;
		}
		handle_stop(b, tid, status);
	}
}
