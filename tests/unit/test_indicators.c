/* test_indicators.c — pooling, differences, scores, ratios, composites
 * and grade counts.  Expected values come from R (quoted in comments) or
 * from hand arithmetic; the full R comparison of the intervals is in
 * test_rate_ci.c. */
#include <string.h>

#include "testutil.h"

/* ---- pooling ----------------------------------------------------------- */

static void test_pooled(void **state)
{
    /* A big group at 90% and a small one at 10%: pooled 0.85, mean of
     * rates 0.5 -- the two figures reports confuse. */
    const double x[] = { 900, 10 };
    const double n[] = { 1000, 100 };
    zj_pooled p;
    zj_rate one;
    zj_error e;

    (void)state;
    assert_int_equal(zj_rate_pooled(x, n, 2, 0.95, ZJ_CI_WILSON, &p, &e),
                     ZJ_OK);
    assert_int_equal(p.groups, 2);
    assert_close(p.pooled.x, 910, 0);
    assert_close(p.pooled.n, 1100, 0);
    assert_close(p.pooled.estimate, 910.0 / 1100.0, 1e-15);
    assert_close(p.mean_of_rates, 0.5, 1e-15);
    /* The pooled interval is the interval of the totals. */
    assert_int_equal(zj_rate_ci(910, 1100, 0.95, ZJ_CI_WILSON, &one, &e),
                     ZJ_OK);
    assert_close(p.pooled.lower, one.lower, 0);
    assert_close(p.pooled.upper, one.upper, 0);
    assert_int_equal(p.pooled.method, ZJ_CI_WILSON);
}

static void test_pooled_errors(void **state)
{
    const double x[] = { 900, 10, 4 };
    const double n[] = { 1000, 0, 3 };
    const double ok_n[] = { 1000, 100, 3 };
    const double frac[] = { 900, 10.5, 3 };
    zj_pooled p;
    zj_error e;

    (void)state;
    assert_arg_error(zj_rate_pooled(x, n, 3, 0.95, ZJ_CI_WILSON, &p, &e),
                     &e, "n[1]");
    assert_arg_error(zj_rate_pooled(x, ok_n, 3, 0.95, ZJ_CI_WILSON, &p, &e),
                     &e, "x[2]");
    assert_arg_error(zj_rate_pooled(frac, ok_n, 3, 0.95, ZJ_CI_WILSON, &p,
                                    &e), &e, "x[1]");
    assert_arg_error(zj_rate_pooled(x, ok_n, 2, 0, ZJ_CI_WILSON, &p, &e),
                     &e, "conf");
    assert_arg_error(zj_rate_pooled(x, ok_n, 2, 0.95, (zj_ci_method)9, &p,
                                    &e), &e, "method");
    assert_arg_error(zj_rate_pooled(x, ok_n, 0, 0.95, ZJ_CI_WILSON, &p, &e),
                     &e, "groups");
    assert_arg_error(zj_rate_pooled(NULL, ok_n, 2, 0.95, ZJ_CI_WILSON, &p,
                                    &e), &e, "x");
    assert_arg_error(zj_rate_pooled(x, ok_n, 2, 0.95, ZJ_CI_WILSON, NULL,
                                    &e), &e, "out");
}

/* ---- difference of two rates ------------------------------------------- */

