/* fn_rates.c — the rate functions: ZJ.RATE and its interval, pooled and
 * mean rates, the difference of two rates, and the indicators that are
 * one ratio (completion, progression, transfer), and the designs: a
 * rate of a census or a finite population, schools as clusters, the exact
 * change between two censuses. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "addin_call.h"

/* x, n, method, conf of ZJ.RATE and its siblings. */
static int rate_of_args(zjc_fncall *c, zj_rate *r)
{
    double x, n, conf;
    zj_ci_method m;
    zj_error e;

    if (zjc_arg_number(ZJC_ARG(c, 0), 0, "x", &x, &c->f) || zjc_arg_number(ZJC_ARG(c, 1), 1, "n", &n, &c->f) ||
        zjc_arg_method(ZJC_ARG(c, 2), 2, &m, &c->f) ||
        zjc_arg_opt_number(ZJC_ARG(c, 3), 3, "conf", ZJ_CONF_DEFAULT, &conf, &c->f))
        return -1;
    if (zj_rate_ci(x, n, conf, m, r, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, strcmp(e.where, "argument n") == 0 ? 1 : 0, &e);
    return 0;
}

int zjc_fn_rate_estimate(zjc_fncall *c)
{
    zj_rate r;
    return rate_of_args(c, &r) ? -1 : zjc_ret_double(c, r.estimate);
}

int zjc_fn_rate_lower(zjc_fncall *c)
{
    zj_rate r;
    return rate_of_args(c, &r) ? -1 : zjc_ret_double(c, r.lower);
}

int zjc_fn_rate_upper(zjc_fncall *c)
{
    zj_rate r;
    return rate_of_args(c, &r) ? -1 : zjc_ret_double(c, r.upper);
}

int zjc_fn_rate_ci(zjc_fncall *c)
{
    zj_rate r;
    return rate_of_args(c, &r) ? -1 : zjc_ret_row3(c, r.estimate, r.lower, r.upper);
}

/* The x and n ranges of the pooled functions, as numbers; free both. */
static int xs_ns(zjc_fncall *c, double **x, double **n, size_t *count)
{
    zjc_range rx, rn;
    int rc = -1;

    *x = *n = NULL;
    rx.cells = rn.cells = NULL;
    if (zjc_arg_range(ZJC_ARG(c, 0), 0, "x_range", &rx, &c->f) ||
        zjc_arg_range(ZJC_ARG(c, 1), 1, "n_range", &rn, &c->f))
        goto out;
    if (rx.rows * rx.cols != rn.rows * rn.cols) {
        zjc_failf(&c->f, 1, ("成功数区域有 %zu 个单元格，总数区域却有 %zu 个", rx.rows * rx.cols, rn.rows * rn.cols),
                  ("x_range has %zu cells but n_range %zu", rx.rows * rx.cols, rn.rows * rn.cols));
        goto out;
    }
    if (zjc_range_numbers(&rx, 0, "x_range", 0, x, &c->f) || zjc_range_numbers(&rn, 1, "n_range", 0, n, &c->f))
        goto out;
    *count = rx.rows * rx.cols;
    rc = 0;
out:
    free(rx.cells);
    free(rn.cells);
    if (rc) {
        free(*x);
        free(*n);
        *x = *n = NULL;
    }
    return rc;
}

static int pooled_of_args(zjc_fncall *c, int with_interval, zj_pooled *p)
{
    double *x, *n, conf = ZJ_CONF_DEFAULT;
    size_t count;
    zj_ci_method m = ZJ_CI_DEFAULT;
    zj_error e;
    zj_code code;

    if (xs_ns(c, &x, &n, &count))
        return -1;
    if (with_interval && (zjc_arg_method(ZJC_ARG(c, 2), 2, &m, &c->f) ||
                          zjc_arg_opt_number(ZJC_ARG(c, 3), 3, "conf", ZJ_CONF_DEFAULT, &conf, &c->f))) {
        free(x);
        free(n);
        return -1;
    }
    code = zj_rate_pooled(x, n, count, conf, m, p, &e);
    free(x);
    free(n);
    return code == ZJ_OK ? 0 : zjc_fail_zj(&c->f, 0, &e);
}

int zjc_fn_pooled(zjc_fncall *c)
{
    zj_pooled p;
    return pooled_of_args(c, 1, &p) ? -1 : zjc_ret_row3(c, p.pooled.estimate, p.pooled.lower, p.pooled.upper);
}

int zjc_fn_mean_of_rates(zjc_fncall *c)
{
    zj_pooled p;
    return pooled_of_args(c, 0, &p) ? -1 : zjc_ret_double(c, p.mean_of_rates);
}

/* x1, n1, x2, n2[, conf], correct of ZJ.DIFF and ZJ.DIFF.PVALUE. */
static int diff_of_args(zjc_fncall *c, int with_conf, zj_rate_diff *r)
{
    double x1, n1, x2, n2, conf = ZJ_CONF_DEFAULT;
    int correct = 1, cpos = with_conf ? 5 : 4;
    zj_error e;

    if (zjc_arg_number(ZJC_ARG(c, 0), 0, "x1", &x1, &c->f) || zjc_arg_number(ZJC_ARG(c, 1), 1, "n1", &n1, &c->f) ||
        zjc_arg_number(ZJC_ARG(c, 2), 2, "x2", &x2, &c->f) || zjc_arg_number(ZJC_ARG(c, 3), 3, "n2", &n2, &c->f) ||
        (with_conf && zjc_arg_opt_number(ZJC_ARG(c, 4), 4, "conf", ZJ_CONF_DEFAULT, &conf, &c->f)) ||
        zjc_arg_bool(ZJC_ARG(c, cpos), cpos, "correct", 1, &correct, &c->f))
        return -1;
    if (zj_rate_difference(x1, n1, x2, n2, conf, correct, r, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, 0, &e);
    return 0;
}

int zjc_fn_diff(zjc_fncall *c)
{
    zj_rate_diff r;
    return diff_of_args(c, 1, &r) ? -1 : zjc_ret_row3(c, r.diff, r.lower, r.upper);
}

int zjc_fn_diff_p(zjc_fncall *c)
{
    zj_rate_diff r;
    return diff_of_args(c, 0, &r) ? -1 : zjc_ret_double(c, r.p_value);
}

/* A ratio indicator of two numbers (named as in the table). */
static int ratio(zjc_fncall *c, zj_code (*core)(double, double, double *, zj_error *))
{
    double a, b, v;
    zj_error e;

    if (zjc_arg_number(ZJC_ARG(c, 0), 0, c->fn->args[0].en, &a, &c->f) ||
        zjc_arg_number(ZJC_ARG(c, 1), 1, c->fn->args[1].en, &b, &c->f))
        return -1;
    if (core(a, b, &v, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, 0, &e);
    return zjc_ret_double(c, v);
}

int zjc_fn_completion(zjc_fncall *c)
{
    return ratio(c, zj_completion_rate);
}

int zjc_fn_transfer(zjc_fncall *c)
{
    return ratio(c, zj_transfer_rate);
}

int zjc_fn_progression(zjc_fncall *c)
{
    double g, z, b, v;
    char *which = NULL;
    zj_progression p;
    zj_error e;

    if (zjc_arg_number(ZJC_ARG(c, 0), 0, "graduates", &g, &c->f) ||
        zjc_arg_number(ZJC_ARG(c, 1), 1, "to_zhuanke", &z, &c->f) ||
        zjc_arg_number(ZJC_ARG(c, 2), 2, "to_benke", &b, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 3), 3, "which", 1, &which, &c->f))
        return -1;
    if (zj_progression_rates(g, z, b, &p, &e) != ZJ_OK) {
        free(which);
        return zjc_fail_zj(&c->f, 0, &e);
    }
    if (!which || !*which || strcmp(which, "total") == 0 || strcmp(which, "合计") == 0)
        v = p.total_rate;
    else if (strcmp(which, "zhuanke") == 0 || strcmp(which, "专科") == 0)
        v = p.zhuanke_rate;
    else if (strcmp(which, "benke") == 0 || strcmp(which, "本科") == 0)
        v = p.benke_rate;
    else {
        zjc_failf(&c->f, 3, ("口径应为 total、zhuanke 或 benke"),
                  ("which must be total, zhuanke or benke, not \"%s\"", which));
        free(which);
        return -1;
    }
    free(which);
    return zjc_ret_double(c, v);
}

/* A 1×n row of numbers, NaN as an empty cell (a census has no interval:
 * an empty cell says so, where a number would suggest one). */
static int ret_row(zjc_fncall *c, const double *v, size_t n)
{
    zjc_matrix m;
    size_t i;

    if (zjc_matrix_init(&m, 1, n, &c->f))
        return -1;
    for (i = 0; i < n; i++) {
        if (v[i] != v[i])
            zjc_any_set_text(zjc_mcell(&m, 0, i), "");
        else
            zjc_any_set_double(zjc_mcell(&m, 0, i), v[i]);
    }
    *(uno_Sequence **)c->ret = zjc_matrix_take(&m);
    return 0;
}

/* ZJ.RATE.DESIGN(x; n; design; population; method; conf): the rate under
 * a design (zj_design), 1×3 (rate, lower, upper), lower and upper empty
 * for a census. */
int zjc_fn_rate_design(zjc_fncall *c)
{
    double x, n, v[3];
    char *name = NULL;
    zj_rate_options o;
    zj_rate r;
    zj_error e;
    zj_code code;

    zj_rate_options_init(&o);
    if (zjc_arg_number(ZJC_ARG(c, 0), 0, "x", &x, &c->f) || zjc_arg_number(ZJC_ARG(c, 1), 1, "n", &n, &c->f) ||
        zjc_arg_text(ZJC_ARG(c, 2), 2, "design", 0, &name, &c->f))
        return -1;
    code = zj_design_parse(name, &o.design, &e);
    free(name);
    if (code != ZJ_OK)
        return zjc_fail_zj(&c->f, 2, &e);
    if (zjc_arg_opt_number(ZJC_ARG(c, 3), 3, "population", NAN, &o.population, &c->f) ||
        zjc_arg_method(ZJC_ARG(c, 4), 4, &o.method, &c->f) ||
        zjc_arg_opt_number(ZJC_ARG(c, 5), 5, "conf", ZJ_CONF_DEFAULT, &o.conf, &c->f))
        return -1;
    if (zj_rate_ci_design(x, n, &o, &r, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, strcmp(e.where, "argument n") == 0 ? 1
                                  : strcmp(e.where, "argument population") == 0 ? 3 : 0, &e);
    v[0] = r.estimate;
    v[1] = r.lower;
    v[2] = r.upper;
    return ret_row(c, v, 3);
}

/* ZJ.CLUSTER(x_range; n_range; conf): schools as clusters (zj_rate_clustered),
 * 1×6: pooled, lower, upper (svyciprop beta), mean of rates, lower, upper. */
int zjc_fn_cluster(zjc_fncall *c)
{
    double *x, *n, conf, v[6];
    size_t count;
    zj_cluster_rates r;
    zj_error e;
    zj_code code;

    if (xs_ns(c, &x, &n, &count))
        return -1;
    if (zjc_arg_opt_number(ZJC_ARG(c, 2), 2, "conf", ZJ_CONF_DEFAULT, &conf, &c->f)) {
        free(x);
        free(n);
        return -1;
    }
    code = zj_rate_clustered(x, n, count, conf, &r, &e);
    free(x);
    free(n);
    if (code != ZJ_OK)
        return zjc_fail_zj(&c->f, 0, &e);
    v[0] = r.pooled;
    v[1] = r.lower;
    v[2] = r.upper;
    v[3] = r.mean_of_rates;
    v[4] = r.mean_lower;
    v[5] = r.mean_upper;
    return ret_row(c, v, 6);
}

/* ZJ.RATE.CHANGE(x1; n1; x2; n2): the exact change p1 − p2 of two years
 * that both count everybody (zj_rate_change, census design). */
int zjc_fn_rate_change(zjc_fncall *c)
{
    double x1, n1, x2, n2;
    zj_rate_diff r;
    zj_error e;

    if (zjc_arg_number(ZJC_ARG(c, 0), 0, "x1", &x1, &c->f) || zjc_arg_number(ZJC_ARG(c, 1), 1, "n1", &n1, &c->f) ||
        zjc_arg_number(ZJC_ARG(c, 2), 2, "x2", &x2, &c->f) || zjc_arg_number(ZJC_ARG(c, 3), 3, "n2", &n2, &c->f))
        return -1;
    if (zj_rate_change(x1, n1, x2, n2, ZJ_DESIGN_CENSUS, ZJ_CONF_DEFAULT, 0, &r, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, 0, &e);
    return zjc_ret_double(c, r.diff);
}
