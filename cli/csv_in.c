/* csv_in.c — reading the columns of CSV input files for the commands,
 * with the library's reader. */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "csv_in.h"
#include "output.h"


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
            rc = OUT_USAGE(ctx, cmd, names[k],
                           ("%s 中没有名为“%s”的列；表头是：%s", path, names[k], header),
                           ("%s has no column '%s'; its header is: %s", path, names[k], header));
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
            csv_ragged_row(ctx, path, zj_csv_line(r), nf, ncols);
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


static int dvec_push(dvec *d, double x)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        double *v = realloc(d->v, cap * sizeof *v);
        if (!v)
            return -1;
        d->v = v;
        d->cap = cap;
    }
    d->v[d->n++] = x;
    return 0;
}


/* Number cells: "", NA, NaN are missing; anything else not a number is an
 * error naming the line and column. */
int csv_numbers_row(void *ud, size_t line, const char *const *cells)
{
    csv_numbers *cr = ud;
    size_t k;

    for (k = 0; k < cr->ncols; k++) {
        double v;
        if (!args_cell_number(cells[k], &v)) {
            char where[300];
            snprintf(where, sizeof where, "%s:%zu, column %s", cr->path, line,
                     cr->names[k]);
            return csv_not_number(cr->ctx, where, line, cr->names[k], cells[k]);
        }
        if (dvec_push(&cr->values, v) != 0)
            return out_nomem(cr->ctx);
    }
    if (dvec_push(&cr->lines, (double)line) != 0)
        return out_nomem(cr->ctx);
    return 0;
}

int csv_ragged_row(const cli_ctx *ctx, const char *path, size_t line, size_t nf,
                   size_t ncols)
{
    char where[300], zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
    zj_error err;

    snprintf(where, sizeof where, "%s:%zu", path, line);
    zj_error_set(&err, ZJ_ERR_PARSE, where,
                 cli_fmt(zh, sizeof zh, "第 %zu 行有 %zu 个字段，而表头有 %zu 个", line, nf,
                         ncols),
                 cli_fmt(en, sizeof en, "line %zu has %zu fields but the header has %zu", line,
                         nf, ncols));
    return out_error(ctx, &err);
}

int csv_not_number(const cli_ctx *ctx, const char *where, size_t line,
                   const char *col, const char *cell)
{
    char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
    zj_error err;

    zj_error_set(&err, ZJ_ERR_PARSE, where,
                 cli_fmt(zh, sizeof zh, "第 %zu 行“%s”列不是数字：“%s”", line, col, cell),
                 cli_fmt(en, sizeof en, "line %zu, column '%s' is not a number: '%s'", line,
                         col, cell));
    return out_error(ctx, &err);
}
