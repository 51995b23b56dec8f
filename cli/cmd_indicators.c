/* cmd_indicators.c — the figures of quality reports: `scores`,
 * `composite`, `completion`, `progression`, `transfer-rate`, `grades`. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

static const char scores_help[] =
    "Usage: zhijiao scores FILE.csv --column NAME [--pass 60] [--excellent 85]\n"
    "       zhijiao scores --values 72,88,NA,59 [--pass 60] [--excellent 85]\n"
    "\n"
    "Summary of test scores (成绩), e.g. the English proficiency test\n"
    "(英语学业水平测试): count, missing (缺考), mean (平均分), sample standard\n"
    "deviation, min, max, pass rate (及格率: score >= pass mark) and excellent\n"
    "rate (优秀率: score >= excellent mark).  `NA` or an empty cell is missing.\n"
    "\n"
    "Options:\n"
    "  --column NAME   the score column of FILE.csv (header name)\n"
    "  --values LIST   scores given inline, comma-separated\n"
    "  --pass P        pass mark (及格线), default 60\n"
    "  --excellent E   excellent mark (优秀线), default 85\n"
    "  --encoding E    FILE.csv encoding: auto (default), utf-8, gb18030\n";

static const char composite_help[] =
    "Usage: zhijiao composite --weights 0.3,0.3,0.1,0.3 --scores 80,90,70,85\n"
    "       zhijiao composite FILE.csv --weights W --columns a,b,c,d\n"
    "\n"
    "Weighted composite score (综合评价分), e.g. the 30/30/10/30 转段 evaluation.\n"
    "Weights must be >= 0 and sum to 1.  With a file, one composite per row;\n"
    "a row with a missing (NA, empty) component has none and is an error.\n"
    "\n"
    "Options:\n"
    "  --weights LIST  the weights (权重), one per component\n"
    "  --scores LIST   one set of component scores (分项得分)\n"
    "  --columns LIST  the component columns of FILE.csv, in weight order\n"
    "  --encoding E    FILE.csv encoding: auto (default), utf-8, gb18030\n";

static const char completion_help[] =
    "Usage: zhijiao completion ACTUAL PLAN\n"
    "\n"
    "Plan completion rate (计划完成率) = actual / plan, e.g. 实际招生 928 of\n"
    "计划招生 894.  Not a proportion: it can exceed 1.  PLAN must be > 0.\n";

static const char progression_help[] =
    "Usage: zhijiao progression GRADUATES TO_ZHUANKE TO_BENKE\n"
    "\n"
    "Progression to further study (升学率) of a graduating cohort (毕业生):\n"
    "the 专科 rate, the 本科 rate and the total.  TO_ZHUANKE + TO_BENKE must\n"
    "not exceed GRADUATES.\n";

static const char transfer_help[] =
    "Usage: zhijiao transfer-rate TRANSFERRED COHORT\n"
    "\n"
    "转段 rate of a \"3+2\" or 贯通 cohort: students who passed 转段 to the next\n"
    "stage / the eligible cohort.  TRANSFERRED must not exceed COHORT.\n";

static const char grades_help[] =
    "Usage: zhijiao grades FILE.csv [--grade-column grade]\n"
    "                     [--conclusion-column conclusion] [--encoding E]\n"
    "\n"
    "Grade distribution (等级分布) of a monitoring table, e.g.\n"
    "tables/majors_monitoring_2024.csv of the data directory: counts of\n"
    "A+ .. C-, 通过 (pass) and 黄牌 (yellow card), and the pass share\n"
    "通过 / (通过 + 黄牌).  Empty cells are missing; unknown grades are errors.\n"
    "\n"
    "Options:\n"
    "  --grade-column NAME       column of grades (default: grade)\n"
    "  --conclusion-column NAME  column of conclusions (default: conclusion;\n"
    "                            optional unless given)\n"
    "  --encoding E              auto (default), utf-8, gb18030\n";

/* A growing array of doubles, for columns read from files. */
typedef struct dvec {
    double *v;
    size_t n, cap;
} dvec;

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

/* What the row callbacks need to report an error. */
typedef struct col_reader {
    const cli_ctx *ctx;
    const char *path;
    const char *const *names;
    size_t ncols;
    dvec values;   /* row-major, ncols per row */
    dvec lines;    /* the CSV line of each row */
} col_reader;

