/* SPDX-License-Identifier: MIT */
/* The streaming quantile sketch against exact order statistics of known
 * distributions: within QS_REL_ERROR, exact extremes, fixed memory. */
#include <criterion/criterion.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/stats.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define NVALUES	 100000

/* A fixed pseudo-random sequence (xorshift64*), the same on every run. */
struct rng {
	uint64_t s;
};

static uint64_t rng_next(struct rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 2685821657736338717ull;
}

/* Uniform in (0, 1]. */
static double rng_unit(struct rng *r)
{
	return ((double)(rng_next(r) >> 11) + 1.0) / 9007199254740992.0;
}

/* Each generator fills v[0..n) in a deterministic order. */
static void gen_uniform(uint64_t *v, size_t n, struct rng *r)
{
	size_t i;

	/* 1..n, each once, shuffled */
	for (i = 0; i < n; i++)
		v[i] = i + 1;
	for (i = n - 1; i > 0; i--) {
		size_t j = rng_next(r) % (i + 1);
		uint64_t t = v[i];

		v[i] = v[j];
		v[j] = t;
	}
}

static void gen_exponential(uint64_t *v, size_t n, struct rng *r)
{
	size_t i;

	/* mean 20 us, like syscall latencies with a long tail */
	for (i = 0; i < n; i++)
		v[i] = 1 + (uint64_t)(-20000.0 * log(rng_unit(r)));
}

static void gen_constant(uint64_t *v, size_t n, struct rng *r)
{
	size_t i;

	(void)r;
	for (i = 0; i < n; i++)
		v[i] = 12345;
}

static void gen_bimodal(uint64_t *v, size_t n, struct rng *r)
{
	size_t i;

	/* fast cached calls around 1 us, slow ones around 5 ms */
	for (i = 0; i < n; i++)
		v[i] = (rng_next(r) % 10 < 7) ? 900 + rng_next(r) % 200
					      : 4000000 + rng_next(r) % 2000000;
}

static void gen_small(uint64_t *v, size_t n, struct rng *r)
{
	size_t i;

	/* 0..9 ns: zeros and the smallest buckets, where rounding matters */
	for (i = 0; i < n; i++)
		v[i] = rng_next(r) % 10;
}

static void gen_wide(uint64_t *v, size_t n, struct rng *r)
{
	size_t i;

	/* log-uniform from 1 ns to ~1000 s */
	for (i = 0; i < n; i++)
		v[i] = (uint64_t)exp(rng_unit(r) * log(1e12));
}

