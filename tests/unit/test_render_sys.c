/* SPDX-License-Identifier: MIT */
/* Renderers of openat2's open_how, utimensat times, cpu sets, capabilities
 * and fanotify flags, from fixed bytes. Expected strings are what strace 6.1
 * prints for the same values (tests/progs/fam_ext.c in the differential run). */
#include <criterion/criterion.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/event.h"
#include "output/render.h"
#include "syscalls/table.h"
#include "util/buf.h"

static struct buf out = BUF_INIT;

static const char *render_with(const char *name, int i, const void *data, uint32_t len,
			       int64_t ret)
{
	static struct event ev;
	const struct syscall_desc *sc = syscall_by_name(name);
	int k;

	cr_assert_not_null(sc, "%s", name);
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.sc = sc;
	ev.nr = sc->nr;
	ev.nargs = sc->nargs;
	ev.ret = ret;
	for (k = 0; k < sc->nargs; k++) {
		ev.args[k].kind = sc->args[k];
		ev.args[k].raw = 0x1000;
	}
	if (data) {
		ev.args[i].state = ARG_S_DATA;
		ev.args[i].data = data;
		ev.args[i].len = len;
	}
	buf_reset(&out);
	render_arg(&out, &ev, i, NULL);
	return out.data;
}

Test(render_sys, open_how_shows_flags_and_resolve)
{
	uint64_t how[3] = {0x80000 /* O_CLOEXEC */, 0, 0x04 /* RESOLVE_NO_SYMLINKS */};

	cr_assert_str_eq(render_with("openat2", 2, how, sizeof(how), 3),
			 "{flags=O_RDONLY|O_CLOEXEC, resolve=RESOLVE_NO_SYMLINKS}");
	how[0] = 0101; /* O_WRONLY|O_CREAT: the mode is meaningful */
	how[1] = 0644;
	cr_assert(strstr(render_with("openat2", 2, how, sizeof(how), 3), "mode=0644"), "%s",
		  out.data);
}

Test(render_sys, utimensat_times_name_the_special_values)
{
	int64_t ts[4] = {1, 2, 0, (1l << 30) - 2 /* UTIME_OMIT */};

	setenv("TZ", "UTC", 1);
	tzset();
	cr_assert_str_eq(render_with("utimensat", 2, ts, sizeof(ts), 0),
			 "[{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, "
			 "UTIME_OMIT]");
	ts[1] = (1l << 30) - 1; /* UTIME_NOW */
	ts[3] = (1l << 30) - 1;
	cr_assert_str_eq(render_with("utimensat", 2, ts, sizeof(ts), 0), "[UTIME_NOW, UTIME_NOW]");
}

Test(render_sys, cpu_set_lists_the_cpus_the_kernel_returned)
{
	uint64_t set[16] = {0x3};

	cr_assert_str_eq(render_with("sched_getaffinity", 2, set, 8, 8), "[0 1]");
	set[0] = 0x1 | (1ull << 9);
	cr_assert_str_eq(render_with("sched_getaffinity", 2, set, 8, 8), "[0 9]");
}

Test(render_sys, capability_header_and_sets)
{
	uint32_t hdr[2] = {0x20080522, 0};
	uint32_t data[6] = {1u << 5, 1u << 5, 0, 0, 0, 0}; /* CAP_KILL, two 32-bit halves */

	cr_assert_str_eq(render_with("capget", 0, hdr, sizeof(hdr), 0),
			 "{version=_LINUX_CAPABILITY_VERSION_3, pid=0}");
	cr_assert_str_eq(render_with("capset", 1, data, sizeof(data), 0),
			 "{effective=1<<CAP_KILL, permitted=1<<CAP_KILL, inheritable=0}");
}

Test(render_sys, fanotify_init_splits_class_and_flags)
{
	static struct event ev;
	const struct syscall_desc *sc = syscall_by_name("fanotify_init");

	cr_assert_not_null(sc);
	memset(&ev, 0, sizeof(ev));
	ev.type = EV_SYSCALL_EXIT;
	ev.sc = sc;
	ev.nr = sc->nr;
	ev.nargs = sc->nargs;
	ev.args[0].kind = sc->args[0];
	ev.args[0].raw = 0x3; /* FAN_CLASS_NOTIF (0) | FAN_CLOEXEC | FAN_NONBLOCK */
	buf_reset(&out);
	render_arg(&out, &ev, 0, NULL);
	cr_assert_str_eq(out.data, "FAN_CLASS_NOTIF|FAN_CLOEXEC|FAN_NONBLOCK");
}
