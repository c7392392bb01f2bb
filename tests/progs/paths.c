/* SPDX-License-Identifier: MIT */
/* Creates, writes "hello\n" to, closes and removes files whose names need
 * escaping (quote, backslash, newline, tab, control bytes, invalid and valid
 * UTF-8), in a fresh directory under /tmp; then opens a missing file. The
 * same names are listed in tests/tools/check_trace.py. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static const char *const names[] = {
	"quote\"name",
	"back\\slash",
	"new\nline",
	"tab\there",
	"bad\xff\xfeutf8",
	"utf8-\xc3\xa9",
	"ctl\x01"
	"7\x7f",
	"comma, \"both\"",
};

int main(void)
{
	char dir[] = "/tmp/rn-paths-XXXXXX";
	char path[256];
	size_t i;
	int fd, rc = 0;

	if (!mkdtemp(dir))
		return 1;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (fd < 0 || write(fd, "hello\n", 6) != 6 || close(fd) < 0 || unlink(path) < 0)
			rc = 1;
	}
	if (rmdir(dir) < 0)
		rc = 1;
	if (open("/nonexistent/renacer-paths", O_RDONLY) >= 0)
		rc = 1;
	return rc;
}
