/* SPDX-License-Identifier: MIT */
/* The compare subcommand: renacer compare GOLDEN CURRENT. */
#ifndef RN_CLI_COMPARE_H
#define RN_CLI_COMPARE_H

#include <stdio.h>

/* argv[0] is "compare". Returns the exit code: 0 no regression, 1 regression,
 * 2 usage or input error, 3 internal error. */
int compare_main(int argc, char **argv);
void usage_compare_print(FILE *f);

#endif
