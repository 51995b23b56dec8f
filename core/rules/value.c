/* value.c — input values and how text becomes numbers and booleans.
 *
 * One place decides what "是", "１２３" or "yes" mean, so a CSV file, a
 * spreadsheet cell and an R string give the same answer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"
#include "utf8.h"

zj_value zj_value_missing(void)
{
    zj_value v = { ZJ_VAL_MISSING, 0.0, NULL, 0 };
    return v;
}

zj_value zj_value_number(double d)
{
    zj_value v = { ZJ_VAL_NUMBER, d, NULL, 0 };
    return v;
}

zj_value zj_value_text(const char *s)
{
    zj_value v = { ZJ_VAL_TEXT, 0.0, s, 0 };
    if (!s)
        v.type = ZJ_VAL_MISSING;
    return v;
}

zj_value zj_value_bool(int b)
{
    zj_value v = { ZJ_VAL_BOOL, 0.0, NULL, b ? 1 : 0 };
    return v;
}

/* Copies text into buf mapping full-width ASCII (U+FF01..U+FF5E: EF BC 81
 * .. EF BD 9E) to ASCII; returns 0 if it does not fit or has other
 * non-ASCII bytes (which cannot be part of a number). */
static int to_ascii_number(const char *s, size_t len, char *buf, size_t size)
{
    size_t i = 0, o = 0;
    const unsigned char *u = (const unsigned char *)s;

    while (i < len) {
        if (o + 1 >= size)
            return 0;
        if (u[i] < 0x80) {
            buf[o++] = (char)u[i++];
        } else if (i + 2 < len + 0 && u[i] == 0xEF && (u[i + 1] == 0xBC || u[i + 1] == 0xBD)) {
            unsigned cp = ((unsigned)(u[i + 1] & 0x3F) << 6) | (u[i + 2] & 0x3F);
            cp |= 0xF000u;  /* U+FFxx */
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

/* [+-]? digits [. digits]? ([eE][+-]?digits)?  or [+-]? . digits ... */
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

int zj_value_as_number(const zj_value *v, double *out)
{
    char buf[64];
    const char *t;
    size_t len;
    double d;

    switch (v->type) {
    case ZJ_VAL_NUMBER:
        if (!isfinite(v->number))
            return 0;
        *out = v->number;
        return 1;
    case ZJ_VAL_TEXT:
        t = zj_trim(v->text, &len);
        if (len == 0 || !to_ascii_number(t, len, buf, sizeof buf) || !plain_decimal(buf))
            return 0;
        d = strtod(buf, NULL);
        if (!isfinite(d))
            return 0;
        *out = d;
        return 1;
    default:
        return 0;
    }
}

static const char *const yes_words[] = { "1", "true", "t", "yes", "y", "是", "有", "对", "真", "√", "✓", NULL };
static const char *const no_words[] = { "0", "false", "f", "no", "n", "否", "无", "没有", "不是", "错", "假", "×", "✗", NULL };

static int in_list(const char *const *list, const char *s)
{
    size_t i;

    for (i = 0; list[i]; i++)
        if (zj_ascii_ieq(list[i], s))
            return 1;
    return 0;
}

int zj_value_as_bool(const zj_value *v, int *out)
{
    char buf[32];
    const char *t;
    size_t len;

    switch (v->type) {
    case ZJ_VAL_BOOL:
        *out = v->boolean ? 1 : 0;
        return 1;
    case ZJ_VAL_NUMBER:
        if (v->number == 1.0 || v->number == 0.0) {
            *out = v->number == 1.0;
            return 1;
        }
        return 0;
    case ZJ_VAL_TEXT:
        t = zj_trim(v->text, &len);
        if (len == 0 || len >= sizeof buf)
            return 0;
        memcpy(buf, t, len);
        buf[len] = '\0';
        if (in_list(yes_words, buf)) {
            *out = 1;
            return 1;
        }
        if (in_list(no_words, buf)) {
            *out = 0;
            return 1;
        }
        return 0;
    default:
        return 0;
    }
}

const char *zj_value_as_text(const zj_value *v, char *buf, size_t size)
{
    if (v->type == ZJ_VAL_TEXT)
        return v->text;
    if (v->type == ZJ_VAL_NUMBER) {
        snprintf(buf, size, "%.15g", v->number);
        return buf;
    }
    if (v->type == ZJ_VAL_BOOL) {
        snprintf(buf, size, "%s", v->boolean ? "1" : "0");
        return buf;
    }
    return NULL;
}
