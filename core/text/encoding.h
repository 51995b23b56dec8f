/* encoding.h — telling UTF-8 from GB18030 and converting the latter
 * (internal; used by the CSV reader). */
#ifndef ZJ_ENCODING_H
#define ZJ_ENCODING_H

#include <stddef.h>

#include "zhijiao/csv.h"
#include "strbuf.h"

/* 3 when s[0 .. len) starts with the UTF-8 byte-order mark, else 0. */
size_t zj__utf8_bom_len(const char *s, size_t len);

/* Length of the longest prefix of s[0 .. len) that is well-formed UTF-8
 * made of whole characters.  When the prefix is shorter than len,
 * *truncated (if not NULL) tells why: 1 when the rest is the beginning of
 * a well-formed character cut off by the end of the buffer (more input
 * may complete it), 0 when s[prefix] starts an ill-formed sequence. */
size_t zj__utf8_valid_prefix(const char *s, size_t len, int *truncated);

/* UTF-8 validation across buffers that may split a character. */
typedef struct zj__utf8_stream {
    unsigned char pend[4];  /* the start of a character cut by a boundary */
    size_t npend;
} zj__utf8_stream;

#define ZJ_UTF8_STREAM_INIT { { 0, 0, 0, 0 }, 0 }

/* Checks the next piece of a stream.  Returns how many bytes of s are
 * good (len when all are; a character left incomplete at the end is good
 * for now and finished by the next call).  When the result is less than
 * len, s[result] is where the bad sequence starts, or (result 0) the
 * incomplete character from the previous piece was not completed. */
size_t zj__utf8_stream_check(zj__utf8_stream *st, const char *s, size_t len);
/* Non-zero when the stream ends inside a character. */
int zj__utf8_stream_incomplete(const zj__utf8_stream *st);

/* How the first bytes of a file decide its encoding: a byte-order mark
 * (UTF-8, UTF-16LE/BE, UTF-32LE/BE), or well-formed UTF-8 (allowing a
 * character cut at the end when !at_eof) meaning UTF-8; anything else
 * GB18030. */
zj_encoding zj__detect_encoding(const char *s, size_t len, int at_eof);

/* The length of the byte-order mark s starts with for enc (0 if none). */
size_t zj__bom_len(const char *s, size_t len, zj_encoding enc);

/* Evidence of UTF-8 in text that is not all UTF-8: the offset of the
 * first line of s[0 .. len) that is well-formed UTF-8 and holds a
 * character of three or four bytes (Chinese, in practice), or (size_t)-1
 * when there is none.  GBK text almost never forms such a line.  Only
 * lines ended by '\n' count, and the last one too when at_eof. */
size_t zj__find_utf8_line(const char *s, size_t len, int at_eof);

/* The iconv name of enc ("GB18030", "UTF-16LE", ...); NULL for UTF-8 and
 * auto, which need no conversion. */
const char *zj__encoding_iconv_name(zj_encoding enc);

/* A streaming converter to UTF-8 over iconv: from GB18030, and by
 * zj__conv_open from any multi-byte charset whose characters are at most
 * four bytes (UTF-16, UTF-32). */
typedef struct zj__gb18030_conv zj__gb18030_conv;

typedef enum zj__conv_status {
    ZJ_CONV_OK = 0,
    ZJ_CONV_INVALID,        /* a byte sequence that is not GB18030 */
    ZJ_CONV_NOMEM,
    ZJ_CONV_UNAVAILABLE     /* iconv has no GB18030 on this system */
} zj__conv_status;

/* NULL with *status set when iconv_open fails or memory runs out. */
zj__gb18030_conv *zj__gb18030_open(zj__conv_status *status);
zj__gb18030_conv *zj__conv_open(const char *from, zj__conv_status *status);
void zj__gb18030_close(zj__gb18030_conv *c);      /* NULL is fine */

/* Converts in[0 .. len), appending UTF-8 to out.  A character split at
 * the end of `in` is kept and completed by the next call; when `last` is
 * non-zero it is invalid instead.  On ZJ_CONV_INVALID, out holds the
 * conversion of everything before the bad sequence and *bad_offset (if
 * not NULL) its offset counted from the first byte ever fed. */
zj__conv_status zj__gb18030_feed(zj__gb18030_conv *c, const char *in,
                               size_t len, int last, zj__strbuf *out,
                               size_t *bad_offset);

#endif
