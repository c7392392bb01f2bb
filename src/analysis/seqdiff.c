/* SPDX-License-Identifier: MIT */
/* Sequence alignment after E. W. Myers, "An O(ND) Difference Algorithm and
 * Its Variations" (Algorithmica 1, 1986): the furthest-reaching D-paths are
 * grown from both corners of the edit graph until they meet on the "middle
 * snake", which splits the problem in two (section 4b, linear space). A
 * split that has not met after max_cost steps is made at the point of the
 * two searches that got furthest, and once the work budget is spent the
 * remaining boxes are aligned greedily with a small look-ahead; both keep
 * the alignment valid, only possibly shorter than the longest one. */
#include "analysis/seqdiff.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* A box of the edit graph still to align, or a run already known to match. */
struct box {
	size_t x0, x1, y0, y1;
	bool match;
};

struct sd {
	const uint16_t *a, *b;
	long *fv, *bv; /* furthest x per diagonal: forward (largest), backward (smallest) */
	long off;      /* index of the centre diagonal in fv and bv */
	long max_cost;
	uint64_t budget, work;
	bool approximate, greedy;
	seqdiff_match_fn fn;
	void *ctx;
	size_t lcs;
	size_t pa, pb, plen; /* pending run, merged with the next when adjacent */
	struct box *stack;   /* owned */
	size_t depth, cap;
};

#define F_NONE (-1L)	/* diagonal not reached by the forward search */
#define B_NONE LONG_MAX /* ... by the backward search */

static int flush(struct sd *s)
{
	int rc = 0;

	if (s->plen && s->fn)
		rc = s->fn(s->ctx, s->pa, s->pb, s->plen);
	s->plen = 0;
	return rc;
}

static int emit(struct sd *s, size_t ai, size_t bi, size_t len)
{
	int rc;

	if (!len)
		return 0;
	s->lcs += len;
	if (s->plen && s->pa + s->plen == ai && s->pb + s->plen == bi) {
		s->plen += len;
		return 0;
	}
	rc = flush(s);
	s->pa = ai;
	s->pb = bi;
	s->plen = len;
	return rc;
}

static int push(struct sd *s, size_t x0, size_t x1, size_t y0, size_t y1, bool match)
{
	if (s->depth == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		struct box *n = realloc(s->stack, cap * sizeof(*n));

		if (!n)
			return -ENOMEM;
		s->stack = n;
		s->cap = cap;
	}
	s->stack[s->depth++] = (struct box){ x0, x1, y0, y1, match };
	return 0;
}

/* Linear and approximate: match when equal, else skip ahead on the side
 * where the other's token reappears soonest, else skip one of each. */
static int greedy(struct sd *s, size_t x0, size_t x1, size_t y0, size_t y1)
{
	const uint16_t *a = s->a, *b = s->b;
	size_t i = x0, j = y0, k;
	int rc;

	s->approximate = s->greedy = true;
	while (i < x1 && j < y1) {
		if (a[i] == b[j]) {
			size_t i0 = i, j0 = j;

			while (i < x1 && j < y1 && a[i] == b[j])
				i++, j++;
			rc = emit(s, i0, j0, i - i0);
			if (rc < 0)
				return rc;
			continue;
		}
		for (k = 1; k <= SEQDIFF_WINDOW; k++) {
			if (i + k < x1 && a[i + k] == b[j]) {
				i += k;
				break;
			}
			if (j + k < y1 && a[i] == b[j + k]) {
				j += k;
				break;
			}
		}
		if (k > SEQDIFF_WINDOW)
			i++, j++;
	}
	s->work += (x1 - x0) + (y1 - y0);
	return 0;
}

/*
 * The split point of the box [x0,x1) x [y0,y1), whose first and last
 * tokens differ (prefix and suffix were matched already). Diagonal k holds
 * the points with x - y = k. Returns false when the heuristic point would
 * not split the box (then it is aligned greedily).
 */
