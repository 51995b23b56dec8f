/* rate_ci.c — one binomial proportion and its confidence interval.
 *
 * Each method follows its reference implementation formula for formula
 * (R's prop.test and binom.test, binom::binom.confint), including the
 * order of operations where it matters, so that the results agree with
 * tests/data/rate_reference.csv to rounding rather than to a tolerance
 * we happened to reach. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"
#include "rate_interval.h"
#include "zj_math.h"

static zj_code check_method(zj_ci_method method, zj_error *err)
{
    if ((unsigned)method > (unsigned)ZJ_CI_WALD)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument method",
                       ("未知的区间方法 method（编号 %d），应为 zj_ci_method "
                        "的取值 0 至 %d", (int)method, (int)ZJ_CI_WALD),
                       ("unknown interval method (value %d); expected a "
                        "zj_ci_method from 0 to %d",
                        (int)method, (int)ZJ_CI_WALD));
    return ZJ_OK;
}

/* The normal quantiles a call needs, computed once per call rather than
 * once per element of a batch.  prop.test takes qnorm((1 + conf)/2) and
 * binom::binom.confint qnorm(1 - alpha/2); the two can differ in the last
 * bit, so each method keeps its own. */
typedef struct quantiles {
    double z_prop, z_binom;
} quantiles;

static quantiles quantiles_for(double conf)
{
    quantiles q;

    q.z_prop = zj__qnorm((1 + conf) / 2);
    q.z_binom = zj__qnorm(1 - (1 - conf) / 2);
    return q;
}

/* fmax(v, 0) and fmin(v, 1) without a library call per element of a
 * batch, with the same results: NaN gives the bound, and -0 gives +0 as
 * the x86-64 max instruction behind glibc's fmax does. */
static double at_least0(double v)
{
    return v > 0 ? v : 0.0;
}

static double at_most1(double v)
{
    return v < 1 ? v : 1.0;
}

/* prop.test's interval when its p.c is the estimate itself (no
 * continuity correction, or one of 0): both ends then share the square
 * root, computed once; the same operations in the same order as below,
 * hence the same bits.  Inline: batches spend their time here. */
static inline void wilson_plain(double est, double n, double z,
                                double *lower, double *upper)
{
    double z22n = z * z / (2 * n);
    double half = z * sqrt(est * (1 - est) / n + z22n / (2 * n));
    double den = 1 + 2 * z22n;

    *upper = at_most1(est >= 1 ? 1.0 : (est + z22n + half) / den);
    *lower = at_least0(est <= 0 ? 0.0 : (est + z22n - half) / den);
}

/* R prop.test(x, n, correct = ...) for one sample, line for line.  Its
 * null is p = 0.5, and the continuity correction is min(0.5, |x - n/2|):
 * R caps it so that it never pushes the interval past the null.  We keep
 * that cap although it has nothing to do with an interval, because the
 * method is defined as "what prop.test reports". */
static void wilson(double x, double n, double z, int correct,
                   double *lower, double *upper)
{
    double est = x / n;
    double yates = correct ? fmin(0.5, fabs(x - n * 0.5)) : 0.0;
    double z22n = z * z / (2 * n);
    double pc;

    if (yates == 0) {
        wilson_plain(est, n, z, lower, upper);
        return;
    }
    pc = est + yates / n;
    *upper = pc >= 1 ? 1.0
        : (pc + z22n + z * sqrt(pc * (1 - pc) / n + z22n / (2 * n))) /
          (1 + 2 * z22n);
    pc = est - yates / n;
    *lower = pc <= 0 ? 0.0
        : (pc + z22n - z * sqrt(pc * (1 - pc) / n + z22n / (2 * n))) /
          (1 + 2 * z22n);
    *lower = at_least0(*lower);
    *upper = at_most1(*upper);
}

/* R binom.test: the Beta quantiles, with the closed ends at x = 0 and
 * x = n where the Beta parameter would be 0. */
static void clopper_pearson(double x, double n, double conf,
                            double *lower, double *upper)
{
    double alpha = (1 - conf) / 2;

    *lower = x == 0 ? 0.0 : zj__qbeta(alpha, x, n - x + 1);
    *upper = x == n ? 1.0 : zj__qbeta(1 - alpha, x + 1, n - x);
}

static void clip01(double *lower, double *upper)
{
    *lower = at_least0(*lower);
    *upper = at_most1(*upper);
}

/* binom.confint(method = "agresti-coull"): the Wald interval after adding
 * z^2/2 successes and z^2/2 failures. */
static void agresti_coull(double x, double n, double z,
                          double *lower, double *upper)
{
    double z2 = z * z;
    double xt = x + 0.5 * z2;
    double nt = n + z2;
    double pt = xt / nt;
    double half = z * sqrt(pt * (1 - pt) / nt);

    *lower = pt - half;
    *upper = pt + half;
    clip01(lower, upper);
}

/* Equal-tailed Jeffreys interval; at x = 0 (x = n) the lower (upper) end
 * is set to 0 (1), as Brown, Cai and DasGupta recommend, because the
 * Beta quantile there would exclude a rate that fits the data best. */
static void jeffreys(double x, double n, double conf,
                     double *lower, double *upper)
{
    double alpha = 1 - conf;

    *lower = x == 0 ? 0.0 : zj__qbeta(alpha / 2, x + 0.5, n - x + 0.5);
    *upper = x == n ? 1.0 : zj__qbeta(1 - alpha / 2, x + 0.5, n - x + 0.5);
}

