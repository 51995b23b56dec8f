/* cmd_rate.c — `zhijiao rate`, `pooled` and `diff`: proportions with
 * confidence intervals, as the library computes them. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

#define METHOD_WORDS \
    "wilson wilson-cc clopper-pearson exact agresti-coull jeffreys wald"

typedef struct rate_opts {
    const char *method, *conf, *x, *n, *all_methods, *census, *population;
} rate_opts;

static const cli_option rate_options[] = {
    CLI_OPTK(rate_opts, method, "method", "M",
             "interval method: wilson (default; R prop.test without "
             "correction), wilson-cc (prop.test with correction), "
             "clopper-pearson or exact (binom.test), agresti-coull, "
             "jeffreys, wald", CLI_K_WORDS, METHOD_WORDS),
    CLI_OPT(rate_opts, conf, "conf", "C",
            "confidence level (置信水平), 0 < C < 1, default 0.95"),
    CLI_OPT(rate_opts, x, "x", "LIST",
            "many rates at once: comma-separated counts x ..."),
    CLI_OPT(rate_opts, n, "n", "LIST",
            "... and their n, the same number of items"),
    CLI_OPT(rate_opts, all_methods, "all-methods", NULL,
            "every method, one row each"),
    CLI_OPT(rate_opts, census, "census", NULL,
            "n is everybody (普查, a complete enumeration): no sampling error, "
            "so no interval (lower, upper empty)"),
    CLI_OPT(rate_opts, population, "population", "N",
            "n is a sample from a known population of N (有限总体): the interval "
            "with the finite-population correction; a list gives each rate its N; "
            "N = n is a census"),
};

const cli_command cli_cmd_rate = {
    "rate", cmd_rate, "a rate with its confidence interval (比率及置信区间)",
    "rate X N [--method M] [--conf 0.95] [--all-methods] [--census | --population N]\n"
    "rate --x 1,2,3 --n 10,20,30 [--method M] [--conf C] [--census | --population LIST]",
    "A rate (比率) x/n with its confidence interval (置信区间), e.g. 520 of\n"
    "600 graduates satisfied (满意).  x and n are counts: whole numbers with\n"
    "0 <= x <= n and n > 0.  The rate is a proportion in [0, 1].\n"
    "\n"
    "Without --census or --population, n is a sample from a larger population\n"
    "(抽样).  With them the output adds the columns design and population and\n"
    "the table says what the design means.\n",
    rate_options, CLI_NOPTS(rate_options),
    "Output: x, n, rate, lower, upper, method, conf.  JSON: one object, or an\n"
    "array when there are several rates.  Exit 2 on bad counts (x > n, n = 0,\n"
    "fractional or negative counts) or an unknown method.\n",
    {CLI_K_NONE}, 0, NULL,
};

typedef struct pooled_opts {
    const char *method, *conf, *x, *n;
} pooled_opts;

static const cli_option pooled_options[] = {
    CLI_OPT(pooled_opts, x, "x", "LIST", "counts x per group, comma-separated"),
    CLI_OPT(pooled_opts, n, "n", "LIST", "their n, the same number of items"),
    CLI_OPTK(pooled_opts, method, "method", "M",
             "interval method of the pooled rate, as for `zhijiao rate`",
             CLI_K_WORDS, METHOD_WORDS),
    CLI_OPT(pooled_opts, conf, "conf", "C", "confidence level, default 0.95"),
};

const cli_command cli_cmd_pooled = {
    "pooled", cmd_pooled,
    "pooled rate (合并率) vs. mean of group rates (各组率均值)",
    "pooled --x 1,2,3 --n 10,20,30 [--method M] [--conf 0.95]",
    "Pools the rates of several groups (schools, majors) in the two ways that\n"
    "published tables mix up, clearly labelled:\n"
    "  pooled (合并率)          sum(x) / sum(n), a proportion, with its interval\n"
    "  mean of rates (各组率均值) the unweighted mean of x_i/n_i: NOT a\n"
    "                          proportion of anybody, so no interval\n",
    pooled_options, CLI_NOPTS(pooled_options),
    "JSON: {\"pooled\": {rate}, \"mean_of_rates\", \"groups\"}.\n",
    {CLI_K_NONE}, 0, NULL,
};

typedef struct diff_opts {
    const char *conf, *correct, *no_correct, *x1, *n1, *x2, *n2, *label, *census;
} diff_opts;

static const cli_option diff_options[] = {
    CLI_OPT(diff_opts, conf, "conf", "C", "confidence level, default 0.95"),
    CLI_OPT(diff_opts, correct, "correct", NULL,
            "Yates' continuity correction (default, like R)"),
    CLI_OPT(diff_opts, no_correct, "no-correct", NULL, "without the correction"),
    CLI_OPT(diff_opts, x1, "x1", "LIST", "many differences at once: counts x of the first rates ..."),
    CLI_OPT(diff_opts, n1, "n1", "LIST", "... their n ..."),
    CLI_OPT(diff_opts, x2, "x2", "LIST", "... the counts x of the second rates ..."),
    CLI_OPT(diff_opts, n2, "n2", "LIST", "... and their n, the same number of items each"),
    CLI_OPT(diff_opts, label, "label", "LIST", "a label per item (comma-separated, optional)"),
    CLI_OPT(diff_opts, census, "census", NULL,
            "both years count everybody (普查): the change is exact, no interval "
            "and no test (lower, upper, p_value empty)"),
};

const cli_command cli_cmd_diff = {
    "diff", cmd_diff, "difference of two rates and its test (两率之差)",
    "diff X1 N1 X2 N2 [--conf 0.95] [--correct|--no-correct] [--census]\n"
    "diff --x1 L --n1 L --x2 L --n2 L [--label L] [--conf 0.95] [--correct|--no-correct] [--census]",
    "Difference of two independent rates p1 - p2 (两率之差), e.g. this year\n"
    "minus last year: the interval of the difference and the chi-square test\n"
    "of equal rates, as R prop.test(c(X1, X2), c(N1, N2)).  With lists, one\n"
    "row per item: two years' indicators in one call (年度对比), labelled by\n"
    "--label; a bad item has empty numbers, its error on stderr, and the exit\n"
    "status is 2.\n",
    diff_options, CLI_NOPTS(diff_options), NULL,
    {CLI_K_NONE}, 0, NULL,
};

static int parse_method_conf(const cli_ctx *ctx, const char *cmd,
                             const char *method_text, const char *conf_text,
                             zj_ci_method *method, double *conf)
{
    zj_error err;

    zj_error_clear(&err);
    *method = ZJ_CI_DEFAULT;
    *conf = ZJ_CONF_DEFAULT;
    if (method_text &&
        zj_ci_method_parse(method_text, method, &err) != ZJ_OK)
        return out_error(ctx, &err);
    if (conf_text && args_number(ctx, cmd, "--conf", conf_text, conf) != 0)
        return CLI_EXIT_ERROR;
    return 0;
}

static const char *const rate_cols[] = {"x", "n", "rate", "lower", "upper",
                                        "method", "conf", "design", "population"};

/* N of a rate under a design: the caller's population, n for a census. */
static double population_of(const zj_rate *r, double N)
{
    return r->design == ZJ_DESIGN_CENSUS ? r->n
         : r->design == ZJ_DESIGN_FINITE ? N : NAN;
}