static bool split(struct sd *s, long x0, long x1, long y0, long y1, long *xm, long *ym)
{
	const uint16_t *a = s->a, *b = s->b;
	const long dmin = x0 - y1, dmax = x1 - y0; /* diagonals inside the box */
	const long fmid = x0 - y0, bmid = x1 - y1; /* where each search starts */
	const bool odd = ((fmid - bmid) & 1) != 0;
	long *fv = s->fv + s->off - fmid; /* fv[k] for k in fmid +- (max_cost + 1) */
	long *bv = s->bv + s->off - bmid;
	long flo = fmid, fhi = fmid, blo = bmid, bhi = bmid; /* ranges of the last step */
	long c, k, x, y;

	fv[fmid] = x0;
	bv[bmid] = x1;
	for (c = 1;; c++) {
		long lo = fmid - c < dmin ? dmin : fmid - c;
		long hi = fmid + c > dmax ? dmax : fmid + c;

		/* forward: diagonals of the parity of fmid + c */
		if ((lo - fmid - c) & 1)
			lo++;
		if ((hi - fmid - c) & 1)
			hi--;
		if (lo - 1 < flo)
			fv[lo - 1] = F_NONE;
		if (hi + 1 > fhi)
			fv[hi + 1] = F_NONE;
		for (k = lo; k <= hi; k += 2) {
			long down = fv[k + 1], right = fv[k - 1];

			/* down from k + 1 keeps x; right from k - 1 adds one */
			if (down != F_NONE && down - k > y1)
				down = F_NONE;
			if (right != F_NONE && right + 1 > x1)
				right = F_NONE;
			else if (right != F_NONE)
				right++;
			x = down > right ? down : right;
			if (x == F_NONE) {
				fv[k] = F_NONE;
				continue;
			}
			y = x - k;
			while (x < x1 && y < y1 && a[x] == b[y])
				x++, y++;
			s->work += (uint64_t)(x - (down > right ? down : right)) + 1;
			fv[k] = x;
			if (odd && k >= blo && k <= bhi && bv[k] != B_NONE && bv[k] <= x) {
				*xm = x;
				*ym = y;
				return true;
			}
		}
		flo = lo;
		fhi = hi;

		/* backward: diagonals of the parity of bmid + c */
		lo = bmid - c < dmin ? dmin : bmid - c;
		hi = bmid + c > dmax ? dmax : bmid + c;
		if ((lo - bmid - c) & 1)
			lo++;
		if ((hi - bmid - c) & 1)
			hi--;
		if (lo - 1 < blo)
			bv[lo - 1] = B_NONE;
		if (hi + 1 > bhi)
			bv[hi + 1] = B_NONE;
		for (k = lo; k <= hi; k += 2) {
			long up = bv[k - 1], left = bv[k + 1], start;

			/* up from k - 1 keeps x; left from k + 1 takes one */
			if (up != B_NONE && up - k < y0)
				up = B_NONE;
			if (left != B_NONE && left - 1 < x0)
				left = B_NONE;
			else if (left != B_NONE)
				left--;
			x = up < left ? up : left;
			if (x == B_NONE) {
				bv[k] = B_NONE;
				continue;
			}
			start = x;
			y = x - k;
			while (x > x0 && y > y0 && a[x - 1] == b[y - 1])
				x--, y--;
			s->work += (uint64_t)(start - x) + 1;
			bv[k] = x;
			if (!odd && k >= flo && k <= fhi && fv[k] != F_NONE && x <= fv[k]) {
				*xm = x;
				*ym = y;
				return true;
			}
		}
		blo = lo;
		bhi = hi;

		if (c >= s->max_cost) {
			/* Give up on the exact middle: split where a search got furthest. */
			long fbest = -1, fx = 0, bbest = LONG_MAX, bx = 0;

			for (k = flo; k <= fhi; k += 2)
				if (fv[k] != F_NONE && 2 * fv[k] - k > fbest) {
					fbest = 2 * fv[k] - k;
					fx = fv[k];
				}
			for (k = blo; k <= bhi; k += 2)
				if (bv[k] != B_NONE && 2 * bv[k] - k < bbest) {
					bbest = 2 * bv[k] - k;
					bx = bv[k];
				}
			s->approximate = true;
			if (fbest >= 0 &&
			    (bbest == LONG_MAX || fbest - (x0 + y0) >= (x1 + y1) - bbest)) {
				*xm = fx;
				*ym = fbest - fx;
			} else if (bbest != LONG_MAX) {
				*xm = bx;
				*ym = bbest - bx;
			} else {
				return false;
			}
			return !(*xm == x0 && *ym == y0) && !(*xm == x1 && *ym == y1);
		}
	}
}

