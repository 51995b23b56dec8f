/* test_audit.c — sum, component and percentage audits. */
#include <string.h>

#include "testutil.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static const zj_finding *find_kind(const zj_findings *f, zj_finding_kind k,
                                   size_t row)
{
    size_t i;

    for (i = 0; i < f->count; i++)
        if (f->items[i].kind == k && f->items[i].row == row)
            return &f->items[i];
    return NULL;
}

/* ---- sums ---------------------------------------------------------------- */

/* The 2023 plan, three levels (区 / 学校 / 专业), subtotal rows leaving
 * the lower keys blank, two cells left blank in the published table.
 * Row numbers are the CSV lines (the header is line 1). */
static const char *const plan_keys[] = {
    "",       "",       "",             /* 2  合计 */
    "东城区", "",       "",             /* 3  东城区 小计 */
    "东城区", "一职",   "",             /* 4  一职 小计 */
    "东城区", "一职",   "计算机应用",   /* 5 */
    "东城区", "一职",   "会计事务",     /* 6  blank: 60 */
    "东城区", "一职",   "数控技术",     /* 7 */
    "东城区", "二职",   "",             /* 8  二职 小计 */
    "东城区", "二职",   "护理",         /* 9 */
    "东城区", "二职",   "学前教育",     /* 10 */
    "西城区", "",       "",             /* 11 西城区 小计 */
    "西城区", "三职",   "",             /* 12 三职 小计 */
    "西城区", "三职",   "电子商务",     /* 13 */
    "西城区", "三职",   "物流",         /* 14 blank: 45 */
    "西城区", "三职",   "旅游",         /* 15 */
};

static double plan_values[] = {
    545,
    305,
    160, 40, NAN, 60,
    145, 80, 65,
    240,
    240, 120, NAN, 75,
};

static size_t plan_rows[] = { 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 };

static void test_plan_2023_derived(void **state)
{
    zj_findings f;
    zj_error err;
    const zj_finding *x;

    (void)state;
    zj_findings_init(&f);
    assert_int_equal(zj_audit_sums("gtpy_plan_2023", "places", plan_keys, 3,
                                   NULL, plan_values, plan_rows,
                                   N(plan_values), &f, &err), ZJ_OK);
    assert_int_equal(f.count, 2);
    /* In row order. */
    x = &f.items[0];
    assert_int_equal(x->kind, ZJ_FIND_DERIVED);
    assert_int_equal(x->row, 6);
    assert_close(x->expected, 60, 0);
    assert_nan(x->found);
    assert_string_equal(x->table, "gtpy_plan_2023");
    assert_string_equal(x->column, "places");
    assert_string_equal(x->message_zh, "表 gtpy_plan_2023 第 6 行 places：缺失；"
                        "由第 4 行的小计 160 推得应为 60");
    assert_string_equal(x->message_en, "table gtpy_plan_2023 row 6 column "
                        "places: missing; row 4 states the subtotal 160, "
                        "which implies 60");
    x = &f.items[1];
    assert_int_equal(x->kind, ZJ_FIND_DERIVED);
    assert_int_equal(x->row, 14);
    assert_close(x->expected, 45, 0);
    /* The input is untouched. */
    assert_nan(plan_values[4]);
    assert_nan(plan_values[12]);
    zj_findings_free(&f);
    zj_findings_free(&f);       /* twice is fine */
    assert_null(f.items);
    assert_int_equal(f.count, 0);
}

/* The derived cells count towards the outer totals: a wrong grand total
 * is caught even though two details were blank. */