static int rate_row(const cli_ctx *ctx, out_table *t, const zj_rate *r, double N)
{
    char b[7][64];
    const char *cells[9];

    cells[0] = out_num(ctx, r->x, b[0], sizeof b[0]);
    cells[1] = out_num(ctx, r->n, b[1], sizeof b[1]);
    cells[2] = out_num(ctx, r->estimate, b[2], sizeof b[2]);
    cells[3] = out_num(ctx, r->lower, b[3], sizeof b[3]);
    cells[4] = out_num(ctx, r->upper, b[4], sizeof b[4]);
    cells[5] = zj_ci_method_name(r->method);
    cells[6] = out_num_csv(r->conf, b[5], sizeof b[5]);
    cells[7] = zj_design_name(r->design);
    cells[8] = out_num(ctx, population_of(r, N), b[6], sizeof b[6]);
    return out_table_add(t, cells);
}

/* JSON of a rate, with its design when the caller chose one. */
static json_t *jrate(const zj_rate *r, int design, double N)
{
    json_t *o = out_jrate(r);

    if (design) {
        json_object_set_new(o, "design", out_jstr(zj_design_name(r->design)));
        json_object_set_new(o, "population", out_jcount(population_of(r, N)));
    }
    return o;
}

/* Under a table, one line per design that occurs: what it means. */
static int print_design_notes(const zj_rate *r, const zj_code *status,
                              size_t count)
{
    int seen[3] = {0, 0, 0};
    size_t i;

    for (i = 0; i < count; i++)
        if (status[i] == ZJ_OK && (unsigned)r[i].design < 3)
            seen[r[i].design] = 1;
    for (i = 0; i < 3; i++)
        if (seen[i])
            printf("%s\n%s\n",
                   zj_design_note_zh((zj_design)i),
                   zj_design_note_en((zj_design)i));
    return 0;
}

