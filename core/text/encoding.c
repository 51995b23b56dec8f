/* encoding.c — UTF-8 or GB18030, and converting GB18030 to UTF-8.
 *
 * Officials' CSV files come either as UTF-8 (WPS, Calc, recent Excel) or
 * as GB18030/GBK (Excel in a Chinese locale, which calls it "ANSI").  The
 * two are told apart by whether the bytes are well-formed UTF-8: GBK text
 * of any length almost never is. */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"
#include "utf8.h"

size_t zj__utf8_bom_len(const char *s, size_t len)
{
    if (s && len >= 3 && (unsigned char)s[0] == 0xEF &&
        (unsigned char)s[1] == 0xBB && (unsigned char)s[2] == 0xBF)
        return 3;
    return 0;
}

/* The number of bytes the lead byte c announces, 0 for a byte that
 * cannot start a character. */
static size_t announced_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        return 2;
    if (c >= 0xE0 && c <= 0xEF)
        return 3;
    if (c >= 0xF0 && c <= 0xF4)
        return 4;
    return 0;
}

/* Whether s[0 .. len) (shorter than the character its first byte
 * announces) could still become a well-formed character: it is when
 * padding it with a continuation byte that fits yields one. */
static int is_truncated_char(const unsigned char *s, size_t len)
{
    unsigned char buf[4];
    size_t need = announced_len(s[0]), i;

    if (need < 2 || len >= need)
        return 0;
    memcpy(buf, s, len);
    for (i = len; i < need; i++) {
        /* Only the second byte has lead-specific ranges (E0 needs
         * A0..BF, F0 needs 90..BF); 80 suits every other position. */
        if (i == 1)
            buf[i] = s[0] == 0xE0 ? 0xA0 : s[0] == 0xF0 ? 0x90 : 0x80;
        else
            buf[i] = 0x80;
    }
    return zj__utf8_valid((const char *)buf, need, NULL);
}

size_t zj__utf8_valid_prefix(const char *s, size_t len, int *truncated)
{
    size_t bad = 0;

    if (truncated)
        *truncated = 0;
    if (!s || zj__utf8_valid(s, len, &bad))
        return s ? len : 0;
    if (truncated && len - bad < 4 &&
        is_truncated_char((const unsigned char *)s + bad, len - bad))
        *truncated = 1;
    return bad;
}

size_t zj__utf8_stream_check(zj__utf8_stream *st, const char *s, size_t len)
{
    size_t start = 0, need, take, good;
    int truncated;

    if (st->npend) {
        /* Finish the character the previous piece cut off. */
        need = announced_len(st->pend[0]) - st->npend;
        take = need < len ? need : len;
        memcpy(st->pend + st->npend, s, take);
        good = zj__utf8_valid_prefix((const char *)st->pend, st->npend + take,
                                    &truncated);
        if (good == st->npend + take && take == need) {
            st->npend = 0;
            start = take;
        } else if (truncated && take == len) {
            st->npend += take;      /* still incomplete: a tiny piece */
            return len;
        } else {
            st->npend = 0;
            return 0;
        }
    }
    good = zj__utf8_valid_prefix(s + start, len - start, &truncated);
    if (start + good < len && truncated) {
        st->npend = len - start - good;
        memcpy(st->pend, s + start + good, st->npend);
        return len;
    }
    return start + good;
}

int zj__utf8_stream_incomplete(const zj__utf8_stream *st)
{
    return st->npend != 0;
}

size_t zj__bom_len(const char *s, size_t len, zj_encoding enc)
{
    static const struct { zj_encoding enc; const char *bom; size_t n; } boms[] = {
        { ZJ_ENC_UTF8, "\xEF\xBB\xBF", 3 },      { ZJ_ENC_UTF32LE, "\xFF\xFE\0\0", 4 },
        { ZJ_ENC_UTF32BE, "\0\0\xFE\xFF", 4 }, { ZJ_ENC_UTF16LE, "\xFF\xFE", 2 },
        { ZJ_ENC_UTF16BE, "\xFE\xFF", 2 },
    };
    size_t i;

    for (i = 0; s && i < sizeof boms / sizeof boms[0]; i++)
        if (boms[i].enc == enc && len >= boms[i].n && memcmp(s, boms[i].bom, boms[i].n) == 0)
            return boms[i].n;
    return 0;
}