/* Number cells: "", NA, NaN are missing; anything else not a number is an
 * error naming the line and column. */
static int numbers_row(void *ud, size_t line, const char *const *cells)
{
    col_reader *cr = ud;
    size_t k;

    for (k = 0; k < cr->ncols; k++) {
        double v;
        if (!args_cell_number(cells[k], &v)) {
            zj_error err;
            char where[300];
            snprintf(where, sizeof where, "%s:%zu, column %s", cr->path, line,
                     cr->names[k]);
            char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
            zj_error_set(&err, ZJ_ERR_PARSE, where,
                         cli_fmt(zh, sizeof zh, "第 %zu 行“%s”列不是数字：“%s”", line,
                                 cr->names[k], cells[k]),
                         cli_fmt(en, sizeof en, "line %zu, column '%s' is not a number: '%s'",
                                 line, cr->names[k], cells[k]));
            return out_error(cr->ctx, &err);
        }
        if (dvec_push(&cr->values, v) != 0)
            return out_nomem(cr->ctx);
    }
    if (dvec_push(&cr->lines, (double)line) != 0)
        return out_nomem(cr->ctx);
    return 0;
}

static int record_result(int rc)
{
    return rc ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}

/* ---- scores --------------------------------------------------------------- */

static int print_scores(const cli_ctx *ctx, const zj_score_summary *s)
{
    static const char *const keys[] = {
        "valid", "missing", "mean", "sd", "min", "max", "passed", "excellent",
        "pass_rate", "excellent_rate", "pass_mark", "excellent_mark"};
    static const char *const labels[] = {
        "valid 有效", "missing 缺失", "mean 平均分", "sd 标准差", "min 最低分",
        "max 最高分", "passed 及格人数", "excellent 优秀人数",
        "pass_rate 及格率", "excellent_rate 优秀率", "pass_mark 及格线",
        "excellent_mark 优秀线"};
    double v[12];
    char b[12][64];
    const char *vals[12];
    size_t i;

    v[0] = (double)s->valid; v[1] = (double)s->missing; v[2] = s->mean;
    v[3] = s->sd; v[4] = s->min; v[5] = s->max; v[6] = (double)s->passed;
    v[7] = (double)s->excellent; v[8] = s->pass_rate;
    v[9] = s->excellent_rate; v[10] = s->pass_mark; v[11] = s->excellent_mark;
    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = json_object();
        for (i = 0; i < 12; i++)
            json_object_set_new(j, keys[i],
                                (i < 2 || i == 6 || i == 7) ? out_jcount(v[i])
                                                           : out_jreal(v[i]));
        return record_result(out_json(j, stdout));
    }
    for (i = 0; i < 12; i++)
        vals[i] = out_num(ctx, v[i], b[i], sizeof b[i]);
    return record_result(out_record(ctx, 12, keys, labels, vals));
}

