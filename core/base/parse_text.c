/* parse_text.c — numbers, counts, booleans and years from text
 * (zhijiao/parse.h).
 *
 * The one place that decides what "１２", " 520 ", "0x1F4" or "是" mean, so
 * that the CLI, a CSV cell, Calc and R agree. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/parse.h"
#include "error_internal.h"
#include "utf8.h"

/* Longest number text we read: more digits than a double can tell apart
 * are still read (leading zeros, long fractions), within reason. */
#define NUM_TEXT_MAX 128

/* Copies s[0 .. len) into buf mapping full-width ASCII (U+FF01..U+FF5E:
 * EF BC 81 .. EF BD 9E) to ASCII; 0 if it does not fit or has other
 * non-ASCII bytes (which cannot be part of a number). */
static int to_ascii(const char *s, size_t len, char *buf, size_t size)
{
    size_t i = 0, o = 0;
    const unsigned char *u = (const unsigned char *)s;

    while (i < len) {
        if (o + 1 >= size)
            return 0;
        if (u[i] < 0x80) {
            buf[o++] = (char)u[i++];
        } else if (i + 2 < len && u[i] == 0xEF && (u[i + 1] == 0xBC || u[i + 1] == 0xBD) &&
                   (u[i + 2] & 0xC0) == 0x80) {
            unsigned cp = 0xF000u | ((unsigned)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
            if (cp < 0xFF01 || cp > 0xFF5E)
                return 0;
            buf[o++] = (char)(cp - 0xFF01 + 0x21);
            i += 3;
        } else {
            return 0;
        }
    }
    buf[o] = '\0';
    return 1;
}

/* [+-]? digits [. digits]? ([eE][+-]?digits)?, or [+-]? . digits ... */
static int plain_decimal(const char *s)
{
    const char *p = s;
    int digits = 0;

    if (*p == '+' || *p == '-')
        p++;
    while (*p >= '0' && *p <= '9') {
        p++;
        digits++;
    }
    if (*p == '.') {
        p++;
        while (*p >= '0' && *p <= '9') {
            p++;
            digits++;
        }
    }
    if (!digits)
        return 0;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!(*p >= '0' && *p <= '9'))
            return 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

/* The number in text, or 0 when it is not one; buf receives the ASCII
 * form (for the exact test of counts). */
static int read_number(const char *text, double *out, char *buf, size_t size)
{
    const char *t;
    size_t len;
    double d;

    if (!text)
        return 0;
    t = zj__trim(text, &len);
    if (len == 0 || !to_ascii(t, len, buf, size) || !plain_decimal(buf))
        return 0;
    d = strtod(buf, NULL);
    if (!isfinite(d))
        return 0;
    *out = d == 0 ? 0.0 : d;   /* "-0" is 0 */
    return 1;
}

/* Whether the decimal in buf (plain_decimal, not negative) is exactly
 * 2^53: strtod rounds 9007199254740993 down to it, so its double cannot
 * tell.  Compares the significant digits and their scale. */
static int is_exactly_2_53(const char *buf)
{
    static const char want[] = "9007199254740992";
    char digits[NUM_TEXT_MAX];
    const char *p = buf;
    size_t nd = 0;
    long point = -1, exp10 = 0, scale;
    int started = 0;

    if (*p == '+')
        p++;
    for (; (*p >= '0' && *p <= '9') || *p == '.'; p++) {
        if (*p == '.') {
            point = (long)nd;
            continue;
        }
        if (!started && *p == '0') {
            if (point >= 0)
                exp10--;   /* a leading zero after the point */
            continue;
        }
        started = 1;
        digits[nd++] = *p;
    }
    if (point < 0)
        point = (long)nd;
    if (*p == 'e' || *p == 'E')
        exp10 += strtol(p + 1, NULL, 10);
    while (nd > 0 && digits[nd - 1] == '0')
        nd--;
    digits[nd] = '\0';
    /* value = 0.digits × 10^(point + exp10) */
    scale = point + exp10;
    return strcmp(digits, "9007199254740992") == 0 && scale == (long)(sizeof want - 1);
}

zj_code zj_parse_number(const char *text, const char *label, double *out,
                        zj_error *err)
{
    char buf[NUM_TEXT_MAX];
    const char *q;
    int ql;

    if (read_number(text, out, buf, sizeof buf))
        return ZJ_OK;
    if (!err)
        return ZJ_ERR_ARG;
    label = label ? label : "value";
    q = text ? text : "";
    ql = zj__utf8_quotable(q, (size_t)-1);
    return ZJ_FAIL(err, ZJ_ERR_ARG, label,
                   ("%s 须为数字，而不是“%.*s”", label, ql, q),
                   ("%s must be a number, not '%.*s'", label, ql, q));
}

zj_code zj_parse_count(const char *text, const char *label, double *out,
                       zj_error *err)
{
    char buf[NUM_TEXT_MAX];
    double d;
    const char *q;
    int ql;

    if (read_number(text, &d, buf, sizeof buf) && d >= 0 && d == floor(d) &&
        (d < ZJ_COUNT_MAX || (d == ZJ_COUNT_MAX && is_exactly_2_53(buf)))) {
        *out = d;
        return ZJ_OK;
    }
    if (!err)
        return ZJ_ERR_ARG;
    label = label ? label : "value";
    q = text ? text : "";
    ql = zj__utf8_quotable(q, (size_t)-1);
    return ZJ_FAIL(err, ZJ_ERR_ARG, label,
                   ("%s 须为计数（0 至 2^53 的整数），而不是“%.*s”", label, ql, q),
                   ("%s must be a count (a whole number from 0 to 2^53), not '%.*s'",
                    label, ql, q));
}

static const char *const yes_words[] = { "1", "true", "t", "yes", "y", "on", "是", "有", "对", "真", "√", "✓", NULL };
static const char *const no_words[] = { "0", "false", "f", "no", "n", "off", "否", "无", "没有", "不是", "错", "假", "×", "✗", NULL };

static int in_list(const char *const *list, const char *s)
{
    size_t i;

    for (i = 0; list[i]; i++)
        if (zj__ascii_ieq(list[i], s))
            return 1;
    return 0;
}

zj_code zj_parse_bool(const char *text, const char *label, int *out,
                      zj_error *err)
{
    char buf[32];
    const char *t, *q;
    size_t len;
    int ql;

    t = text ? zj__trim(text, &len) : NULL;
    if (t && len > 0 && len < sizeof buf) {
        memcpy(buf, t, len);
        buf[len] = '\0';
        if (in_list(yes_words, buf)) {
            *out = 1;
            return ZJ_OK;
        }
        if (in_list(no_words, buf)) {
            *out = 0;
            return ZJ_OK;
        }
        /* full-width 1 and 0 */
        if (to_ascii(t, len, buf, sizeof buf) && (strcmp(buf, "1") == 0 || strcmp(buf, "0") == 0)) {
            *out = buf[0] == '1';
            return ZJ_OK;
        }
    }
    if (!err)
        return ZJ_ERR_ARG;
    label = label ? label : "value";
    q = text ? text : "";
    ql = zj__utf8_quotable(q, (size_t)-1);
    return ZJ_FAIL(err, ZJ_ERR_ARG, label,
                   ("%s 须为是或否（是/否、有/无、true/false、yes/no、1/0），而不是“%.*s”",
                    label, ql, q),
                   ("%s must be yes or no (是/否, 有/无, true/false, yes/no, 1/0), not '%.*s'",
                    label, ql, q));
}

zj_code zj_year_check(double v, const char *label, int *out, zj_error *err)
{
    if (v == floor(v) && v >= ZJ_YEAR_MIN && v <= ZJ_YEAR_MAX) {
        *out = (int)v;
        return ZJ_OK;
    }
    label = label ? label : "year";
    return ZJ_FAIL(err, ZJ_ERR_ARG, label,
                   ("%s 须为 %d 至 %d 之间的整数年份（现为 %.15g）", label, ZJ_YEAR_MIN,
                    ZJ_YEAR_MAX, v),
                   ("%s must be a whole year from %d to %d (got %.15g)", label, ZJ_YEAR_MIN,
                    ZJ_YEAR_MAX, v));
}

zj_code zj_parse_year(const char *text, const char *label, int *out,
                      zj_error *err)
{
    double v;
    zj_code rc = zj_parse_number(text, label ? label : "year", &v, err);

    return rc != ZJ_OK ? rc : zj_year_check(v, label, out, err);
}