const char *zj__encoding_iconv_name(zj_encoding enc)
{
    switch (enc) {
    case ZJ_ENC_GB18030: return "GB18030";
    case ZJ_ENC_UTF16LE: return "UTF-16LE";
    case ZJ_ENC_UTF16BE: return "UTF-16BE";
    case ZJ_ENC_UTF32LE: return "UTF-32LE";
    case ZJ_ENC_UTF32BE: return "UTF-32BE";
    case ZJ_ENC_AUTO:
    case ZJ_ENC_UTF8:
        break;
    }
    return NULL;
}

size_t zj__find_utf8_line(const char *s, size_t len, int at_eof)
{
    size_t start = 0;

    while (start < len) {
        const char *nl = memchr(s + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - s) : len, i;

        if (!nl && !at_eof)
            break;
        if (zj__utf8_valid(s + start, end - start, NULL))
            for (i = start; i < end; i++)
                if ((unsigned char)s[i] >= 0xE0)
                    return start;
        start = end + 1;
    }
    return (size_t)-1;
}

zj_encoding zj__detect_encoding(const char *s, size_t len, int at_eof)
{
    int truncated;

    /* UTF-32LE's mark starts with UTF-16LE's: longest first. */
    if (zj__bom_len(s, len, ZJ_ENC_UTF8))
        return ZJ_ENC_UTF8;
    if (zj__bom_len(s, len, ZJ_ENC_UTF32LE))
        return ZJ_ENC_UTF32LE;
    if (zj__bom_len(s, len, ZJ_ENC_UTF32BE))
        return ZJ_ENC_UTF32BE;
    if (zj__bom_len(s, len, ZJ_ENC_UTF16LE))
        return ZJ_ENC_UTF16LE;
    if (zj__bom_len(s, len, ZJ_ENC_UTF16BE))
        return ZJ_ENC_UTF16BE;
    if (zj__utf8_valid_prefix(s, len, &truncated) == len)
        return ZJ_ENC_UTF8;
    /* A multi-byte character cut by the end of the sample says nothing
     * against UTF-8. */
    if (truncated && !at_eof)
        return ZJ_ENC_UTF8;
    return ZJ_ENC_GB18030;
}

/* ---- GB18030 → UTF-8 ---------------------------------------------------- */

/* The longest GB18030 character is 4 bytes. */
#define GB_MAX_CHAR 4

struct zj__gb18030_conv {
    iconv_t cd;
    unsigned char pend[GB_MAX_CHAR];    /* a character cut by a boundary */
    size_t npend;
    size_t pend_offset;     /* stream offset of pend[0] */
    size_t fed;             /* bytes of the stream before the current call */
};

zj__gb18030_conv *zj__gb18030_open(zj__conv_status *status)
{
    return zj__conv_open("GB18030", status);
}

zj__gb18030_conv *zj__conv_open(const char *from, zj__conv_status *status)
{
    zj__gb18030_conv *c = calloc(1, sizeof *c);

    if (!c) {
        if (status)
            *status = ZJ_CONV_NOMEM;
        return NULL;
    }
    c->cd = iconv_open("UTF-8", from);
    if (c->cd == (iconv_t)-1) {
        free(c);
        if (status)
            *status = ZJ_CONV_UNAVAILABLE;
        return NULL;
    }
    if (status)
        *status = ZJ_CONV_OK;
    return c;
}

void zj__gb18030_close(zj__gb18030_conv *c)
{
    if (!c)
        return;
    iconv_close(c->cd);
    free(c);
}

/* One iconv call over *in, growing out as needed.  Returns 0 when all of
 * the input was converted, else the errno that stopped it (EINVAL for an
 * incomplete character at the end, EILSEQ for an invalid one), or ENOMEM. */