/* The population N given for rates[k]: one N, or one per rate of each
 * block of `per` rates (a block per method). */
typedef struct pop_list {
    const double *v;
    size_t n, per;
} pop_list;

static double pop_at(const pop_list *p, size_t k)
{
    if (!p->v)
        return NAN;
    return p->v[p->n > 1 ? k % p->per : 0];
}

/* Prints the rates; `single` prints JSON as one object, not an array. */
static int print_rates(const cli_ctx *ctx, const zj_rate *r,
                       const zj_code *status, const zj_error *errs,
                       size_t count, int single, int design, const pop_list *pop)
{
    size_t i;

    if (ctx->format == CLI_FMT_JSON) {
        json_t *arr;
        if (single)
            return out_json(jrate(&r[0], design, pop_at(pop, 0)), stdout);
        arr = json_array();
        for (i = 0; i < count; i++) {
            json_t *o = jrate(&r[i], design, pop_at(pop, i));
            if (status[i] != ZJ_OK) {
                /* A failed element says why, in place of its numbers. */
                json_t *e = out_jerror(&errs[i]);
                json_object_set(o, "error", json_object_get(e, "error"));
                json_decref(e);
            }
            json_array_append_new(arr, o);
        }
        return out_json(arr, stdout);
    } else {
        out_table t;
        int rc = 0;
        if (out_table_init(&t, design ? 9 : 7, rate_cols) != 0)
            return -1;
        for (i = 0; i < count && rc == 0; i++)
            rc = rate_row(ctx, &t, &r[i], pop_at(pop, i));
        if (rc == 0)
            rc = out_table_print(&t, ctx->format, stdout);
        out_table_free(&t);
        if (rc == 0 && design && ctx->format == CLI_FMT_TABLE)
            rc = print_design_notes(r, status, count);
        return rc;
    }
}

/* The lists --x and --n of `cmd`: counts, as many of one as of the other.
 * Returns 0 with *x and *n allocated (free() them), or the exit status
 * of the error it reported (nothing allocated). */
static int xn_lists(const cli_ctx *ctx, const char *cmd, const char *xs,
                    const char *ns, double **x, double **n, size_t *count)
{
    size_t nn;

    if (args_count_list(ctx, cmd, "--x", xs, x, count) != 0)
        return CLI_EXIT_ERROR;
    if (args_count_list(ctx, cmd, "--n", ns, n, &nn) != 0) {
        free(*x);
        *x = NULL;
        return CLI_EXIT_ERROR;
    }
    if (nn != *count) {
        free(*x);
        free(*n);
        *x = *n = NULL;
        return OUT_USAGE(ctx, cmd, "--n",
                         ("--x 有 %zu 项而 --n 有 %zu 项，须一样多", *count, nn),
                         ("--x has %zu items but --n has %zu: they must match", *count, nn));
    }
    return 0;
}

