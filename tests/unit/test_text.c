/* test_text.c — "did you mean" (zj_suggest and the catalogue's and data's
 * suggestions) and the display width of UTF-8 text (zj_text_width,
 * zj_text_fit). */
#include <string.h>

#include "testutil.h"

static const char *const commands[] = {
    "checks", "check", "batch", "rate", "pooled", "diff", "scores",
    "composite", "completion", "progression", "transfer-rate", "grades",
    "tables", "table", "audit", "audit-csv", "plan", "demo", "refresh"};
#define NCOMMANDS (sizeof commands / sizeof commands[0])

static void test_suggest_spellings(void **state)
{
    static const char *const options[] = {"--jurisdiction", "--year",
                                          "--score", "--beijing_hukou"};
    (void)state;
    assert_string_equal(zj_suggest("rat", commands, NCOMMANDS), "rate");
    assert_string_equal(zj_suggest("--scroe", options, 4), "--score");
    assert_string_equal(zj_suggest("--SCORE", options, 4), "--score");
    assert_string_equal(zj_suggest("bacth", commands, NCOMMANDS), "batch");
    assert_string_equal(zj_suggest("audit_csv", commands, NCOMMANDS),
                        "audit-csv");
    /* The nearest wins, not the first near one. */
    assert_string_equal(zj_suggest("tabel", commands, NCOMMANDS), "table");
}

static void test_suggest_nothing(void **state)
{
    (void)state;
    assert_null(zj_suggest("xyzzy", commands, NCOMMANDS));
    /* One or two characters are too short to guess from. */
    assert_null(zj_suggest("x", commands, NCOMMANDS));
    assert_null(zj_suggest("ra", (const char *const[]){"rb"}, 1));
    assert_null(zj_suggest("", commands, NCOMMANDS));
    assert_null(zj_suggest(NULL, commands, NCOMMANDS));
    assert_null(zj_suggest("rate", NULL, 3));
    assert_null(zj_suggest("rate", (const char *const[]){NULL, ""}, 2));
}

static void test_suggest_chinese(void **state)
{
    static const char *const schools[] = {
        "北京市商业学校", "北京市昌平职业学校", "北京市昌平区职业学校",
        "北京财贸职业学院"};
    static const char *const majors[] = {"计算机应用", "会计事务",
                                         "园林技术(风景园林)"};
    (void)state;
    /* Containment: the short name inside the official one. */
    assert_string_equal(zj_suggest("昌平职业学校", schools, 4),
                        "北京市昌平职业学校");
    /* A character wrong: counted as one edit, not three bytes. */
    assert_string_equal(zj_suggest("北京市昌平职亚学校", schools, 4),
                        "北京市昌平职业学校");
    assert_string_equal(zj_suggest("园林技术", majors, 3), "园林技术(风景园林)");
    assert_null(zj_suggest("护理", majors, 3));
}

static void test_suggest_bounded(void **state)
{
    char big[4000];
    const char *cands[2];
    (void)state;
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    cands[0] = "aaaa";
    cands[1] = big;
    /* Long texts: containment only, and no overflow. */
    assert_ptr_equal(zj_suggest(big, cands, 2), big);
    assert_ptr_equal(zj_suggest("aaab", cands + 1, 1), NULL);
    /* Invalid UTF-8 is compared byte by byte, never crashes. */
    assert_string_equal(zj_suggest("rat\xff", commands, NCOMMANDS), "rate");
}

