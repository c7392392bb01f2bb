/* SPDX-License-Identifier: MIT */
/* A streaming quantile sketch of durations: logarithmic buckets with a
 * bounded relative error (QS_REL_ERROR), fixed memory, no samples kept. */
#ifndef RN_ANALYSIS_STATS_H
#define RN_ANALYSIS_STATS_H

#include <stdint.h>

/* Bucket i holds values in (g^(i-1), g^i] with g = (1+a)/(1-a); reporting
 * the bucket's midpoint 2g^i/(1+g) gives a relative error of at most a. */
#define QS_REL_ERROR 0.01
#define QS_BINS 1400 /* covers 1 ns .. ~1e12 ns (17 minutes) at 1% */

struct qsketch {
	uint64_t count;
	uint64_t zeros;	 /* values of 0 ns */
	uint32_t *bins;	 /* owned, QS_BINS, allocated on the first add */
	uint64_t min, max;
};

void qsketch_init(struct qsketch *q);
void qsketch_fini(struct qsketch *q);
/* Returns 0 or -ENOMEM. */
int qsketch_add(struct qsketch *q, uint64_t v);
/* Value at quantile p in [0,1], within QS_REL_ERROR of an exact order
 * statistic; exact min and max at p=0 and p=1. 0 when empty. */
uint64_t qsketch_quantile(const struct qsketch *q, double p);

#endif
