/* cmd_cluster.c — `zhijiao cluster`: a rate from school-level data, with
 * schools as clusters, and which rate a published figure is. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "csv_in.h"
#include "options.h"
#include "output.h"

typedef struct cluster_opts {
    const char *x, *n, *x_column, *n_column, *published, *conf, *encoding;
} cluster_opts;

static const cli_option cluster_options[] = {
    CLI_OPT(cluster_opts, published, "published", "PCT",
            "a published percentage as printed (e.g. 95.26): says whether it "
            "is the pooled rate, the mean of school rates, both or neither "
            "(within half a unit of its last decimal)"),
    CLI_OPT(cluster_opts, x_column, "x-column", "NAME", "the column of x in FILE.csv (default x)"),
    CLI_OPT(cluster_opts, n_column, "n-column", "NAME", "the column of n in FILE.csv (default n)"),
    CLI_OPT(cluster_opts, x, "x", "LIST", "instead of a file: the schools' x, comma-separated ..."),
    CLI_OPT(cluster_opts, n, "n", "LIST", "... and their n, the same number of items"),
    CLI_OPT(cluster_opts, conf, "conf", "C", "confidence level, default 0.95"),
    CLI_OPTK(cluster_opts, encoding, "encoding", "E",
             "FILE.csv encoding: auto (default), utf-8, gb18030", CLI_K_WORDS,
             CSV_ENCODING_WORDS),
};

const cli_command cli_cmd_cluster = {
    "cluster", cmd_cluster,
    "school-level rates: pooled with clusters, mean of school rates (聚类)",
    "cluster FILE.csv [--x-column x] [--n-column n] [--published PCT] [--conf 0.95] [--encoding E]\n"
    "cluster --x 1,2,3 --n 10,20,30 [--published PCT] [--conf C]",
    "School-level data (学校层面数据): school i has x_i of n_i (e.g. satisfied\n"
    "respondents).  Students of one school answer alike, so the schools are\n"
    "clusters (聚类).  Two rates, each with its own interval:\n"
    "  pooled (合并率)   sum(x)/sum(n) with the cluster-robust variance;\n"
    "                    interval as R survey::svyciprop(~y, svydesign(ids =\n"
    "                    ~school), method = \"beta\") (Korn-Graubard), and\n"
    "                    wald_lower/wald_upper as method = \"mean\"; both on\n"
    "                    schools - 1 degrees of freedom\n"
    "  mean of rates     the unweighted mean of the school rates, the schools\n"
    "  (各校率均值)      being the sample: mean +- t sd/sqrt(m), as t.test\n",
    cluster_options, CLI_NOPTS(cluster_options), NULL,
    {CLI_K_FILE}, 0, NULL,
};

typedef struct reader {
    const cli_ctx *ctx;
    double *x, *n;
    size_t count, cap;
} reader;

static int schools_row(void *ud, size_t line, const char *const *cells)
{
    reader *r = ud;
    double x, n;
    int k;

    for (k = 0; k < 2; k++) {
        double *v = k ? &n : &x;

        if (!args_cell_number(cells[k], v) || isnan(*v))
            return OUT_USAGE(r->ctx, "cluster", NULL,
                             ("第 %zu 行：%s 列“%s”不是计数", line, k ? "n" : "x", cells[k]),
                             ("line %zu: the %s column \"%s\" is not a count",
                              line, k ? "n" : "x", cells[k]));
    }
    if (r->count == r->cap) {
        size_t cap = r->cap ? 2 * r->cap : 64;
        double *nx = realloc(r->x, cap * sizeof *nx), *nn;

        if (!nx)
            return out_nomem(r->ctx);
        r->x = nx;
        if (!(nn = realloc(r->n, cap * sizeof *nn)))
            return out_nomem(r->ctx);
        r->n = nn;
        r->cap = cap;
    }
    r->x[r->count] = x;
    r->n[r->count++] = n;
    return 0;
}

static int print_cluster(const cli_ctx *ctx, const zj_cluster_rates *c,
                         const char *published, zj_published_match m)
{
    static const char *const keys[] = {
        "schools", "x", "n", "conf", "df", "pooled", "se", "lower", "upper",
        "wald_lower", "wald_upper", "design_effect", "n_effective",
        "mean_of_rates", "mean_sd", "mean_lower", "mean_upper",
        "published", "matches"};
    static const char *const labels[] = {
        "schools 学校数", "x 合计", "n 合计", "conf 置信水平", "df 自由度",
        "pooled 合并率", "se 聚类稳健标准误", "lower 下限 (svyciprop beta)",
        "upper 上限 (svyciprop beta)", "wald_lower 下限 (svyciprop mean)",
        "wald_upper 上限 (svyciprop mean)", "design_effect 设计效应",
        "n_effective 有效样本量", "mean_of_rates 各校率均值",
        "mean_sd 各校率标准差", "mean_lower 均值下限 (t)",
        "mean_upper 均值上限 (t)", "published 公布值 (%)",
        "matches 公布值对应"};
    const double v[17] = {
        (double)c->clusters, c->x, c->n, c->conf, c->df, c->pooled,
        c->pooled_se, c->lower, c->upper, c->wald_lower, c->wald_upper,
        c->design_effect, c->n_effective, c->mean_of_rates, c->mean_sd,
        c->mean_lower, c->mean_upper};
    char b[17][64];
    const char *vals[19];
    size_t i, nk = published ? 19 : 17;

    for (i = 0; i < 17; i++)
        vals[i] = out_num(ctx, v[i], b[i], sizeof b[i]);
    vals[3] = out_num_csv(c->conf, b[3], sizeof b[3]);
    vals[17] = published;
    vals[18] = zj_published_match_name(m);
    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = json_object();

        for (i = 0; i < 17; i++)
            json_object_set_new(j, keys[i], out_jreal(v[i]));
        json_object_set_new(j, "schools", out_jcount((double)c->clusters));
        json_object_set_new(j, "x", out_jcount(c->x));
        json_object_set_new(j, "n", out_jcount(c->n));
        json_object_set_new(j, "df", out_jcount(c->df));
        if (published) {
            json_object_set_new(j, "published", out_jstr(published));
            json_object_set_new(j, "matches", out_jstr(vals[18]));
        }
        return out_json(j, stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    }
    return out_record(ctx, nk, keys, labels, vals) ? CLI_EXIT_ERROR
                                                    : CLI_EXIT_OK;
}

int cmd_cluster(cli_ctx *ctx, int argc, char **argv)
{
    const char *xs, *ns, *xcol, *ncol, *published, *conf_text, *encoding;
    cluster_opts o = {0};
    const char *pos[1], *names[2];
    size_t npos, nn;
    double conf = ZJ_CONF_DEFAULT;
    reader r;
    zj_encoding enc;
    zj_cluster_rates c;
    zj_published_match m = ZJ_MATCH_NEITHER;
    zj_error err;
    int rc;

    rc = args_parse(ctx, &cli_cmd_cluster, argc, argv, &o, pos, 1, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    xs = o.x;
    ns = o.n;
    xcol = o.x_column ? o.x_column : "x";
    ncol = o.n_column ? o.n_column : "n";
    published = o.published;
    conf_text = o.conf;
    encoding = o.encoding;
    if ((conf_text && args_number(ctx, "cluster", "--conf", conf_text, &conf)) ||
        args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    memset(&r, 0, sizeof r);
    r.ctx = ctx;
    if (npos == 1 && !xs && !ns) {
        names[0] = xcol;
        names[1] = ncol;
        rc = args_read_columns(ctx, "cluster", pos[0], enc, names, 2, 2,
                               schools_row, &r);
    } else if (npos == 0 && xs && ns) {
        rc = args_number_list(ctx, "cluster", "--x", xs, 0, &r.x, &r.count);
        if (rc == 0)
            rc = args_number_list(ctx, "cluster", "--n", ns, 0, &r.n, &nn);
        if (rc == 0 && nn != r.count)
            rc = OUT_USAGE(ctx, "cluster", "--n",
                           ("--x 有 %zu 项而 --n 有 %zu 项，须一样多", r.count, nn),
                           ("--x has %zu items but --n has %zu: they must match", r.count, nn));
    } else {
        rc = OUT_USAGE(ctx, "cluster", NULL,
                       ("请给出 FILE.csv，或 --x 与 --n 两个列表"),
                       ("give FILE.csv, or the lists --x and --n"));
    }
    if (rc == 0) {
        zj_error_clear(&err);
        if (zj_rate_clustered(r.x, r.n, r.count, conf, &c, &err) != ZJ_OK ||
            (published && zj_cluster_match_text(&c, published, &m, &err) != ZJ_OK))
            rc = out_error(ctx, &err);
        else
            rc = print_cluster(ctx, &c, published, m);
    }
    free(r.x);
    free(r.n);
    return rc;
}
