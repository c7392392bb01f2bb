/* SPDX-License-Identifier: MIT */
/* The event model: one typed record per syscall, signal or process exit.
 * Back ends fill events, sinks and analyses read them; nothing here prints. */
#ifndef RN_CORE_EVENT_H
#define RN_CORE_EVENT_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>

#include "syscalls/table.h"

enum event_type {
	EV_SYSCALL_ENTER = 1, /* entry decoded; the same event completes at exit */
	EV_SYSCALL_EXIT,      /* whole call: entry args + exit args + return */
	EV_SIGNAL,	      /* signal delivered to a task: si is valid */
	EV_EXIT,	      /* task exited or was killed: status is a wait(2) status */
	EV_DETACH,	      /* task detached (renacer interrupted under -p) */
	EV_SUPERSEDED,	      /* thread group leader replaced by execve in another thread */
};

/* ev_arg.state */
enum arg_state {
	ARG_S_RAW = 0,	   /* only raw is meaningful */
	ARG_S_DATA,	   /* data/len hold bytes read from the tracee */
	ARG_S_UNREADABLE,  /* the pointer could not be read: show raw address */
	ARG_S_NOT_FETCHED, /* OUT argument of a failed call: show raw address */
	ARG_S_TEXT,	   /* data/len hold the argument as rendered (a trace read back) */
};

struct ev_arg {
	uint64_t raw;	  /* the register value */
	uint8_t kind;	  /* enum arg_kind */
	uint8_t state;	  /* enum arg_state */
	uint8_t trunc;	  /* data was cut at the string/array limit */
	uint16_t fdpath_len; /* bytes at fdpath */
	const char *data; /* borrowed: task scratch; for arrays, count NUL-terminated strings */
	uint32_t len;	  /* bytes in data (for arrays: total) */
	uint32_t count;	  /* array elements (A_ARGV, A_ENVP) */
	/* -y: what the descriptor(s) refer to, as records of syscalls/decode_struct.h
	 * (borrowed: task scratch); NULL when not asked for or not known. */
	const char *fdpath;
};

/* event.flags */
#define EV_F_NORETURN 0x1 /* the task vanished inside the call: result unknown */
#define EV_F_UNKNOWN 0x2  /* syscall number not in the table */
#define EV_F_CPU 0x8	   /* cpu_ns is measured */
#define EV_F_GROUP_STOP 0x4
#define EV_F_HIDDEN 0x10 /* filtered out after decoding (-P): no sink sees it */ /* EV_SIGNAL: a group-stop (stopped by SIGSTOP), not a delivery */

struct event {
	uint8_t type;  /* enum event_type */
	uint8_t flags; /* EV_F_* */
	uint8_t nargs;
	int32_t pid; /* thread group id */
	int32_t tid;
	uint64_t seq;	  /* position in the whole trace, from 0 */
	int32_t ntasks;	  /* tasks under trace when the event happened */
	uint64_t ts_ns;	  /* CLOCK_MONOTONIC at entry (or at the stop for non-syscalls) */
	uint64_t ts_exit_ns; /* CLOCK_MONOTONIC at exit; 0 before exit */
	uint64_t wall_ns; /* CLOCK_REALTIME at entry, ns since the epoch */
	uint64_t cpu_ns;  /* CPU time the task spent in the call (EV_F_CPU) */

	/* EV_SYSCALL_* */
	int32_t nr;
	const struct syscall_desc *sc; /* borrowed static table; NULL when unknown */
	struct ev_arg args[SYSCALL_MAX_ARGS];
	int64_t ret;  /* raw return value (negative errno on failure) */
	int32_t err;  /* positive errno when the call failed, else 0 */
	uint16_t ret_fdpath_len;
	const char *ret_fdpath; /* -y: record of the returned descriptor, as ev_arg.fdpath */

	/* EV_SIGNAL */
	siginfo_t si;

	/* EV_EXIT: wait(2) status; EV_SUPERSEDED: the tid that took over */
	int32_t status;
};

static inline bool event_is_error(const struct event *ev)
{
	return ev->err != 0;
}

static inline const char *event_name(const struct event *ev)
{
	return ev->sc ? ev->sc->name : NULL;
}

/* Index of the first argument shown at exit (the first OUT argument), or nargs. */
int event_first_exit_arg(const struct event *ev);

#endif
