/* cmd_composite.c — `zhijiao composite`: weighted composite scores
 * (综合评价分), of one set or of every row of a file. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "csv_in.h"
#include "output.h"

typedef struct composite_opts {
    const char *weights, *scores, *columns, *encoding;
} composite_opts;

static const cli_option composite_options[] = {
    CLI_OPT(composite_opts, weights, "weights", "LIST",
            "the weights (权重), one per component"),
    CLI_OPT(composite_opts, scores, "scores", "LIST",
            "one set of component scores (分项得分)"),
    CLI_OPT(composite_opts, columns, "columns", "LIST",
            "the component columns of FILE.csv, in weight order"),
    CLI_OPTK(composite_opts, encoding, "encoding", "E",
             "FILE.csv encoding: auto (default), utf-8, gb18030", CLI_K_WORDS,
             CSV_ENCODING_WORDS),
};

const cli_command cli_cmd_composite = {
    "composite", cmd_composite, "weighted composite score (综合评价分)",
    "composite --weights 0.3,0.3,0.1,0.3 --scores 80,90,70,85\n"
    "composite FILE.csv --weights W --columns a,b,c,d",
    "Weighted composite score (综合评价分), e.g. the 30/30/10/30 转段 evaluation.\n"
    "Weights must be >= 0 and sum to 1.  With a file, one composite per row;\n"
    "a row with a missing (NA, empty) component has none and is an error.\n",
    composite_options, CLI_NOPTS(composite_options), NULL,
    {CLI_K_FILE}, 0, NULL,
};


static json_t *jreal_array(const double *v, size_t n)
{
    json_t *a = json_array();
    size_t i;

    for (i = 0; i < n; i++)
        json_array_append_new(a, out_jreal(v[i]));
    return a;
}

static int composite_one(const cli_ctx *ctx, const double *w, size_t nw,
                         const char *scores_text)
{
    double *s = NULL, c;
    size_t ns;
    zj_error err;
    int rc;

    if (args_number_list(ctx, "composite", "--scores", scores_text, 0, &s,
                         &ns) != 0)
        return CLI_EXIT_ERROR;
    if (ns != nw) {
        free(s);
        return OUT_USAGE(ctx, "composite", "--scores",
                         ("--weights 有 %zu 项而 --scores 有 %zu 项，须一样多", nw, ns),
                         ("--weights has %zu items but --scores has %zu: they must match", nw, ns));
    }
    zj_error_clear(&err);
    if (zj_composite(s, w, nw, &c, &err) != ZJ_OK) {
        free(s);
        return out_error(ctx, &err);
    }
    if (ctx->format == CLI_FMT_JSON) {
        rc = out_status(out_json(json_pack("{s:o,s:o,s:o}",
                                              "weights", jreal_array(w, nw),
                                              "scores", jreal_array(s, ns),
                                              "composite", out_jreal(c)),
                                    stdout));
    } else {
        static const char *const keys[] = {"composite"};
        static const char *const labels[] = {"composite 综合评价分"};
        char b[64];
        const char *vals[1];
        vals[0] = out_num(ctx, c, b, sizeof b);
        rc = out_status(out_record(ctx, 1, keys, labels, vals));
    }
    free(s);
    return rc;
}

/* One output row of `composite FILE`: line, the components, composite. */
static int composite_row(const cli_ctx *ctx, out_table *t, json_t *jrows,
                         size_t line, const double *s, size_t n, double c,
                         const zj_error *err)
{
    char b[64];
    size_t k;

    if (jrows) {
        json_t *o = json_pack("{s:o,s:o,s:o}", "line", out_jcount((double)line),
                              "scores", jreal_array(s, n),
                              "composite", out_jreal(c));
        if (err) {
            json_t *e = out_jerror(err);
            json_object_set(o, "error", json_object_get(e, "error"));
            json_decref(e);
        }
        return json_array_append_new(jrows, o);
    } else {
        /* The cells are copied by out_table_add: one buffer per cell. */
        char (*bufs)[64] = malloc((n + 2) * sizeof *bufs);
        const char **cells = malloc((n + 2) * sizeof *cells);
        int rc = -1;
        if (bufs && cells) {
            snprintf(b, sizeof b, "%zu", line);
            cells[0] = b;
            for (k = 0; k < n; k++)
                cells[k + 1] = out_num(ctx, s[k], bufs[k], sizeof bufs[k]);
            cells[n + 1] = out_num(ctx, c, bufs[n], sizeof bufs[n]);
            rc = out_table_add(t, cells);
        }
        free(bufs);
        free(cells);
        return rc;
    }
}

