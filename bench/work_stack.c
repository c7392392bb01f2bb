/* SPDX-License-Identifier: MIT */
/* Built with -g -fno-omit-frame-pointer: N/2 iterations, each making two
 * system calls (getppid, a 1-byte write to /dev/null) at the bottom of two
 * different chains of four user functions, so stack capture (-s) and
 * --flamegraph have real frames and two distinct stacks to attribute.
 * Usage: work_stack N [TIMEFILE]   (N = number of system calls) */
#include <sys/syscall.h>
#include "work_common.h"

#define NOINLINE __attribute__((noinline))
/* An empty asm after each call keeps gcc from turning it into a tail call
 * (which would drop the caller's frame). */
#define KEEP() __asm__ volatile("" ::: "memory")

static int null_fd = -1;
static volatile long sink;

NOINLINE static void leaf_getppid(long i) { sink += syscall(SYS_getppid) + i; KEEP(); }
NOINLINE static void lookup_entry(long i) { leaf_getppid(i); KEEP(); }
NOINLINE static void parse_record(long i) { lookup_entry(i + 1); KEEP(); }
NOINLINE static void load_config(long i) { parse_record(i + 1); KEEP(); }

NOINLINE static void leaf_write(long i) { char c = (char)i; sink += write(null_fd, &c, 1); KEEP(); }
NOINLINE static void flush_buffer(long i) { leaf_write(i); KEEP(); }
NOINLINE static void render_row(long i) { flush_buffer(i + 1); KEEP(); }
NOINLINE static void emit_report(long i) { render_row(i + 1); KEEP(); }

int main(int argc, char **argv)
{
	long iters = work_n(argc, argv, 100000) / 2;
	null_fd = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (null_fd < 0)
		return 1;
	work_start();
	for (long i = 0; i < iters; i++) {
		load_config(i);
		emit_report(i);
	}
	work_stop(argc, argv, 2 * iters);
	return 0;
}
