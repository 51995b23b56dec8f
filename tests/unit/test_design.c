/* test_design.c — census, finite-population and clustered rates against R.
 *
 * tests/data/cluster_reference.csv and fpc_reference.csv are written by
 * tests/r/gen-design-reference.R with survey::svyciprop, t.test and
 * prop.test, never from our code; every row must agree to 1e-9. */
#include <string.h>

#include "testutil.h"

#define REF_TOL 1e-9
#define MAX_FIELDS 16
#define MAX_SCHOOLS 64

static int split(char *line, char **fields, int max, char sep)
{
    int n = 0;
    char *p = line;

    line[strcspn(line, "\r\n")] = '\0';
    while (n < max) {
        fields[n++] = p;
        p = strchr(p, sep);
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

static void near(const char *what, long line, double got, double want)
{
    if (!(fabs(got - want) <= REF_TOL)) {
        print_error("line %ld %s: got %.17g, expected %.17g\n", line, what,
                    got, want);
        fail();
    }
}

static FILE *open_ref(const char *name, const char *header)
{
    char rel[128], line[4096];
    FILE *f;

    snprintf(rel, sizeof rel, "tests/data/%s", name);
    f = fopen(zj_test_path(rel), "r");
    assert_non_null(f);
    assert_non_null(fgets(line, sizeof line, f));
    line[strcspn(line, "\r\n")] = '\0';
    assert_string_equal(line, header);
    return f;
}

static void test_cluster_reference(void **state)
{
    char line[4096], *fld[MAX_FIELDS], *xs[MAX_SCHOOLS], *ns[MAX_SCHOOLS];
    double x[MAX_SCHOOLS], n[MAX_SCHOOLS];
    long lineno = 1, rows = 0;
    FILE *f = open_ref("cluster_reference.csv",
                       "case,conf,x,n,pooled,se,lower,upper,wald_lower,"
                       "wald_upper,mean,mean_lower,mean_upper");

    (void)state;
    while (fgets(line, sizeof line, f)) {
        zj_cluster_rates r;
        zj_error e;
        int m, m2, i;

        lineno++;
        assert_int_equal(split(line, fld, MAX_FIELDS, ','), 13);
        m = split(fld[2], xs, MAX_SCHOOLS, ';');
        m2 = split(fld[3], ns, MAX_SCHOOLS, ';');
        assert_int_equal(m, m2);
        for (i = 0; i < m; i++) {
            x[i] = num(xs[i]);
            n[i] = num(ns[i]);
        }
        zj_error_clear(&e);
        assert_int_equal(zj_rate_clustered(x, n, (size_t)m, num(fld[1]), &r, &e),
                         ZJ_OK);
        assert_int_equal(r.clusters, (size_t)m);
        near("pooled", lineno, r.pooled, num(fld[4]));
        near("se", lineno, r.pooled_se, num(fld[5]));
        near("lower", lineno, r.lower, num(fld[6]));
        near("upper", lineno, r.upper, num(fld[7]));
        near("wald_lower", lineno, r.wald_lower, num(fld[8]));
        near("wald_upper", lineno, r.wald_upper, num(fld[9]));
        near("mean", lineno, r.mean_of_rates, num(fld[10]));
        near("mean_lower", lineno, r.mean_lower, num(fld[11]));
        near("mean_upper", lineno, r.mean_upper, num(fld[12]));
        rows++;
    }
    fclose(f);
    assert_true(rows >= 18);
}

static void test_fpc_reference(void **state)
{
    char line[512], *fld[MAX_FIELDS];
    long lineno = 1, rows = 0;
    FILE *f = open_ref("fpc_reference.csv",
                       "x,n,N,conf,wald_lower,wald_upper,wilson_lower,"
                       "wilson_upper");

    (void)state;
    while (fgets(line, sizeof line, f)) {
        zj_rate_options o;
        zj_rate r;
        zj_error e;

        lineno++;
        assert_int_equal(split(line, fld, MAX_FIELDS, ','), 8);
        zj_rate_options_init(&o);
        o.design = ZJ_DESIGN_FINITE;
        o.population = num(fld[2]);
        o.conf = num(fld[3]);
        o.method = ZJ_CI_WALD;
        zj_error_clear(&e);
        assert_int_equal(zj_rate_ci_design(num(fld[0]), num(fld[1]), &o, &r, &e),
                         ZJ_OK);
        assert_int_equal(r.design, ZJ_DESIGN_FINITE);
        near("wald_lower", lineno, r.lower, num(fld[4]));
        near("wald_upper", lineno, r.upper, num(fld[5]));
        o.method = ZJ_CI_WILSON;
        assert_int_equal(zj_rate_ci_design(num(fld[0]), num(fld[1]), &o, &r, &e),
                         ZJ_OK);
        near("wilson_lower", lineno, r.lower, num(fld[6]));
        near("wilson_upper", lineno, r.upper, num(fld[7]));
        rows++;
    }
    fclose(f);
    assert_true(rows >= 20);
}

static void test_census(void **state)
{
    zj_rate_options o;
    zj_rate r, s;
    zj_error e;

    (void)state;
    zj_rate_options_init(&o);
    /* the default is the sample interval, identical to zj_rate_ci */
    assert_int_equal(zj_rate_ci_design(12, 53, &o, &r, &e), ZJ_OK);
    assert_int_equal(zj_rate_ci(12, 53, 0.95, ZJ_CI_WILSON, &s, &e), ZJ_OK);
    assert_int_equal(r.design, ZJ_DESIGN_SAMPLE);
    assert_true(r.lower == s.lower && r.upper == s.upper);
    assert_true(s.design == ZJ_DESIGN_SAMPLE);
    assert_true(sizeof(zj_rate) <= 56);   /* batches: the design costs no size */
    /* a census: the rate, no interval, N = n */
    o.design = ZJ_DESIGN_CENSUS;
    assert_int_equal(zj_rate_ci_design(12, 53, &o, &r, &e), ZJ_OK);
    assert_close(r.estimate, 12.0 / 53.0, 0);
    assert_true(isnan(r.lower) && isnan(r.upper));
    assert_string_equal(zj_design_name(r.design), "census");
    assert_non_null(strstr(zj_design_note_zh(r.design), "普查"));
    assert_non_null(strstr(zj_design_note_en(r.design), "no sampling error"));
    /* N = n under FINITE is a census too */
    o.design = ZJ_DESIGN_FINITE;
    o.population = 53;
    assert_int_equal(zj_rate_ci_design(12, 53, &o, &r, &e), ZJ_OK);
    assert_int_equal(r.design, ZJ_DESIGN_CENSUS);
    assert_true(isnan(r.lower));
    /* N < n, N missing: errors naming the population */
    o.population = 40;
    assert_int_equal(zj_rate_ci_design(12, 53, &o, &r, &e), ZJ_ERR_ARG);
    assert_string_equal(e.where, "argument population");
    assert_non_null(strstr(e.message_en, "smaller than the sample"));
    assert_true(isnan(r.estimate));
    o.population = NAN;
    assert_int_equal(zj_rate_ci_design(12, 53, &o, &r, &e), ZJ_ERR_ARG);
    assert_string_equal(e.where, "argument population");
}

static void test_design_batch_and_parse(void **state)
{
    const double x[] = {5, 11, 3}, n[] = {10, 10, 10}, N[] = {100, 200, 10};
    zj_rate_options o;
    zj_rate r[3];
    zj_code st[3];
    zj_design d;
    zj_error e;

    (void)state;
    zj_rate_options_init(&o);
    o.design = ZJ_DESIGN_FINITE;
    assert_int_equal(zj_rate_ci_design_batch(x, n, N, 3, &o, r, st, &e), ZJ_OK);
    assert_int_equal(st[0], ZJ_OK);
    assert_int_equal(st[1], ZJ_ERR_ARG);          /* x > n */
    assert_true(isnan(r[1].estimate));
    assert_int_equal(st[2], ZJ_OK);
    assert_int_equal(r[2].design, ZJ_DESIGN_CENSUS);
    assert_int_equal(r[0].design, ZJ_DESIGN_FINITE);
    assert_int_equal(zj_design_parse("Census", &d, &e), ZJ_OK);
    assert_int_equal(d, ZJ_DESIGN_CENSUS);
    assert_int_equal(zj_design_parse("普查样本", &d, &e), ZJ_ERR_ARG);
    assert_non_null(strstr(e.message_zh, "未知的抽样设计"));
    o.design = (zj_design)7;
    assert_int_equal(zj_rate_ci_design_batch(x, n, N, 3, &o, r, st, &e),
                     ZJ_ERR_ARG);
}

static void test_cluster_errors_and_match(void **state)
{
    const double x[] = {95, 190, 48}, n[] = {100, 200, 50};
    const double bad_x[] = {95, 201}, bad_n[] = {100, 200};
    const double px[] = {0, 0, 0}, pn[] = {10, 20, 30};
    zj_cluster_rates r;
    zj_published_match m;
    zj_error e;

    (void)state;
    assert_int_equal(zj_rate_clustered(x, n, 1, 0.95, &r, &e), ZJ_ERR_ARG);
    assert_non_null(strstr(e.message_en, "at least 2"));
    assert_int_equal(zj_rate_clustered(bad_x, bad_n, 2, 0.95, &r, &e), ZJ_ERR_ARG);
    assert_string_equal(e.where, "argument x[1]");
    /* pooled 333/350 = 95.142857%, mean of rates (95 + 95 + 96)/3 = 95.333% */
    assert_int_equal(zj_rate_clustered(x, n, 3, 0.95, &r, &e), ZJ_OK);
    assert_int_equal(zj_cluster_match(&r, 95.14, 2, &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_MATCH_POOLED);
    assert_int_equal(zj_cluster_match(&r, 95.33, 2, &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_MATCH_MEAN);
    assert_string_equal(zj_published_match_name(m), "mean");
    assert_int_equal(zj_cluster_match(&r, 95, 0, &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_MATCH_BOTH);
    assert_int_equal(zj_cluster_match(&r, 95.20, 2, &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_MATCH_NEITHER);
    assert_int_equal(zj_cluster_match(&r, 95.2, 9, &m, &e), ZJ_ERR_ARG);
    /* as printed: "95.30" has two decimals and misses the mean 95.333 */
    assert_int_equal(zj_cluster_match_text(&r, "95.3", &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_MATCH_MEAN);
    assert_int_equal(zj_cluster_match_text(&r, "95.30", &m, &e), ZJ_OK);
    assert_int_equal(m, ZJ_MATCH_NEITHER);
    assert_int_equal(zj_cluster_match_text(&r, "95,3", &m, &e), ZJ_ERR_ARG);
    assert_non_null(strstr(e.message_zh, "不是十进制数"));
    /* nobody satisfied anywhere: no spread, the binomial interval of 0/60 */
    assert_int_equal(zj_rate_clustered(px, pn, 3, 0.95, &r, &e), ZJ_OK);
    assert_close(r.pooled, 0, 0);
    assert_close(r.lower, 0, 0);
    assert_true(r.upper > 0 && r.upper < 0.1);
    assert_true(isnan(r.design_effect));
}

static void test_rate_change(void **state)
{
    zj_rate_diff a, b;
    zj_error e;

    (void)state;
    assert_int_equal(zj_rate_change(84, 100, 80, 100, ZJ_DESIGN_SAMPLE, 0.95, 1, &a, &e), ZJ_OK);
    assert_int_equal(zj_rate_difference(84, 100, 80, 100, 0.95, 1, &b, &e), ZJ_OK);
    assert_true(a.lower == b.lower && a.p_value == b.p_value);
    assert_int_equal(zj_rate_change(84, 100, 80, 100, ZJ_DESIGN_CENSUS, 0.95, 1, &a, &e), ZJ_OK);
    assert_close(a.diff, 0.04, 1e-15);
    assert_true(isnan(a.lower) && isnan(a.upper) && isnan(a.p_value));
    assert_int_equal(zj_rate_change(84, 100, 80, 100, ZJ_DESIGN_FINITE, 0.95, 1, &a, &e),
                     ZJ_ERR_ARG);
    assert_int_equal(zj_rate_change(101, 100, 80, 100, ZJ_DESIGN_CENSUS, 0.95, 1, &a, &e),
                     ZJ_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cluster_reference),
        cmocka_unit_test(test_fpc_reference),
        cmocka_unit_test(test_census),
        cmocka_unit_test(test_design_batch_and_parse),
        cmocka_unit_test(test_cluster_errors_and_match),
        cmocka_unit_test(test_rate_change),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
