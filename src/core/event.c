/* SPDX-License-Identifier: MIT */
/* Event helpers shared by back ends and sinks. */
#include "core/event.h"

int event_first_exit_arg(const struct event *ev)
{
	int i;

	for (i = 0; i < ev->nargs; i++)
		if (arg_kind_is_out(ev->args[i].kind))
			return i;
	return ev->nargs;
}