static int composite_file(const cli_ctx *ctx, const double *w, size_t nw,
                          const char *path, const char *columns,
                          zj_encoding enc)
{
    char **names = NULL;
    const char **hdr = NULL;
    size_t nn, rows, r, k, bad = 0;
    csv_numbers cr;
    double *out = NULL;
    zj_code *status = NULL;
    zj_error err;
    out_table t = {0, 0, 0, NULL};
    json_t *jrows = NULL;
    int rc;

    memset(&cr, 0, sizeof cr);
    if (args_name_list(ctx, "composite", "--columns", columns, &names, &nn))
        return CLI_EXIT_ERROR;
    if (nn != nw) {
        rc = OUT_USAGE(ctx, "composite", "--columns",
                       ("--weights 有 %zu 项而 --columns 有 %zu 项，须一样多", nw, nn),
                       ("--weights has %zu items but --columns has %zu: they must match", nw, nn));
        goto done;
    }
    cr.ctx = ctx;
    cr.path = path;
    cr.names = (const char *const *)names;
    cr.ncols = nn;
    rc = args_read_columns(ctx, "composite", path, enc, cr.names, nn, nn,
                           csv_numbers_row, &cr);
    if (rc != 0)
        goto done;
    rows = cr.lines.n;
    out = calloc(rows ? rows : 1, sizeof *out);
    status = calloc(rows ? rows : 1, sizeof *status);
    hdr = malloc((nn + 2) * sizeof *hdr);
    if (!out || !status || !hdr) {
        rc = out_nomem(ctx);
        goto done;
    }
    zj_error_clear(&err);
    if (zj_composite_batch(cr.values.v, rows, w, nw, out, status, &err) !=
        ZJ_OK) {
        rc = out_error(ctx, &err);
        goto done;
    }
    hdr[0] = "line";
    for (k = 0; k < nn; k++)
        hdr[k + 1] = names[k];
    hdr[nn + 1] = "composite";
    if (ctx->format == CLI_FMT_JSON)
        jrows = json_array();
    else if (out_table_init(&t, nn + 2, hdr) != 0) {
        rc = out_nomem(ctx);
        goto done;
    }
    for (r = 0; r < rows; r++) {
        size_t line = (size_t)cr.lines.v[r];
        const double *s = cr.values.v + r * nn;
        zj_error *e = NULL;

        if (status[r] != ZJ_OK) {
            /* The batch gives no message: ask for this row alone. */
            double ignored;
            zj_error_clear(&err);
            zj_composite(s, w, nw, &ignored, &err);
            if (err.code == ZJ_OK)
                err.code = status[r];
            snprintf(err.where, sizeof err.where, "%s:%zu", path, line);
            out_error(NULL, &err);
            e = &err;
            bad++;
        }
        if (composite_row(ctx, &t, jrows, line, s, nn,
                          status[r] == ZJ_OK ? out[r] : NAN, e) != 0) {
            rc = out_nomem(ctx);
            goto done;
        }
    }
    if (jrows) {
        json_t *j = json_pack("{s:o,s:o,s:O}", "weights", jreal_array(w, nw),
                              "columns", json_array(), "rows", jrows);
        for (k = 0; k < nn; k++)
            json_array_append_new(json_object_get(j, "columns"),
                                  out_jstr(names[k]));
        rc = out_json(j, stdout);
    } else {
        rc = out_table_print(&t, ctx->format, stdout);
    }
    rc = rc ? CLI_EXIT_ERROR : bad ? CLI_EXIT_ERROR : CLI_EXIT_OK;
done:
    out_table_free(&t);
    args_free_list(names);
    free(hdr);
    free(cr.values.v);
    free(cr.lines.v);
    free(out);
    free(status);
    json_decref(jrows);
    return rc;
}

int cmd_composite(cli_ctx *ctx, int argc, char **argv)
{
    const char *weights, *scores, *columns, *encoding;
    composite_opts o = {0};
    const char *pos[1];
    size_t npos, nw;
    double *w = NULL;
    zj_encoding enc;
    int rc;

    rc = args_parse(ctx, &cli_cmd_composite, argc, argv, &o, pos, 1, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    weights = o.weights;
    scores = o.scores;
    columns = o.columns;
    encoding = o.encoding;
    if (args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    if (!weights)
        return OUT_USAGE(ctx, "composite", "--weights",
                         ("须给出 --weights"),
                         ("--weights is required"));
    if (args_number_list(ctx, "composite", "--weights", weights, 0, &w, &nw))
        return CLI_EXIT_ERROR;
    if (scores && npos == 0 && !columns)
        rc = composite_one(ctx, w, nw, scores);
    else if (!scores && npos == 1 && columns)
        rc = composite_file(ctx, w, nw, pos[0], columns, enc);
    else
        rc = OUT_USAGE(ctx, "composite", NULL,
                       ("请给出 --scores 列表，或 FILE.csv --columns 列名"),
                       ("give --scores LIST, or FILE.csv --columns LIST"));
    free(w);
    return rc;
}
