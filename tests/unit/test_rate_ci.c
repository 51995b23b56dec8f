/* test_rate_ci.c — rates and their intervals against R.
 *
 * tests/data/rate_reference.csv and rate_diff_reference.csv are written by
 * tests/r/gen-rate-reference.R from R's own prop.test / binom.test and
 * textbook formulas, never from our code; every row must agree to 1e-9.
 * The files are plain numeric CSV, read here with stdio and strtod so the
 * check does not depend on the library's CSV reader. */
#include <string.h>

#include "testutil.h"

#define REF_TOL 1e-9
#define MAX_FIELDS 12

/* Splits line (modified in place) at commas; returns the field count. */
static int split_csv(char *line, char **fields, int max)
{
    int n = 0;
    char *p = line;

    line[strcspn(line, "\r\n")] = '\0';
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, ',');
        if (!p)
            break;
        *p++ = '\0';
    }
    return n;
}

static double num(const char *s)
{
    char *end;
    double v = strtod(s, &end);

    assert_true(end != s && *end == '\0');
    return v;
}

/* Equal within tol, or both NaN; records the largest difference seen. */
static void check_ref(const char *what, long line, double got, double want,
                      double *max_diff)
{
    if (isnan(want)) {
        if (!isnan(got)) {
            print_error("line %ld %s: got %.17g, expected NaN\n", line,
                        what, got);
            fail();
        }
        return;
    }
    if (!(fabs(got - want) <= REF_TOL)) {
        print_error("line %ld %s: got %.17g, expected %.17g\n", line, what,
                    got, want);
        fail();
    }
    if (fabs(got - want) > *max_diff)
        *max_diff = fabs(got - want);
}

static FILE *open_ref(const char *name, const char *header)
{
    char rel[128], line[512];
    FILE *f;

    snprintf(rel, sizeof rel, "tests/data/%s", name);
    f = fopen(zj_test_path(rel), "r");
    if (!f) {
        print_error("cannot open %s\n", zj_test_path(rel));
        fail();
    }
    assert_non_null(fgets(line, sizeof line, f));
    line[strcspn(line, "\r\n")] = '\0';
    assert_string_equal(line, header);
    return f;
}

static void test_reference_intervals(void **state)
{
    char line[512], *fld[MAX_FIELDS];
    long lineno = 1, rows = 0;
    int seen[ZJ_CI_WALD + 1] = { 0 };
    double max_diff = 0;
    FILE *f = open_ref("rate_reference.csv", "method,x,n,conf,lower,upper");

    (void)state;
    while (fgets(line, sizeof line, f)) {
        zj_ci_method m;
        zj_rate r;
        zj_error e;

        lineno++;
        assert_int_equal(split_csv(line, fld, MAX_FIELDS), 6);
        assert_int_equal(zj_ci_method_parse(fld[0], &m, &e), ZJ_OK);
        assert_int_equal(zj_rate_ci(num(fld[1]), num(fld[2]), num(fld[3]),
                                    m, &r, &e), ZJ_OK);
        check_ref("lower", lineno, r.lower, num(fld[4]), &max_diff);
        check_ref("upper", lineno, r.upper, num(fld[5]), &max_diff);
        seen[m]++;
        rows++;
    }
    fclose(f);
    /* The grid has about 1800 rows; far fewer means a truncated file. */
    assert_true(rows >= 1500);
    for (int i = 0; i <= ZJ_CI_WALD; i++)
        assert_true(seen[i] > 0);
    print_message("rate_reference.csv: %ld rows, max |diff| %.3g\n", rows,
                  max_diff);
}

static void test_reference_differences(void **state)
{
    char line[512], *fld[MAX_FIELDS];
    long lineno = 1, rows = 0;
    double max_diff = 0;
    FILE *f = open_ref("rate_diff_reference.csv",
                       "x1,n1,x2,n2,conf,correct,lower,upper,statistic,"
                       "p_value");

    (void)state;
    while (fgets(line, sizeof line, f)) {
        zj_rate_diff d;
        zj_error e;

        lineno++;
        assert_int_equal(split_csv(line, fld, MAX_FIELDS), 10);
        assert_int_equal(zj_rate_difference(num(fld[0]), num(fld[1]),
                                            num(fld[2]), num(fld[3]),
                                            num(fld[4]), (int)num(fld[5]),
                                            &d, &e), ZJ_OK);
        check_ref("lower", lineno, d.lower, num(fld[6]), &max_diff);
        check_ref("upper", lineno, d.upper, num(fld[7]), &max_diff);
        check_ref("statistic", lineno, d.statistic, num(fld[8]), &max_diff);
        check_ref("p_value", lineno, d.p_value, num(fld[9]), &max_diff);
        rows++;
    }
    fclose(f);
    assert_true(rows >= 100);
    print_message("rate_diff_reference.csv: %ld rows, max |diff| %.3g\n",
                  rows, max_diff);
}

/* ---- edges ------------------------------------------------------------- */

