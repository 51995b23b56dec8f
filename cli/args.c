/* args.c — numbers and lists given as arguments. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

/* strtod on the whole text, blanks around allowed. */
static int parse_double(const char *text, double *out)
{
    char *end;
    double v;

    while (isspace((unsigned char)*text))
        text++;
    if (!*text)
        return 0;
    errno = 0;
    v = strtod(text, &end);
    if (end == text)
        return 0;
    while (isspace((unsigned char)*end))
        end++;
    if (*end || !isfinite(v))
        return 0;
    *out = v;
    return 1;
}

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
    return parse_double(text, out);
}

int args_number(const cli_ctx *ctx, const char *cmd, const char *what,
                const char *text, double *out)
{
    if (parse_double(text, out))
        return 0;
    return out_usage(ctx, cmd, what, "%s 须为数字，而不是“%s”",
                     "%s must be a number, not '%s'", what, text);
}

int args_number_list(const cli_ctx *ctx, const char *cmd, const char *what,
                     const char *text, int allow_missing,
                     double **out, size_t *count)
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
        char item[128];
        int ok;

        if (len >= sizeof item)
            len = sizeof item - 1;
        memcpy(item, p, len);
        item[len] = '\0';
        ok = allow_missing ? args_cell_number(item, &v[k])
                           : parse_double(item, &v[k]);
        if (!ok) {
            free(v);
            return out_usage(ctx, cmd, what,
                             "%s 的第 %zu 项须为数字%s，而不是“%s”",
                             "%s: item %zu must be a number%s, not '%s'",
                             what, k + 1, allow_missing ? " (or NA)" : "",
                             item);
        }
        if (!e)
            break;
        p = e + 1;
    }
    *out = v;
    *count = k + 1;
    return 0;
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
            return out_usage(ctx, cmd, what, "%s 中有空名称",
                             "%s contains an empty name", what);
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
