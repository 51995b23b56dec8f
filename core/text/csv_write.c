/* csv_write.c — the CSV form of a field, formula guard included
 * (zhijiao/csv.h).  One function, used by every CSV writer: the CLI's
 * results and tables, the demo folder, refreshed plan text. */
#include <string.h>

#include "zhijiao/csv.h"

/* A plain decimal number: optional sign, digits with at most one point,
 * an optional exponent.  Spreadsheets read it as the number, never as a
 * formula, so it needs no guard. */
static int is_plain_number(const char *s, size_t n)
{
    size_t i = 0, digits = 0;

    if (i < n && (s[i] == '+' || s[i] == '-'))
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++, digits++;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, digits++;
    }
    if (!digits)
        return 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        size_t e = 0;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++, e++;
        if (!e)
            return 0;
    }
    return i == n;
}

int zj_csv_field_guarded(const char *s, size_t n)
{
    if (!s || n == 0)
        return 0;
    switch (s[0]) {
    case '=':
    case '@':
    case '\t':
    case '\r':
        return 1;
    case '+':
    case '-':
        return !is_plain_number(s, n);
    default:
        return 0;
    }
}

size_t zj_csv_field_format(const char *s, size_t n, char *out, size_t size)
{
    int guard = zj_csv_field_guarded(s, n);
    size_t i, len = 0;
    int quote = guard;

    if (!s)
        n = 0;
    for (i = 0; i < n && !quote; i++)
        if (s[i] == ',' || s[i] == '"' || s[i] == '\n' || s[i] == '\r')
            quote = 1;
#define PUT(c) do { if (len + 1 < size) out[len] = (c); len++; } while (0)
    if (quote)
        PUT('"');
    if (guard)
        PUT('\'');
    for (i = 0; i < n; i++) {
        if (quote && s[i] == '"')
            PUT('"');
        PUT(s[i]);
    }
    if (quote)
        PUT('"');
#undef PUT
    if (size)
        out[len < size ? len : size - 1] = '\0';
    return len;
}
