/* scores.c — the figures a report gives for a test's marks.
 *
 * NaN is "no mark" (absent, exempt): it is counted, not averaged.  An
 * infinite mark is not a mark at all and is an error naming the element. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "error_internal.h"

/* NaN marks mean "use the default", so callers that have no opinion can
 * pass NAN instead of repeating the defaults. */
static zj_code resolve_marks(double *pass_mark, double *excellent_mark,
                             zj_error *err)
{
    if (isnan(*pass_mark))
        *pass_mark = ZJ_PASS_MARK_DEFAULT;
    if (isnan(*excellent_mark))
        *excellent_mark = ZJ_EXCELLENT_MARK_DEFAULT;
    if (!isfinite(*pass_mark))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument pass_mark",
                       ("及格线 pass_mark 必须是有限数（现为 %g）", *pass_mark),
                       ("pass_mark must be a finite number (got %g)", *pass_mark));
    if (!isfinite(*excellent_mark))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument excellent_mark",
                       ("优秀线 excellent_mark 必须是有限数（现为 %g）", *excellent_mark),
                       ("excellent_mark must be a finite number (got %g)", *excellent_mark));
    if (*excellent_mark < *pass_mark)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument excellent_mark",
                       ("优秀线 excellent_mark（%g）不能低于及格线 pass_mark"
                        "（%g）", *excellent_mark, *pass_mark),
                       ("excellent_mark (%g) must not be below pass_mark (%g)",
                        *excellent_mark, *pass_mark));
    return ZJ_OK;
}

static zj_code check_scores(const double *scores, size_t count, zj_error *err)
{
    char where[48];
    size_t i;

    for (i = 0; i < count; i++) {
        if (isinf(scores[i])) {
            snprintf(where, sizeof where, "argument scores[%zu]", i);
            return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                           ("scores[%zu] 为无穷大（%g）：分数必须是有限数，"
                            "缺考请用 NaN", i, scores[i]),
                           ("scores[%zu] is infinite (%g); a score must be "
                            "finite, and a missing one NaN",
                            i, scores[i]));
        }
    }
    return ZJ_OK;
}

static void empty_summary(zj_score_summary *out)
{
    out->mean = out->sd = out->min = out->max = NAN;
    out->pass_rate = out->excellent_rate = NAN;
}

/* Counts, extremes and the mean in one pass; the sd in a second pass
 * around the mean, which stays accurate when the marks are large and
 * close together (the one-pass sum-of-squares formula does not). */
static void summarize(const double *scores, size_t count,
                      zj_score_summary *out)
{
    long double sum = 0, ss = 0;
    size_t i;

    for (i = 0; i < count; i++) {
        double s = scores[i];

        if (isnan(s)) {
            out->missing++;
            continue;
        }
        if (out->valid == 0 || s < out->min)
            out->min = s;
        if (out->valid == 0 || s > out->max)
            out->max = s;
        out->valid++;
        sum += s;
        out->passed += s >= out->pass_mark;
        out->excellent += s >= out->excellent_mark;
    }
    if (out->valid == 0)
        return;
    out->mean = (double)(sum / out->valid);
    for (i = 0; i < count; i++)
        if (!isnan(scores[i]))
            ss += ((long double)scores[i] - out->mean) *
                  ((long double)scores[i] - out->mean);
    /* One mark has no sample standard deviation (R: sd(x) is NA). */
    out->sd = out->valid > 1 ? sqrt((double)(ss / (out->valid - 1))) : NAN;
    out->pass_rate = (double)out->passed / (double)out->valid;
    out->excellent_rate = (double)out->excellent / (double)out->valid;
}

zj_code zj_scores_summarize(const double *scores, size_t count,
                            double pass_mark, double excellent_mark,
                            zj_score_summary *out, zj_error *err)
{
    zj_code rc;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if (!scores && count > 0)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument scores",
                       ("scores 为 NULL，但 count 为 %zu", count),
                       ("scores is NULL but count is %zu", count));
    if ((rc = resolve_marks(&pass_mark, &excellent_mark, err)) != ZJ_OK ||
        (rc = check_scores(scores, count, err)) != ZJ_OK)
        return rc;
    out->valid = out->missing = out->passed = out->excellent = 0;
    out->pass_mark = pass_mark;
    out->excellent_mark = excellent_mark;
    empty_summary(out);
    summarize(scores, count, out);
    return ZJ_OK;
}