static void test_difference(void **state)
{
    zj_rate_diff d;
    zj_error e;

    (void)state;
    /* R: prop.test(c(3138, 8388), c(3953, 8830)) */
    assert_int_equal(zj_rate_difference(3138, 3953, 8388, 8830, 0.95, 1, &d,
                                        &e), ZJ_OK);
    assert_close(d.p1, 3138.0 / 3953.0, 1e-15);
    assert_close(d.p2, 8388.0 / 8830.0, 1e-15);
    assert_close(d.diff, d.p1 - d.p2, 0);
    assert_close(d.lower, -0.16970551048275812, 1e-12);
    assert_close(d.upper, -0.14252629362318786, 1e-12);
    assert_close(d.statistic, 748.82669255076792, 1e-9);
    assert_close(d.p_value, 7.2197327499685145e-165, 1e-170);
    assert_int_equal(d.correct, 1);
    assert_close(d.conf, 0.95, 0);
    /* R: prop.test(c(30, 29), c(100, 100)): the correction is capped at
     * |DELTA| / sum(1/n) = 0.5 exactly, so X-squared is 0 and p = 1. */
    assert_int_equal(zj_rate_difference(30, 100, 29, 100, 0.95, 1, &d, &e),
                     ZJ_OK);
    assert_close(d.lower, -0.12639868367695470, 1e-12);
    assert_close(d.upper, 0.14639868367695472, 1e-12);
    assert_close(d.statistic, 0, 1e-12);
    assert_close(d.p_value, 1, 1e-12);
    /* Any non-zero `correct` means TRUE. */
    assert_int_equal(zj_rate_difference(30, 100, 29, 100, 0.95, 7, &d, &e),
                     ZJ_OK);
    assert_int_equal(d.correct, 1);
    /* Both rates 0: the interval is [0, 0] and, as in R, the test is
     * undefined (NaN), not a made-up p-value. */
    assert_int_equal(zj_rate_difference(0, 5, 0, 5, 0.95, 0, &d, &e), ZJ_OK);
    assert_close(d.lower, 0, 0);
    assert_close(d.upper, 0, 0);
    assert_nan(d.statistic);
    assert_nan(d.p_value);
    /* Clipping to [-1, 1]. */
    assert_int_equal(zj_rate_difference(1, 1, 0, 1, 0.99, 1, &d, &e), ZJ_OK);
    assert_close(d.upper, 1, 0);
    assert_true(d.lower >= -1);
}

static void test_difference_errors(void **state)
{
    zj_rate_diff d;
    zj_error e;

    (void)state;
    assert_arg_error(zj_rate_difference(-1, 10, 1, 10, 0.95, 0, &d, &e), &e,
                     "x1");
    assert_arg_error(zj_rate_difference(1, 0, 1, 10, 0.95, 0, &d, &e), &e,
                     "n1");
    assert_arg_error(zj_rate_difference(1, 10, 11, 10, 0.95, 0, &d, &e), &e,
                     "x2");
    assert_arg_error(zj_rate_difference(1, 10, 1, NAN, 0.95, 0, &d, &e), &e,
                     "n2");
    assert_arg_error(zj_rate_difference(1, 10, 0.5, 10, 0.95, 0, &d, &e), &e,
                     "x2");
    assert_arg_error(zj_rate_difference(1, 10, 1, 10, 1, 0, &d, &e), &e,
                     "conf");
    assert_arg_error(zj_rate_difference(1, 10, 1, 10, 0.95, 0, NULL, &e), &e,
                     "out");
}

/* ---- scores ------------------------------------------------------------ */

static void test_scores(void **state)
{
    /* R: x <- c(59.5, 60, 84.9, 85, 100, NA, 72); mean(x, na.rm = TRUE)
     * = 76.9, sd(x, na.rm = TRUE) = 15.972476326481125 */
    const double s[] = { 59.5, 60, 84.9, 85, 100, NAN, 72 };
    zj_score_summary sum;
    zj_error e;

    (void)state;
    assert_int_equal(zj_scores_summarize(s, 7, ZJ_PASS_MARK_DEFAULT,
                                         ZJ_EXCELLENT_MARK_DEFAULT, &sum,
                                         &e), ZJ_OK);
    assert_int_equal(sum.valid, 6);
    assert_int_equal(sum.missing, 1);
    assert_close(sum.mean, 76.9, 1e-12);
    assert_close(sum.sd, 15.972476326481125, 1e-12);
    assert_close(sum.min, 59.5, 0);
    assert_close(sum.max, 100, 0);
    /* Pass and excellence are inclusive: 60 passes, 85 is excellent. */
    assert_int_equal(sum.passed, 5);
    assert_int_equal(sum.excellent, 2);
    assert_close(sum.pass_rate, 5.0 / 6.0, 1e-15);
    assert_close(sum.excellent_rate, 2.0 / 6.0, 1e-15);
    assert_close(sum.pass_mark, 60, 0);
    assert_close(sum.excellent_mark, 85, 0);

    /* Other marks; NaN marks mean the defaults. */
    assert_int_equal(zj_scores_summarize(s, 7, 72, 100, &sum, &e), ZJ_OK);
    assert_int_equal(sum.passed, 4);
    assert_int_equal(sum.excellent, 1);
    assert_int_equal(zj_scores_summarize(s, 7, NAN, NAN, &sum, &e), ZJ_OK);
    assert_close(sum.pass_mark, ZJ_PASS_MARK_DEFAULT, 0);
    assert_close(sum.excellent_mark, ZJ_EXCELLENT_MARK_DEFAULT, 0);
    assert_int_equal(sum.passed, 5);
}

