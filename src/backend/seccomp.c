/* SPDX-License-Identifier: MIT */
/* The seccomp-bpf program: a binary search over the 32-bit words of the
 * syscall bitset, then a bit test, so a filter of any size runs at most 18
 * instructions per syscall. */
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

/* Words of 32 bits: classic BPF has a 32-bit accumulator. */
#define WORDS (SYSCALL_NR_LIMIT / 32)

enum label { L_NONE = 0, L_ALLOW, L_TRACE };

struct prog {
	struct sock_filter *ins;
	size_t len, max;
	/* jumps to the two final returns, patched at the end */
	struct {
		size_t at;
		enum label jt, jf;
	} fix[WORDS * 4];
	size_t nfix;
	int err;
};

static size_t emit(struct prog *p, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (p->len == p->max) {
		p->err = -E2BIG;
		return p->len;
	}
	p->ins[p->len] = (struct sock_filter)BPF_JUMP(code, k, jt, jf);
	return p->len++;
}

/* A conditional jump whose targets are the final returns (or fall-through). */
static void emit_to(struct prog *p, uint16_t code, uint32_t k, enum label jt, enum label jf)
{
	size_t at = emit(p, code, 0, 0, k);

	if (p->nfix < sizeof(p->fix) / sizeof(p->fix[0])) {
		p->fix[p->nfix].at = at;
		p->fix[p->nfix].jt = jt;
		p->fix[p->nfix].jf = jf;
		p->nfix++;
	} else {
		p->err = -E2BIG;
	}
}

static uint32_t word_of(const struct syscall_set *set, int w)
{
	return (uint32_t)(set->bits[w / 2] >> (32 * (w % 2)));
}

/* A = nr >> 5 and X = nr on entry. */
static void emit_tree(struct prog *p, const struct syscall_set *set, int lo, int hi)
{
	if (hi - lo == 1) {
		uint32_t word = word_of(set, lo);

		if (word == 0) {
			emit_to(p, BPF_JMP | BPF_JA, 0, L_ALLOW, L_NONE);
		} else if (word == UINT32_MAX) {
			emit_to(p, BPF_JMP | BPF_JA, 0, L_TRACE, L_NONE);
		} else {
			emit(p, BPF_MISC | BPF_TXA, 0, 0, 0);	     /* A = nr */
			emit(p, BPF_ALU | BPF_AND | BPF_K, 0, 0, 31); /* A = nr % 32 */
			emit(p, BPF_MISC | BPF_TAX, 0, 0, 0);	     /* X = bit */
			emit(p, BPF_LD | BPF_IMM, 0, 0, word);
			emit(p, BPF_ALU | BPF_RSH | BPF_X, 0, 0, 0);
			emit(p, BPF_ALU | BPF_AND | BPF_K, 0, 0, 1);
			emit_to(p, BPF_JMP | BPF_JEQ | BPF_K, 1, L_TRACE, L_ALLOW);
		}
		return;
	} else {
		int mid = (lo + hi) / 2;
		size_t jump = emit(p, BPF_JMP | BPF_JGE | BPF_K, 0, 0, (uint32_t)mid);

		emit_tree(p, set, lo, mid);
		if (!p->err && p->len - jump - 1 > 255)
			p->err = -E2BIG;
		else if (!p->err)
			p->ins[jump].jt = (uint8_t)(p->len - jump - 1);
		emit_tree(p, set, mid, hi);
	}
}

int seccomp_build(const struct syscall_set *set, struct sock_filter *ins, size_t max)
{
	struct prog p = {.ins = ins, .max = max};
	size_t allow, trace, i;

	/* seccomp(2): check the architecture first, or an i386 number would
	 * be read as an x86_64 one. Other ABIs and x32 numbers (>= 512) run
	 * untraced: renacer names x86_64 calls only. */
	emit(&p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, arch));
	emit_to(&p, BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, L_NONE, L_ALLOW);
	emit(&p, BPF_LD | BPF_W | BPF_ABS, 0, 0, offsetof(struct seccomp_data, nr));
	emit_to(&p, BPF_JMP | BPF_JGE | BPF_K, SYSCALL_NR_LIMIT,
		set->others ? L_TRACE : L_ALLOW, L_NONE);
	emit(&p, BPF_MISC | BPF_TAX, 0, 0, 0);
	emit(&p, BPF_ALU | BPF_RSH | BPF_K, 0, 0, 5);
	emit_tree(&p, set, 0, WORDS);
	allow = emit(&p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_ALLOW);
	trace = emit(&p, BPF_RET | BPF_K, 0, 0, SECCOMP_RET_TRACE);
	if (p.err)
		return p.err;
	for (i = 0; i < p.nfix; i++) {
		struct sock_filter *f = &ins[p.fix[i].at];
		size_t next = p.fix[i].at + 1;
		size_t t = p.fix[i].jt == L_ALLOW ? allow : p.fix[i].jt == L_TRACE ? trace : next;
		size_t e = p.fix[i].jf == L_ALLOW ? allow : p.fix[i].jf == L_TRACE ? trace : next;

		if (BPF_OP(f->code) == BPF_JA) {
			f->k = (uint32_t)(t - next);
			continue;
		}
		if (t - next > 255 || e - next > 255)
			return -E2BIG;
		f->jt = (uint8_t)(t - next);
		f->jf = (uint8_t)(e - next);
	}
	return (int)p.len;
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
