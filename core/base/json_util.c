/* json_util.c — validated access to hand-edited JSON files. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "error_internal.h"
#include "json_util.h"
#include "utf8.h"

zj_code zj__json_load_file(const char *path, json_t **out, zj_error *err)
{
    json_error_t je;
    char where[ZJ_ERROR_WHERE_MAX];
    struct stat st;
    int fd, flags;

    *out = NULL;
    /* Open without blocking and read regular files only: a FIFO put where
     * a JSON file is expected would otherwise block forever. */
    fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return ZJ_FAIL(err, ZJ_ERR_IO, path, ("无法打开文件：%s", strerror(errno)),
                       ("cannot open file: %s", strerror(errno)));
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return ZJ_FAIL(err, ZJ_ERR_IO, path, ("不是普通文件，不予读取"),
                       ("not a regular file, so not read"));
    }
    flags = fcntl(fd, F_GETFL);
    if (flags >= 0)
        (void)fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    *out = json_loadfd(fd, JSON_REJECT_DUPLICATES, &je);
    close(fd);
    if (*out)
        return ZJ_OK;
    if (je.line > 0)
        snprintf(where, sizeof where, "%s:%d:%d", path, je.line, je.column);
    else
        snprintf(where, sizeof where, "%s", path);
    return ZJ_FAIL(err, ZJ_ERR_PARSE, where,
                   ("JSON 语法错误：%s", je.text),
                   ("JSON syntax error: %s", je.text));
}

/* "key <path>.<key>: <what>", where = the file. */
static zj_code fail2(const zj__jctx *c, const char *path, const char *key,
                     const char *zh, const char *en)
{
    char full[200];
    zj_error *err = c->err;

    if (key && path && *path)
        snprintf(full, sizeof full, "%s.%s", path, key);
    else
        snprintf(full, sizeof full, "%s", key ? key : (path ? path : ""));
    return ZJ_FAIL(err, ZJ_ERR_PARSE, c->file ? c->file : "", ("键 %s：%s", full, zh),
                   ("key %s: %s", full, en));
}

zj_code zj__json_fail(const zj__jctx *c, const char *path, const char *key,
                     const char *what_zh, const char *what_en)
{
    return fail2(c, path, key, what_zh, what_en);
}

static zj_code member(const zj__jctx *c, const json_t *obj, const char *path,
                      const char *key, int required, json_t **out)
{
    json_t *v = NULL;

    if (!json_is_object(obj))
        return fail2(c, path, NULL, "应为对象", "expected an object");
    v = json_object_get(obj, key);
    if (!v || json_is_null(v)) {
        *out = NULL;
        if (required)
            return fail2(c, path, key, "缺少必填项", "required key is missing");
        return ZJ_OK;
    }
    *out = v;
    return ZJ_OK;
}

zj_code zj__json_string(const zj__jctx *c, const json_t *obj, const char *path,
                       const char *key, int required, const char **out)
{
    json_t *v = NULL;
    zj_code rc = member(c, obj, path, key, required, &v);

    if (rc || !v)
        return rc;
    if (!json_is_string(v))
        return fail2(c, path, key, "应为字符串", "expected a string");
    if (json_string_length(v) == 0)
        return fail2(c, path, key, "不能为空字符串", "must not be empty");
    if (!zj__utf8_valid(json_string_value(v), json_string_length(v), NULL))
        return fail2(c, path, key, "不是有效的 UTF-8", "is not valid UTF-8");
    *out = json_string_value(v);
    return ZJ_OK;
}

zj_code zj__json_number(const zj__jctx *c, const json_t *obj, const char *path,
                       const char *key, int required, double *out)
{
    json_t *v = NULL;
    zj_code rc = member(c, obj, path, key, required, &v);

    if (rc || !v)
        return rc;
    if (!json_is_number(v))
        return fail2(c, path, key, "应为数字", "expected a number");
    *out = json_number_value(v);
    if (!isfinite(*out))
        return fail2(c, path, key, "应为有限数字", "expected a finite number");
    return ZJ_OK;
}

zj_code zj__json_int(const zj__jctx *c, const json_t *obj, const char *path,
                    const char *key, int required, long *out)
{
    json_t *v = NULL;
    zj_code rc = member(c, obj, path, key, required, &v);

    if (rc || !v)
        return rc;
    if (!json_is_integer(v))
        return fail2(c, path, key, "应为整数", "expected an integer");
    *out = (long)json_integer_value(v);
    return ZJ_OK;
}

zj_code zj__json_object(const zj__jctx *c, const json_t *obj, const char *path,
                       const char *key, int required, json_t **out)
{
    json_t *v = NULL;
    zj_code rc = member(c, obj, path, key, required, &v);

    if (rc || !v)
        return rc;
    if (!json_is_object(v))
        return fail2(c, path, key, "应为对象", "expected an object");
    *out = v;
    return ZJ_OK;
}

zj_code zj__json_array(const zj__jctx *c, const json_t *obj, const char *path,
                      const char *key, int required, json_t **out)
{
    json_t *v = NULL;
    zj_code rc = member(c, obj, path, key, required, &v);

    if (rc || !v)
        return rc;
    if (!json_is_array(v))
        return fail2(c, path, key, "应为数组", "expected an array");
    *out = v;
    return ZJ_OK;
}

zj_code zj__json_only_keys(const zj__jctx *c, const json_t *obj,
                          const char *path, const char *const *allowed)
{
    const char *key;
    json_t *v = NULL;

    json_object_foreach((json_t *)obj, key, v) {
        size_t i;
        int ok = 0;

        for (i = 0; allowed[i]; i++)
            if (strcmp(allowed[i], key) == 0)
                ok = 1;
        if (!ok)
            return fail2(c, path, key, "未知的键（拼写错误？）",
                         "unknown key (a typo?)");
    }
    return ZJ_OK;
}
