/* zhijiao/error.h — how libzhijiao reports failure.
 *
 * Every fallible function takes a `zj_error *err` as its last argument and
 * returns a `zj_code`.  On failure it fills `*err` (when err is not NULL)
 * with the code, a message in Chinese and in English, and where the problem
 * was found (a file and line, a JSON key, a CSV row and column, or an
 * argument name).  The caller owns the zj_error; it is a plain struct with
 * fixed buffers, so it can live on the stack and needs no freeing.
 *
 * The library never prints, never exits and never aborts on bad input.
 */
#ifndef ZHIJIAO_ERROR_H
#define ZHIJIAO_ERROR_H

#include "export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum zj_code {
    ZJ_OK = 0,
    ZJ_ERR_NOMEM = 1,       /* an allocation failed */
    ZJ_ERR_ARG = 2,         /* an argument is out of its domain (n = 0, x > n, conf = 1.2, ...) */
    ZJ_ERR_IO = 3,          /* a file could not be opened, read or written */
    ZJ_ERR_PARSE = 4,       /* a rule file, manifest or CSV is malformed */
    ZJ_ERR_NOT_FOUND = 5,   /* unknown jurisdiction, programme, year, check, table, school or major */
    ZJ_ERR_ENCODING = 6,    /* text is neither valid UTF-8 nor convertible GB18030 */
    ZJ_ERR_UNSUPPORTED = 7  /* a feature this build or data set cannot provide */
} zj_code;

#define ZJ_ERROR_TEXT_MAX 512
#define ZJ_ERROR_WHERE_MAX 256

typedef struct zj_error {
    zj_code code;
    char where[ZJ_ERROR_WHERE_MAX];        /* "data/rules/beijing/gtpy-2024.json:12", "argument conf", "" */
    char message_zh[ZJ_ERROR_TEXT_MAX];    /* UTF-8 */
    char message_en[ZJ_ERROR_TEXT_MAX];
} zj_error;

/* Sets *err to `code` with the given place and messages (copied, cut on a
 * character boundary to the buffers; NULL reads as "") and returns `code`.
 * Safe on a NULL err.  Clients that report their own errors in a zj_error
 * (a bad command-line option, an R argument) use this, Chinese first as
 * everywhere in zhijiao. */
ZJ_EXTERN zj_code zj_error_set(zj_error *err, zj_code code, const char *where,
                               const char *message_zh, const char *message_en);

/* Resets *err to ZJ_OK with empty texts.  Safe on NULL. */
ZJ_EXTERN void zj_error_clear(zj_error *err);

/* A short stable English name for a code: "ok", "nomem", "argument", ... */
ZJ_EXTERN const char *zj_code_name(zj_code code);

#ifdef __cplusplus
}
#endif
#endif
