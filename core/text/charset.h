/* charset.h — detecting and converting the charset of a web page
 * (internal; see charset.c). */
#ifndef ZJ_CHARSET_H
#define ZJ_CHARSET_H

#include <stddef.h>
#include "zhijiao/error.h"

/* "utf-8", "gb18030" or another lower-case iconv name (then in buf). */
const char *zj__charset_detect(const char *body, size_t len, const char *content_type,
                              char *buf, size_t size);
/* body in `charset` to UTF-8 (BOM dropped), malloc'd in *out. */
zj_code zj__charset_to_utf8(const char *body, size_t len, const char *charset,
                           const char *where, char **out, size_t *out_len, zj_error *err);

#endif
