/* SPDX-License-Identifier: MIT */
/* Streaming quantile sketch (logarithmic buckets, bounded relative error). */
#include "analysis/stats.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>

#define QS_GAMMA ((1.0 + QS_REL_ERROR) / (1.0 - QS_REL_ERROR))

void qsketch_init(struct qsketch *q)
{
	q->count = 0;
	q->zeros = 0;
	q->bins = NULL;
	q->min = UINT64_MAX;
	q->max = 0;
}

void qsketch_fini(struct qsketch *q)
{
	free(q->bins);
	q->bins = NULL;
}

static int bin_of(uint64_t v)
{
	double i = ceil(log((double)v) / log(QS_GAMMA));

	if (i < 0)
		return 0;
	if (i >= QS_BINS)
		return QS_BINS - 1;
	return (int)i;
}

int qsketch_add(struct qsketch *q, uint64_t v)
{
	if (v < q->min)
		q->min = v;
	if (v > q->max)
		q->max = v;
	q->count++;
	if (v == 0) {
		q->zeros++;
		return 0;
	}
	if (!q->bins) {
		q->bins = calloc(QS_BINS, sizeof(*q->bins));
		if (!q->bins) {
			q->count--;
			return -ENOMEM;
		}
	}
	q->bins[bin_of(v)]++;
	return 0;
}

uint64_t qsketch_quantile(const struct qsketch *q, double p)
{
	uint64_t rank, seen;
	int i;

	if (!q->count)
		return 0;
	if (p <= 0)
		return q->min;
	if (p >= 1)
		return q->max;
	/* the order statistic of rank ceil(p * n), 1-based */
	rank = (uint64_t)ceil(p * (double)q->count);
	if (rank < 1)
		rank = 1;
	seen = q->zeros;
	if (rank <= seen)
		return 0;
	for (i = 0; q->bins && i < QS_BINS; i++) {
		seen += q->bins[i];
		if (seen >= rank) {
			double mid = 2.0 * pow(QS_GAMMA, i) / (1.0 + QS_GAMMA);
			uint64_t v = (uint64_t)llround(mid);

			/* never outside what was seen */
			if (v < q->min)
				v = q->min;
			if (v > q->max)
				v = q->max;
			return v;
		}
	}
	return q->max;
}
