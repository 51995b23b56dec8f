/* strbuf.c — a growable byte buffer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

void zj__strbuf_reset(zj__strbuf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void zj__strbuf_free(zj__strbuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

int zj__strbuf_reserve(zj__strbuf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (b->failed)
        return 0;
    if (extra > (size_t)-1 / 2 - b->len) {
        b->failed = 1;
        return 0;
    }
    need = b->len + extra + 1;
    if (need <= b->cap)
        return 1;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void zj__strbuf_append(zj__strbuf *b, const char *s, size_t n)
{
    if (!zj__strbuf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void zj__strbuf_puts(zj__strbuf *b, const char *s)
{
    zj__strbuf_append(b, s, strlen(s));
}

void zj__strbuf_putc(zj__strbuf *b, char c)
{
    zj__strbuf_append(b, &c, 1);
}

void zj__strbuf_printf(zj__strbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !zj__strbuf_reserve(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

zj__strbuf *zj__strbuf_fmt(zj__strbuf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !zj__strbuf_reserve(b, (size_t)n))
        return b;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return b;
}

char *zj__strbuf_take(zj__strbuf *b)
{
    char *s;

    if (b->failed) {
        zj__strbuf_free(b);
        return NULL;
    }
    if (!b->data && !zj__strbuf_reserve(b, 0))
        return NULL;
    s = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}
