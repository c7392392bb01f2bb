/* SPDX-License-Identifier: MIT */
/* Differential test: tests/tools/strace_diff.py traces the corpus (tests/progs fam_*
 * and real commands) with strace and with renacer and compares normalised lines; at
 * least 98% must be identical. Skips when strace or python3 is missing. */
#include <criterion/criterion.h>

#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "integration/harness.h"

#define SCRIPT RN_TEST_SRC_DIR "/tests/tools/strace_diff.py"

Test(strace_diff, corpus_matches_strace_on_98_percent_of_lines, .timeout = 600)
{
	char cmd[1024];
	int st, code;

	require_ptrace();
	if (system("command -v strace >/dev/null 2>&1") != 0)
		cr_skip_test("strace is not installed (make check installs it on Debian)");
	if (system("command -v python3 >/dev/null 2>&1") != 0)
		cr_skip_test("python3 is not installed");
	snprintf(cmd, sizeof(cmd), "python3 %s --build %s --min 98 --show 20 >&2", SCRIPT,
		 RN_TEST_BUILD_DIR);
	st = system(cmd);
	cr_assert(WIFEXITED(st), "strace_diff.py did not run");
	code = WEXITSTATUS(st);
	if (code == 77)
		cr_skip_test("strace_diff.py skipped");
	cr_assert_eq(code, 0, "fewer than 98%% of normalised lines match strace (see stderr)");
}