int cmd_scores(cli_ctx *ctx, int argc, char **argv)
{
    const char *column = NULL, *values = NULL, *pass = NULL, *excellent = NULL,
               *encoding = NULL;
    const cli_opt opts[] = {
        {"column", 1, &column}, {"values", 1, &values}, {"pass", 1, &pass},
        {"excellent", 1, &excellent}, {"encoding", 1, &encoding},
    };
    const char *pos[1];
    size_t npos;
    double pass_mark = ZJ_PASS_MARK_DEFAULT, exc_mark = ZJ_EXCELLENT_MARK_DEFAULT;
    col_reader cr;
    zj_encoding enc;
    zj_score_summary s;
    zj_error err;
    int rc;

    rc = args_parse(ctx, "scores", argc, argv, opts, 5, pos, 1, &npos);
    if (rc == ARGS_HELP) {
        fputs(scores_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    if ((pass && args_number(ctx, "scores", "--pass", pass, &pass_mark)) ||
        (excellent &&
         args_number(ctx, "scores", "--excellent", excellent, &exc_mark)) ||
        args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    memset(&cr, 0, sizeof cr);
    cr.ctx = ctx;
    if (values && npos == 0 && !column) {
        if (args_number_list(ctx, "scores", "--values", values, 1,
                             &cr.values.v, &cr.values.n) != 0)
            return CLI_EXIT_ERROR;
    } else if (!values && npos == 1 && column) {
        cr.path = pos[0];
        cr.names = &column;
        cr.ncols = 1;
        rc = args_read_columns(ctx, "scores", pos[0], enc, &column, 1, 1,
                               numbers_row, &cr);
        free(cr.lines.v);
        if (rc != 0) {
            free(cr.values.v);
            return rc;
        }
    } else {
        return out_usage(ctx, "scores", NULL,
                         "请给出 FILE.csv --column NAME，或 --values 列表",
                         "give FILE.csv --column NAME, or --values LIST");
    }
    zj_error_clear(&err);
    if (zj_scores_summarize(cr.values.v, cr.values.n, pass_mark, exc_mark, &s,
                            &err) != ZJ_OK)
        rc = out_error(ctx, &err);
    else
        rc = print_scores(ctx, &s);
    free(cr.values.v);
    return rc;
}

/* ---- composite ------------------------------------------------------------ */

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
        return out_usage(ctx, "composite", "--scores",
                         "--weights 有 %zu 项而 --scores 有 %zu 项，须一样多",
                         "--weights has %zu items but --scores has %zu: they must match",
                         nw, ns);
    }
    zj_error_clear(&err);
    if (zj_composite(s, w, nw, &c, &err) != ZJ_OK) {
        free(s);
        return out_error(ctx, &err);
    }
    if (ctx->format == CLI_FMT_JSON) {
        rc = record_result(out_json(json_pack("{s:o,s:o,s:o}",
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
        rc = record_result(out_record(ctx, 1, keys, labels, vals));
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
    col_reader cr;
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
        rc = out_usage(ctx, "composite", "--columns",
                       "--weights 有 %zu 项而 --columns 有 %zu 项，须一样多",
                       "--weights has %zu items but --columns has %zu: they must match",
                       nw, nn);
        goto done;
    }
    cr.ctx = ctx;
    cr.path = path;
    cr.names = (const char *const *)names;
    cr.ncols = nn;
    rc = args_read_columns(ctx, "composite", path, enc, cr.names, nn, nn,
                           numbers_row, &cr);
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
    const char *weights = NULL, *scores = NULL, *columns = NULL,
               *encoding = NULL;
    const cli_opt opts[] = {
        {"weights", 1, &weights}, {"scores", 1, &scores},
        {"columns", 1, &columns}, {"encoding", 1, &encoding},
    };
    const char *pos[1];
    size_t npos, nw;
    double *w = NULL;
    zj_encoding enc;
    int rc;

    rc = args_parse(ctx, "composite", argc, argv, opts, 4, pos, 1, &npos);
    if (rc == ARGS_HELP) {
        fputs(composite_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    if (args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    if (!weights)
        return out_usage(ctx, "composite", "--weights", "须给出 --weights",
                         "--weights is required");
    if (args_number_list(ctx, "composite", "--weights", weights, 0, &w, &nw))
        return CLI_EXIT_ERROR;
    if (scores && npos == 0 && !columns)
        rc = composite_one(ctx, w, nw, scores);
    else if (!scores && npos == 1 && columns)
        rc = composite_file(ctx, w, nw, pos[0], columns, enc);
    else
        rc = out_usage(ctx, "composite", NULL,
                       "请给出 --scores 列表，或 FILE.csv --columns 列名",
                       "give --scores LIST, or FILE.csv --columns LIST");
    free(w);
    return rc;
}
/* ---- completion, progression, transfer-rate -------------------------------- */

/* Parses exactly n positional numbers named names[]; 0 or an exit status
 * (ARGS_HELP is passed through). */
static int counts_args(cli_ctx *ctx, const char *cmd, int argc, char **argv,
                       const char *const *names, size_t n, double *v)
{
    const char *pos[3];
    size_t npos, i;
    int rc = args_parse(ctx, cmd, argc, argv, NULL, 0, pos, n, &npos);

    if (rc != 0)
        return rc;
    if (npos != n) {
        char list[128];
        args_join(names, n, list, sizeof list);
        return out_usage(ctx, cmd, NULL, "须给出 %zu 个数：%s",
                         "give %zu numbers: %s", n, list);
    }
    for (i = 0; i < n; i++)
        if (args_count(ctx, cmd, names[i], pos[i], &v[i]) != 0)
            return CLI_EXIT_ERROR;
    return 0;
}

/* Prints n numbers as a record; JSON keys[i] with out_jcount for the first
 * n_counts (inputs) and out_jreal for the rest (results). */
static int print_numbers(const cli_ctx *ctx, size_t n, size_t n_counts,
                         const char *const *keys, const char *const *labels,
                         const double *v)
{
    char b[8][64];
    const char *vals[8];
    size_t i;

    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = json_object();
        for (i = 0; i < n; i++)
            json_object_set_new(j, keys[i], i < n_counts ? out_jcount(v[i])
                                                         : out_jreal(v[i]));
        return record_result(out_json(j, stdout));
    }
    for (i = 0; i < n; i++)
        vals[i] = out_num(ctx, v[i], b[i], sizeof b[i]);
    return record_result(out_record(ctx, n, keys, labels, vals));
}

int cmd_completion(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const names[] = {"ACTUAL", "PLAN"};
    static const char *const keys[] = {"actual", "plan", "completion"};
    static const char *const labels[] = {"actual 实际", "plan 计划",
                                         "completion 计划完成率"};
    double v[3];
    zj_error err;
    int rc = counts_args(ctx, "completion", argc, argv, names, 2, v);

    if (rc == ARGS_HELP) {
        fputs(completion_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    zj_error_clear(&err);
    if (zj_completion_rate(v[0], v[1], &v[2], &err) != ZJ_OK)
        return out_error(ctx, &err);
    return print_numbers(ctx, 3, 2, keys, labels, v);
}

int cmd_progression(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const names[] = {"GRADUATES", "TO_ZHUANKE", "TO_BENKE"};
    static const char *const keys[] = {"graduates", "to_zhuanke", "to_benke",
                                       "zhuanke_rate", "benke_rate",
                                       "total_rate"};
    static const char *const labels[] = {
        "graduates 毕业生", "to_zhuanke 升入专科", "to_benke 升入本科",
        "zhuanke_rate 专科升学率", "benke_rate 本科升学率",
        "total_rate 本专科升学率"};
    double v[6];
    zj_progression p;
    zj_error err;
    int rc = counts_args(ctx, "progression", argc, argv, names, 3, v);

    if (rc == ARGS_HELP) {
        fputs(progression_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    zj_error_clear(&err);
    if (zj_progression_rates(v[0], v[1], v[2], &p, &err) != ZJ_OK)
        return out_error(ctx, &err);
    v[3] = p.zhuanke_rate;
    v[4] = p.benke_rate;
    v[5] = p.total_rate;
    return print_numbers(ctx, 6, 3, keys, labels, v);
}

int cmd_transfer_rate(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const names[] = {"TRANSFERRED", "COHORT"};
    static const char *const keys[] = {"transferred", "cohort", "rate"};
    static const char *const labels[] = {"transferred 转段人数",
                                         "cohort 应转段人数", "rate 转段率"};
    double v[3];
    zj_error err;
    int rc = counts_args(ctx, "transfer-rate", argc, argv, names, 2, v);

    if (rc == ARGS_HELP) {
        fputs(transfer_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    zj_error_clear(&err);
    if (zj_transfer_rate(v[0], v[1], &v[2], &err) != ZJ_OK)
        return out_error(ctx, &err);
    return print_numbers(ctx, 3, 2, keys, labels, v);
}

/* ---- grades ---------------------------------------------------------------- */

/* The grade and conclusion texts of every row, copied: the reader's
 * strings live only until its next record. */
typedef struct grade_reader {
    const cli_ctx *ctx;
    char **grades, **conclusions;
    size_t n, cap;
    int has_conclusion;
} grade_reader;

static char *dup_or_null(const char *s)
{
    char *d;
    size_t n;

    if (!s)
        return NULL;
    n = strlen(s);
    d = malloc(n + 1);
    if (d)
        memcpy(d, s, n + 1);
    return d;
}

static int grades_row(void *ud, size_t line, const char *const *cells)
{
    grade_reader *g = ud;

    (void)line;
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 64;
        char **a = realloc(g->grades, cap * sizeof *a);
        char **b;
        if (!a)
            return out_nomem(g->ctx);
        g->grades = a;
        b = realloc(g->conclusions, cap * sizeof *b);
        if (!b)
            return out_nomem(g->ctx);
        g->conclusions = b;
        g->cap = cap;
    }
    g->grades[g->n] = dup_or_null(cells[0]);
    g->conclusions[g->n] = dup_or_null(cells[1]);
    g->n++;
    if (!g->grades[g->n - 1] || (cells[1] && !g->conclusions[g->n - 1]))
        return out_nomem(g->ctx);
    g->has_conclusion = cells[1] != NULL;
    return 0;
}

static int print_grades(const cli_ctx *ctx, const zj_grade_distribution *d)
{
    const char *keys[ZJ_GRADE_SCALE_SIZE + 5], *labels[ZJ_GRADE_SCALE_SIZE + 5];
    const char *vals[ZJ_GRADE_SCALE_SIZE + 5];
    char b[ZJ_GRADE_SCALE_SIZE + 5][64];
    static const char *const tail_keys[] = {"passed", "yellow", "missing",
                                            "total", "pass_share"};
    static const char *const tail_labels[] = {"passed 通过", "yellow 黄牌",
                                              "missing 缺失", "total 合计",
                                              "pass_share 通过占比"};
    double tail[5];
    size_t i;

    tail[0] = (double)d->passed;
    tail[1] = (double)d->yellow;
    tail[2] = (double)d->missing;
    tail[3] = (double)d->total;
    tail[4] = d->pass_share;
    if (ctx->format == CLI_FMT_JSON) {
        json_t *counts = json_object(), *j;
        for (i = 0; i < ZJ_GRADE_SCALE_SIZE; i++)
            json_object_set_new(counts, zj_grade_label(i),
                                json_integer((json_int_t)d->counts[i]));
        j = json_pack("{s:o}", "counts", counts);
        for (i = 0; i < 5; i++)
            json_object_set_new(j, tail_keys[i], i < 4 ? out_jcount(tail[i])
                                                       : out_jreal(tail[i]));
        return record_result(out_json(j, stdout));
    }
    for (i = 0; i < ZJ_GRADE_SCALE_SIZE; i++) {
        keys[i] = labels[i] = zj_grade_label(i);
        vals[i] = out_num(ctx, (double)d->counts[i], b[i], sizeof b[i]);
    }
    for (i = 0; i < 5; i++) {
        keys[ZJ_GRADE_SCALE_SIZE + i] = tail_keys[i];
        labels[ZJ_GRADE_SCALE_SIZE + i] = tail_labels[i];
        vals[ZJ_GRADE_SCALE_SIZE + i] =
            out_num(ctx, tail[i], b[ZJ_GRADE_SCALE_SIZE + i], 64);
    }
    return record_result(out_record(ctx, ZJ_GRADE_SCALE_SIZE + 5, keys,
                                    labels, vals));
}

int cmd_grades(cli_ctx *ctx, int argc, char **argv)
{
    const char *gcol = NULL, *ccol = NULL, *encoding = NULL;
    const cli_opt opts[] = {
        {"grade-column", 1, &gcol}, {"conclusion-column", 1, &ccol},
        {"encoding", 1, &encoding},
    };
    const char *pos[1], *names[2];
    size_t npos, i;
    grade_reader g;
    zj_grade_distribution d;
    zj_encoding enc;
    zj_error err;
    int rc;

    rc = args_parse(ctx, "grades", argc, argv, opts, 3, pos, 1, &npos);
    if (rc == ARGS_HELP) {
        fputs(grades_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    if (args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    if (npos != 1)
        return out_usage(ctx, "grades", NULL, "须给出一个 CSV 文件",
                         "give one CSV file");
    memset(&g, 0, sizeof g);
    g.ctx = ctx;
    names[0] = gcol ? gcol : "grade";
    names[1] = ccol ? ccol : "conclusion";
    /* The conclusion column is required only when named explicitly. */
    rc = args_read_columns(ctx, "grades", pos[0], enc, names, 2, ccol ? 2 : 1,
                           grades_row, &g);
    if (rc == 0) {
        zj_error_clear(&err);
        if (zj_grade_distribution_count(
                (const char *const *)g.grades,
                g.has_conclusion ? (const char *const *)g.conclusions : NULL,
                g.n, &d, &err) != ZJ_OK)
            rc = out_error(ctx, &err);
        else
            rc = print_grades(ctx, &d);
    }
    for (i = 0; i < g.n; i++) {
        free(g.grades[i]);
        free(g.conclusions[i]);
    }
    free(g.grades);
    free(g.conclusions);
    return rc;
}
