/* ratios.c — plan completion, 升学 and 转段 rates.
 *
 * These are plain quotients of head counts; their arguments are counts
 * (whole numbers) like everywhere in indicators.h, so a percentage passed
 * by mistake (96.5) is caught instead of silently divided. */
#include <math.h>
#include <stdio.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"


static zj_code check_out(const void *out, zj_error *err)
{
    if (out)
        return ZJ_OK;
    return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                   ("out 不能为 NULL"),
                   ("out must not be NULL"));
}

zj_code zj_completion_rate(double actual, double plan, double *out,
                           zj_error *err)
{
    zj_code rc;

    if ((rc = check_out(out, err)) != ZJ_OK ||
        (rc = zj__valid_count(actual, "actual", err)) != ZJ_OK ||
        (rc = zj__valid_base(plan, "plan", err)) != ZJ_OK)
        return rc;
    /* actual > plan is allowed: over-enrolment is a finding, not an
     * input error. */
    *out = actual / plan;
    return ZJ_OK;
}

zj_code zj_progression_rates(double graduates, double to_zhuanke,
                             double to_benke, zj_progression *out,
                             zj_error *err)
{
    zj_code rc;

    if ((rc = check_out(out, err)) != ZJ_OK ||
        (rc = zj__valid_base(graduates, "graduates", err)) != ZJ_OK ||
        (rc = zj__valid_count(to_zhuanke, "to_zhuanke", err)) != ZJ_OK ||
        (rc = zj__valid_count(to_benke, "to_benke", err)) != ZJ_OK)
        return rc;
    /* Written as a difference: for whole numbers <= 2^53 it is exact,
     * where the sum could round past 2^53. */
    if (to_benke > graduates - to_zhuanke)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments to_zhuanke, to_benke",
                       ("升入专科 to_zhuanke（%.17g）与升入本科 to_benke"
                        "（%.17g）之和不能超过毕业生数 graduates（%.17g）",
                        to_zhuanke, to_benke, graduates),
                       ("to_zhuanke (%.17g) plus to_benke (%.17g) must not "
                        "exceed graduates (%.17g)",
                        to_zhuanke, to_benke, graduates));
    out->graduates = graduates;
    out->to_zhuanke = to_zhuanke;
    out->to_benke = to_benke;
    out->zhuanke_rate = to_zhuanke / graduates;
    out->benke_rate = to_benke / graduates;
    out->total_rate = (to_zhuanke + to_benke) / graduates;
    return ZJ_OK;
}

zj_code zj_transfer_rate(double transferred, double cohort, double *out,
                         zj_error *err)
{
    zj_code rc;

    if ((rc = check_out(out, err)) != ZJ_OK ||
        (rc = zj__valid_count(transferred, "transferred", err)) != ZJ_OK ||
        (rc = zj__valid_base(cohort, "cohort", err)) != ZJ_OK)
        return rc;
    if (transferred > cohort)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument transferred",
                       ("转段人数 transferred（%.17g）不能超过该届人数 cohort"
                        "（%.17g）", transferred, cohort),
                       ("transferred (%.17g) must not exceed the cohort "
                        "(%.17g)", transferred, cohort));
    *out = transferred / cohort;
    return ZJ_OK;
}
