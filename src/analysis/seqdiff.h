/* SPDX-License-Identifier: MIT */
/* Alignment of two sequences of 16-bit tokens (syscall numbers): Myers'
 * O((N+M)·D) difference algorithm in linear space, bounded in time by a cost
 * cap per split and a work budget, past which a linear greedy alignment
 * takes over (the result is then a lower bound of the longest common
 * subsequence, and says so). */
#ifndef RN_ANALYSIS_SEQDIFF_H
#define RN_ANALYSIS_SEQDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A run of matched tokens, reported in increasing order: a[ai..ai+len)
 * equals b[bi..bi+len). Returns 0, or a negative errno to stop. */
typedef int (*seqdiff_match_fn)(void *ctx, size_t ai, size_t bi, size_t len);

#define SEQDIFF_MAX_COST   256	      /* edit steps per split before the heuristic split */
#define SEQDIFF_WORK_PER   64	      /* work budget per token of a and b... */
#define SEQDIFF_WORK_FIXED (1u << 24) /* ...plus this */
#define SEQDIFF_WINDOW	   16	      /* look-ahead of the greedy fallback */

struct seqdiff_limits {
	unsigned max_cost; /* 0: SEQDIFF_MAX_COST */
	uint64_t budget;   /* 0: SEQDIFF_WORK_PER * (n + m) + SEQDIFF_WORK_FIXED */
};

struct seqdiff_result {
	size_t lcs;	  /* tokens matched */
	bool approximate; /* a heuristic split or the greedy fallback was used */
	bool greedy;	  /* the work budget ran out: part was aligned greedily */
	uint64_t work;	  /* tokens compared and diagonals explored */
};

/*
 * Align a[0..n) with b[0..m), calling fn (may be NULL) for every matched
 * run. lim may be NULL for the defaults. Returns 0, -ENOMEM, or fn's error.
 * Exact (a longest common subsequence) as long as no split needs more than
 * 2 * max_cost edits and the budget lasts; otherwise res->approximate.
 */
int seqdiff(const uint16_t *a, size_t n, const uint16_t *b, size_t m,
	    const struct seqdiff_limits *lim, seqdiff_match_fn fn, void *ctx,
	    struct seqdiff_result *res);

#endif
