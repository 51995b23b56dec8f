/* cmd_grades.c — `zhijiao grades`: the grade distribution of a monitoring
 * table (等级分布). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "csv_in.h"
#include "output.h"

typedef struct grades_opts {
    const char *grade_column, *conclusion_column, *encoding;
} grades_opts;

static const cli_option grades_options[] = {
    CLI_OPT(grades_opts, grade_column, "grade-column", "NAME",
            "column of grades (default: grade)"),
    CLI_OPT(grades_opts, conclusion_column, "conclusion-column", "NAME",
            "column of conclusions (default: conclusion; optional unless "
            "given)"),
    CLI_OPTK(grades_opts, encoding, "encoding", "E",
             "auto (default), utf-8, gb18030", CLI_K_WORDS, CSV_ENCODING_WORDS),
};

const cli_command cli_cmd_grades = {
    "grades", cmd_grades,
    "grade distribution of a monitoring table (等级分布)",
    "grades FILE.csv [--grade-column grade]\n"
    " [--conclusion-column conclusion] [--encoding E]",
    "Grade distribution (等级分布) of a monitoring table, e.g.\n"
    "tables/majors_monitoring_2024.csv of the data directory: counts of\n"
    "A+ .. C-, 通过 (pass) and 黄牌 (yellow card), and the pass share\n"
    "通过 / (通过 + 黄牌).  Empty cells are missing; unknown grades are errors.\n",
    grades_options, CLI_NOPTS(grades_options), NULL,
    {CLI_K_FILE}, 0, NULL,
};


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
        return out_status(out_json(j, stdout));
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
    return out_status(out_record(ctx, ZJ_GRADE_SCALE_SIZE + 5, keys,
                                    labels, vals));
}

int cmd_grades(cli_ctx *ctx, int argc, char **argv)
{
    const char *gcol, *ccol, *encoding;
    grades_opts o = {0};
    const char *pos[1], *names[2];
    size_t npos, i;
    grade_reader g;
    zj_grade_distribution d;
    zj_encoding enc;
    zj_error err;
    int rc;

    rc = args_parse(ctx, &cli_cmd_grades, argc, argv, &o, pos, 1, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    gcol = o.grade_column;
    ccol = o.conclusion_column;
    encoding = o.encoding;
    if (args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    if (npos != 1)
        return OUT_USAGE(ctx, "grades", NULL,
                         ("须给出一个 CSV 文件"),
                         ("give one CSV file"));
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
