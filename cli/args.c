/* args.c — numbers and lists given as arguments. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

int args_cell_number(const char *text, double *out)
{
    const char *t = text;
    size_t n;

    while (isspace((unsigned char)*t))
        t++;
    n = strlen(t);
    while (n > 0 && isspace((unsigned char)t[n - 1]))
        n--;
    if (n == 0 || (n == 2 && strncmp(t, "NA", 2) == 0) ||
        (n == 3 && strncmp(t, "NaN", 3) == 0)) {
        *out = NAN;
        return 1;
    }
    return zj_parse_number(text, NULL, out, NULL) == ZJ_OK;
}

/* Numbers and counts are read by the library (zhijiao/parse.h), so an
 * argument means what the same text means in a CSV cell or in Calc. */
int args_number(const cli_ctx *ctx, const char *cmd, const char *what,
                const char *text, double *out)
{
    zj_error err;

    if (zj_parse_number(text, what, out, &err) == ZJ_OK)
        return 0;
    return out_usage_error(ctx, cmd, &err);
}

int args_count(const cli_ctx *ctx, const char *cmd, const char *what,
               const char *text, double *out)
{
    zj_error err;

    if (zj_parse_count(text, what, out, &err) == ZJ_OK)
        return 0;
    return out_usage_error(ctx, cmd, &err);
}

enum { LIST_NUMBER, LIST_NUMBER_OR_NA, LIST_COUNT };

static int number_list(const cli_ctx *ctx, const char *cmd, const char *what,
                       const char *text, int kind, double **out, size_t *count)
{
    size_t n = 1, k = 0;
    const char *p;
    double *v;

    for (p = text; *p; p++)
        n += *p == ',';
    v = malloc(n * sizeof *v);
    if (!v)
        return out_nomem(ctx);
    for (p = text;; k++) {
        const char *e = strchr(p, ',');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char item[128], label[160];
        zj_error err;

        if (len >= sizeof item)
            len = sizeof item - 1;
        memcpy(item, p, len);
        item[len] = '\0';
        snprintf(label, sizeof label, "%s[%zu]", what, k + 1);
        if (kind == LIST_NUMBER_OR_NA ? !args_cell_number(item, &v[k]) &&
                                            zj_parse_number(item, label, &v[k], &err) != ZJ_OK
            : kind == LIST_COUNT ? zj_parse_count(item, label, &v[k], &err) != ZJ_OK
                                 : zj_parse_number(item, label, &v[k], &err) != ZJ_OK) {
            free(v);
            return out_usage_error(ctx, cmd, &err);
        }
        if (!e)
            break;
        p = e + 1;
    }
    *out = v;
    *count = k + 1;
    return 0;
}

int args_number_list(const cli_ctx *ctx, const char *cmd, const char *what,
                     const char *text, int allow_missing,
                     double **out, size_t *count)
{
    return number_list(ctx, cmd, what, text,
                       allow_missing ? LIST_NUMBER_OR_NA : LIST_NUMBER, out, count);
}

int args_count_list(const cli_ctx *ctx, const char *cmd, const char *what,
                    const char *text, double **out, size_t *count)
{
    return number_list(ctx, cmd, what, text, LIST_COUNT, out, count);
}

int args_name_list(const cli_ctx *ctx, const char *cmd, const char *what,
                   const char *text, char ***items, size_t *count)
{
    size_t n = 1, k = 0, len = strlen(text);
    char **v;
    char *copy, *p;

    for (p = (char *)text; *p; p++)
        n += *p == ',';
    /* One block: the pointer array, then the text. */
    v = malloc((n + 1) * sizeof *v + len + 1);
    if (!v)
        return out_nomem(ctx);
    copy = (char *)(v + n + 1);
    memcpy(copy, text, len + 1);
    for (p = copy;; k++) {
        char *e = strchr(p, ',');
        if (e)
            *e = '\0';
        v[k] = p;
        if (!*p) {
            free(v);
            return OUT_USAGE(ctx, cmd, what,
                             ("%s 中有空名称", what),
                             ("%s contains an empty name", what));
        }
        if (!e)
            break;
        p = e + 1;
    }
    v[k + 1] = NULL;
    *items = v;
    *count = k + 1;
    return 0;
}

void args_free_list(char **items)
{
    free(items);
}

const char *args_join(const char *const *items, size_t n, char *buf,
                      size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < n && len + 1 < size; i++) {
        int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
                         items[i] ? items[i] : "");
        if (w < 0)
            break;
        len += (size_t)w;
    }
    return buf;
}
