/* test_parse.c — reading numbers, counts, booleans and years from text
 * (zhijiao/parse.h), and the count behind a published percentage. */
#include "testutil.h"

static void test_numbers(void **state)
{
    double d;
    zj_error err;

    (void)state;
    assert_int_equal(zj_parse_number("520", "x", &d, &err), ZJ_OK);
    assert_true(d == 520);
    assert_int_equal(zj_parse_number("\xEF\xBC\x95\xEF\xBC\x92\xEF\xBC\x90", "x", &d, &err), ZJ_OK); /* ５２０ */
    assert_true(d == 520);
    assert_int_equal(zj_parse_number("\xE3\x80\x80 12.5e1 \xE3\x80\x80", "x", &d, &err), ZJ_OK);
    assert_true(d == 125);
    assert_int_equal(zj_parse_number("-0", "x", &d, &err), ZJ_OK);
    assert_false(signbit(d));
    assert_int_equal(zj_parse_number("0x1F4", "--score", &d, &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "--score");
    assert_non_null(strstr(err.message_en, "0x1F4"));
    assert_int_equal(zj_parse_number("inf", "x", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_number("nan", "x", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_number("1e999", "x", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_number("", "x", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_number(NULL, "x", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_number("1,000", "x", &d, NULL), ZJ_ERR_ARG);
    /* invalid UTF-8 is not quoted (messages stay UTF-8) */
    assert_int_equal(zj_parse_number("wil\xffson", "x", &d, &err), ZJ_ERR_ARG);
    assert_null(strstr(err.message_en, "wil"));
}

static void test_counts(void **state)
{
    double d;
    zj_error err;

    (void)state;
    assert_int_equal(zj_parse_count("9007199254740992", "n", &d, &err), ZJ_OK);
    assert_true(d == 9007199254740992.0);
    assert_int_equal(zj_parse_count("9.007199254740992e15", "n", &d, &err), ZJ_OK);
    assert_int_equal(zj_parse_count("0009007199254740992.000", "n", &d, &err), ZJ_OK);
    /* rounds to 2^53 as a double, but is above it */
    assert_int_equal(zj_parse_count("9007199254740993", "n", &d, &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_en, "2^53"));
    assert_int_equal(zj_parse_count("9007199254740992.5", "n", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_count("1e16", "n", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_count("1.5", "n", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_count("-1", "n", &d, NULL), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_count("-0", "n", &d, NULL), ZJ_OK);
    assert_false(signbit(d));
    assert_int_equal(zj_parse_count("\xEF\xBC\x91\xEF\xBC\x92", "n", &d, NULL), ZJ_OK); /* １２ */
    assert_true(d == 12);
}

static void test_bools_and_years(void **state)
{
    int b, y;
    zj_error err;

    (void)state;
    assert_int_equal(zj_parse_bool(" \xE6\x98\xAF ", "f", &b, &err), ZJ_OK); /* 是 */
    assert_int_equal(b, 1);
    assert_int_equal(zj_parse_bool("FALSE", "f", &b, &err), ZJ_OK);
    assert_int_equal(b, 0);
    assert_int_equal(zj_parse_bool("\xEF\xBC\x91", "f", &b, &err), ZJ_OK); /* １ */
    assert_int_equal(b, 1);
    assert_int_equal(zj_parse_bool("maybe", "f", &b, &err), ZJ_ERR_ARG);
    assert_string_equal(err.where, "f");
    assert_int_equal(zj_year_check(2024, "year", &y, &err), ZJ_OK);
    assert_int_equal(y, 2024);
    assert_int_equal(zj_year_check(1899, "year", &y, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_year_check(2024.5, "year", &y, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_parse_year("\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94", "year", &y, &err), ZJ_OK);
    assert_int_equal(y, 2024);
}

static void test_count_from_percent(void **state)
{
    double k, exact;
    zj_error err;

    (void)state;
    /* 95.00 % of 8830 is 8388.5: the half goes to the even count */
    assert_int_equal(zj_count_from_percent(95.00, 2, 8830, &k, &exact, &err), ZJ_OK);
    assert_true(k == 8388);
    assert_true(exact == 8388.5);
    assert_int_equal(zj_count_from_percent(95.00, 2, 8850, &k, NULL, &err), ZJ_OK);
    assert_true(k == 8408);   /* 8407.5 -> even 8408 */
    assert_int_equal(zj_count_from_percent(10.06, 2, 3953, &k, NULL, &err), ZJ_OK);
    assert_true(k == 398);    /* 397.6718 */
    assert_int_equal(zj_count_from_percent(100, 0, 9007199254740992.0, &k, NULL, &err), ZJ_OK);
    assert_true(k == 9007199254740992.0);
    assert_int_equal(zj_count_from_percent(95.005, 2, 100, &k, NULL, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_count_from_percent(101, 2, 100, &k, NULL, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_count_from_percent(50, 7, 100, &k, NULL, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_count_from_percent(50, 2, 0, &k, NULL, &err), ZJ_ERR_ARG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_bools_and_years),
        cmocka_unit_test(test_count_from_percent),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
