/* composite.c — weighted composite scores (e.g. a 转段 evaluation that is
 * 30% 文化课, 30% 专业课, 10% 综合素质 and 30% 技能).
 *
 * Weights are shares of 1.  A set that sums to 100 (percentages) or to
 * 0.9 (a forgotten component) is rejected rather than rescaled: either
 * would silently change every student's result. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "error_internal.h"

#define WEIGHT_SUM_TOL 1e-9

static zj_code check_weights(const double *weights, size_t components,
                             zj_error *err)
{
    char where[48];
    double sum = 0;
    size_t j;

    for (j = 0; j < components; j++) {
        if (!(isfinite(weights[j]) && weights[j] >= 0)) {
            snprintf(where, sizeof where, "argument weights[%zu]", j);
            return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                           ("权重 weights[%zu] 必须是不小于 0 的有限数"
                            "（现为 %g）", j, weights[j]),
                           ("weights[%zu] must be a finite number >= 0 "
                            "(got %g)", j, weights[j]));
        }
        sum += weights[j];
    }
    if (fabs(sum - 1) > WEIGHT_SUM_TOL)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument weights",
                       ("%zu 个权重 weights 之和为 %.15g，应为 1"
                        "（误差不超过 1e-9）", components, sum),
                       ("the %zu weights sum to %.15g; expected 1 "
                        "(within 1e-9)", components, sum));
    return ZJ_OK;
}

/* The index of the first non-finite component of one row, or `components`
 * when there is none. */
static size_t first_bad(const double *row, size_t components)
{
    size_t j;

    for (j = 0; j < components; j++)
        if (!isfinite(row[j]))
            return j;
    return components;
}

static double weighted_sum(const double *row, const double *weights,
                           size_t components)
{
    double sum = 0;
    size_t j;

    for (j = 0; j < components; j++)
        sum += weights[j] * row[j];
    return sum;
}

zj_code zj_composite(const double *scores, const double *weights,
                     size_t components, double *out, zj_error *err)
{
    char where[48];
    size_t bad;
    zj_code rc;

    if (!scores || !weights || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, !scores ? "argument scores" : !weights ? "argument weights" : "argument out",
                       ("scores、weights 和 out 都不能为 NULL"),
                       ("scores, weights and out must not be NULL"));
    if ((rc = check_weights(weights, components, err)) != ZJ_OK)
        return rc;
    bad = first_bad(scores, components);
    if (bad < components) {
        snprintf(where, sizeof where, "argument scores[%zu]", bad);
        return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                       ("分项成绩 scores[%zu] 缺失或不是有限数（现为 %g）", bad, scores[bad]),
                       ("component score scores[%zu] is missing or not "
                        "finite (got %g)", bad, scores[bad]));
    }
    *out = weighted_sum(scores, weights, components);
    return ZJ_OK;
}

zj_code zj_composite_batch(const double *scores, size_t rows,
                           const double *weights, size_t components,
                           double *out, zj_code *status, zj_error *err)
{
    zj_code rc;
    size_t i;

    if (!weights)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument weights",
                       ("weights 不能为 NULL"),
                       ("weights must not be NULL"));
    if ((rc = check_weights(weights, components, err)) != ZJ_OK)
        return rc;
    if (rows == 0)
        return ZJ_OK;
    if (!scores || !out || !status)
        return ZJ_FAIL(err, ZJ_ERR_ARG, !scores ? "argument scores" : !out ? "argument out" : "argument status",
                       ("rows > 0 时 scores、out 和 status 都不能为 NULL"),
                       ("scores, out and status must not be NULL when "
                        "rows > 0"));
    for (i = 0; i < rows; i++) {
        const double *row = scores + i * components;

        if (first_bad(row, components) < components) {
            out[i] = NAN;
            status[i] = ZJ_ERR_ARG;
        } else {
            out[i] = weighted_sum(row, weights, components);
            status[i] = ZJ_OK;
        }
    }
    return ZJ_OK;
}
