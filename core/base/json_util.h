/* json_util.h — reading validated values out of jansson trees (internal).
 *
 * Rule files and the table manifest are edited by hand, so every lookup
 * says exactly which key of which file is wrong: err->where is
 * "<file>:<line>" when jansson knows the line, else "<file>", and the
 * message names the key path ("rules.admission.min_score.params.min"). */
#ifndef ZJ_JSON_UTIL_H
#define ZJ_JSON_UTIL_H

#include <jansson.h>
#include "zhijiao/error.h"

typedef struct zj__jctx {
    const char *file;   /* for messages */
    zj_error *err;
} zj__jctx;

/* Loads a JSON file; syntax errors become ZJ_ERR_PARSE with file:line:column.
 * Only a regular file is read (ZJ_ERR_IO otherwise, never a blocking open). */
zj_code zj__json_load_file(const char *path, json_t **out, zj_error *err);

/* Typed member access.  `path` is the dotted path of `obj` (for messages).
 * Missing required members, wrong types and (for strings) empty or
 * non-UTF-8 values are ZJ_ERR_PARSE.  Optional missing/null members leave
 * *out untouched and return ZJ_OK. */
zj_code zj__json_string(const zj__jctx *c, const json_t *obj, const char *path,
                       const char *key, int required, const char **out);
zj_code zj__json_number(const zj__jctx *c, const json_t *obj, const char *path,
                       const char *key, int required, double *out);
zj_code zj__json_int(const zj__jctx *c, const json_t *obj, const char *path,
                    const char *key, int required, long *out);
zj_code zj__json_object(const zj__jctx *c, const json_t *obj, const char *path,
                       const char *key, int required, json_t **out);
zj_code zj__json_array(const zj__jctx *c, const json_t *obj, const char *path,
                      const char *key, int required, json_t **out);
/* Rejects members other than the NULL-terminated `allowed` (typos in rule
 * files must not be silently ignored). */
zj_code zj__json_only_keys(const zj__jctx *c, const json_t *obj,
                          const char *path, const char *const *allowed);

/* A ZJ_ERR_PARSE error at `path` (+ "." key when key is not NULL). */
zj_code zj__json_fail(const zj__jctx *c, const char *path, const char *key,
                     const char *what_zh, const char *what_en);

#endif
