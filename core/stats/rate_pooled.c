/* rate_pooled.c — one rate from many groups.
 *
 * The pooled rate sum(x)/sum(n) is a proportion of students and gets a
 * binomial interval; the mean of the group rates weighs a major of 12
 * like a major of 1200, describes no one, and therefore gets none.  Both
 * are returned so reports can say which one they mean. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"


/* Totals must stay exact, or sum(x) <= sum(n) could fail by rounding. */
static zj_code check_total(double total, const char *name, zj_error *err)
{
    char where[32];

    if (total <= ZJ_MAX_COUNT)
        return ZJ_OK;
    snprintf(where, sizeof where, "argument %s", name);
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("%s 的合计（%g）超过 2^53，无法精确计算", name, total),
                   ("the sum of %s (%g) exceeds 2^53 and cannot be computed "
                    "exactly", name, total));
}

zj_code zj_rate_pooled(const double *x, const double *n, size_t groups,
                       double conf, zj_ci_method method,
                       zj_pooled *out, zj_error *err)
{
    double sum_x = 0, sum_n = 0, sum_rates = 0;
    zj_code rc;
    size_t i;

    if (!x || !n || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, !x ? "argument x" : !n ? "argument n" : "argument out",
                       ("x、n 和 out 都不能为 NULL"),
                       ("x, n and out must not be NULL"));
    if (groups == 0)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument groups",
                       ("groups 为 0：至少需要一组才能合并"),
                       ("groups is 0; pooling needs at least one group"));
    for (i = 0; i < groups; i++) {
        char xl[32], nl[32];

        snprintf(xl, sizeof xl, "x[%zu]", i);
        snprintf(nl, sizeof nl, "n[%zu]", i);
        if ((rc = zj__valid_proportion(x[i], n[i], xl, nl, err)) != ZJ_OK)
            return rc;
        sum_x += x[i];
        sum_n += n[i];
        sum_rates += x[i] / n[i];
    }
    if ((rc = check_total(sum_x, "x", err)) != ZJ_OK ||
        (rc = check_total(sum_n, "n", err)) != ZJ_OK)
        return rc;
    /* zj_rate_ci checks conf and method and names them on failure. */
    if ((rc = zj_rate_ci(sum_x, sum_n, conf, method, &out->pooled, err))
        != ZJ_OK)
        return rc;
    out->mean_of_rates = sum_rates / (double)groups;
    out->groups = groups;
    return ZJ_OK;
}
