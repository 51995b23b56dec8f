/* audit_percent.c — could a stated percentage be k out of n at all?
 *
 * A report that gives "95.00 %" of 8830 students states something no
 * whole number of students yields (8388 → 94.99 %, 8389 → 95.01 %): the
 * figure was typed, not computed, or n is wrong.
 *
 * Rounding is done on exact integers: 100 k / n at d decimals is the
 * integer 100 k 10^d / n rounded, so binary floating point never decides
 * whether 79.38 is 3138/3953. */
#include <math.h>
#include <stdint.h>

#include "zhijiao/audit.h"
#include "error_internal.h"
#include "findings_internal.h"
#include "strbuf.h"

/* n up to 1e9 and 6 decimals keep 2 · 100 k · 10^d below 2^64. */
#define MAX_N 1e9
#define MAX_DECIMALS 6

typedef struct pct_ctx {
    uint64_t n, scale;      /* scale = 10^decimals */
    int decimals;
} pct_ctx;

/* 100 k / n in units of 10^-d %, rounded half up. */
static uint64_t round_up(const pct_ctx *c, uint64_t k)
{
    uint64_t num = 100 * k * c->scale;

    return (2 * num + c->n) / (2 * c->n);
}

/* The same, rounded half to even (as R and numpy print). */
static uint64_t round_even(const pct_ctx *c, uint64_t k)
{
    uint64_t num = 100 * k * c->scale, q = num / c->n, r = num % c->n;

    if (2 * r > c->n || (2 * r == c->n && (q & 1)))
        q++;
    return q;
}

static zj_code check_args(const char *table, const char *column,
                          double percent, double n, int decimals,
                          zj_findings *out, zj_error *err)
{
    zj_code rc = zj__audit_check_names(table, column, out, err);

    if (rc)
        return rc;
    if (!isfinite(percent))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument percent",
                       ("percent 必须是有限的数（现为 %g）", percent),
                       ("percent must be a finite number (got %g)", percent));
    if (!(n >= 1 && n <= MAX_N && n == floor(n)))
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument n",
                       ("n 必须是 1 到 %.0f 之间的整数（现为 %g）", MAX_N, n),
                       ("n must be a whole number from 1 to %.0f (got %g)", MAX_N, n));
    if (decimals < 0 || decimals > MAX_DECIMALS)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument decimals",
                       ("decimals 必须在 0 到 %d 之间（现为 %d）", MAX_DECIMALS, decimals),
                       ("decimals must be from 0 to %d (got %d)", MAX_DECIMALS, decimals));
    return ZJ_OK;
}

/* "94.99 % = 8388/8830" in both messages. */
static void put_value(zj__strbuf *zh, zj__strbuf *en, const pct_ctx *c,
                      uint64_t k)
{
    uint64_t v = round_up(c, k);
    double pct = (double)v / (double)c->scale;

    zj__strbuf_printf(zh, "%.*f %% = %llu/%llu", c->decimals, pct,
                     (unsigned long long)k, (unsigned long long)c->n);
    zj__strbuf_printf(en, "%.*f %% = %llu/%llu", c->decimals, pct,
                     (unsigned long long)k, (unsigned long long)c->n);
}

/* Whether some k in [0, n] rounds to target either way.  k0, the k
 * nearest to n p / 100, does if any does; its neighbours cover ties and
 * the error in p. */
static int is_achievable(const pct_ctx *c, uint64_t target, uint64_t k0)
{
    uint64_t k;

    for (k = k0 ? k0 - 1 : 0; k <= k0 + 1 && k <= c->n; k++)
        if (round_up(c, k) == target || round_even(c, k) == target)
            return 1;
    return 0;
}

zj_code zj_audit_percentage(const char *table, const char *column,
                            size_t row, double percent, double n,
                            int decimals, int *achievable,
                            zj_findings *out, zj_error *err)
{
    zj__strbuf zh = ZJ_STRBUF_INIT, en = ZJ_STRBUF_INIT;
    pct_ctx c;
    long long t;
    uint64_t target, k, k0;
    int d, have_lo, have_hi;
    zj_code rc = check_args(table, column, percent, n, decimals, out, err);

    if (rc)
        return rc;
    c.n = (uint64_t)n;
    c.decimals = decimals;
    for (c.scale = 1, d = 0; d < decimals; d++)
        c.scale *= 10;
    /* Round to the stated digit (79.38 * 100 is 7937.999999999999);
     * clamping first keeps llround in range, and outside [0, 100] nothing
     * is achievable anyway. */
    t = llround(fmin(fmax(percent, -1.0), 101.0) * (double)c.scale);
    k0 = (uint64_t)llround(fmin(fmax(percent, 0.0), 100.0) / 100.0 * n);
    if (t >= 0 && is_achievable(&c, (uint64_t)t, k0)) {
        if (achievable)
            *achievable = 1;
        return ZJ_OK;
    }
    if (achievable)
        *achievable = 0;
    if (t < 0) {
        /* Below 0 %: the nearest is 0/n alone. */
        k = 0;
        have_lo = 0;
        have_hi = 1;
    } else {
        /* Rounding is monotone in k: walk from k0 to the last k below
         * the target (k = 0 is, as 0 would be achievable). */
        target = (uint64_t)t;
        k = k0;
        while (k > 0 && round_up(&c, k) >= target)
            k--;
        while (k < c.n && round_up(&c, k + 1) < target)
            k++;
        have_lo = 1;
        have_hi = k < c.n;
    }

    zj__audit_msg_start(&zh, &en, table, row, column);
    zj__strbuf_printf(&zh, "%.*f %% 无法由 k/%llu 得到（保留 %d 位小数）；"
                     "最接近的可达值为 ",
                     decimals, percent, (unsigned long long)c.n, decimals);
    zj__strbuf_printf(&en, "%.*f %% is not achievable as k/%llu (rounded "
                     "to %d decimals); the nearest achievable %s ",
                     decimals, percent, (unsigned long long)c.n, decimals,
                     have_lo && have_hi ? "values are" : "value is");
    if (have_lo)
        put_value(&zh, &en, &c, k);
    if (have_lo && have_hi) {
        zj__strbuf_puts(&zh, " 和 ");
        zj__strbuf_puts(&en, " and ");
    }
    if (have_hi)
        put_value(&zh, &en, &c, have_lo ? k + 1 : k);
    /* expected: the nearer of the two (the lower on a tie). */
    if (have_lo && have_hi &&
        (uint64_t)t - round_up(&c, k) > round_up(&c, k + 1) - (uint64_t)t)
        k++;
    return zj__findings_add_msg(out, ZJ_FIND_PERCENT_UNACHIEVABLE, table, row,
                               column,
                               (double)round_up(&c, k) / (double)c.scale,
                               percent, &zh, &en, err);
}