static void test_scores_degenerate(void **state)
{
    const double all_missing[] = { NAN, NAN };
    const double one[] = { 70 };
    /* Large marks close together: a one-pass formula would lose the sd. */
    const double close[] = { 1e9 + 1, 1e9 + 2, 1e9 + 3 };
    zj_score_summary sum;
    zj_error e;

    (void)state;
    assert_int_equal(zj_scores_summarize(all_missing, 2, 60, 85, &sum, &e),
                     ZJ_OK);
    assert_int_equal(sum.valid, 0);
    assert_int_equal(sum.missing, 2);
    assert_nan(sum.mean);
    assert_nan(sum.sd);
    assert_nan(sum.min);
    assert_nan(sum.max);
    assert_nan(sum.pass_rate);
    assert_nan(sum.excellent_rate);
    assert_int_equal(zj_scores_summarize(NULL, 0, 60, 85, &sum, &e), ZJ_OK);
    assert_int_equal(sum.valid + sum.missing, 0);
    assert_nan(sum.mean);
    assert_int_equal(zj_scores_summarize(one, 1, 60, 85, &sum, &e), ZJ_OK);
    assert_close(sum.mean, 70, 0);
    assert_nan(sum.sd);   /* R: sd(70) is NA */
    assert_close(sum.pass_rate, 1, 0);
    assert_int_equal(zj_scores_summarize(close, 3, 60, 85, &sum, &e), ZJ_OK);
    assert_close(sum.sd, 1, 1e-12);
}

static void test_scores_errors(void **state)
{
    const double s[] = { 70, INFINITY, 80 };
    zj_score_summary sum;
    zj_error e;

    (void)state;
    assert_arg_error(zj_scores_summarize(s, 3, 60, 85, &sum, &e), &e,
                     "scores[1]");
    assert_arg_error(zj_scores_summarize(s, 1, 90, 85, &sum, &e), &e,
                     "excellent_mark");
    assert_arg_error(zj_scores_summarize(s, 1, INFINITY, 85, &sum, &e), &e,
                     "pass_mark");
    assert_arg_error(zj_scores_summarize(NULL, 2, 60, 85, &sum, &e), &e,
                     "scores");
    assert_arg_error(zj_scores_summarize(s, 1, 60, 85, NULL, &e), &e, "out");
}

/* ---- ratios ------------------------------------------------------------ */

