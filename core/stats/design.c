/* design.c — what n is behind a rate: a sample (the method's interval), a
 * census (no sampling interval, and the output says so) or a sample from
 * a known finite population (the finite-population correction).
 *
 * The complete enumeration matters in practice: the 2021-2023 new-major
 * monitoring grades every new major, and a Wilson interval on its shares
 * would suggest sampling error where there is none. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"
#include "rate_interval.h"
#include "utf8.h"

/* Indexed by zj_design. */
static const char *const design_names[] = {"sample", "census", "finite"};

static const char *const notes_zh[] = {
    "抽样：n 是从更大总体中抽取的样本，区间为抽样误差的置信区间",
    "普查：n 是全部对象（完全枚举），没有抽样误差，故不给置信区间",
    "有限总体抽样：n 抽自已知规模 N 的总体，区间经有限总体校正",
};
static const char *const notes_en[] = {
    "sample: n is drawn from a larger population; the interval is the "
    "confidence interval of the sampling error",
    "census: n is everybody (a complete enumeration); there is no "
    "sampling error, so no confidence interval is given",
    "finite population: n is drawn from a known population of N; the "
    "interval has the finite-population correction",
};

#define DESIGN_COUNT (sizeof design_names / sizeof design_names[0])

const char *zj_design_name(zj_design d)
{
    return (unsigned)d < DESIGN_COUNT ? design_names[d] : "unknown";
}

const char *zj_design_note_zh(zj_design d)
{
    return (unsigned)d < DESIGN_COUNT ? notes_zh[d] : "";
}

const char *zj_design_note_en(zj_design d)
{
    return (unsigned)d < DESIGN_COUNT ? notes_en[d] : "";
}

zj_code zj_design_parse(const char *name, zj_design *out, zj_error *err)
{
    size_t i, len;

    if (!out || !name)
        return ZJ_FAIL(err, ZJ_ERR_ARG, !out ? "argument out" : "argument name",
                       ("out 与 name 不能为 NULL"),
                       ("out and name must not be NULL"));
    for (i = 0; i < DESIGN_COUNT; i++)
        if (zj__ascii_ieq(name, design_names[i])) {
            *out = (zj_design)i;
            return ZJ_OK;
        }
    len = (size_t)zj__utf8_quotable(name, (size_t)-1);
    return ZJ_FAIL(err, ZJ_ERR_ARG, "argument design",
                   ("未知的抽样设计“%.*s”；可用：sample（抽样）、census（普查）、"
                    "finite（有限总体）", (int)len, name),
                   ("unknown design \"%.*s\"; expected sample, census or finite",
                    (int)len, name));
}

void zj_rate_options_init(zj_rate_options *o)
{
    if (!o)
        return;
    o->conf = ZJ_CONF_DEFAULT;
    o->method = ZJ_CI_DEFAULT;
    o->design = ZJ_DESIGN_SAMPLE;
    o->population = NAN;
}

static zj_code check_options(const zj_rate_options *o, zj_error *err)
{
    zj_code rc;

    if (!o)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument options",
                       ("options 不能为 NULL"), ("options must not be NULL"));
    if ((unsigned)o->design >= DESIGN_COUNT)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument design",
                       ("未知的抽样设计（编号 %d）", (int)o->design),
                       ("unknown design (value %d)", (int)o->design));
    if ((rc = zj__rate_check_method(o->method, err)) != ZJ_OK)
        return rc;
    return zj__valid_conf(o->conf, err);
}

/* One element, options already checked. */
static zj_code one(double x, double n, double N, const zj_rate_options *o,
                   zj_rate *out, zj_error *err)
{
    zj_code rc;

    out->x = x;
    out->n = n;
    out->conf = o->conf;
    out->method = o->method;
    out->design = o->design;
    out->estimate = out->lower = out->upper = NAN;
    if ((rc = zj__valid_proportion(x, n, "x", "n", err)) != ZJ_OK)
        return rc;
    out->estimate = x / n;
    if (o->design == ZJ_DESIGN_FINITE) {
        if ((rc = zj__valid_count(N, "population", err)) != ZJ_OK) {
            out->estimate = NAN;
            return rc;
        }
        if (N < n)
            return out->estimate = NAN, ZJ_FAIL(err, ZJ_ERR_ARG, "argument population",
                           ("总体规模 N（%.15g）小于样本量 n（%.15g）", N, n),
                           ("the population N (%.15g) is smaller than the "
                            "sample n (%.15g)", N, n));
        if (N == n) {
            /* everybody was counted: a census, and reported as one */
            out->design = ZJ_DESIGN_CENSUS;
            return ZJ_OK;
        }
        {
            double n_eff = n * (N - 1) / (N - n);

            zj__rate_interval(out->estimate * n_eff, n_eff, o->conf, o->method,
                             &out->lower, &out->upper);
        }
        return ZJ_OK;
    }
    if (o->design == ZJ_DESIGN_SAMPLE)
        zj__rate_interval(x, n, o->conf, o->method, &out->lower, &out->upper);
    return ZJ_OK;
}

zj_code zj_rate_ci_design(double x, double n, const zj_rate_options *o,
                          zj_rate *out, zj_error *err)
{
    zj_code rc;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"), ("out must not be NULL"));
    if ((rc = check_options(o, err)) != ZJ_OK)
        return rc;
    return one(x, n, o->population, o, out, err);
}

zj_code zj_rate_ci_design_batch(const double *x, const double *n,
                                const double *population, size_t count,
                                const zj_rate_options *o, zj_rate *out,
                                zj_code *status, zj_error *err)
{
    zj_code rc;
    size_t i;

    if ((rc = check_options(o, err)) != ZJ_OK)
        return rc;
    if (count == 0)
        return ZJ_OK;
    if (!x || !n || !out || !status)
        return ZJ_FAIL(err, ZJ_ERR_ARG,
                       !x ? "argument x" : !n ? "argument n"
                       : !out ? "argument out" : "argument status",
                       ("数组 x、n、out、status 不能为 NULL（count > 0）"),
                       ("the arrays x, n, out and status must not be NULL when "
                        "count > 0"));
    for (i = 0; i < count; i++)
        status[i] = one(x[i], n[i], population ? population[i] : o->population,
                        o, &out[i], NULL);
    return ZJ_OK;
}
