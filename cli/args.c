/* args.c — option and number parsing for the commands. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

int args_wants_help(int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    }
    return 0;
}

/* "-" is standard input and "-1", "-.5" are numbers: positional. */
static int is_option(const char *a)
{
    if (a[0] != '-' || a[1] == '\0')
        return 0;
    if (a[1] == '-')
        return 1;
    return !(isdigit((unsigned char)a[1]) || a[1] == '.');
}

static const cli_opt *find_opt(const cli_opt *opts, size_t nopts,
                               const char *name, size_t len)
{
    size_t i;

    for (i = 0; i < nopts; i++)
        if (strlen(opts[i].name) == len &&
            strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

int args_parse(const cli_ctx *ctx, const char *cmd, int argc, char **argv,
               const cli_opt *opts, size_t nopts,
               const char **pos, size_t maxpos, size_t *npos)
{
    int i, only_pos = 0;

    *npos = 0;
    if (args_wants_help(argc, argv))
        return ARGS_HELP;
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_pos && strcmp(a, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (!only_pos && is_option(a)) {
            const char *name = a + (a[1] == '-' ? 2 : 1);
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            const cli_opt *o = a[1] == '-' ? find_opt(opts, nopts, name, len) : NULL;

            if (!o)
                return out_usage(ctx, cmd, a, "未知选项 %.*s",
                                 "unknown option %.*s", (int)(len + (size_t)(name - a)), a);
            if (!o->takes_value) {
                if (eq)
                    return out_usage(ctx, cmd, a, "选项 --%s 不带值",
                                     "option --%s takes no value", o->name);
                *o->value = "1";
            } else if (eq) {
                *o->value = eq + 1;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                return out_usage(ctx, cmd, a, "选项 --%s 缺少值",
                                 "option --%s needs a value", o->name);
            }
            continue;
        }
        if (*npos >= maxpos)
            return out_usage(ctx, cmd, a, "多余的参数“%s”",
                             "unexpected argument '%s'", a);
        pos[(*npos)++] = a;
    }
    return 0;
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

/* ---- reading columns of a CSV file --------------------------------------- */

int args_encoding(const cli_ctx *ctx, const char *text, zj_encoding *out)
{
    zj_error err;

    *out = ZJ_ENC_AUTO;
    if (!text)
        return 0;
    zj_error_clear(&err);
    if (zj_encoding_parse(text, out, &err) != ZJ_OK)
        return out_error(ctx, &err);
    return 0;
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

int args_open_csv(const cli_ctx *ctx, const char *path, zj_encoding enc,
                  zj_csv_reader **r, const char *const **header, size_t *n)
{
    zj_error err;

    zj_error_clear(&err);
    *r = NULL;
    if (zj_csv_open_file(path, enc, r, &err) != ZJ_OK)
        return out_error(ctx, &err);
    if (zj_csv_next(*r, header, n, &err) != ZJ_OK) {
        zj_csv_close(*r);
        *r = NULL;
        return out_error(ctx, &err);
    }
    if (!*header) {
        zj_csv_close(*r);
        *r = NULL;
        zj_error_set(&err, ZJ_ERR_PARSE, path, "文件为空，没有表头行",
                     "the file is empty: no header row");
        return out_error(ctx, &err);
    }
    return 0;
}

int args_read_columns(const cli_ctx *ctx, const char *cmd, const char *path,
                      zj_encoding enc, const char *const *names, size_t n,
                      size_t n_required, args_row_fn fn, void *ud)
{
    zj_csv_reader *r = NULL;
    zj_error err;
    const char *const *fields;
    const char **cells = NULL;
    size_t nf, ncols = 0, i, k, *idx = NULL;
    int rc = CLI_EXIT_ERROR;

    zj_error_clear(&err);
    if ((rc = args_open_csv(ctx, path, enc, &r, &fields, &nf)) != 0)
        return rc;
    rc = CLI_EXIT_ERROR;
    ncols = nf;
    idx = malloc((n ? n : 1) * sizeof *idx);
    cells = malloc((n ? n : 1) * sizeof *cells);
    if (!idx || !cells) {
        out_nomem(ctx);
        goto done;
    }
    for (k = 0; k < n; k++) {
        idx[k] = (size_t)-1;
        for (i = 0; i < nf; i++)
            if (strcmp(fields[i], names[k]) == 0) {
                idx[k] = i;
                break;
            }
        if (idx[k] == (size_t)-1 && k < n_required) {
            char header[1024];
            args_join(fields, nf, header, sizeof header);
            rc = out_usage(ctx, cmd, names[k],
                           "%s 中没有名为“%s”的列；表头是：%s",
                           "%s has no column '%s'; its header is: %s",
                           path, names[k], header);
            goto done;
        }
    }
    for (;;) {
        if (zj_csv_next(r, &fields, &nf, &err) != ZJ_OK) {
            out_error(ctx, &err);
            goto done;
        }
        if (!fields)
            break;
        if (nf != ncols) {
            char where[64];
            snprintf(where, sizeof where, "%s:%zu", path, zj_csv_line(r));
            char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
            zj_error_set(&err, ZJ_ERR_PARSE, where,
                         cli_fmt(zh, sizeof zh, "第 %zu 行有 %zu 个字段，而表头有 %zu 个",
                                 zj_csv_line(r), nf, ncols),
                         cli_fmt(en, sizeof en, "line %zu has %zu fields but the header has %zu",
                                 zj_csv_line(r), nf, ncols));
            out_error(ctx, &err);
            goto done;
        }
        for (k = 0; k < n; k++)
            cells[k] = idx[k] == (size_t)-1 ? NULL : fields[idx[k]];
        if ((rc = fn(ud, zj_csv_line(r), cells)) != 0)
            goto done;
        rc = CLI_EXIT_ERROR;
    }
    rc = 0;
done:
    free(idx);
    free(cells);
    zj_csv_close(r);
    return rc;
}
