/* counts.c — what a valid count is. */
#include <math.h>
#include <stdio.h>

#include "counts.h"
#include "error_internal.h"

zj_code zj__valid_conf(double conf, zj_error *err)
{
    if (conf > 0 && conf < 1)
        return ZJ_OK;
    return ZJ_FAIL(err, ZJ_ERR_ARG, "argument conf",
                   ("置信水平 conf 必须在 0 与 1 之间（不含端点，如 0.95），现为 %g", conf),
                   ("the confidence level conf must be strictly between 0 and 1 (e.g. 0.95); got %g",
                    conf));
}

zj_code zj__valid_count(double v, const char *label, zj_error *err)
{
    char where[64];

    /* The common case first and without formatting: batches validate
     * millions of counts. */
    if (isfinite(v) && v >= 0 && v == floor(v) && v <= ZJ_MAX_COUNT)
        return ZJ_OK;
    if (!err)
        return ZJ_ERR_ARG;
    snprintf(where, sizeof where, "argument %s", label);
    if (!isfinite(v))
        return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                       ("%s 必须是有限的计数（现为 %g）", label, v),
                       ("%s must be a finite count (got %g)", label, v));
    if (v < 0)
        return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                       ("%s 是计数，不能为负数（现为 %.15g）", label, v),
                       ("%s is a count and must not be negative (got %.15g)", label, v));
    if (v != floor(v))
        return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                       ("%s 是计数，必须为整数（现为 %.15g）", label, v),
                       ("%s is a count and must be a whole number (got %.15g)", label, v));
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("%s 超过 2^53，双精度数无法精确表示（现为 %g）", label, v),
                   ("%s exceeds 2^53 and cannot be held exactly (got %g)", label, v));
}

zj_code zj__valid_base(double v, const char *label, zj_error *err)
{
    char where[64];
    zj_code rc = zj__valid_count(v, label, err);

    if (rc != ZJ_OK || v > 0)
        return rc;
    snprintf(where, sizeof where, "argument %s", label);
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("%s 是分母，必须大于 0（现为 0）", label),
                   ("%s is a denominator and must be greater than 0 (got 0)", label));
}

/* zj__valid_proportion's message, apart and not inlined: its buffer would
 * otherwise cost every call a stack frame and a stack-protector check. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static zj_code proportion_error(double x, double n, const char *xlabel,
                                const char *nlabel, zj_error *err)
{
    char where[64];
    zj_code rc;

    if ((rc = zj__valid_count(x, xlabel, err)) != ZJ_OK ||
        (rc = zj__valid_base(n, nlabel, err)) != ZJ_OK)
        return rc;
    if (x <= n)
        return ZJ_OK;
    snprintf(where, sizeof where, "argument %s", xlabel);
    return ZJ_FAIL(err, ZJ_ERR_ARG, where,
                   ("%s（%.17g）不能大于 %s（%.17g）", xlabel, x, nlabel, n),
                   ("%s (%.17g) must not be greater than %s (%.17g)", xlabel, x, nlabel, n));
}

zj_code zj__valid_proportion(double x, double n, const char *xlabel,
                            const char *nlabel, zj_error *err)
{
    /* The common case in one test: batches validate millions of pairs.
     * NaN fails every comparison. */
    if (x >= 0 && n > 0 && x <= n && n <= ZJ_MAX_COUNT && x == floor(x) && n == floor(n))
        return ZJ_OK;
    return proportion_error(x, n, xlabel, nlabel, err);
}