static void test_ratios(void **state)
{
    zj_progression pr;
    double r;
    zj_error e;

    (void)state;
    assert_int_equal(zj_completion_rate(3138, 3000, &r, &e), ZJ_OK);
    assert_close(r, 1.046, 1e-15);   /* over-enrolment is allowed */
    assert_int_equal(zj_completion_rate(0, 10, &r, &e), ZJ_OK);
    assert_close(r, 0, 0);
    assert_arg_error(zj_completion_rate(10, 0, &r, &e), &e, "plan");
    assert_arg_error(zj_completion_rate(96.5, 100, &r, &e), &e, "actual");
    assert_arg_error(zj_completion_rate(1, 1, NULL, &e), &e, "out");

    assert_int_equal(zj_progression_rates(400, 150, 50, &pr, &e), ZJ_OK);
    assert_close(pr.graduates, 400, 0);
    assert_close(pr.to_zhuanke, 150, 0);
    assert_close(pr.to_benke, 50, 0);
    assert_close(pr.zhuanke_rate, 0.375, 0);
    assert_close(pr.benke_rate, 0.125, 0);
    assert_close(pr.total_rate, 0.5, 0);
    assert_int_equal(zj_progression_rates(10, 4, 6, &pr, &e), ZJ_OK);
    assert_close(pr.total_rate, 1, 0);
    assert_arg_error(zj_progression_rates(10, 5, 6, &pr, &e), &e,
                     "to_benke");
    assert_non_null(strstr(e.message_en, "graduates"));
    assert_arg_error(zj_progression_rates(0, 0, 0, &pr, &e), &e,
                     "graduates");
    assert_arg_error(zj_progression_rates(10, -1, 0, &pr, &e), &e,
                     "to_zhuanke");
    assert_arg_error(zj_progression_rates(10, 1, NAN, &pr, &e), &e,
                     "to_benke");

    assert_int_equal(zj_transfer_rate(45, 50, &r, &e), ZJ_OK);
    assert_close(r, 0.9, 1e-15);
    assert_arg_error(zj_transfer_rate(51, 50, &r, &e), &e, "transferred");
    assert_arg_error(zj_transfer_rate(5, 0, &r, &e), &e, "cohort");
    assert_arg_error(zj_transfer_rate(5, 10.5, &r, &e), &e, "cohort");
}

/* ---- composites -------------------------------------------------------- */

static void test_composite(void **state)
{
    /* The 30/30/10/30 转段 evaluation. */
    const double w[] = { 0.3, 0.3, 0.1, 0.3 };
    const double s[] = { 80, 90, 100, 70 };
    const double rows[] = { 80, 90, 100, 70,
                            60, NAN, 60, 60,
                            100, 100, 100, 100 };
    double out[3], r;
    zj_code status[3];
    zj_error e;

    (void)state;
    assert_int_equal(zj_composite(s, w, 4, &r, &e), ZJ_OK);
    assert_close(r, 82, 1e-12);
    assert_int_equal(zj_composite_batch(rows, 3, w, 4, out, status, &e),
                     ZJ_OK);
    assert_int_equal(status[0], ZJ_OK);
    assert_close(out[0], 82, 1e-12);
    assert_int_equal(status[1], ZJ_ERR_ARG);
    assert_nan(out[1]);
    assert_int_equal(status[2], ZJ_OK);
    assert_close(out[2], 100, 1e-12);
    assert_int_equal(zj_composite_batch(NULL, 0, w, 4, NULL, NULL, &e),
                     ZJ_OK);
}

static void test_composite_errors(void **state)
{
    const double pct[] = { 30, 30, 10, 30 };
    const double short_w[] = { 0.3, 0.3, 0.3 };
    const double neg[] = { 0.5, -0.1, 0.6 };
    const double w[] = { 0.3, 0.3, 0.1, 0.3 };
    const double s[] = { 80, 90, NAN, 70 };
    double out[1], r;
    zj_code status[1];
    zj_error e;

    (void)state;
    assert_arg_error(zj_composite(s, pct, 4, &r, &e), &e, "weights");
    assert_non_null(strstr(e.message_en, "100"));   /* names the sum */
    assert_arg_error(zj_composite(s, short_w, 3, &r, &e), &e, "weights");
    assert_non_null(strstr(e.message_en, "0.9"));
    assert_arg_error(zj_composite(s, neg, 3, &r, &e), &e, "weights[1]");
    assert_arg_error(zj_composite(s, w, 4, &r, &e), &e, "scores[2]");
    assert_arg_error(zj_composite(s, w, 0, &r, &e), &e, "weights");
    assert_arg_error(zj_composite(NULL, w, 4, &r, &e), &e, "scores");
    assert_arg_error(zj_composite_batch(s, 1, pct, 4, out, status, &e), &e,
                     "weights");
    assert_arg_error(zj_composite_batch(s, 1, w, 4, out, NULL, &e), &e,
                     "status");
}

