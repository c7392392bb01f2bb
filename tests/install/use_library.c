/* SPDX-License-Identifier: MIT */
/* Built by `make check-install` against an installed librenacer through
 * pkg-config: traces cat of a file and checks what the library reports. */
#include <renacer.h>
#include <stdio.h>

int main(int argc, char **argv)
{
	char *args[] = {"cat", argc > 1 ? argv[1] : "/etc/hostname", NULL};
	struct rn_tracer *t = rn_tracer_new();
	struct rn_trace *tr;
	int ok;

	if (!t || rn_tracer_set_record(t, true) < 0 || rn_tracer_spawn(t, args) < 0 ||
	    rn_tracer_run(t) < 0) {
		fprintf(stderr, "use_library: %s\n", t ? rn_tracer_errmsg(t) : "no memory");
		return 1;
	}
	tr = rn_tracer_detach_trace(t);
	ok = rn_trace_total_syscalls(tr) > 10 && rn_trace_has_syscall(tr, "openat", args[1]);
	printf("use_library: %zu syscalls, opened %s: %s\n", rn_trace_total_syscalls(tr), args[1],
	       ok ? "yes" : "no");
	rn_trace_free(tr);
	rn_tracer_free(t);
	return ok ? 0 : 1;
}