static void test_plan_derived_used_outside(void **state)
{
    double v[N(plan_values)];
    zj_findings f = { NULL, 0, 0 };
    zj_error err;
    const zj_finding *x;

    (void)state;
    memcpy(v, plan_values, sizeof v);
    v[0] = 555;
    assert_int_equal(zj_audit_sums("gtpy_plan_2023", "places", plan_keys, 3,
                                   NULL, v, plan_rows, N(v), &f, &err),
                     ZJ_OK);
    assert_int_equal(f.count, 3);
    x = find_kind(&f, ZJ_FIND_SUM_MISMATCH, 2);
    assert_non_null(x);
    assert_close(x->expected, 545, 0);
    assert_close(x->found, 555, 0);
    assert_string_equal(x->message_zh, "表 gtpy_plan_2023 第 2 行 places：明细合计 545，合计为 555");
    assert_string_equal(x->message_en, "table gtpy_plan_2023 row 2 column "
                        "places: details add up to 545, the total states 555");
    /* Row order: the total row comes first. */
    assert_int_equal(f.items[0].row, 2);
    zj_findings_free(&f);
}

static void test_sum_mismatch_message(void **state)
{
    static const char *const keys[] = {
        "海淀区", "",
        "海淀区", "计算机",
        "海淀区", "会计",
        "海淀区", "护理",
    };
    double v[] = { 420, 160, 120, 80 };
    size_t rows[] = { 14, 15, 16, 17 };
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    assert_int_equal(zj_audit_sums("gtpy_plan_2023", "places", keys, 2, NULL,
                                   v, rows, 4, &f, &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_SUM_MISMATCH);
    assert_int_equal(f.items[0].row, 14);
    assert_close(f.items[0].expected, 360, 0);
    assert_close(f.items[0].found, 420, 0);
    assert_string_equal(f.items[0].message_zh,
                        "表 gtpy_plan_2023 第 14 行 places：明细合计 360，小计为 420");
    assert_string_equal(f.items[0].message_en,
                        "table gtpy_plan_2023 row 14 column places: details "
                        "add up to 360, the subtotal states 420");
    zj_findings_free(&f);
}

static void test_orphans_and_unresolved(void **state)
{
    static const char *const keys[] = {
        "",   "",       /* 1 total, missing */
        "甲", "",       /* 2 subtotal with no details */
        "乙", "",       /* 3 subtotal 100 */
        "乙", "a",      /* 4 missing */
        "乙", "b",      /* 5 missing */
        "乙", "c",      /* 6 40 */
        "丙", "x",      /* 7 missing; under the total only */
    };
    double v[] = { NAN, 50, 100, NAN, NAN, 40, NAN };
    zj_findings f = { NULL, 0, 0 };
    zj_error err;
    const zj_finding *x;

    (void)state;
    assert_int_equal(zj_audit_sums("t", "n", keys, 2, NULL, v, NULL, 7, &f,
                                   &err), ZJ_OK);
    /* 1 unresolved total, 2 orphan, 4 5 7 unresolved details */
    assert_int_equal(f.count, 5);
    x = find_kind(&f, ZJ_FIND_ORPHAN_TOTAL, 2);
    assert_non_null(x);
    assert_close(x->found, 50, 0);
    assert_nan(x->expected);
    assert_non_null(strstr(x->message_en, "no detail rows"));
    x = find_kind(&f, ZJ_FIND_UNRESOLVED, 1);
    assert_non_null(x);
    assert_nan(x->found);
    assert_nan(x->expected);    /* its details are not all known */
    x = find_kind(&f, ZJ_FIND_UNRESOLVED, 4);
    assert_non_null(x);
    assert_non_null(strstr(x->message_en, "row 3 has 2 missing details"));
    assert_non_null(find_kind(&f, ZJ_FIND_UNRESOLVED, 5));
    x = find_kind(&f, ZJ_FIND_UNRESOLVED, 7);
    assert_non_null(x);
    assert_non_null(strstr(x->message_en, "and so is the total on row 1"));
    zj_findings_free(&f);

    /* A missing aggregate whose details are known: expected = their sum. */
    {
        static const char *const k2[] = { "", "a", "b" };
        double v2[] = { NAN, 3, 4 };
        zj_row_kind kinds[] = { ZJ_ROW_TOTAL, ZJ_ROW_DETAIL, ZJ_ROW_DETAIL };

        assert_int_equal(zj_audit_sums("t", "n", k2, 1, kinds, v2, NULL, 3,
                                       &f, &err), ZJ_OK);
        assert_int_equal(f.count, 1);
        assert_int_equal(f.items[0].kind, ZJ_FIND_UNRESOLVED);
        assert_close(f.items[0].expected, 7, 0);
        assert_string_equal(f.items[0].message_en,
                            "table t row 1 column n: the total is missing; "
                            "its details add up to 7");
        zj_findings_free(&f);
    }
    /* A missing detail that no aggregate covers. */
    {
        static const char *const k3[] = { "a", "b" };
        double v3[] = { 1, NAN };

        assert_int_equal(zj_audit_sums("t", "n", k3, 1, NULL, v3, NULL, 2,
                                       &f, &err), ZJ_OK);
        assert_int_equal(f.count, 1);
        assert_int_equal(f.items[0].kind, ZJ_FIND_UNRESOLVED);
        assert_int_equal(f.items[0].row, 2);
        zj_findings_free(&f);
    }
}

/* Without kinds a row with a blank key is an aggregate; with kinds the
 * caller decides.  Cells that only say 合计 / 小计 count as blank. */
static void test_inferred_and_explicit_kinds(void **state)
{
    static const char *const keys[] = {
        "合计", "",
        "A",    "小计",
        "A",    "x",
        "A",    "y",
        "B",    "z",
    };
    double v[] = { 10, 7, 3, 4, 3 };
    zj_row_kind kinds[] = { ZJ_ROW_TOTAL, ZJ_ROW_SUBTOTAL, ZJ_ROW_DETAIL,
                            ZJ_ROW_DETAIL, ZJ_ROW_DETAIL };
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    assert_int_equal(zj_audit_sums("t", "n", keys, 2, NULL, v, NULL, 5, &f,
                                   &err), ZJ_OK);
    assert_int_equal(f.count, 0);
    assert_int_equal(zj_audit_sums("t", "n", keys, 2, kinds, v, NULL, 5, &f,
                                   &err), ZJ_OK);
    assert_int_equal(f.count, 0);
    /* Marked as a detail, the "B" row is one; marked as a subtotal, it
     * has nothing under it. */
    kinds[4] = ZJ_ROW_SUBTOTAL;
    assert_int_equal(zj_audit_sums("t", "n", keys, 2, kinds, v, NULL, 5, &f,
                                   &err), ZJ_OK);
    assert_int_equal(f.count, 2);
    assert_non_null(find_kind(&f, ZJ_FIND_ORPHAN_TOTAL, 5));
    assert_non_null(find_kind(&f, ZJ_FIND_SUM_MISMATCH, 1));
    zj_findings_free(&f);
    /* Keys are compared after trimming, ideographic space included. */
    {
        static const char *const k2[] = { " A\xE3\x80\x80", "", "A", "x" };
        double v2[] = { 5, 6 };

        assert_int_equal(zj_audit_sums("t", "n", k2, 2, NULL, v2, NULL, 2,
                                       &f, &err), ZJ_OK);
        assert_int_equal(f.count, 1);
        assert_int_equal(f.items[0].kind, ZJ_FIND_SUM_MISMATCH);
        zj_findings_free(&f);
    }
}

static void test_tolerance(void **state)
{
    static const char *const keys[] = { "", "a", "b", "c" };
    double v[] = { 0.6, 0.1, 0.2, 0.3 };
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    assert_int_equal(zj_audit_sums("t", "n", keys, 1, NULL, v, NULL, 4, &f,
                                   &err), ZJ_OK);
    assert_int_equal(f.count, 0);
    v[0] = 0.6000001;
    assert_int_equal(zj_audit_sums("t", "n", keys, 1, NULL, v, NULL, 4, &f,
                                   &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    zj_findings_free(&f);
}

static void test_sums_bad_args(void **state)
{
    static const char *const keys[] = { "", "a" };
    double v[] = { 1, 1 }, vi[] = { 1, INFINITY };
    zj_row_kind bad[] = { ZJ_ROW_TOTAL, (zj_row_kind)7 };
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    assert_int_equal(zj_audit_sums("t", "n", keys, 1, NULL, v, NULL, 2, NULL,
                                   &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "argument out");
    assert_true(err.message_zh[0] && err.message_en[0]);
    assert_int_equal(zj_audit_sums(NULL, "n", keys, 1, NULL, v, NULL, 2, &f,
                                   &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_sums("t", NULL, keys, 1, NULL, v, NULL, 2, &f,
                                   &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_sums("t", "n", NULL, 1, NULL, v, NULL, 2, &f,
                                   &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "argument keys");
    assert_int_equal(zj_audit_sums("t", "n", keys, 1, NULL, NULL, NULL, 2,
                                   &f, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_sums("t", "n", keys, 1, bad, v, NULL, 2, &f,
                                   &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_en, "kinds[1]"));
    assert_int_equal(zj_audit_sums("t", "n", keys, 1, NULL, vi, NULL, 2, &f,
                                   &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_en, "infinite"));
    assert_int_equal(zj_audit_sums("t\xFF", "n", keys, 1, NULL, v, NULL, 2,
                                   &f, &err), ZJ_ERR_ARG);
    assert_int_equal(f.count, 0);
    /* Nothing to audit is fine. */
    assert_int_equal(zj_audit_sums("t", "n", NULL, 0, NULL, NULL, NULL, 0, &f,
                                   &err), ZJ_OK);
    assert_int_equal(f.count, 0);
}

/* ---- components --------------------------------------------------------- */

static void test_components(void **state)
{
    static const char *const labels[] = { "应届", "三年内" };
    double parts[] = { 6815, 11191 };
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    assert_int_equal(zj_audit_components("report_figures_2024", "毕业生", 12,
                                         labels, parts, 2, 17520, &f, &err),
                     ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_SUM_MISMATCH);
    assert_close(f.items[0].expected, 18006, 0);
    assert_close(f.items[0].found, 17520, 0);
    assert_string_equal(f.items[0].message_zh,
                        "表 report_figures_2024 第 12 行 毕业生：各部分（应届 6815 + "
                        "三年内 11191）合计 18006，所述总数为 17520");
    assert_string_equal(f.items[0].message_en,
                        "table report_figures_2024 row 12 column 毕业生: the "
                        "parts (应届 6815 + 三年内 11191) add up to 18006, the "
                        "stated total is 17520");
    zj_findings_free(&f);

    parts[1] = 10705;
    assert_int_equal(zj_audit_components("r", "c", 1, labels, parts, 2,
                                         17520, &f, &err), ZJ_OK);
    assert_int_equal(f.count, 0);

    /* One blank: derived. */
    parts[1] = NAN;
    assert_int_equal(zj_audit_components("r", "c", 1, labels, parts, 2,
                                         17520, &f, &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_DERIVED);
    assert_close(f.items[0].expected, 10705, 0);
    assert_nan(f.items[0].found);
    assert_string_equal(f.items[0].message_en,
                        "table r row 1 column c: 三年内 is missing; the total "
                        "17520 implies 10705");
    zj_findings_free(&f);

    /* Two blanks, no labels: unresolved. */
    parts[0] = NAN;
    assert_int_equal(zj_audit_components("r", "c", 1, NULL, parts, 2, 17520,
                                         &f, &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_UNRESOLVED);
    assert_close(f.items[0].found, 17520, 0);
    zj_findings_free(&f);

    /* The total blank: its parts say what it should be. */
    parts[0] = 6815;
    parts[1] = 10705;
    assert_int_equal(zj_audit_components("r", "c", 0, labels, parts, 2, NAN,
                                         &f, &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_UNRESOLVED);
    assert_close(f.items[0].expected, 17520, 0);
    /* row 0 is the whole table */
    assert_string_equal(f.items[0].message_en,
                        "table r column c: the stated total is missing; the "
                        "parts (应届 6815 + 三年内 10705) add up to 17520");
    zj_findings_free(&f);
}

static void test_components_count(void **state)
{
    double ones[74];
    size_t i;
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    for (i = 0; i < N(ones); i++)
        ones[i] = 1;
    assert_int_equal(zj_audit_components("majors_new_2024", "专业", 3, NULL,
                                         ones, 74, 75, &f, &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_COUNT_MISMATCH);
    assert_close(f.items[0].expected, 74, 0);
    assert_close(f.items[0].found, 75, 0);
    assert_non_null(strstr(f.items[0].message_en, "74 items are listed"));
    assert_non_null(strstr(f.items[0].message_zh, "列出 74 项"));
    zj_findings_free(&f);

    assert_int_equal(zj_audit_components("t", "c", 1, NULL, ones, 2, 1, NULL,
                                         &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_components("t", "c", 1, NULL, NULL, 2, 1, &f,
                                         &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_components("t", "c", 1, NULL, ones, 2,
                                         INFINITY, &f, &err), ZJ_ERR_ARG);
    assert_int_equal(f.count, 0);
}

/* ---- percentages ---------------------------------------------------------- */

static int achievable(double pct, double n, int d)
{
    zj_findings f = { NULL, 0, 0 };
    zj_error err;
    int ok = -1;

    assert_int_equal(zj_audit_percentage("t", "rate", 1, pct, n, d, &ok, &f,
                                         &err), ZJ_OK);
    assert_int_equal(f.count, ok ? 0 : 1);
    zj_findings_free(&f);
    return ok;
}

static void test_percent_cases(void **state)
{
    zj_findings f = { NULL, 0, 0 };
    zj_error err;
    int ok = -1;

    (void)state;
    assert_false(achievable(95.00, 8830, 2));   /* 8388 → 94.99, 8389 → 95.01 */
    assert_true(achievable(79.38, 3953, 2));    /* 3138 */
    assert_false(achievable(10.06, 3953, 2));
    assert_false(achievable(99.19, 497, 2));    /* 493/497 = 99.195… → 99.20 */
    assert_true(achievable(65.79, 497, 2));     /* 327 */
    assert_true(achievable(0, 3953, 2));
    assert_true(achievable(100, 3953, 2));
    assert_true(achievable(50, 2, 0));
    assert_false(achievable(33, 2, 0));
    assert_false(achievable(100.01, 3953, 2));
    assert_false(achievable(-1, 10, 1));
    /* Exact halves: 1/8 = 12.5 % is 13 half up and 12 half even, and
     * either is accepted; 3/8 = 37.5 % is 38 both ways. */
    assert_true(achievable(13, 8, 0));
    assert_true(achievable(12, 8, 0));
    assert_true(achievable(38, 8, 0));
    assert_false(achievable(37, 8, 0) && achievable(36, 8, 0));

    assert_int_equal(zj_audit_percentage("t", "rate", 7, 10.06, 3953, 2, &ok,
                                         &f, &err), ZJ_OK);
    assert_int_equal(ok, 0);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_PERCENT_UNACHIEVABLE);
    assert_close(f.items[0].found, 10.06, 0);
    assert_close(f.items[0].expected, 10.07, 1e-12);
    assert_non_null(strstr(f.items[0].message_en,
                           "10.04 % = 397/3953 and 10.07 % = 398/3953"));
    assert_non_null(strstr(f.items[0].message_zh,
                           "10.04 % = 397/3953 和 10.07 % = 398/3953"));
    assert_non_null(strstr(f.items[0].message_en, "row 7 column rate"));
    assert_int_equal(zj_audit_percentage("t", "rate", 8, 95.00, 8830, 2, NULL,
                                         &f, &err), ZJ_OK);
    assert_int_equal(f.count, 2);
    assert_non_null(strstr(f.items[1].message_en,
                           "94.99 % = 8388/8830 and 95.01 % = 8389/8830"));
    assert_int_equal(zj_audit_percentage("t", "rate", 9, 99.19, 497, 2, NULL,
                                         &f, &err), ZJ_OK);
    assert_non_null(strstr(f.items[2].message_en,
                           "98.99 % = 492/497 and 99.20 % = 493/497"));
    /* Above 100 %: only one neighbour. */
    assert_int_equal(zj_audit_percentage("t", "rate", 10, 100.5, 497, 1, NULL,
                                         &f, &err), ZJ_OK);
    assert_non_null(strstr(f.items[3].message_en,
                           "value is 100.0 % = 497/497"));
    assert_close(f.items[3].expected, 100, 0);
    zj_findings_free(&f);
}

static void test_percent_bad_args(void **state)
{
    zj_findings f = { NULL, 0, 0 };
    zj_error err;

    (void)state;
    assert_int_equal(zj_audit_percentage("t", "c", 1, 50, 0, 2, NULL, &f,
                                         &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "argument n");
    assert_non_null(strstr(err.message_zh, "n 必须"));
    assert_int_equal(zj_audit_percentage("t", "c", 1, 50, 10.5, 2, NULL, &f,
                                         &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_percentage("t", "c", 1, 50, 10, 7, NULL, &f,
                                         &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "argument decimals");
    assert_int_equal(zj_audit_percentage("t", "c", 1, 50, 10, -1, NULL, &f,
                                         &err), ZJ_ERR_ARG);
    assert_int_equal(zj_audit_percentage("t", "c", 1, NAN, 10, 2, NULL, &f,
                                         &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "argument percent");
    assert_int_equal(zj_audit_percentage("t", "c", 1, 50, 10, 2, NULL, NULL,
                                         &err), ZJ_ERR_ARG);
    assert_int_equal(f.count, 0);
}

static void test_kind_names(void **state)
{
    zj_findings f;

    (void)state;
    assert_string_equal(zj_finding_kind_name(ZJ_FIND_SUM_MISMATCH),
                        "sum_mismatch");
    assert_string_equal(zj_finding_kind_name(ZJ_FIND_DERIVED), "derived");
    assert_string_equal(zj_finding_kind_name(ZJ_FIND_UNRESOLVED),
                        "unresolved");
    assert_string_equal(zj_finding_kind_name(ZJ_FIND_COUNT_MISMATCH),
                        "count_mismatch");
    assert_string_equal(zj_finding_kind_name(ZJ_FIND_PERCENT_UNACHIEVABLE),
                        "percent_unachievable");
    assert_string_equal(zj_finding_kind_name(ZJ_FIND_ORPHAN_TOTAL),
                        "orphan_total");
    assert_string_equal(zj_finding_kind_name((zj_finding_kind)42), "unknown");
    zj_findings_init(&f);
    zj_findings_free(&f);
    zj_findings_free(&f);
    zj_findings_free(NULL);
    zj_findings_init(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plan_2023_derived),
        cmocka_unit_test(test_plan_derived_used_outside),
        cmocka_unit_test(test_sum_mismatch_message),
        cmocka_unit_test(test_orphans_and_unresolved),
        cmocka_unit_test(test_inferred_and_explicit_kinds),
        cmocka_unit_test(test_tolerance),
        cmocka_unit_test(test_sums_bad_args),
        cmocka_unit_test(test_components),
        cmocka_unit_test(test_components_count),
        cmocka_unit_test(test_percent_cases),
        cmocka_unit_test(test_percent_bad_args),
        cmocka_unit_test(test_kind_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