static void test_catalogue_suggestions(void **state)
{
    const zj_check_info *c = zj_check_find("gtpy.admission");
    zj_data *data = NULL;
    zj_error err;
    const zj_table *t;
    (void)state;

    assert_string_equal(zj_check_suggest("gtpy.admision"), "gtpy.admission");
    assert_null(zj_check_suggest("nothing.like.it"));
    assert_non_null(c);
    assert_string_equal(zj_check_field_suggest(c, "scroe"), "score");
    /* A Chinese name near the field's Chinese name gives its id. */
    assert_string_equal(zj_check_field_suggest(c, "中招录取分"), "score");
    assert_null(zj_check_field_suggest(c, "colour"));
    /* zj_check_lookup words the unknown check once for every client: the
     * nearest name when there is one, and every check. */
    zj_error_clear(&err);
    assert_ptr_equal(zj_check_lookup("gtpy.admission", &err), c);
    assert_int_equal(err.code, ZJ_OK);
    assert_null(zj_check_lookup("gtpy.admision", &err));
    assert_int_equal(err.code, ZJ_ERR_NOT_FOUND);
    assert_string_equal(err.where, "argument check");
    assert_non_null(strstr(err.message_zh, "是不是“gtpy.admission”？"));
    assert_non_null(strstr(err.message_en, "did you mean 'gtpy.admission'?"));
    assert_non_null(strstr(err.message_en, "The checks are: gtpy.admission, "));
    assert_null(zj_check_lookup("nothing.like.it", &err));
    assert_null(strstr(err.message_en, "did you mean"));
    assert_non_null(strstr(err.message_en, "the checks are: gtpy.admission, "));
    assert_null(zj_check_lookup(NULL, NULL));

    zj_error_clear(&err);
    assert_int_equal(zj_data_open(ZJ_TEST_SRCDIR "/data", &data, &err), ZJ_OK);
    assert_string_equal(zj_plan_suggest(data, 2024, "school", "昌平职业学校"),
                        "北京市昌平职业学校");
    assert_null(zj_plan_suggest(data, 2024, "partner", "昌平职业学校"));
    assert_null(zj_plan_suggest(data, 1999, "school", "昌平职业学校"));
    /* The library's own "not found" errors carry the suggestion. */
    assert_int_equal(zj_data_table(data, "gtpy_plan_203", &t, &err),
                     ZJ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message_zh, "是不是 gtpy_plan_2023"));
    assert_non_null(strstr(err.message_en, "did you mean gtpy_plan_2023?"));
    zj_error_clear(&err);
    assert_int_equal(zj_check_batch(data, "gtpy.admision", NULL, 0, NULL, 0,
                                    NULL, &err), ZJ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message_zh, "是不是“gtpy.admission”？"));
    assert_non_null(strstr(err.message_en, "did you mean 'gtpy.admission'?"));
    zj_data_close(data);
}

static void test_method_suggestion(void **state)
{
    zj_ci_method m;
    zj_error err;
    (void)state;

    zj_error_clear(&err);
    assert_int_equal(zj_ci_method_parse("wilsn", &m, &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_zh, "是不是 wilson？"));
    assert_non_null(strstr(err.message_en, "did you mean wilson?"));
    zj_error_clear(&err);
    assert_int_equal(zj_ci_method_parse("exakt", &m, &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_en, "did you mean exact?"));
    zj_error_clear(&err);
    assert_int_equal(zj_ci_method_parse("bayes", &m, &err), ZJ_ERR_ARG);
    assert_null(strstr(err.message_en, "did you mean"));
}

static void test_width(void **state)
{
    size_t w;
    (void)state;

    assert_int_equal(zj_text_width("abc"), 3);
    assert_int_equal(zj_text_width("合计"), 4);
    assert_int_equal(zj_text_width("京教职成〔2023〕6号"), 4 * 2 + 2 + 4 + 2 + 1 + 2);
    assert_int_equal(zj_text_width("（风景园林）"), 12);
    assert_int_equal(zj_text_width("e\xcc\x81"), 1);      /* e + combining acute */
    assert_int_equal(zj_text_width("ｱ"), 1);              /* halfwidth katakana */
    assert_int_equal(zj_text_width("\xff" "a"), 2);       /* a bad byte counts 1 */
    assert_int_equal(zj_text_width(NULL), 0);
    /* Cutting never splits a character, and a wide one that does not fit
     * stays out whole. */
    assert_int_equal(zj_text_fit("合计abc", 3, &w), 3);
    assert_int_equal(w, 2);
    assert_int_equal(zj_text_fit("合计abc", 5, &w), 7);
    assert_int_equal(w, 5);
    assert_int_equal(zj_text_fit("abc", 10, &w), 3);
    assert_int_equal(w, 3);
    assert_int_equal(zj_text_fit("e\xcc\x81x", 1, &w), 3);  /* the mark stays */
    assert_int_equal(zj_text_fit("\xe5\x90", 5, &w), 2);    /* cut sequence */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_suggest_spellings),
        cmocka_unit_test(test_suggest_nothing),
        cmocka_unit_test(test_suggest_chinese),
        cmocka_unit_test(test_suggest_bounded),
        cmocka_unit_test(test_catalogue_suggestions),
        cmocka_unit_test(test_method_suggestion),
        cmocka_unit_test(test_width),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