static void wald(double x, double n, double z,
                 double *lower, double *upper)
{
    double p = x / n;
    double half = z * sqrt(p * (1 - p) / n);

    *lower = p - half;
    *upper = p + half;
    clip01(lower, upper);
}

/* Inputs already checked. */
static void interval(double x, double n, double conf, const quantiles *q,
                     zj_ci_method method, double *lower, double *upper)
{
    switch (method) {
    case ZJ_CI_WILSON:
        wilson(x, n, q->z_prop, 0, lower, upper);
        return;
    case ZJ_CI_WILSON_CC:
        wilson(x, n, q->z_prop, 1, lower, upper);
        return;
    case ZJ_CI_CLOPPER_PEARSON:
        clopper_pearson(x, n, conf, lower, upper);
        return;
    case ZJ_CI_AGRESTI_COULL:
        agresti_coull(x, n, q->z_binom, lower, upper);
        return;
    case ZJ_CI_JEFFREYS:
        jeffreys(x, n, conf, lower, upper);
        return;
    case ZJ_CI_WALD:
        wald(x, n, q->z_binom, lower, upper);
        return;
    }
    *lower = *upper = NAN;
}

void zj__rate_interval(double x, double n, double conf, zj_ci_method method,
                      double *lower, double *upper)
{
    quantiles q = quantiles_for(conf);

    interval(x, n, conf, &q, method, lower, upper);
}

zj_code zj__rate_check_method(zj_ci_method method, zj_error *err)
{
    return check_method(method, err);
}

/* Fills *out for x of n; estimate and bounds NaN when !ok, so a bad batch
 * element still carries its inputs. */
static void fill_rate(double x, double n, double conf, const quantiles *q,
                      zj_ci_method method, int ok, zj_rate *out)
{
    out->x = x;
    out->n = n;
    out->conf = conf;
    out->method = method;
    out->design = ZJ_DESIGN_SAMPLE;
    if (ok) {
        out->estimate = x / n;
        interval(x, n, conf, q, method, &out->lower, &out->upper);
    } else {
        out->estimate = out->lower = out->upper = NAN;
    }
}

zj_code zj_rate_ci(double x, double n, double conf, zj_ci_method method,
                   zj_rate *out, zj_error *err)
{
    zj_code rc;
    quantiles q;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if ((rc = check_method(method, err)) != ZJ_OK ||
        (rc = zj__valid_conf(conf, err)) != ZJ_OK ||
        (rc = zj__valid_proportion(x, n, "x", "n", err)) != ZJ_OK) {
        fill_rate(x, n, conf, NULL, method, 0, out);
        return rc;
    }
    q = quantiles_for(conf);
    fill_rate(x, n, conf, &q, method, 1, out);
    return ZJ_OK;
}

/* Names the first NULL array among those a non-empty batch needs. */
static zj_code check_batch_arrays(const double *x, const double *n,
                                  const zj_rate *out, const zj_code *status,
                                  zj_error *err)
{
    const char *missing = !x ? "x" : !n ? "n" : !out ? "out"
                        : !status ? "status" : NULL;
    char where[32];

    if (!missing)
        return ZJ_OK;
    snprintf(where, sizeof where, "argument %s", missing);
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("数组 %s 不能为 NULL（count > 0）", missing),
                   ("array %s must not be NULL when count > 0", missing));
}

zj_code zj_rate_ci_batch(const double *x, const double *n, size_t count,
                         double conf, zj_ci_method method,
                         zj_rate *out, zj_code *status, zj_error *err)
{
    zj_code rc;
    quantiles q;
    size_t i;

    if ((rc = check_method(method, err)) != ZJ_OK ||
        (rc = zj__valid_conf(conf, err)) != ZJ_OK)
        return rc;
    q = quantiles_for(conf);
    if (count == 0)
        return ZJ_OK;
    if ((rc = check_batch_arrays(x, n, out, status, err)) != ZJ_OK)
        return rc;
    /* Element errors go to status[i] only (err = NULL): the contract is
     * that one bad cell must not turn the whole call into a failure. */
    if (method == ZJ_CI_WILSON) {
        /* The default method in one loop with nothing to call but the
         * check: the processor then overlaps the divisions and square
         * roots of neighbouring elements (about 20% faster). */
        for (i = 0; i < count; i++) {
            zj_rate *o = &out[i];

            status[i] = zj__valid_proportion(x[i], n[i], "x", "n", NULL);
            o->x = x[i];
            o->n = n[i];
            o->conf = conf;
            o->method = method;
            o->design = ZJ_DESIGN_SAMPLE;
            if (status[i] != ZJ_OK) {
                o->estimate = o->lower = o->upper = NAN;
                continue;
            }
            o->estimate = x[i] / n[i];
            wilson_plain(o->estimate, n[i], q.z_prop, &o->lower, &o->upper);
        }
        return ZJ_OK;
    }
    for (i = 0; i < count; i++) {
        status[i] = zj__valid_proportion(x[i], n[i], "x", "n", NULL);
        fill_rate(x[i], n[i], conf, &q, method, status[i] == ZJ_OK, &out[i]);
    }
    return ZJ_OK;
}
