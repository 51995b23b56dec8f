/* error_internal.h — filling a zj_error from inside the library. */
#ifndef ZJ_ERROR_INTERNAL_H
#define ZJ_ERROR_INTERNAL_H

#include "zhijiao/error.h"

/* Sets *err (if not NULL) and returns `code`, so failures read
 *     return zj_fail(err, ZJ_ERR_ARG, "argument n", "n 必须大于 0（现为 %g）",
 *                    "n must be greater than 0 (got %g)", n);
 * Both formats consume the same arguments in the same order.
 * `where` may be NULL. */
zj_code zj_fail(zj_error *err, zj_code code, const char *where,
                const char *fmt_zh, const char *fmt_en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 6), format(printf, 5, 6)))
#endif
    ;

/* Prefixes err->where with "prefix: " (e.g. a file name before a key). */
void zj_error_prefix_where(zj_error *err, const char *prefix);

#endif
