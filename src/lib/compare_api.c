/* SPDX-License-Identifier: MIT */
/* Golden-trace comparison in include/renacer.h: a public rn_compare_opts
 * wraps analysis/compare.h's options, an rn_report is its report. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/compare.h"
#include "output/report.h"
#include "renacer.h"
#include "util/buf.h"

struct rn_compare_opts {
	struct cmp_opts o;
};

static const struct cmp_report *R(const struct rn_report *r)
{
	return (const struct cmp_report *)r;
}

RN_API struct rn_compare_opts *rn_compare_opts_new(void)
{
	struct rn_compare_opts *o = calloc(1, sizeof(*o));

	if (o)
		cmp_opts_init(&o->o);
	return o;
}

RN_API void rn_compare_opts_free(struct rn_compare_opts *o)
{
	if (!o)
		return;
	cmp_opts_fini(&o->o);
	free(o);
}

RN_API int rn_compare_opts_set_threshold(struct rn_compare_opts *o, const char *spec, char *err,
					 size_t errlen)
{
	return cmp_opts_threshold(&o->o, spec, err, errlen);
}

RN_API int rn_compare_opts_set_ignore_timing(struct rn_compare_opts *o, bool on)
{
	o->o.ignore_timing = on;
	return 0;
}

RN_API int rn_compare_opts_set_match_errors(struct rn_compare_opts *o, bool on)
{
	o->o.match_errors = on;
	return 0;
}

RN_API struct rn_report *rn_compare_files(const char *golden, const char *current,
					  const struct rn_compare_opts *opts, char *err,
					  size_t errlen)
{
	return (struct rn_report *)cmp_files(golden, current, opts ? &opts->o : NULL, err, errlen);
}

RN_API void rn_report_free(struct rn_report *r)
{
	cmp_report_free((struct cmp_report *)r);
}

RN_API bool rn_report_regressed(const struct rn_report *r)
{
	return R(r)->regressed;
}

static int render(const struct rn_report *r, bool json, bool color, char **out)
{
	struct buf b = BUF_INIT;
	int rc = json ? report_render_json(R(r), &b) : report_render_text(R(r), color, &b);

	if (rc < 0) {
		buf_fini(&b);
		return rc;
	}
	*out = buf_detach(&b);
	return *out ? 0 : -ENOMEM;
}

RN_API int rn_report_render_text(const struct rn_report *r, bool color, char **out)
{
	return render(r, false, color, out);
}

RN_API int rn_report_render_json(const struct rn_report *r, char **out)
{
	return render(r, true, false, out);
}

RN_API size_t rn_report_metric_count(const struct rn_report *r)
{
	return R(r)->nmetrics;
}

RN_API const char *rn_report_metric_name(const struct rn_report *r, size_t i)
{
	return i < R(r)->nmetrics ? R(r)->metrics[i].name : NULL;
}

RN_API bool rn_report_metric(const struct rn_report *r, const char *name, uint64_t *before,
			     uint64_t *after, enum rn_verdict *verdict)
{
	const struct cmp_metric *m = cmp_report_metric(R(r), name);

	if (!m)
		return false;
	if (before)
		*before = m->before;
	if (after)
		*after = m->after;
	if (verdict)
		*verdict = (enum rn_verdict)m->verdict;
	return true;
}

RN_API double rn_report_equivalence(const struct rn_report *r)
{
	return R(r)->seq.available ? R(r)->seq.equivalence : -1.0;
}

RN_API size_t rn_report_new_path_count(const struct rn_report *r)
{
	return R(r)->new_paths.count;
}

RN_API const char *rn_report_new_path(const struct rn_report *r, size_t i)
{
	return i < R(r)->new_paths.count ? R(r)->new_paths.items[i].text : NULL;
}

_Static_assert((int)RN_VERDICT_REGRESSED == (int)CMP_REGRESSED &&
		   (int)RN_VERDICT_NA == (int)CMP_NA && (int)RN_VERDICT_IGNORED == (int)CMP_IGNORED,
	       "enum rn_verdict mirrors enum cmp_verdict");
