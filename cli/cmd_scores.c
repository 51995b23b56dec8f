/* cmd_scores.c — `zhijiao scores`: a summary of test scores (成绩统计). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "csv_in.h"
#include "output.h"

typedef struct scores_opts {
    const char *column, *values, *pass, *excellent, *encoding;
} scores_opts;

static const cli_option scores_options[] = {
    CLI_OPT(scores_opts, column, "column", "NAME",
            "the score column of FILE.csv (header name)"),
    CLI_OPT(scores_opts, values, "values", "LIST",
            "scores given inline, comma-separated"),
    CLI_OPT(scores_opts, pass, "pass", "P", "pass mark (及格线), default 60"),
    CLI_OPT(scores_opts, excellent, "excellent", "E",
            "excellent mark (优秀线), default 85"),
    CLI_OPTK(scores_opts, encoding, "encoding", "E",
             "FILE.csv encoding: auto (default), utf-8, gb18030", CLI_K_WORDS,
             CSV_ENCODING_WORDS),
};

const cli_command cli_cmd_scores = {
    "scores", cmd_scores,
    "summary of test scores: mean, pass and excellent rates (成绩统计)",
    "scores FILE.csv --column NAME [--pass 60] [--excellent 85]\n"
    "scores --values 72,88,NA,59 [--pass 60] [--excellent 85]",
    "Summary of test scores (成绩), e.g. the English proficiency test\n"
    "(英语学业水平测试): count, missing (缺考), mean (平均分), sample standard\n"
    "deviation, min, max, pass rate (及格率: score >= pass mark) and excellent\n"
    "rate (优秀率: score >= excellent mark).  `NA` or an empty cell is missing.\n",
    scores_options, CLI_NOPTS(scores_options), NULL,
    {CLI_K_FILE}, 0, NULL,
};


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
        return out_status(out_json(j, stdout));
    }
    for (i = 0; i < 12; i++)
        vals[i] = out_num(ctx, v[i], b[i], sizeof b[i]);
    return out_status(out_record(ctx, 12, keys, labels, vals));
}

int cmd_scores(cli_ctx *ctx, int argc, char **argv)
{
    const char *column, *values, *pass, *excellent, *encoding;
    scores_opts o = {0};
    const char *pos[1];
    size_t npos;
    double pass_mark = ZJ_PASS_MARK_DEFAULT, exc_mark = ZJ_EXCELLENT_MARK_DEFAULT;
    csv_numbers cr;
    zj_encoding enc;
    zj_score_summary s;
    zj_error err;
    int rc;

    rc = args_parse(ctx, &cli_cmd_scores, argc, argv, &o, pos, 1, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    column = o.column;
    values = o.values;
    pass = o.pass;
    excellent = o.excellent;
    encoding = o.encoding;
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
                               csv_numbers_row, &cr);
        free(cr.lines.v);
        if (rc != 0) {
            free(cr.values.v);
            return rc;
        }
    } else {
        return OUT_USAGE(ctx, "scores", NULL,
                         ("请给出 FILE.csv --column NAME，或 --values 列表"),
                         ("give FILE.csv --column NAME, or --values LIST"));
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
