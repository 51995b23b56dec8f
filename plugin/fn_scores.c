/* fn_scores.c — functions of a range of marks: pass and excellence rates,
 * the mean, and the weighted composite. */
#include <math.h>
#include <stdlib.h>

#include "addin_call.h"

/* Summarizes the scores range (argument 0); mark (argument 1, when the
 * function has it) is the pass mark, or the excellence mark when
 * excellent is set. */
static int scores_summary(zjc_fncall *c, int excellent, zj_score_summary *s)
{
    zjc_range r;
    double *v = NULL, def = excellent ? ZJ_EXCELLENT_MARK_DEFAULT : ZJ_PASS_MARK_DEFAULT, mark = def;
    zj_error e;
    int rc = -1;

    r.cells = NULL;
    if (zjc_arg_range(ZJC_ARG(c, 0), 0, "scores", &r, &c->f) ||
        zjc_range_numbers(&r, 0, "scores", 1, &v, &c->f))
        goto out;
    if (c->fn->nargs > 1 && zjc_arg_opt_number(ZJC_ARG(c, 1), 1, "mark", def, &mark, &c->f))
        goto out;
    if (zj_scores_summarize(v, r.rows * r.cols, excellent ? ZJ_PASS_MARK_DEFAULT : mark,
                            excellent ? mark : ZJ_EXCELLENT_MARK_DEFAULT, s, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 1, &e);
        goto out;
    }
    if (s->valid == 0) {
        zjc_failf(&c->f, 0, ("没有有效分数"), ("there is no valid score in the range"));
        goto out;
    }
    rc = 0;
out:
    free(r.cells);
    free(v);
    return rc;
}

int zjc_fn_pass_rate(zjc_fncall *c)
{
    zj_score_summary s;
    return scores_summary(c, 0, &s) ? -1 : zjc_ret_double(c, s.pass_rate);
}

int zjc_fn_excellent_rate(zjc_fncall *c)
{
    zj_score_summary s;
    return scores_summary(c, 1, &s) ? -1 : zjc_ret_double(c, s.excellent_rate);
}

int zjc_fn_score_mean(zjc_fncall *c)
{
    zj_score_summary s;
    return scores_summary(c, 0, &s) ? -1 : zjc_ret_double(c, s.mean);
}

int zjc_fn_composite(zjc_fncall *c)
{
    zjc_range rs, rw;
    double *s = NULL, *w = NULL, v;
    zj_error e;
    int rc = -1;

    rs.cells = rw.cells = NULL;
    if (zjc_arg_range(ZJC_ARG(c, 0), 0, "scores", &rs, &c->f) ||
        zjc_arg_range(ZJC_ARG(c, 1), 1, "weights", &rw, &c->f) ||
        zjc_range_numbers(&rs, 0, "scores", 0, &s, &c->f) || zjc_range_numbers(&rw, 1, "weights", 0, &w, &c->f))
        goto out;
    if (rs.rows * rs.cols != rw.rows * rw.cols) {
        zjc_failf(&c->f, 1, ("分项成绩有 %zu 个，权重却有 %zu 个", rs.rows * rs.cols, rw.rows * rw.cols),
                  ("scores has %zu cells but weights %zu", rs.rows * rs.cols, rw.rows * rw.cols));
        goto out;
    }
    if (zj_composite(s, w, rs.rows * rs.cols, &v, &e) != ZJ_OK) {
        zjc_fail_zj(&c->f, 1, &e);
        goto out;
    }
    rc = zjc_ret_double(c, v);
out:
    free(s);
    free(w);
    free(rs.cells);
    free(rw.cells);
    return rc;
}

/* The count behind a published percentage: the library's rule, as
 * zhijiao demo and R's zj_count_from_percent() apply it. */
int zjc_fn_percent_count(zjc_fncall *c)
{
    double pct, n, dec, v;
    zj_error e;

    if (zjc_arg_number(ZJC_ARG(c, 0), 0, "percent", &pct, &c->f) ||
        zjc_arg_number(ZJC_ARG(c, 1), 1, "n", &n, &c->f) ||
        zjc_arg_opt_number(ZJC_ARG(c, 2), 2, "decimals", 2, &dec, &c->f))
        return -1;
    if (zj_count_from_percent(pct, dec == floor(dec) && fabs(dec) < 100 ? (int)dec : -1, n, &v,
                              NULL, &e) != ZJ_OK)
        return zjc_fail_zj(&c->f, 0, &e);
    return zjc_ret_double(c, v);
}