static const struct {
	const char *name;
	void (*gen)(uint64_t *v, size_t n, struct rng *r);
	size_t n;
} dists[] = {
	{ "uniform 1..100000", gen_uniform, NVALUES },
	{ "exponential", gen_exponential, NVALUES },
	{ "constant", gen_constant, 1000 },
	{ "bimodal", gen_bimodal, NVALUES },
	{ "small", gen_small, 1000 },
	{ "log-uniform", gen_wide, NVALUES },
	{ "one value", gen_constant, 1 },
	{ "two values", gen_uniform, 2 },
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The exact order statistic of rank ceil(p * n), 1-based, of sorted v. */
static uint64_t exact_quantile(const uint64_t *sorted, size_t n, double p)
{
	uint64_t rank = (uint64_t)ceil(p * (double)n);

	if (rank < 1)
		rank = 1;
	return sorted[rank - 1];
}

Test(qsketch, quantiles_are_within_the_relative_error_of_exact_values)
{
	static const double ps[] = { 0.5, 0.9, 0.99 };
	size_t d, i, k;

	for (d = 0; d < COUNT(dists); d++) {
		size_t n = dists[d].n;
		uint64_t *v = malloc(n * sizeof(*v));
		struct rng r = { 0x9e3779b97f4a7c15ull + d };
		struct qsketch q;

		cr_assert_not_null(v);
		dists[d].gen(v, n, &r);
		qsketch_init(&q);
		for (i = 0; i < n; i++)
			cr_assert_eq(qsketch_add(&q, v[i]), 0);
		qsort(v, n, sizeof(*v), cmp_u64);
		cr_expect_eq(q.count, n, "%s: count", dists[d].name);
		for (k = 0; k < COUNT(ps); k++) {
			uint64_t want = exact_quantile(v, n, ps[k]);
			uint64_t got = qsketch_quantile(&q, ps[k]);
			double tol = QS_REL_ERROR * (double)want + 1.0;

			cr_expect_leq(fabs((double)got - (double)want), tol,
				      "%s: p%g = %llu, exact %llu (tolerance %.1f)", dists[d].name,
				      ps[k] * 100, (unsigned long long)got,
				      (unsigned long long)want, tol);
		}
		cr_expect_eq(qsketch_quantile(&q, 0), v[0], "%s: min", dists[d].name);
		cr_expect_eq(qsketch_quantile(&q, 1), v[n - 1], "%s: max", dists[d].name);
		cr_expect_eq(q.min, v[0], "%s: min field", dists[d].name);
		cr_expect_eq(q.max, v[n - 1], "%s: max field", dists[d].name);
		qsketch_fini(&q);
		free(v);
	}
}

Test(qsketch, every_quantile_of_a_uniform_distribution_is_within_the_error)
{
	uint64_t *v = malloc(NVALUES * sizeof(*v));
	struct rng r = { 42 };
	struct qsketch q;
	size_t i;
	int pct;

	cr_assert_not_null(v);
	gen_uniform(v, NVALUES, &r);
	qsketch_init(&q);
	for (i = 0; i < NVALUES; i++)
		qsketch_add(&q, v[i]);
	qsort(v, NVALUES, sizeof(*v), cmp_u64);
	for (pct = 1; pct < 100; pct++) {
		double p = pct / 100.0;
		uint64_t want = exact_quantile(v, NVALUES, p);
		uint64_t got = qsketch_quantile(&q, p);

		cr_expect_leq(fabs((double)got - (double)want), QS_REL_ERROR * (double)want + 1.0,
			      "p%d = %llu, exact %llu", pct, (unsigned long long)got,
			      (unsigned long long)want);
	}
	qsketch_fini(&q);
	free(v);
}

Test(qsketch, quantiles_never_leave_the_range_seen)
{
	static const uint64_t vals[] = { 1000, 1001, 1002 };
	static const double ps[] = { 0.01, 0.5, 0.99 };
	struct qsketch q;
	size_t i;

	qsketch_init(&q);
	for (i = 0; i < COUNT(vals); i++)
		qsketch_add(&q, vals[i]);
	for (i = 0; i < COUNT(ps); i++) {
		uint64_t got = qsketch_quantile(&q, ps[i]);

		cr_expect(got >= 1000 && got <= 1002, "p%g = %llu", ps[i] * 100,
			  (unsigned long long)got);
	}
	qsketch_fini(&q);
}

Test(qsketch, empty_sketch_reports_zero)
{
	static const double ps[] = { 0, 0.5, 0.9, 0.99, 1 };
	struct qsketch q;
	size_t i;

	qsketch_init(&q);
	for (i = 0; i < COUNT(ps); i++)
		cr_expect_eq(qsketch_quantile(&q, ps[i]), 0, "p=%g", ps[i]);
	cr_expect_eq(q.count, 0);
	cr_expect_null(q.bins, "an empty sketch allocates nothing");
	qsketch_fini(&q);
}

Test(qsketch, zeros_are_counted_and_reported_as_zero)
{
	struct qsketch q;
	int i;

	qsketch_init(&q);
	for (i = 0; i < 60; i++)
		qsketch_add(&q, 0);
	for (i = 0; i < 40; i++)
		qsketch_add(&q, 5000);
	cr_expect_eq(q.count, 100);
	cr_expect_eq(q.zeros, 60);
	cr_expect_eq(qsketch_quantile(&q, 0.5), 0);
	cr_expect_eq(qsketch_quantile(&q, 0.6), 0);
	cr_expect_leq(llabs((long long)qsketch_quantile(&q, 0.61) - 5000), 51);
	cr_expect_eq(qsketch_quantile(&q, 0), 0);
	cr_expect_eq(qsketch_quantile(&q, 1), 5000);
	qsketch_fini(&q);
}

Test(qsketch, memory_is_fixed_whatever_the_number_of_values)
{
	struct rng r = { 7 };
	struct qsketch q;
	uint32_t *bins;
	uint64_t sum = 0;
	size_t i;

	qsketch_init(&q);
	qsketch_add(&q, 1);
	bins = q.bins;
	cr_assert_not_null(bins);
	/* a million values over twelve decades: the same array, no growth */
	for (i = 0; i < 1000000; i++)
		cr_assert_eq(qsketch_add(&q, (uint64_t)exp(rng_unit(&r) * log(1e12))), 0);
	cr_expect_eq(q.bins, bins, "the bucket array was reallocated");
	for (i = 0; i < QS_BINS; i++)
		sum += q.bins[i];
	cr_expect_eq(sum + q.zeros, q.count, "every value is in exactly one bucket");
	cr_expect_eq(q.count, 1000001);
	qsketch_fini(&q);
	cr_expect_null(q.bins);
}

Test(qsketch, fini_twice_is_harmless)
{
	struct qsketch q;

	qsketch_init(&q);
	qsketch_add(&q, 10);
	qsketch_fini(&q);
	qsketch_fini(&q);
}
