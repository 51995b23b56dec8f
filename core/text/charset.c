/* charset.c — turning a downloaded page into UTF-8.
 *
 * The charset is taken, in this order, from the HTTP Content-Type header,
 * a byte-order mark, a <meta charset> / http-equiv tag in the first 4 KiB,
 * and otherwise guessed: well-formed UTF-8 is UTF-8, anything else is
 * GB18030 (which covers GBK and GB2312, what Chinese sites use when they
 * are not UTF-8).  Conversion goes through iconv; bytes that are not valid
 * in the declared charset are an error, never replaced silently. */
#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "encoding.h"
#include "error_internal.h"
#include "utf8.h"

/* The value of charset= in s (up to ; " ' > or space), into buf. */
static int find_charset(const char *s, size_t len, char *buf, size_t size)
{
    size_t i, k;

    for (i = 0; i + 8 <= len; i++) {
        if (strncasecmp(s + i, "charset", 7) != 0)
            continue;
        k = i + 7;
        while (k < len && isspace((unsigned char)s[k]))
            k++;
        if (k >= len || s[k] != '=')
            continue;
        k++;
        while (k < len && (isspace((unsigned char)s[k]) || s[k] == '"' || s[k] == '\''))
            k++;
        {
            size_t n = 0;
            while (k < len && n + 1 < size && (isalnum((unsigned char)s[k]) || s[k] == '-' || s[k] == '_'))
                buf[n++] = (char)tolower((unsigned char)s[k++]);
            buf[n] = '\0';
            if (n)
                return 1;
        }
    }
    return 0;
}

static int is_gb(const char *cs)
{
    return strcmp(cs, "gb18030") == 0 || strcmp(cs, "gbk") == 0 || strcmp(cs, "gb2312") == 0 ||
           strcmp(cs, "cp936") == 0 || strcmp(cs, "x-gbk") == 0 || strcmp(cs, "euc-cn") == 0;
}

static int is_utf8(const char *cs)
{
    return strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0;
}

const char *zj__charset_detect(const char *body, size_t len, const char *content_type,
                              char *buf, size_t size)
{
    if (content_type && find_charset(content_type, strlen(content_type), buf, size))
        return is_gb(buf) ? "gb18030" : is_utf8(buf) ? "utf-8" : buf;
    if (zj__utf8_bom_len(body, len))
        return "utf-8";
    if (find_charset(body, len < 4096 ? len : 4096, buf, size))
        return is_gb(buf) ? "gb18030" : is_utf8(buf) ? "utf-8" : buf;
    return zj__detect_encoding(body, len, 1) == ZJ_ENC_UTF8 ? "utf-8" : "gb18030";
}

zj_code zj__charset_to_utf8(const char *body, size_t len, const char *charset,
                           const char *where, char **out, size_t *out_len, zj_error *err)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    size_t bad = 0;

    *out = NULL;
    *out_len = 0;
    if (strcmp(charset, "utf-8") == 0) {
        size_t bom = zj__utf8_bom_len(body, len);
        if (!zj__utf8_valid(body + bom, len - bom, &bad))
            return ZJ_FAIL(err, ZJ_ERR_ENCODING, where,
                           ("第 %zu 字节不是有效的 UTF-8", bad + bom),
                           ("byte %zu is not valid UTF-8", bad + bom));
        zj__strbuf_append(&b, body + bom, len - bom);
    } else if (strcmp(charset, "gb18030") == 0) {
        zj__conv_status st;
        zj__gb18030_conv *c = zj__gb18030_open(&st);
        if (!c)
            return ZJ_FAIL(err, st == ZJ_CONV_NOMEM ? ZJ_ERR_NOMEM : ZJ_ERR_UNSUPPORTED, where,
                           ("iconv 不支持 GB18030"),
                           ("iconv cannot convert GB18030"));
        st = zj__gb18030_feed(c, body, len, 1, &b, &bad);
        zj__gb18030_close(c);
        if (st != ZJ_CONV_OK) {
            zj__strbuf_free(&b);
            return ZJ_FAIL(err, st == ZJ_CONV_NOMEM ? ZJ_ERR_NOMEM : ZJ_ERR_ENCODING, where,
                           ("第 %zu 字节不是有效的 GB18030", bad),
                           ("byte %zu is not valid GB18030", bad));
        }
    } else {
        iconv_t cd = iconv_open("UTF-8", charset);
        char *in = (char *)body, outbuf[4096];
        size_t inleft = len;

        if (cd == (iconv_t)-1)
            return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, where,
                           ("不支持的字符集 %s", charset),
                           ("unsupported charset %s", charset));
        while (inleft) {
            char *o = outbuf;
            size_t oleft = sizeof outbuf;
            size_t r = iconv(cd, &in, &inleft, &o, &oleft);
            zj__strbuf_append(&b, outbuf, sizeof outbuf - oleft);
            if (r == (size_t)-1 && errno != E2BIG) {
                iconv_close(cd);
                zj__strbuf_free(&b);
                return ZJ_FAIL(err, ZJ_ERR_ENCODING, where,
                               ("第 %zu 字节不是有效的 %s", len - inleft, charset),
                               ("byte %zu is not valid %s", len - inleft, charset));
            }
        }
        iconv_close(cd);
    }
    if (!b.data)
        zj__strbuf_append(&b, "", 0);
    if (b.failed) {
        zj__strbuf_free(&b);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    *out_len = b.len;
    *out = zj__strbuf_take(&b);
    return ZJ_OK;
}
