/* SPDX-License-Identifier: MIT */
/* --help text. Every option here is also in doc/renacer.1.md. */
#include <stdio.h>

#include "cli/options.h"

void usage_print(FILE *f)
{
	fputs("Usage: renacer [OPTIONS] [--] COMMAND [ARGS...]\n"
	      "       renacer [OPTIONS] -p PID[,PID...]\n"
	      "\n"
	      "Trace the system calls of COMMAND (or of running processes) and print one\n"
	      "line per call, as strace does.\n"
	      "\n"
	      "Options:\n"
	      "  -f, --follow-forks     trace child processes and threads too; lines get a\n"
	      "                         [pid N] prefix once more than one task exists\n"
	      "  -p, --attach PID[,PID] attach to running processes (all their threads);\n"
	      "                         Ctrl-C detaches and leaves them running\n"
	      "  -o, --output FILE      write the trace to FILE instead of stderr\n"
	      "      --string-limit N   show at most N bytes of strings and buffers\n"
	      "                         (strace's -s; default 32)\n"
	      "  -q, --quiet            suppress attach/detach messages; -qq also the\n"
	      "                         '+++ exited with N +++' lines\n"
	      "  -h, --help             show this help\n"
	      "  -V, --version          show the version\n"
	      "\n"
	      "Exit status: the traced command's own status (128+N when killed by signal N);\n"
	      "126 when COMMAND cannot be executed, 127 when it is not found; 1 when\n"
	      "attaching fails; 2 for a usage error; 3 for an internal error.\n",
	      f);
}