int cmd_rate(cli_ctx *ctx, int argc, char **argv)
{
    const char *method_text, *conf_text, *xs, *ns, *all, *census, *pop_text;
    rate_opts o = {0};
    const char *pos[2];
    size_t npos, count = 0, nmethods, i, m, k, npop = 0;
    zj_ci_method method;
    zj_rate_options ro;
    pop_list pl;
    double conf, *x = NULL, *n = NULL, one_x, one_n, *pop = NULL;
    zj_rate *r = NULL;
    zj_code *status = NULL;
    zj_error err, *errs = NULL;
    int rc;

    rc = args_parse(ctx, &cli_cmd_rate, argc, argv, &o, pos, 2, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    method_text = o.method;
    conf_text = o.conf;
    xs = o.x;
    ns = o.n;
    all = o.all_methods;
    census = o.census;
    pop_text = o.population;
    if ((rc = parse_method_conf(ctx, "rate", method_text, conf_text,
                                &method, &conf)) != 0)
        return rc;
    if (npos == 2 && !xs && !ns) {
        if (args_count(ctx, "rate", "X", pos[0], &one_x) != 0 ||
            args_count(ctx, "rate", "N", pos[1], &one_n) != 0)
            return CLI_EXIT_ERROR;
        x = &one_x;
        n = &one_n;
        count = 1;
    } else if (npos == 0 && xs && ns) {
        if ((rc = xn_lists(ctx, "rate", xs, ns, &x, &n, &count)) != 0)
            return rc;
    } else {
        return OUT_USAGE(ctx, "rate", NULL,
                         ("请给出 X N 两个数，或 --x 与 --n 两个列表"),
                         ("give X N, or the lists --x and --n"));
    }

    if (census && pop_text) {
        rc = OUT_USAGE(ctx, "rate", "--population",
                       ("--census 与 --population 只能选一个"),
                       ("--census and --population exclude each other"));
        goto done;
    }
    if (pop_text) {
        if (args_number_list(ctx, "rate", "--population", pop_text, 0, &pop,
                             &npop) != 0) {
            rc = CLI_EXIT_ERROR;
            goto done;
        }
        if (npop != 1 && npop != count) {
            rc = OUT_USAGE(ctx, "rate", "--population",
                           ("--population 须为一个数，或与 --x 一样多（%zu 项）", count),
                           ("--population must be one number or one per rate "
                            "(%zu)", count));
            goto done;
        }
    }
    zj_rate_options_init(&ro);
    ro.design = census ? ZJ_DESIGN_CENSUS : pop ? ZJ_DESIGN_FINITE
                                                 : ZJ_DESIGN_SAMPLE;
    ro.population = pop ? pop[0] : NAN;
    ro.conf = conf;

    nmethods = all ? (size_t)ZJ_CI_WALD + 1 : 1;
    r = calloc(count * nmethods, sizeof *r);
    status = calloc(count * nmethods, sizeof *status);
    errs = calloc(count * nmethods, sizeof *errs);
    rc = CLI_EXIT_OK;
    if (!r || !status || !errs) {
        rc = out_nomem(ctx);
        goto done;
    }
    for (m = 0; m < nmethods; m++) {
        zj_ci_method mm = all ? (zj_ci_method)m : method;
        zj_error_clear(&err);
        ro.method = mm;
        if (zj_rate_ci_design_batch(x, n, npop > 1 ? pop : NULL, count, &ro,
                                    r + m * count, status + m * count,
                                    &err) != ZJ_OK) {
            rc = out_error(ctx, &err);
            goto done;
        }
    }
    /* Element errors carry no message: ask for one element at a time. */
    for (k = 0; k < count * nmethods; k++) {
        if (status[k] == ZJ_OK)
            continue;
        i = k % count;
        zj_error_clear(&errs[k]);
        ro.method = all ? (zj_ci_method)(k / count) : method;
        ro.population = pop ? pop[npop > 1 ? i : 0] : NAN;
        zj_rate_ci_design(x[i], n[i], &ro, &r[k], &errs[k]);
        /* Keep the inputs visible in the output row. */
        r[k].x = x[i];
        r[k].n = n[i];
        r[k].estimate = r[k].lower = r[k].upper = NAN;
        r[k].conf = conf;
        r[k].method = all ? (zj_ci_method)(k / count) : method;
        rc = CLI_EXIT_ERROR;
    }
    if (count == 1 && nmethods == 1 && rc != CLI_EXIT_OK) {
        rc = out_error(ctx, &errs[0]);
        goto done;
    }
    for (k = 0; k < count * nmethods; k++)
        if (status[k] != ZJ_OK)
            out_error(NULL, &errs[k]);
    pl.v = pop;
    pl.n = npop;
    pl.per = count;
    if (print_rates(ctx, r, status, errs, count * nmethods,
                    count == 1 && nmethods == 1, census || pop, &pl) != 0)
        rc = CLI_EXIT_ERROR;
done:
    if (x != &one_x) {
        free(x);
        free(n);
    }
    free(pop);
    free(r);
    free(status);
    free(errs);
    return rc;
}

int cmd_pooled(cli_ctx *ctx, int argc, char **argv)
{
    const char *method_text, *conf_text, *xs, *ns;
    pooled_opts o = {0};
    const char *pos[1];
    size_t npos, count;
    zj_ci_method method;
    double conf, *x = NULL, *n = NULL;
    zj_pooled p;
    zj_error err;
    int rc;

    rc = args_parse(ctx, &cli_cmd_pooled, argc, argv, &o, pos, 0, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    method_text = o.method;
    conf_text = o.conf;
    xs = o.x;
    ns = o.n;
    if ((rc = parse_method_conf(ctx, "pooled", method_text, conf_text,
                                &method, &conf)) != 0)
        return rc;
    if (!xs || !ns)
        return OUT_USAGE(ctx, "pooled", xs ? "--n" : "--x",
                         ("须给出 --x 与 --n"),
                         ("--x and --n are required"));
    if ((rc = xn_lists(ctx, "pooled", xs, ns, &x, &n, &count)) != 0)
        return rc;
    zj_error_clear(&err);
    if (zj_rate_pooled(x, n, count, conf, method, &p, &err) != ZJ_OK) {
        rc = out_error(ctx, &err);
        goto done;
    }
    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = json_pack("{s:o,s:o,s:o}", "pooled", out_jrate(&p.pooled),
                              "mean_of_rates", out_jreal(p.mean_of_rates),
                              "groups", out_jcount((double)p.groups));
        rc = out_json(j, stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    } else {
        static const char *const cols[] = {"measure", "x", "n", "rate", "lower",
                                           "upper", "method", "conf", "groups"};
        char b[9][64];
        const char *c1[9], *c2[9];
        out_table t;
        int tab = ctx->format == CLI_FMT_TABLE;

        c1[0] = tab ? "pooled 合并率 = sum(x)/sum(n)" : "pooled";
        c1[1] = out_num(ctx, p.pooled.x, b[0], 64);
        c1[2] = out_num(ctx, p.pooled.n, b[1], 64);
        c1[3] = out_num(ctx, p.pooled.estimate, b[2], 64);
        c1[4] = out_num(ctx, p.pooled.lower, b[3], 64);
        c1[5] = out_num(ctx, p.pooled.upper, b[4], 64);
        c1[6] = zj_ci_method_name(p.pooled.method);
        c1[7] = out_num_csv(p.pooled.conf, b[5], 64);
        c1[8] = out_num(ctx, (double)p.groups, b[6], 64);
        c2[0] = tab ? "mean of rates 各组率均值 (not a proportion)" : "mean_of_rates";
        c2[1] = c2[2] = "";
        c2[3] = out_num(ctx, p.mean_of_rates, b[7], 64);
        c2[4] = c2[5] = tab ? "-" : "";
        c2[6] = c2[7] = "";
        c2[8] = c1[8];
        rc = CLI_EXIT_OK;
        if (out_table_init(&t, 9, cols) != 0 || out_table_add(&t, c1) != 0 ||
            out_table_add(&t, c2) != 0 ||
            out_table_print(&t, ctx->format, stdout) != 0)
            rc = CLI_EXIT_ERROR;
        out_table_free(&t);
    }
done:
    free(x);
    free(n);
    return rc;
}

/* `diff` with lists: one zj_rate_difference per item, as a table. */
static int diff_lists(cli_ctx *ctx, const char *const lists[4], const char *labels,
                      double conf, int correct, zj_design design)
{
    static const char *const names[] = {"--x1", "--n1", "--x2", "--n2"};
    static const char *const cols[] = {"label", "x1", "n1", "x2", "n2", "p1", "p2",
                                       "diff", "lower", "upper", "statistic", "p_value"};
    double *v[4] = {NULL, NULL, NULL, NULL};
    char **lab = NULL;
    size_t count = 0, n, i, k, nlab = 0;
    json_t *arr = NULL;
    out_table t;
    int rc = CLI_EXIT_OK, bad = 0, tab = 0;

    for (k = 0; k < 4; k++) {
        if (args_number_list(ctx, "diff", names[k], lists[k], 0, &v[k], &n) != 0) {
            rc = CLI_EXIT_ERROR;
            goto done;
        }
        if (k == 0)
            count = n;
        else if (n != count) {
            rc = OUT_USAGE(ctx, "diff", names[k],
                           ("%s 有 %zu 项而 --x1 有 %zu 项，须一样多", names[k], n, count),
                           ("%s has %zu items but --x1 has %zu: they must match",
                            names[k], n, count));
            goto done;
        }
    }
    if (labels) {
        if (args_name_list(ctx, "diff", "--label", labels, &lab, &nlab) != 0) {
            rc = CLI_EXIT_ERROR;
            goto done;
        }
        if (nlab != count) {
            rc = OUT_USAGE(ctx, "diff", "--label",
                           ("--label 有 %zu 项而 --x1 有 %zu 项，须一样多", nlab, count),
                           ("--label has %zu items but --x1 has %zu: they must match", nlab, count));
            goto done;
        }
    }
    if (ctx->format == CLI_FMT_JSON)
        arr = json_array();
    else if (out_table_init(&t, 12, cols) == 0)
        tab = 1;
    else {
        rc = out_nomem(ctx);
        goto done;
    }
    for (i = 0; i < count; i++) {
        zj_rate_diff d;
        zj_error err;
        char idx[24], b[11][64];
        const char *cells[12];
        double nums[11];

        snprintf(idx, sizeof idx, "%zu", i + 1);
        zj_error_clear(&err);
        if (zj_rate_change(v[0][i], v[1][i], v[2][i], v[3][i], design, conf, correct, &d,
                           &err) != ZJ_OK) {
            out_error(NULL, &err);
            bad = 1;
            d.p1 = d.p2 = d.diff = d.lower = d.upper = d.statistic = d.p_value = NAN;
        }
        if (arr) {
            json_array_append_new(arr, json_pack(
                "{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                "label", lab ? lab[i] : idx, "x1", out_jcount(v[0][i]),
                "n1", out_jcount(v[1][i]), "x2", out_jcount(v[2][i]),
                "n2", out_jcount(v[3][i]), "p1", out_jreal(d.p1), "p2", out_jreal(d.p2),
                "diff", out_jreal(d.diff), "lower", out_jreal(d.lower),
                "upper", out_jreal(d.upper), "statistic", out_jreal(d.statistic),
                "p_value", out_jreal(d.p_value)));
            continue;
        }
        nums[0] = v[0][i]; nums[1] = v[1][i]; nums[2] = v[2][i]; nums[3] = v[3][i];
        nums[4] = d.p1; nums[5] = d.p2; nums[6] = d.diff; nums[7] = d.lower;
        nums[8] = d.upper; nums[9] = d.statistic; nums[10] = d.p_value;
        cells[0] = lab ? lab[i] : idx;
        for (k = 0; k < 11; k++)
            cells[k + 1] = out_num(ctx, nums[k], b[k], sizeof b[k]);
        if (ctx->format == CLI_FMT_TABLE && !isnan(d.p_value))
            snprintf(b[10], sizeof b[10], "%.6g", d.p_value);
        if (out_table_add(&t, cells) != 0) {
            rc = out_nomem(ctx);
            break;
        }
    }
    if (arr) {
        if (out_json(arr, stdout) != 0)
            rc = CLI_EXIT_ERROR;
    } else if (tab) {
        if (rc == CLI_EXIT_OK && out_table_print(&t, ctx->format, stdout) != 0)
            rc = CLI_EXIT_ERROR;
        out_table_free(&t);
    }
    if (bad && rc == CLI_EXIT_OK)
        rc = CLI_EXIT_ERROR;
done:
    for (k = 0; k < 4; k++)
        free(v[k]);
    if (lab)
        args_free_list(lab);
    return rc;
}

int cmd_diff(cli_ctx *ctx, int argc, char **argv)
{
    const char *conf_text, *correct, *no_correct, *lists[4], *label_list, *census;
    diff_opts o = {0};
    static const char *const names[] = {"X1", "N1", "X2", "N2"};
    const char *pos[4];
    size_t npos, i;
    double v[4], conf = ZJ_CONF_DEFAULT;
    zj_rate_diff d;
    zj_error err;
    int rc;

    rc = args_parse(ctx, &cli_cmd_diff, argc, argv, &o, pos, 4, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    conf_text = o.conf;
    correct = o.correct;
    no_correct = o.no_correct;
    lists[0] = o.x1;
    lists[1] = o.n1;
    lists[2] = o.x2;
    lists[3] = o.n2;
    label_list = o.label;
    census = o.census;
    if (npos == 0 && (lists[0] || lists[1] || lists[2] || lists[3])) {
        if (!lists[0] || !lists[1] || !lists[2] || !lists[3])
            return OUT_USAGE(ctx, "diff", NULL,
                             ("须同时给出 --x1、--n1、--x2、--n2"),
                             ("--x1, --n1, --x2 and --n2 go together"));
        if (correct && no_correct)
            return OUT_USAGE(ctx, "diff", "--no-correct",
                             ("--correct 与 --no-correct 只能选一个"),
                             ("--correct and --no-correct exclude each other"));
        if (conf_text && args_number(ctx, "diff", "--conf", conf_text, &conf) != 0)
            return CLI_EXIT_ERROR;
        return diff_lists(ctx, lists, label_list, conf, !no_correct,
                          census ? ZJ_DESIGN_CENSUS : ZJ_DESIGN_SAMPLE);
    }
    if (npos != 4)
        return OUT_USAGE(ctx, "diff", NULL,
                         ("须给出 X1 N1 X2 N2 四个数"),
                         ("give the four counts X1 N1 X2 N2"));
    if (correct && no_correct)
        return OUT_USAGE(ctx, "diff", "--no-correct",
                         ("--correct 与 --no-correct 只能选一个"),
                         ("--correct and --no-correct exclude each other"));
    for (i = 0; i < 4; i++)
        if (args_count(ctx, "diff", names[i], pos[i], &v[i]) != 0)
            return CLI_EXIT_ERROR;
    if (conf_text && args_number(ctx, "diff", "--conf", conf_text, &conf) != 0)
        return CLI_EXIT_ERROR;
    zj_error_clear(&err);
    if (zj_rate_change(v[0], v[1], v[2], v[3], census ? ZJ_DESIGN_CENSUS : ZJ_DESIGN_SAMPLE,
                       conf, !no_correct, &d, &err) != ZJ_OK)
        return out_error(ctx, &err);
    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:b}",
                              "p1", out_jreal(d.p1), "p2", out_jreal(d.p2),
                              "diff", out_jreal(d.diff),
                              "lower", out_jreal(d.lower),
                              "upper", out_jreal(d.upper),
                              "conf", out_jreal(d.conf),
                              "statistic", out_jreal(d.statistic),
                              "p_value", out_jreal(d.p_value),
                              "correct", d.correct);
        return out_json(j, stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    } else {
        static const char *const keys[] = {"p1", "p2", "diff", "lower", "upper",
                                           "conf", "statistic", "p_value",
                                           "correct"};
        static const char *const labels[] = {
            "p1 率1", "p2 率2", "diff 差值 p1-p2", "lower 下限", "upper 上限",
            "conf 置信水平", "X-squared 卡方", "p-value P值", "correct 连续性校正"};
        char b[8][64];
        const char *vals[9];
        double nums[8];

        nums[0] = d.p1; nums[1] = d.p2; nums[2] = d.diff; nums[3] = d.lower;
        nums[4] = d.upper; nums[5] = d.conf; nums[6] = d.statistic;
        nums[7] = d.p_value;
        for (i = 0; i < 8; i++)
            vals[i] = out_num(ctx, nums[i], b[i], sizeof b[i]);
        /* conf is an input: print it as given, not with 6 decimals. */
        vals[5] = out_num_csv(d.conf, b[5], sizeof b[5]);
        /* A p-value can be tiny: keep its significant digits. */
        if (ctx->format == CLI_FMT_TABLE && !isnan(d.p_value))
            snprintf(b[7], sizeof b[7], "%.6g", d.p_value);
        vals[8] = d.correct ? "1" : "0";
        return out_record(ctx, 9, keys, labels, vals) ? CLI_EXIT_ERROR
                                                      : CLI_EXIT_OK;
    }
}
