/* rate_cluster.c — a rate from school-level data, schools as clusters.
 *
 * Students of one school answer alike, so sum(x)/sum(n) is not a binomial
 * proportion of independent students: its variance is that of a ratio
 * over clusters (the linearization estimator survey::svymean uses with
 * svydesign(ids = ~school)).  A published "rate" may also be the plain
 * mean of the school rates; both are computed, each with its own
 * interval, and zj_cluster_match says which one a published figure is. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"
#include "zj_math.h"

static zj_code check_inputs(const double *x, const double *n, size_t m,
                            double conf, const zj_cluster_rates *out,
                            zj_error *err)
{
    size_t i;
    zj_code rc;

    if (!x || !n || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG,
                       !x ? "argument x" : !n ? "argument n" : "argument out",
                       ("x、n 和 out 都不能为 NULL"),
                       ("x, n and out must not be NULL"));
    if (m < 2)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument clusters",
                       ("只有 %zu 所学校：聚类方差至少需要 2 所", m),
                       ("%zu school(s) only: a cluster variance needs at "
                        "least 2", m));
    for (i = 0; i < m; i++) {
        char xl[32], nl[32];

        snprintf(xl, sizeof xl, "x[%zu]", i);
        snprintf(nl, sizeof nl, "n[%zu]", i);
        if ((rc = zj__valid_proportion(x[i], n[i], xl, nl, err)) != ZJ_OK)
            return rc;
    }
    return zj__valid_conf(conf, err);
}

/* Clopper-Pearson at a (possibly fractional) effective size, as
 * svyciprop(method = "beta") writes it. */
static void beta_interval(double p, double n_eff, double alpha,
                          double *lower, double *upper)
{
    *lower = zj__qbeta(alpha / 2, n_eff * p, n_eff * (1 - p) + 1);
    *upper = zj__qbeta(1 - alpha / 2, n_eff * p + 1, n_eff * (1 - p));
    if (p <= 0)
        *lower = 0;
    if (p >= 1)
        *upper = 1;
}

zj_code zj_rate_clustered(const double *x, const double *n, size_t m,
                          double conf, zj_cluster_rates *out, zj_error *err)
{
    long double sx = 0, sn = 0, ss = 0, sr = 0, srr = 0;
    double p, v, t, alpha, mean;
    zj_code rc;
    size_t i;

    if ((rc = check_inputs(x, n, m, conf, out, err)) != ZJ_OK)
        return rc;
    for (i = 0; i < m; i++) {
        sx += x[i];
        sn += n[i];
        sr += x[i] / n[i];
    }
    if ((double)sx > ZJ_MAX_COUNT || (double)sn > ZJ_MAX_COUNT)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument n",
                       ("计数合计超过 2^53，无法精确计算"),
                       ("the sums of the counts exceed 2^53 and cannot be "
                        "computed exactly"));
    p = (double)(sx / sn);
    mean = (double)(sr / (long double)m);
    for (i = 0; i < m; i++) {
        double e = x[i] - p * n[i], d = x[i] / n[i] - mean;

        ss += (long double)e * e;
        srr += (long double)d * d;
    }
    alpha = 1 - conf;
    out->clusters = m;
    out->x = (double)sx;
    out->n = (double)sn;
    out->conf = conf;
    out->df = (double)(m - 1);
    t = zj__qt(1 - alpha / 2, out->df);

    out->pooled = p;
    v = (double)((long double)m / (long double)(m - 1) * ss / (sn * sn));
    out->pooled_se = sqrt(v);
    out->wald_lower = p - t * out->pooled_se;
    out->wald_upper = p + t * out->pooled_se;
    if (p > 0 && p < 1 && v > 0) {
        double r = zj__qt(alpha / 2, out->n - 1) / zj__qt(alpha / 2, out->df);

        out->design_effect = v / (p * (1 - p) / out->n);
        out->n_effective = p * (1 - p) / v * r * r;
    } else {
        /* No spread to estimate a design effect from (every student, or
         * every school's rate, alike): the binomial interval of the sums. */
        out->design_effect = NAN;
        out->n_effective = out->n;
    }
    beta_interval(p, out->n_effective, alpha, &out->lower, &out->upper);

    out->mean_of_rates = mean;
    out->mean_sd = sqrt((double)(srr / (long double)(m - 1)));
    out->mean_se = out->mean_sd / sqrt((double)m);
    out->mean_lower = mean - t * out->mean_se;
    out->mean_upper = mean + t * out->mean_se;
    return ZJ_OK;
}

const char *zj_published_match_name(zj_published_match m)
{
    static const char *const names[] = {"neither", "pooled", "mean", "both"};

    return (unsigned)m < 4 ? names[m] : "unknown";
}

zj_code zj_cluster_match(const zj_cluster_rates *r, double published_pct,
                         int decimals, zj_published_match *out, zj_error *err)
{
    double half, tol;
    int hit = 0;

    if (!r || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, !r ? "argument r" : "argument out",
                       ("r 与 out 不能为 NULL"), ("r and out must not be NULL"));
    if (decimals < 0 || decimals > 6)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument decimals",
                       ("小数位数 decimals 应在 0 至 6 之间（现为 %d）", decimals),
                       ("decimals must be from 0 to 6 (got %d)", decimals));
    if (!isfinite(published_pct) || published_pct < 0 || published_pct > 100)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument published",
                       ("公布的百分比应在 0 至 100 之间（现为 %g）", published_pct),
                       ("the published percentage must be from 0 to 100 "
                        "(got %g)", published_pct));
    half = 0.5 * pow(10.0, -decimals);
    /* a few ulps of slack so that 95.255 printed as a double is inside */
    tol = half + 1e-9;
    if (fabs(100 * r->pooled - published_pct) <= tol)
        hit |= ZJ_MATCH_POOLED;
    if (fabs(100 * r->mean_of_rates - published_pct) <= tol)
        hit |= ZJ_MATCH_MEAN;
    *out = (zj_published_match)hit;
    return ZJ_OK;
}

zj_code zj_cluster_match_text(const zj_cluster_rates *r, const char *published_pct,
                              zj_published_match *out, zj_error *err)
{
    const char *s = published_pct, *dot = NULL;
    int digits = 0, decimals = 0;

    if (!s)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument published",
                       ("公布的百分比不能为 NULL"),
                       ("the published percentage must not be NULL"));
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digits++;
            if (dot)
                decimals++;
        } else if (*s == '.' && !dot) {
            dot = s;
        } else {
            break;
        }
    }
    if (*s || digits == 0 || s - published_pct > 24)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument published",
                       ("公布的百分比“%.24s”不是十进制数（如 95.26）",
                        published_pct),
                       ("the published percentage \"%.24s\" is not a decimal "
                        "number (such as 95.26)", published_pct));
    return zj_cluster_match(r, strtod(published_pct, NULL), decimals, out, err);
}
