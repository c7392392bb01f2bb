/* SPDX-License-Identifier: MIT */
/* Event helpers shared by back ends and sinks. */
#include "core/event.h"

int event_first_exit_arg(const struct event *ev)
{
	int i;

	for (i = 0; i < ev->nargs; i++)
		if (arg_kind_is_out(ev->args[i].kind) ||
		    (i > 0 && arg_kind_has_tail(ev->args[i - 1].kind)))
			return i;
	return ev->nargs;
}
