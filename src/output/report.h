/* SPDX-License-Identifier: MIT */
/* Rendering of a comparison report (analysis/compare.h): the human text
 * and the JSON for machines (doc/compare.md describes both). */
#ifndef RN_OUTPUT_REPORT_H
#define RN_OUTPUT_REPORT_H

#include <stdbool.h>

struct buf;
struct cmp_report;

/* Append the text report; color: ANSI colours. Returns 0 or -ENOMEM. */
int report_render_text(const struct cmp_report *r, bool color, struct buf *out);
/* Append the JSON document ("format": "renacer-compare-v1"). Returns 0 or -ENOMEM. */
int report_render_json(const struct cmp_report *r, struct buf *out);

#endif