/* ---- grades ------------------------------------------------------------ */

static void test_grade_labels(void **state)
{
    static const char *const want[] = { "A+", "A", "A-", "B+", "B", "B-",
                                        "C+", "C", "C-" };

    (void)state;
    for (size_t i = 0; i < ZJ_GRADE_SCALE_SIZE; i++)
        assert_string_equal(zj_grade_label(i), want[i]);
    assert_null(zj_grade_label(ZJ_GRADE_SCALE_SIZE));
}

static void test_grade_distribution(void **state)
{
    const char *const grades[] = { "A+", " B ", "B", "C-", "", NULL, "A",
                                   "A-" };
    const char *const concl[] = { "通过", "通过", "黄牌，限期整改", "黄牌",
                                  NULL, " ", "黄牌,限期整改", "通过" };
    zj_grade_distribution d;
    zj_error e;

    (void)state;
    assert_int_equal(zj_grade_distribution_count(grades, concl, 8, &d, &e),
                     ZJ_OK);
    assert_int_equal(d.total, 8);
    assert_int_equal(d.counts[0], 1);   /* A+ */
    assert_int_equal(d.counts[1], 1);   /* A */
    assert_int_equal(d.counts[2], 1);   /* A- */
    assert_int_equal(d.counts[4], 2);   /* B, one with blanks */
    assert_int_equal(d.counts[8], 1);   /* C- */
    assert_int_equal(d.passed, 3);
    assert_int_equal(d.yellow, 3);
    /* Rows 4 and 5 have neither a grade nor a conclusion. */
    assert_int_equal(d.missing, 2);
    assert_close(d.pass_share, 0.5, 0);

    /* One column only. */
    assert_int_equal(zj_grade_distribution_count(grades, NULL, 8, &d, &e),
                     ZJ_OK);
    assert_int_equal(d.passed + d.yellow, 0);
    assert_int_equal(d.missing, 2);
    assert_nan(d.pass_share);
    assert_int_equal(zj_grade_distribution_count(NULL, concl, 8, &d, &e),
                     ZJ_OK);
    assert_int_equal(d.missing, 2);
    assert_close(d.pass_share, 0.5, 0);
    assert_int_equal(zj_grade_distribution_count(NULL, NULL, 0, &d, &e),
                     ZJ_OK);
    assert_int_equal(d.total, 0);
}

static void test_grade_errors(void **state)
{
    const char *const grades[] = { "A", "B十" };
    const char *const ok_grades[] = { "A", "B" };
    const char *const concl[] = { "通过", "不通过" };
    const char *const junk[] = { "A", "\xff\xfe" };
    zj_grade_distribution d;
    zj_error e;

    (void)state;
    assert_arg_error(zj_grade_distribution_count(grades, NULL, 2, &d, &e),
                     &e, "grades[1]");
    assert_non_null(strstr(e.message_zh, "B十"));
    assert_arg_error(zj_grade_distribution_count(ok_grades, concl, 2, &d,
                                                 &e), &e, "conclusions[1]");
    assert_arg_error(zj_grade_distribution_count(junk, NULL, 2, &d, &e), &e,
                     "grades[1]");
    assert_null(strstr(e.message_en, "\xff"));
    assert_arg_error(zj_grade_distribution_count(NULL, NULL, 2, &d, &e), &e,
                     "grades");
    assert_arg_error(zj_grade_distribution_count(ok_grades, NULL, 2, NULL,
                                                 &e), &e, "out");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pooled),
        cmocka_unit_test(test_pooled_errors),
        cmocka_unit_test(test_difference),
        cmocka_unit_test(test_difference_errors),
        cmocka_unit_test(test_scores),
        cmocka_unit_test(test_scores_degenerate),
        cmocka_unit_test(test_scores_errors),
        cmocka_unit_test(test_ratios),
        cmocka_unit_test(test_composite),
        cmocka_unit_test(test_composite_errors),
        cmocka_unit_test(test_grade_labels),
        cmocka_unit_test(test_grade_distribution),
        cmocka_unit_test(test_grade_errors),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
