/* percent_count.c — the count behind a published percentage
 * (zj_count_from_percent; the rounding rule is argued in indicators.h). */
#include <math.h>
#include <stdint.h>

#include "zhijiao/indicators.h"
#include "counts.h"
#include "error_internal.h"

zj_code zj_count_from_percent(double percent, int decimals, double n,
                              double *count, double *exact, zj_error *err)
{
    uint64_t scale = 1, den, pm, nn, q, r, k, part, rem;
    double scaled;
    zj_code rc;
    int i;

    if (!count)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument count", ("count 不能为 NULL"),
                       ("count must not be NULL"));
    if (decimals < 0 || decimals > 6)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument decimals",
                       ("小数位数 decimals 须为 0 至 6 的整数（现为 %d）", decimals),
                       ("decimals must be a whole number from 0 to 6 (got %d)", decimals));
    if (!(percent >= 0 && percent <= 100))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument percent",
                       ("百分比 percent 须在 0 与 100 之间（现为 %.15g）", percent),
                       ("percent must be between 0 and 100 (got %.15g)", percent));
    if ((rc = zj__valid_base(n, "n", err)) != ZJ_OK)
        return rc;
    for (i = 0; i < decimals; i++)
        scale *= 10;
    /* The printed figure as a whole number of its last place: 95.00 ->
     * 9500.  10.06 * 100 is 1006.0000000000001, hence the tolerance. */
    scaled = percent * (double)scale;
    pm = (uint64_t)llround(scaled);
    if (fabs(scaled - (double)pm) > 1e-6 * fmax(1.0, scaled))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument percent",
                       ("百分比 %.15g 的小数位多于 decimals = %d", percent, decimals),
                       ("percent %.15g has more decimal places than decimals = %d",
                        percent, decimals));
    /* count = pm * n / den with den = 100 * 10^decimals, in integers:
     * n = q * den + r, so pm * n / den = pm * q + pm * r / den, where
     * pm * q <= n <= 2^53 and pm * r < den^2 <= 10^16 cannot overflow. */
    den = 100 * scale;
    nn = (uint64_t)n;
    q = nn / den;
    r = nn % den;
    part = pm * r;
    k = pm * q + part / den;
    rem = part % den;
    if (2 * rem > den || (2 * rem == den && k % 2 == 1))
        k++;
    *count = (double)k;
    if (exact)
        *exact = (double)(pm * q) + (double)part / (double)den;
    return ZJ_OK;
}
