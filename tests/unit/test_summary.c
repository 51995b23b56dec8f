/* test_summary.c — the decision summary every client shows
 * (zj_decision_summarize) and the column report (zj_check_columns). */
#include "testutil.h"

static zj_data *data;

static zj_decision run5(const char *q, const char *h, const char *score)
{
    const char *names[] = { "jurisdiction", "year", "has_qualification", "beijing_hukou", "score" };
    zj_value v[5];
    zj_decision d;
    zj_error err;

    v[0] = zj_value_text("beijing");
    v[1] = zj_value_text("2024");
    v[2] = zj_value_text(q);
    v[3] = zj_value_text(h);
    v[4] = zj_value_text(score);
    memset(&d, 0, sizeof d);
    assert_int_equal(zj_check_run(data, "gtpy.admission", names, v, 5, &d, &err), ZJ_OK);
    return d;
}

static int setup(void **state)
{
    zj_error err;

    (void)state;
    return zj_data_open(zj_test_path("data"), &data, &err) == ZJ_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    zj_data_close(data);
    return 0;
}

/* The summary agrees with zj_reason_is_decisive and joins what it marks. */
static void summary_joins_the_decisive_reasons(void **state)
{
    zj_decision d = run5("否", "是", "480");
    zj_summarizer *s = zj_summarizer_new(data, ZJ_SUMMARY_COLUMNS | ZJ_SUMMARY_TEXTS);
    zj_decision_summary sm;
    zj_error err;
    size_t i, n = 0;

    (void)state;
    assert_non_null(s);
    assert_int_equal(zj_decision_summarize(s, &d, &sm, &err), ZJ_OK);
    assert_int_equal(sm.n_reasons, d.n_reasons);
    for (i = 0; i < d.n_reasons; i++) {
        assert_int_equal(sm.decisive[i], zj_reason_is_decisive(&d, i));
        n += sm.decisive[i];
        if (d.reasons[i].source)
            assert_non_null(sm.citations[i]);
    }
    assert_int_equal(n, 2);   /* no qualification, score below the line */
    assert_string_equal(sm.codes, "GTPY.ADMISSION.QUALIFICATION | GTPY.ADMISSION.MIN_SCORE");
    assert_int_equal(strlen(sm.codes), sm.codes_len);
    assert_non_null(strstr(sm.text_zh, "（依据："));
    assert_non_null(strstr(sm.text_en, " (source: "));
    assert_non_null(strstr(sm.sources, " | "));
    /* only the parts asked for */
    zj_summarizer_free(s);
    s = zj_summarizer_new(data, ZJ_SUMMARY_TEXTS);
    assert_int_equal(zj_decision_summarize(s, &d, &sm, &err), ZJ_OK);
    assert_string_equal(sm.codes, "");
    assert_true(sm.text_en_len > 0);
    zj_summarizer_free(s);
    zj_decision_free(&d);
}

static void column_report(void **state)
{
    const char *misnamed[] = { "jurisdiction", "year", "户口", "分数" };
    const char *partial[] = { "jurisdiction", "year", "score" };
    const char *twice[] = { "score", "中招录取总分" };
    zj_column_report r;
    zj_error err;

    (void)state;
    assert_int_equal(zj_check_columns("gtpy.admission", misnamed, 4, &r, &err), ZJ_OK);
    assert_int_equal(r.n_unused, 2);
    assert_int_equal(r.unused[0], 2);
    assert_int_equal(r.n_missing, 3);
    assert_true(r.warn);
    assert_non_null(strstr(r.message_en, "columns not used: '户口', '分数'"));
    assert_non_null(strstr(r.message_zh, "未使用的列"));
    zj_column_report_free(&r);
    /* optional fields merely left out: no warning */
    assert_int_equal(zj_check_columns("gtpy.admission", partial, 3, &r, &err), ZJ_OK);
    assert_int_equal(r.n_missing, 2);
    assert_false(r.warn);
    assert_null(r.message_en);
    zj_column_report_free(&r);
    assert_int_equal(zj_check_columns("gtpy.admission", twice, 2, &r, &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_en, "field score is given twice (columns 1 and 2)"));
    assert_int_equal(zj_check_columns("no.such", partial, 3, &r, &err), ZJ_ERR_NOT_FOUND);
}

static void enum_names(void **state)
{
    (void)state;
    assert_string_equal(zj_field_type_name(ZJ_FIELD_BOOL), "bool");
    assert_string_equal(zj_met_name(ZJ_UNMET), "unmet");
    assert_string_equal(zj_met_name_zh(ZJ_MET), "满足");
    assert_string_equal(zj_row_kind_name(ZJ_ROW_SUBTOTAL), "subtotal");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(summary_joins_the_decisive_reasons),
        cmocka_unit_test(column_report),
        cmocka_unit_test(enum_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
