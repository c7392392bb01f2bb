/* SPDX-License-Identifier: MIT */
/* The table of output formats. A new format is one file plus one line here. */
#include "output/sink.h"

#include <errno.h>
#include <string.h>

#include "output/csv.h"
#include "output/json.h"
#include "output/text.h"

static const struct {
	const char *name;
	struct sink *(*create)(void);
} formats[] = {
	{"text", text_sink_new},
	{"json", json_sink_new},
	{"jsonl", jsonl_sink_new},
	{"csv", csv_sink_new},
};

bool sink_format_exists(const char *format)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (!strcmp(formats[i].name, format))
			return true;
	return false;
}

struct sink *sink_new(const char *format, int fd, bool close_fd, bool linebuf)
{
	size_t i;

	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		struct sink *s;

		if (strcmp(formats[i].name, format))
			continue;
		s = formats[i].create();
		if (!s) {
			errno = ENOMEM;
			return NULL;
		}
		out_init(&s->out, fd, close_fd, linebuf);
		return s;
	}
	errno = EINVAL;
	return NULL;
}

void sink_free(struct sink *s)
{
	if (!s)
		return;
	out_fini(&s->out);
	s->ops->free(s);
}
