/* rate_diff.c — two independent rates, their difference and the test of
 * equal rates, as R prop.test(c(x1, x2), c(n1, n2), correct = ...).
 *
 * R's sum() accumulates in long double; we do the same for the sums that
 * prop.test takes with sum(), so the last bits agree as well. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"
#include "zj_math.h"

static zj_code check_args(double x1, double n1, double x2, double n2,
                          double conf, const zj_rate_diff *out, zj_error *err)
{
    zj_code rc;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if ((rc = zj__valid_proportion(x1, n1, "x1", "n1", err)) != ZJ_OK ||
        (rc = zj__valid_proportion(x2, n2, "x2", "n2", err)) != ZJ_OK)
        return rc;
    return zj__valid_conf(conf, err);
}

/* Pearson's X-squared on the 2x2 table, as prop.test computes it:
 * expected counts from the pooled rate, each |O - E| reduced by `yates`,
 * summed over the table in R's column-major order.  When the pooled rate
 * is 0 or 1 two expected counts are 0 and R returns NaN (0/0) for the
 * statistic and its p-value; we keep that: the data say nothing about a
 * difference then, and a made-up 0 or 1 would pretend they do. */
static double chisq_statistic(double x1, double n1, double x2, double n2,
                              double yates)
{
    double p = (double)((long double)x1 + x2) / (double)((long double)n1 + n2);
    const double obs[4] = { x1, x2, n1 - x1, n2 - x2 };
    const double exp_[4] = { n1 * p, n2 * p, n1 * (1 - p), n2 * (1 - p) };
    long double sum = 0;
    int i;

    for (i = 0; i < 4; i++) {
        double d = fabs(obs[i] - exp_[i]) - yates;
        sum += d * d / exp_[i];
    }
    return (double)sum;
}

zj_code zj_rate_difference(double x1, double n1, double x2, double n2,
                           double conf, int correct,
                           zj_rate_diff *out, zj_error *err)
{
    double sum_inv_n, z, width, yates;
    zj_code rc;

    if ((rc = check_args(x1, n1, x2, n2, conf, out, err)) != ZJ_OK)
        return rc;
    out->p1 = x1 / n1;
    out->p2 = x2 / n2;
    out->diff = out->p1 - out->p2;
    out->conf = conf;
    out->correct = correct ? 1 : 0;
    sum_inv_n = (double)((long double)(1 / n1) + (1 / n2));
    /* prop.test caps Yates' 0.5 at |DELTA| / sum(1/n), which is |O - E|
     * of the table: the correction never overshoots the observed
     * difference.  The same capped value is used for the statistic. */
    yates = correct ? fmin(0.5, fabs(out->diff) / sum_inv_n) : 0.0;
    z = zj__qnorm((1 + conf) / 2);
    width = z * sqrt((double)((long double)(out->p1 * (1 - out->p1) / n1) +
                              out->p2 * (1 - out->p2) / n2)) +
            yates * sum_inv_n;
    out->lower = fmax(out->diff - width, -1.0);
    out->upper = fmin(out->diff + width, 1.0);
    out->statistic = chisq_statistic(x1, n1, x2, n2, yates);
    out->p_value = zj__pchisq_upper(out->statistic, 1.0);
    return ZJ_OK;
}

zj_code zj_rate_change(double x1, double n1, double x2, double n2,
                       zj_design design, double conf, int correct,
                       zj_rate_diff *out, zj_error *err)
{
    zj_code rc;

    if (design == ZJ_DESIGN_SAMPLE)
        return zj_rate_difference(x1, n1, x2, n2, conf, correct, out, err);
    if (design != ZJ_DESIGN_CENSUS)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument design",
                       ("两年之差只支持 sample（抽样）与 census（普查）"),
                       ("the change between two years supports the designs sample "
                        "and census only"));
    if ((rc = check_args(x1, n1, x2, n2, conf, out, err)) != ZJ_OK)
        return rc;
    /* a census: the change is exact, nothing to estimate or test */
    out->p1 = x1 / n1;
    out->p2 = x2 / n2;
    /* one division of the cross products (exact while they stay below
     * 2^53), so 84/100 - 80/100 prints as 0.04 */
    out->diff = (x1 * n2 - x2 * n1) / (n1 * n2);
    out->conf = conf;
    out->correct = correct ? 1 : 0;
    out->lower = out->upper = out->statistic = out->p_value = NAN;
    return ZJ_OK;
}
