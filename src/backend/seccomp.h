/* SPDX-License-Identifier: MIT */
/* The seccomp-bpf fast path: a classic BPF program that stops the tracee
 * (SECCOMP_RET_TRACE) only for selected syscalls and lets the rest run. */
#ifndef RN_BACKEND_SECCOMP_H
#define RN_BACKEND_SECCOMP_H

#include <stddef.h>

struct sock_filter;
struct syscall_set;

#define SECCOMP_PROG_MAX 4096 /* BPF_MAXINSNS */

/* Build the program for set into prog (SECCOMP_PROG_MAX entries).
 * Returns the number of instructions, or -E2BIG. */
int seccomp_build(const struct syscall_set *set, struct sock_filter *prog, size_t max);
/* In the child, before exec: PR_SET_NO_NEW_PRIVS then the filter.
 * Returns 0 or -errno. Async-signal-safe (no allocation). */
int seccomp_install(const struct sock_filter *prog, int len);

#endif
