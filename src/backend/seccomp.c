/* SPDX-License-Identifier: MIT */
/* The seccomp-bpf program: a binary search over the boundaries of the
 * selected syscall ranges. It uses only loads of nr/arch, JGE/JEQ with
 * constants, JA and RET, which the kernel's seccomp action cache can
 * evaluate ahead of time: unselected calls then skip the filter entirely. */
#include "backend/seccomp.h"

#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "syscalls/filter.h"

/* [start, next start) of syscall numbers with one verdict */
struct seg {
	uint32_t start;
	uint32_t verdict; /* SECCOMP_RET_TRACE or SECCOMP_RET_ALLOW */
};

struct prog {
	struct sock_filter *ins;
	size_t len, max;
	int err;
};

static void emit(struct prog *p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (p->len == p->max) {
		p->err = -E2BIG;
		return;
	}
	p->ins[p->len++] = (struct sock_filter)BPF_JUMP(code, k, jt, jf);
}

/* Instructions the search over segs[lo, hi) takes (see emit_tree). */
static size_t tree_size(int lo, int hi)
{
	size_t left, right;
	int mid;

	if (hi - lo == 1)
		return 1;
	mid = (lo + hi) / 2;
	left = tree_size(lo, mid);
	right = tree_size(mid, hi);
	return 1 + (left > 255 ? 1 : 0) + left + right;
}

/* A holds nr. Each node: nr >= segs[mid].start ? right half : left half. */
static void emit_tree(struct prog *p, const struct seg *segs, int lo, int hi)
{
	size_t left;
	int mid;

	if (hi - lo == 1) {
		emit(p, BPF_RET | BPF_K, 0, 0, segs[lo].verdict);
		return;
	}
	mid = (lo + hi) / 2;
	left = tree_size(lo, mid);
	if (left <= 255) {
		emit(p, BPF_JMP | BPF_JGE | BPF_K, (uint8_t)left, 0, segs[mid].start);
	} else {
		/* conditional jumps reach 255 instructions: hop over a long JA */
		emit(p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, segs[mid].start);
		emit(p, BPF_JMP | BPF_JA, 0, 0, (uint32_t)left);
	}
	emit_tree(p, segs, lo, mid);
	emit_tree(p, segs, mid, hi);
}

int seccomp_build(const struct syscall_set *set, struct sock_filter *ins, size_t max)
{
	struct seg segs[SYSCALL_NR_LIMIT + 1];
	struct prog p = {.ins = ins, .max = max};
	uint32_t nr, verdict;
	int n = 0;

	for (nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		verdict = syscall_set_has(set, nr) ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;
		if (n == 0 || segs[n - 1].verdict != verdict) {
			segs[n].start = nr;
			segs[n].verdict = verdict;
			n++;
		}
	}
	/* seccomp(2): check the architecture first, or an i386 number would
	 * be read as an x86_64 one. Other ABIs run unstopped; x32 numbers
	 * (>= 512) only stop when everything is traced. */
	emit(&p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	emit(&p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, AUDIT_ARCH_X86_64);
	emit(&p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
	emit(&p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
	emit(&p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, SYSCALL_NR_LIMIT);
	emit(&p, BPF_RET | BPF_K, 0, 0, set->others ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
	emit_tree(&p, segs, 0, n);
	return p.err ? p.err : (int)p.len;
}

int seccomp_install(const struct sock_filter *prog, int len)
{
	struct sock_fprog fp = {.len = (unsigned short)len, .filter = (struct sock_filter *)prog};

	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -errno;
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fp) < 0)
		return -errno;
	return 0;
}