static int convert_some(zj__gb18030_conv *c, const char **in, size_t *inleft,
                        zj__strbuf *out)
{
    char *ip = (char *)*in, *op;
    size_t room, r;
    int e = 0;

    while (*inleft) {
        /* A GB18030 character never grows more than 1.5 times, a UTF-16
         * one (2 bytes → up to 3) likewise. */
        if (!zj__strbuf_reserve(out, *inleft * 2 + 16))
            return ENOMEM;
        op = out->data + out->len;
        room = out->cap - out->len - 1;     /* keep the NUL's byte */
        r = iconv(c->cd, &ip, inleft, &op, &room);
        out->len = (size_t)(op - out->data);
        out->data[out->len] = '\0';
        if (r != (size_t)-1)
            continue;
        e = errno;
        if (e != E2BIG)
            break;
        e = 0;
    }
    *in = ip;
    return e;
}

/* Completes a character left over from the previous call using the first
 * bytes of this one.  Returns the number of input bytes used (possibly
 * 0), or (size_t)-1 with *st set on failure or when the input is used up
 * and the character is still incomplete (then *st is ZJ_CONV_OK). */
static size_t finish_pending(zj__gb18030_conv *c, const char *in, size_t len,
                             zj__strbuf *out, zj__conv_status *st)
{
    char tmp[2 * GB_MAX_CHAR];
    const char *p = tmp;
    size_t take = len < GB_MAX_CHAR ? len : GB_MAX_CHAR;
    size_t n = c->npend + take, left = n, used;
    int e;

    memcpy(tmp, c->pend, c->npend);
    memcpy(tmp + c->npend, in, take);
    e = convert_some(c, &p, &left, out);
    used = n - left;
    if (e == ENOMEM) {
        *st = ZJ_CONV_NOMEM;
        return (size_t)-1;
    }
    if (used >= c->npend) {
        /* The pending character went through; the main loop redoes
         * whatever stopped this short conversion, with the full input. */
        used -= c->npend;
        c->npend = 0;
        return used;
    }
    if (e == EINVAL && take == len && n <= GB_MAX_CHAR) {
        memcpy(c->pend, tmp, n);
        c->npend = n;
        *st = ZJ_CONV_OK;
        return (size_t)-1;
    }
    *st = ZJ_CONV_INVALID;
    return (size_t)-1;
}

zj__conv_status zj__gb18030_feed(zj__gb18030_conv *c, const char *in,
                               size_t len, int last, zj__strbuf *out,
                               size_t *bad_offset)
{
    const char *p = in;
    size_t left = len, used;
    zj__conv_status st = ZJ_CONV_OK;
    int e;

    if (c->npend && len) {
        used = finish_pending(c, in, len, out, &st);
        if (used == (size_t)-1) {
            if (st == ZJ_CONV_INVALID && bad_offset)
                *bad_offset = c->pend_offset;
            if (st == ZJ_CONV_INVALID)
                c->npend = 0;
            c->fed += len;
            if (st == ZJ_CONV_OK && last)
                goto incomplete;
            return st;
        }
        p += used;
        left -= used;
    }
    e = convert_some(c, &p, &left, out);
    if (e == ENOMEM)
        return ZJ_CONV_NOMEM;
    if (e == EINVAL && left <= GB_MAX_CHAR) {
        memcpy(c->pend, p, left);
        c->npend = left;
        c->pend_offset = c->fed + (size_t)(p - in);
    } else if (e) {
        if (bad_offset)
            *bad_offset = c->fed + (size_t)(p - in);
        c->fed += len;
        return ZJ_CONV_INVALID;
    }
    c->fed += len;
    if (last && c->npend)
        goto incomplete;
    return ZJ_CONV_OK;

incomplete:
    /* The stream ends inside a character. */
    if (bad_offset)
        *bad_offset = c->pend_offset;
    c->npend = 0;
    return ZJ_CONV_INVALID;
}
