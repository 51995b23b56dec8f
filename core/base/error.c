/* error.c — the zj_error object. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "error_internal.h"
#include "utf8.h"

void zj_error_clear(zj_error *err)
{
    if (!err)
        return;
    err->code = ZJ_OK;
    err->where[0] = '\0';
    err->message_zh[0] = '\0';
    err->message_en[0] = '\0';
}

const char *zj_code_name(zj_code code)
{
    switch (code) {
    case ZJ_OK: return "ok";
    case ZJ_ERR_NOMEM: return "nomem";
    case ZJ_ERR_ARG: return "argument";
    case ZJ_ERR_IO: return "io";
    case ZJ_ERR_PARSE: return "parse";
    case ZJ_ERR_NOT_FOUND: return "not_found";
    case ZJ_ERR_ENCODING: return "encoding";
    case ZJ_ERR_UNSUPPORTED: return "unsupported";
    }
    return "unknown";
}

zj_code zj_error_set(zj_error *err, zj_code code, const char *where,
                     const char *message_zh, const char *message_en)
{
    zj__error_begin(err, code, where);
    if (err) {
        zj__utf8_copy(err->message_zh, sizeof err->message_zh, message_zh ? message_zh : "");
        zj__utf8_copy(err->message_en, sizeof err->message_en, message_en ? message_en : "");
    }
    return code;
}

void zj__error_begin(zj_error *err, zj_code code, const char *where)
{
    if (!err)
        return;
    err->code = code;
    zj__utf8_copy(err->where, sizeof err->where, where ? where : "");
    err->message_zh[0] = '\0';
    err->message_en[0] = '\0';
}

/* vsnprintf, then back off to a whole UTF-8 character if it cut one. */
static void format_into(char *buf, size_t size, const char *fmt, va_list ap)
{
    int n = vsnprintf(buf, size, fmt, ap);

    if (n >= 0 && (size_t)n >= size)
        buf[zj__utf8_prefix(buf, size - 1)] = '\0';
}

void zj__error_zh(zj_error *err, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return;
    va_start(ap, fmt);
    format_into(err->message_zh, sizeof err->message_zh, fmt, ap);
    va_end(ap);
}

zj_code zj__error_end(zj_error *err, zj_code code, const char *fmt, ...)
{
    va_list ap;

    if (!err)
        return code;
    va_start(ap, fmt);
    format_into(err->message_en, sizeof err->message_en, fmt, ap);
    va_end(ap);
    return code;
}

void zj__error_prefix_where(zj_error *err, const char *prefix)
{
    char tmp[ZJ_ERROR_WHERE_MAX];
    size_t plen, wlen, n = 0;

    if (!err || !prefix || !*prefix)
        return;
    /* "prefix: where", cut to the buffer on a character boundary */
    plen = zj__utf8_prefix(prefix, sizeof tmp - 1);
    memcpy(tmp, prefix, plen);
    n = plen;
    if (err->where[0] && n + 2 < sizeof tmp) {
        tmp[n++] = ':';
        tmp[n++] = ' ';
        wlen = zj__utf8_prefix(err->where, sizeof tmp - 1 - n);
        memcpy(tmp + n, err->where, wlen);
        n += wlen;
    }
    tmp[n] = '\0';
    memcpy(err->where, tmp, n + 1);
}