static int run(struct sd *s, size_t n, size_t m)
{
	const uint16_t *a = s->a, *b = s->b;
	int rc = push(s, 0, n, 0, m, false);

	while (!rc && s->depth) {
		struct box bx = s->stack[--s->depth];
		size_t x0 = bx.x0, x1 = bx.x1, y0 = bx.y0, y1 = bx.y1, t;
		long xm, ym;

		if (bx.match) {
			rc = emit(s, x0, y0, x1 - x0);
			continue;
		}
		for (t = 0; x0 + t < x1 && y0 + t < y1 && a[x0 + t] == b[y0 + t]; t++)
			;
		rc = emit(s, x0, y0, t);
		x0 += t;
		y0 += t;
		for (t = 0; x1 - t > x0 && y1 - t > y0 && a[x1 - t - 1] == b[y1 - t - 1]; t++)
			;
		s->work += t;
		if (t && !rc)
			rc = push(s, x1 - t, x1, y1 - t, y1, true);
		x1 -= t;
		y1 -= t;
		if (rc || x0 == x1 || y0 == y1)
			continue;
		if (s->work > s->budget ||
		    !split(s, (long)x0, (long)x1, (long)y0, (long)y1, &xm, &ym)) {
			rc = greedy(s, x0, x1, y0, y1);
			continue;
		}
		/* the second half first: the stack pops the first half next */
		rc = push(s, (size_t)xm, x1, (size_t)ym, y1, false);
		if (!rc)
			rc = push(s, x0, (size_t)xm, y0, (size_t)ym, false);
	}
	if (!rc)
		rc = flush(s);
	return rc;
}

int seqdiff(const uint16_t *a, size_t n, const uint16_t *b, size_t m,
	    const struct seqdiff_limits *lim, seqdiff_match_fn fn, void *ctx,
	    struct seqdiff_result *res)
{
	struct sd s;
	size_t vlen;
	int rc;

	memset(&s, 0, sizeof(s));
	s.a = a;
	s.b = b;
	s.fn = fn;
	s.ctx = ctx;
	s.max_cost = lim && lim->max_cost ? (long)lim->max_cost : SEQDIFF_MAX_COST;
	s.budget = lim && lim->budget ? lim->budget
				      : (uint64_t)SEQDIFF_WORK_PER * (n + m) + SEQDIFF_WORK_FIXED;
	/* diagonals fmid +- (max_cost + 1), plus the sentinels beyond */
	s.off = s.max_cost + 2;
	vlen = (size_t)(2 * s.off + 1);
	s.fv = malloc(vlen * sizeof(*s.fv));
	s.bv = malloc(vlen * sizeof(*s.bv));
	if (!s.fv || !s.bv) {
		rc = -ENOMEM;
		goto out;
	}
	rc = run(&s, n, m);
out:
	if (res) {
		res->lcs = s.lcs;
		res->approximate = s.approximate;
		res->greedy = s.greedy;
		res->work = s.work;
	}
	free(s.stack);
	free(s.fv);
	free(s.bv);
	return rc;
}
