/* strbuf.h — a growable NUL-terminated byte buffer (internal). */
#ifndef ZJ_STRBUF_H
#define ZJ_STRBUF_H

#include <stddef.h>

typedef struct zj__strbuf {
    char *data;     /* always NUL-terminated when not NULL */
    size_t len, cap;
    int failed;     /* an allocation failed; further appends are ignored */
} zj__strbuf;

#define ZJ_STRBUF_INIT { NULL, 0, 0, 0 }

void zj__strbuf_reset(zj__strbuf *b);            /* len = 0, keeps memory */
void zj__strbuf_free(zj__strbuf *b);
int zj__strbuf_reserve(zj__strbuf *b, size_t extra);   /* 0 on failure */
void zj__strbuf_append(zj__strbuf *b, const char *s, size_t n);
void zj__strbuf_puts(zj__strbuf *b, const char *s);
void zj__strbuf_putc(zj__strbuf *b, char c);
void zj__strbuf_printf(zj__strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* zj__strbuf_printf returning b, so a message can be built inside an
 * expression (ZJ_FINDING in audit/findings_internal.h). */
zj__strbuf *zj__strbuf_fmt(zj__strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the string to the caller (to free()), leaving b empty.  NULL if
 * an allocation failed. */
char *zj__strbuf_take(zj__strbuf *b);

#endif