static zj_rate rate(double x, double n, double conf, zj_ci_method m)
{
    zj_rate r;
    zj_error e;

    assert_int_equal(zj_rate_ci(x, n, conf, m, &r, &e), ZJ_OK);
    return r;
}

static void test_edges(void **state)
{
    (void)state;
    for (int m = 0; m <= ZJ_CI_WALD; m++) {
        zj_rate r = rate(0, 30, 0.95, (zj_ci_method)m);

        assert_close(r.estimate, 0, 0);
        assert_close(r.lower, 0, 0);
        assert_true(r.upper >= 0 && r.upper <= 1);

        r = rate(30, 30, 0.95, (zj_ci_method)m);
        assert_close(r.estimate, 1, 0);
        assert_close(r.upper, 1, 0);
        assert_true(r.lower >= 0 && r.lower <= 1);

        /* n = 1 and the extreme levels: a proper interval around x/n,
         * wider at 0.999 than at 0.5. */
        for (double x = 0; x <= 1; x++) {
            zj_rate lo = rate(x, 1, 0.5, (zj_ci_method)m);
            zj_rate hi = rate(x, 1, 0.999, (zj_ci_method)m);

            assert_true(lo.lower <= lo.estimate && lo.estimate <= lo.upper);
            assert_true(hi.lower <= lo.lower && lo.upper <= hi.upper);
            assert_true(hi.lower >= 0 && hi.upper <= 1);
            assert_int_equal(hi.method, m);
            assert_close(hi.conf, 0.999, 0);
            assert_close(hi.x, x, 0);
            assert_close(hi.n, 1, 0);
        }
    }
    /* Wald is degenerate at the ends, as documented. */
    zj_rate w = rate(0, 10, 0.95, ZJ_CI_WALD);
    assert_close(w.upper, 0, 0);
    /* Wilson-cc at x = n/2: R's cap min(0.5, |x - n/2|) makes the
     * correction 0, so it equals plain Wilson. */
    zj_rate a = rate(5, 10, 0.95, ZJ_CI_WILSON);
    zj_rate b = rate(5, 10, 0.95, ZJ_CI_WILSON_CC);
    assert_close(a.lower, b.lower, 0);
    assert_close(a.upper, b.upper, 0);
    /* The published 3138 / 3953, R prop.test(3138, 3953, correct = FALSE). */
    zj_rate p = rate(3138, 3953, 0.95, ZJ_CI_DEFAULT);
    assert_close(p.estimate, 3138.0 / 3953.0, 0);
    assert_true(p.lower < p.estimate && p.estimate < p.upper);
}

/* ---- errors ------------------------------------------------------------ */

static void expect_rate_error(double x, double n, double conf, int method,
                              const char *arg)
{
    zj_rate r;
    zj_error e;

    zj_error_clear(&e);
    assert_arg_error(zj_rate_ci(x, n, conf, (zj_ci_method)method, &r, &e),
                     &e, arg);
    assert_nan(r.estimate);
    assert_nan(r.lower);
    assert_nan(r.upper);
}

static void test_errors(void **state)
{
    zj_error e;

    (void)state;
    expect_rate_error(NAN, 10, 0.95, ZJ_CI_WILSON, "x");
    expect_rate_error(INFINITY, 10, 0.95, ZJ_CI_WILSON, "x");
    expect_rate_error(-1, 10, 0.95, ZJ_CI_WILSON, "x");
    expect_rate_error(1.5, 10, 0.95, ZJ_CI_WILSON, "x");
    expect_rate_error(11, 10, 0.95, ZJ_CI_WILSON, "x");
    expect_rate_error(0, 0, 0.95, ZJ_CI_WILSON, "n");
    expect_rate_error(0, NAN, 0.95, ZJ_CI_WILSON, "n");
    expect_rate_error(0, -INFINITY, 0.95, ZJ_CI_WILSON, "n");
    expect_rate_error(1, 2.25, 0.95, ZJ_CI_JEFFREYS, "n");
    expect_rate_error(1, 18014398509481984.0, 0.95, ZJ_CI_WILSON, "n");
    expect_rate_error(1, 10, 0, ZJ_CI_WILSON, "conf");
    expect_rate_error(1, 10, 1, ZJ_CI_WILSON, "conf");
    expect_rate_error(1, 10, -0.5, ZJ_CI_WILSON, "conf");
    expect_rate_error(1, 10, 95, ZJ_CI_WILSON, "conf");
    expect_rate_error(1, 10, NAN, ZJ_CI_WILSON, "conf");
    expect_rate_error(1, 10, 0.95, 6, "method");
    expect_rate_error(1, 10, 0.95, -1, "method");
    assert_arg_error(zj_rate_ci(1, 10, 0.95, ZJ_CI_WILSON, NULL, &e), &e,
                     "out");
    /* A NULL err is allowed. */
    assert_int_equal(zj_rate_ci(2, 1, 0.95, ZJ_CI_WILSON, NULL, NULL),
                     ZJ_ERR_ARG);
}

