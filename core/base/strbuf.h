/* strbuf.h — a growable NUL-terminated byte buffer (internal). */
#ifndef ZJ_STRBUF_H
#define ZJ_STRBUF_H

#include <stddef.h>

typedef struct zj_strbuf {
    char *data;     /* always NUL-terminated when not NULL */
    size_t len, cap;
    int failed;     /* an allocation failed; further appends are ignored */
} zj_strbuf;

#define ZJ_STRBUF_INIT { NULL, 0, 0, 0 }

void zj_strbuf_reset(zj_strbuf *b);            /* len = 0, keeps memory */
void zj_strbuf_free(zj_strbuf *b);
int zj_strbuf_reserve(zj_strbuf *b, size_t extra);   /* 0 on failure */
void zj_strbuf_append(zj_strbuf *b, const char *s, size_t n);
void zj_strbuf_puts(zj_strbuf *b, const char *s);
void zj_strbuf_putc(zj_strbuf *b, char c);
void zj_strbuf_printf(zj_strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* zj_strbuf_printf returning b, so a message can be built inside an
 * expression (ZJ_FINDING in audit/findings_internal.h). */
zj_strbuf *zj_strbuf_fmt(zj_strbuf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Hands the string to the caller (to free()), leaving b empty.  NULL if
 * an allocation failed. */
char *zj_strbuf_take(zj_strbuf *b);

#endif
