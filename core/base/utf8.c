/* utf8.c — UTF-8 checks and the few text helpers the library needs.
 *
 * Validation follows RFC 3629 exactly (the table in Unicode 3.9, D92):
 * overlong forms, UTF-16 surrogates and code points above U+10FFFF are
 * rejected, because a lenient check here would let such bytes through
 * to messages and JSON that promise UTF-8. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Length of the well-formed sequence at s[0 .. avail), or 0 when it is
 * ill-formed or cut short.  The second-byte ranges encode the overlong,
 * surrogate and upper-limit rules, so later bytes only need 80..BF. */
static size_t seq_len(const unsigned char *s, size_t avail)
{
    unsigned char c = s[0], lo = 0x80, hi = 0xBF;
    size_t n, i;

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (avail < n)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < n; i++)
        if (s[i] < 0x80 || s[i] > 0xBF)
            return 0;
    return n;
}

/* Skips ASCII eight bytes at a time: CSV files are mostly digits and
 * commas, and the reader validates every byte of them. */
static size_t ascii_run(const unsigned char *s, size_t len)
{
    size_t i = 0;
    uint64_t w;

    while (len - i >= 8) {
        memcpy(&w, s + i, 8);
        if (w & UINT64_C(0x8080808080808080))
            break;
        i += 8;
    }
    while (i < len && s[i] < 0x80)
        i++;
    return i;
}

int zj__utf8_valid(const char *s, size_t len, size_t *bad)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n;

    if (!s)
        len = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            i += ascii_run(u + i, len - i);
            continue;
        }
        /* Fast path for the common CJK range (E1..EC, EE, EF need no
         * second-byte special case). */
        if (len - i >= 3 && u[i] >= 0xE1 && u[i] != 0xED && u[i] <= 0xEF &&
            (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
            i += 3;
            continue;
        }
        n = seq_len(u + i, len - i);
        if (n == 0) {
            if (bad)
                *bad = i;
            return 0;
        }
        i += n;
    }
    return 1;
}

/* The length a lead byte announces (1 for ASCII and for stray bytes). */
static size_t lead_len(unsigned char c)
{
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 1;
}

size_t zj__utf8_prefix(const char *s, size_t max)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, n, avail;

    if (!s)
        return 0;
    while (i < max && u[i]) {
        n = lead_len(u[i]);
        if (n > max - i)
            break;      /* the character would straddle the limit */
        /* Never look past the NUL or the limit. */
        for (avail = 1; avail < n && u[i + avail]; avail++)
            ;
        if (n > 1 && seq_len(u + i, avail) != n)
            n = 1;      /* ill-formed: a stray byte counts as one */
        i += n;
    }
    return i;
}

uint32_t zj__utf8_next(const char **sp)
{
    const unsigned char *u = (const unsigned char *)*sp;
    size_t n = lead_len(u[0]), avail;
    uint32_t c;

    for (avail = 1; avail < n && u[avail]; avail++)
        ;
    if (n == 1 || seq_len(u, avail) != n) {
        *sp += 1;
        return u[0];
    }
    c = n == 2 ? u[0] & 0x1Fu : n == 3 ? u[0] & 0x0Fu : u[0] & 0x07u;
    for (avail = 1; avail < n; avail++)
        c = (c << 6) | (u[avail] & 0x3Fu);
    *sp += n;
    return c;
}

int zj__utf8_quotable(const char *s, size_t len)
{
    size_t n;

    if (!s)
        return 0;
    n = zj__utf8_prefix(s, len < ZJ__QUOTE_MAX ? len : ZJ__QUOTE_MAX);
    return zj__utf8_valid(s, n, NULL) ? (int)n : 0;
}

void zj__utf8_copy(char *buf, size_t size, const char *s)
{
    size_t n = zj__utf8_prefix(s, size - 1);

    memcpy(buf, s, n);
    buf[n] = '\0';
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

/* U+3000 is E3 80 80: Chinese text is often padded with it, and it is
 * invisible in a spreadsheet cell. */
static int ideographic_space_at(const unsigned char *p, size_t avail)
{
    return avail >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80;
}

const char *zj__trim(const char *s, size_t *len)
{
    const unsigned char *b, *e;

    if (!s) {
        if (len)
            *len = 0;
        return s;
    }
    b = (const unsigned char *)s;
    e = b + strlen(s);
    for (;;) {
        if (b < e && is_ascii_space(*b))
            b++;
        else if (ideographic_space_at(b, (size_t)(e - b)))
            b += 3;
        else
            break;
    }
    for (;;) {
        if (e > b && is_ascii_space(e[-1]))
            e--;
        else if (e - b >= 3 && ideographic_space_at(e - 3, 3))
            e -= 3;
        else
            break;
    }
    if (len)
        *len = (size_t)(e - b);
    return (const char *)b;
}

int zj__text_eq(const char *a, const char *b)
{
    size_t la, lb;
    const char *ta = zj__trim(a ? a : "", &la);
    const char *tb = zj__trim(b ? b : "", &lb);

    return la == lb && memcmp(ta, tb, la) == 0;
}

static unsigned char ascii_lower(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

int zj__ascii_ieq(const char *a, const char *b)
{
    const unsigned char *x = (const unsigned char *)a;
    const unsigned char *y = (const unsigned char *)b;

    if (!a || !b)
        return a == b;
    while (*x && ascii_lower(*x) == ascii_lower(*y)) {
        x++;
        y++;
    }
    return ascii_lower(*x) == ascii_lower(*y);
}

char *zj__strndup(const char *s, size_t n)
{
    char *p;

    if (!s || n == (size_t)-1)
        return NULL;
    p = malloc(n + 1);
    if (!p)
        return NULL;
    if (n)
        memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *zj__strdup(const char *s)
{
    return s ? zj__strndup(s, strlen(s)) : NULL;
}