/* ---- batch ------------------------------------------------------------- */

static void test_batch(void **state)
{
    const double x[] = { 3138, 5, 1.5, 8388, 0, 7 };
    const double n[] = { 3953, 0, 3, 8830, 1, 3 };
    const zj_code want[] = { ZJ_OK, ZJ_ERR_ARG, ZJ_ERR_ARG, ZJ_OK, ZJ_OK,
                             ZJ_ERR_ARG };
    zj_rate out[6];
    zj_code status[6];
    zj_error e;

    (void)state;
    assert_int_equal(zj_rate_ci_batch(x, n, 6, 0.9, ZJ_CI_CLOPPER_PEARSON,
                                       out, status, &e), ZJ_OK);
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(status[i], want[i]);
        assert_close(out[i].x, x[i], 0);
        assert_close(out[i].n, n[i], 0);
        if (want[i] == ZJ_OK) {
            /* A bad neighbour does not change a good element. */
            zj_rate one = rate(x[i], n[i], 0.9, ZJ_CI_CLOPPER_PEARSON);
            assert_close(out[i].lower, one.lower, 0);
            assert_close(out[i].upper, one.upper, 0);
            assert_close(out[i].estimate, one.estimate, 0);
        } else {
            assert_nan(out[i].estimate);
            assert_nan(out[i].lower);
            assert_nan(out[i].upper);
        }
    }
    /* Call-level errors. */
    assert_arg_error(zj_rate_ci_batch(x, n, 6, 1.5, ZJ_CI_WILSON, out,
                                      status, &e), &e, "conf");
    assert_arg_error(zj_rate_ci_batch(x, n, 6, 0.95, (zj_ci_method)42, out,
                                      status, &e), &e, "method");
    assert_arg_error(zj_rate_ci_batch(NULL, n, 6, 0.95, ZJ_CI_WILSON, out,
                                      status, &e), &e, "x");
    assert_arg_error(zj_rate_ci_batch(x, NULL, 6, 0.95, ZJ_CI_WILSON, out,
                                      status, &e), &e, "n");
    assert_arg_error(zj_rate_ci_batch(x, n, 6, 0.95, ZJ_CI_WILSON, NULL,
                                      status, &e), &e, "out");
    assert_arg_error(zj_rate_ci_batch(x, n, 6, 0.95, ZJ_CI_WILSON, out,
                                      NULL, &e), &e, "status");
    /* Nothing to do is not an error, even without arrays. */
    assert_int_equal(zj_rate_ci_batch(NULL, NULL, 0, 0.95, ZJ_CI_WILSON,
                                      NULL, NULL, &e), ZJ_OK);
}

/* ---- method names ------------------------------------------------------ */

static void test_method_names(void **state)
{
    zj_ci_method m;
    zj_error e;

    (void)state;
    for (int i = 0; i <= ZJ_CI_WALD; i++) {
        const char *name = zj_ci_method_name((zj_ci_method)i);

        assert_int_equal(zj_ci_method_parse(name, &m, &e), ZJ_OK);
        assert_int_equal(m, i);
    }
    assert_string_equal(zj_ci_method_name(ZJ_CI_WILSON), "wilson");
    assert_string_equal(zj_ci_method_name(ZJ_CI_WILSON_CC), "wilson-cc");
    assert_string_equal(zj_ci_method_name(ZJ_CI_CLOPPER_PEARSON),
                        "clopper-pearson");
    assert_string_equal(zj_ci_method_name(ZJ_CI_AGRESTI_COULL),
                        "agresti-coull");
    assert_string_equal(zj_ci_method_name(ZJ_CI_JEFFREYS), "jeffreys");
    assert_string_equal(zj_ci_method_name(ZJ_CI_WALD), "wald");
    assert_string_equal(zj_ci_method_name((zj_ci_method)99), "unknown");
    assert_int_equal(zj_ci_method_parse("Exact", &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_CI_CLOPPER_PEARSON);
    assert_int_equal(zj_ci_method_parse("WILSON-CC", &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_CI_WILSON_CC);
    assert_arg_error(zj_ci_method_parse("score", &m, &e), &e, "name");
    assert_non_null(strstr(e.message_en, "score"));
    assert_arg_error(zj_ci_method_parse("wilson ", &m, &e), &e, "name");
    assert_arg_error(zj_ci_method_parse("", &m, &e), &e, "name");
    assert_arg_error(zj_ci_method_parse(NULL, &m, &e), &e, "name");
    /* Bytes that are not UTF-8 are not copied into the message. */
    assert_arg_error(zj_ci_method_parse("\xff\xfe", &m, &e), &e, "name");
    assert_null(strstr(e.message_en, "\xff"));
    assert_arg_error(zj_ci_method_parse("wald", NULL, &e), &e, "out");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reference_intervals),
        cmocka_unit_test(test_reference_differences),
        cmocka_unit_test(test_edges),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_batch),
        cmocka_unit_test(test_method_names),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
