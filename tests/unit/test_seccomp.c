/* SPDX-License-Identifier: MIT */
/* The seccomp-bpf program, run through a small classic-BPF interpreter for
 * every syscall number, other architectures and x32 numbers. */
#include <criterion/criterion.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>

#include "backend/seccomp.h"
#include "syscalls/filter.h"

/* Interprets the opcodes seccomp_build() emits; fails the test on others. */
static uint32_t run_bpf(const struct sock_filter *prog, int len, uint32_t arch, uint32_t nr,
			int *steps)
{
	uint32_t a = 0, x = 0;
	int pc = 0;

	*steps = 0;
	while (pc < len) {
		const struct sock_filter *f = &prog[pc];

		(*steps)++;
		switch (f->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			if (f->k == offsetof(struct seccomp_data, arch))
				a = arch;
			else if (f->k == offsetof(struct seccomp_data, nr))
				a = nr;
			else
				cr_assert_fail("load of offset %u", f->k);
			pc++;
			break;
		case BPF_LD | BPF_IMM:
			a = f->k;
			pc++;
			break;
		case BPF_MISC | BPF_TAX:
			x = a;
			pc++;
			break;
		case BPF_MISC | BPF_TXA:
			a = x;
			pc++;
			break;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= f->k;
			pc++;
			break;
		case BPF_ALU | BPF_RSH | BPF_K:
			a >>= f->k;
			pc++;
			break;
		case BPF_ALU | BPF_RSH | BPF_X:
			a >>= x;
			pc++;
			break;
		case BPF_JMP | BPF_JA:
			pc += 1 + (int)f->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += 1 + (a == f->k ? f->jt : f->jf);
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += 1 + (a >= f->k ? f->jt : f->jf);
			break;
		case BPF_RET | BPF_K:
			return f->k;
		default:
			cr_assert_fail("unexpected opcode %#x at %d", f->code, pc);
		}
	}
	cr_assert_fail("fell off the end of the program");
	return 0;
}

static void check_set(const struct syscall_set *set)
{
	struct sock_filter prog[SECCOMP_PROG_MAX];
	int len = seccomp_build(set, prog, SECCOMP_PROG_MAX), steps, nr;

	cr_assert_gt(len, 0);
	for (nr = 0; nr < SYSCALL_NR_LIMIT; nr++) {
		uint32_t want = syscall_set_has(set, nr) ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;

		cr_assert_eq(run_bpf(prog, len, AUDIT_ARCH_X86_64, (uint32_t)nr, &steps), want,
			     "syscall %d", nr);
		cr_assert_leq(steps, 16, "syscall %d took %d instructions", nr, steps);
	}
	/* i386 numbers must not be read as x86_64 ones; x32 numbers run. */
	cr_assert_eq(run_bpf(prog, len, AUDIT_ARCH_I386, 5, &steps), SECCOMP_RET_ALLOW);
	cr_assert_eq(run_bpf(prog, len, AUDIT_ARCH_X86_64, 0x40000000 | 257, &steps),
		     set->others ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
}

static void parse(struct syscall_set *s, const char *expr)
{
	char err[256];
	bool first = true;

	syscall_set_fill(s, false);
	cr_assert_eq(filter_parse_trace(s, &first, expr, err, sizeof(err)), 0, "%s", err);
}

/* The kernel's seccomp action cache (Linux 5.11+) precomputes the verdict
 * per syscall number only for filters made of these instructions. */
static void check_cacheable(const struct syscall_set *set)
{
	struct sock_filter prog[SECCOMP_PROG_MAX];
	int len = seccomp_build(set, prog, SECCOMP_PROG_MAX), i;

	cr_assert_gt(len, 0);
	for (i = 0; i < len; i++) {
		uint16_t c = prog[i].code;

		cr_assert(c == (BPF_LD | BPF_W | BPF_ABS) || c == (BPF_JMP | BPF_JEQ | BPF_K) ||
				  c == (BPF_JMP | BPF_JGE | BPF_K) || c == (BPF_JMP | BPF_JA) ||
				  c == (BPF_RET | BPF_K),
			  "instruction %d (%#x) defeats the seccomp action cache", i, c);
	}
}

Test(seccomp, program_stays_within_what_the_kernel_cache_evaluates)
{
	struct syscall_set s;
	int nr;

	syscall_set_fill(&s, false);
	for (nr = 0; nr < SYSCALL_NR_LIMIT; nr += 2)
		s.bits[nr / 64] |= 1ull << (nr % 64);
	check_cacheable(&s);
}

Test(seccomp, single_syscall_is_traced_and_nothing_else)
{
	struct syscall_set s;

	parse(&s, "openat");
	check_set(&s);
}

Test(seccomp, every_set_shape_matches_the_bitset)
{
	static const char *const exprs[] = {
		"%file", "!close", "%network,read,write", "/^(read|write|pread64)$",
		"%process,%signal,%memory", "!%desc", "none",
	};
	struct syscall_set s;
	size_t i;

	for (i = 0; i < sizeof(exprs) / sizeof(exprs[0]); i++) {
		parse(&s, exprs[i]);
		check_set(&s);
	}
}

Test(seccomp, alternating_numbers_still_fit_the_jump_limits)
{
	struct syscall_set s;
	int nr;

	syscall_set_fill(&s, false);
	for (nr = 0; nr < SYSCALL_NR_LIMIT; nr += 2)
		s.bits[nr / 64] |= 1ull << (nr % 64);
	check_set(&s);
}
