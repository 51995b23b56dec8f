/* error_internal.h — filling a zj_error from inside the library. */
#ifndef ZJ_ERROR_INTERNAL_H
#define ZJ_ERROR_INTERNAL_H

#include "zhijiao/error.h"

/* Sets *err (if not NULL) and returns `code`, each language formatted
 * with its own arguments (the compiler checks each against its format):
 *     return ZJ_FAIL(err, ZJ_ERR_ARG, "argument n",
 *                    ("n 必须大于 0（现为 %g）", n),
 *                    ("n must be greater than 0 (got %g)", n));
 * It may also stand as a statement, its result unused.  `err` and `code`
 * are evaluated more than once: pass plain names.  `where` may be NULL. */
#define ZJ_FAIL(err, code, where, zh, en)                                      \
    (zj__error_begin((err), (code), (where)), zj__error_zh((err), ZJ__ARGS zh), \
     zj__error_end((err), (code), ZJ__ARGS en))
#define ZJ__ARGS(...) __VA_ARGS__

/* The parts of ZJ_FAIL.  Each is a no-op on a NULL err. */
void zj__error_begin(zj_error *err, zj_code code, const char *where);
void zj__error_zh(zj_error *err, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* The English text; returns `code` (the end of ZJ_FAIL). */
zj_code zj__error_end(zj_error *err, zj_code code, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;


/* Prefixes err->where with "prefix: " (e.g. a file name before a key). */
void zj__error_prefix_where(zj_error *err, const char *prefix);

#endif
