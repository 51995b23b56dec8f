/* test_checks_other.c — the "3+2" (3plus2.*) and 普职互转 (pzhz.window)
 * checks against the bundled rules: every outcome and reason code, the
 * boundaries, Chinese names and labels, missing rules, citations. */
#include <string.h>

#include "testutil.h"

#include "checkutil.h"


/* ---- 3plus2.applications ------------------------------------------------- */

static void test_applications(void **state)
{
    static const char *const ok[] = { "0", "1", "3" };
    zj_decision d;
    const zj_reason *r;
    size_t i;

    (void)state;
    for (i = 0; i < 3; i++) {
        d = run("3plus2.applications", "jurisdiction", "beijing", "year", "2024", "applications", ok[i], NULL);
        expect(&d, ZJ_OK, 1, "within_limit");
        r = reason(&d, "3PLUS2.APPLICATIONS.MAX");
        assert_int_equal(r->met, ZJ_MET);
        says(r, ok[i], ok[i]);
        assert_string_equal(r->source->document, "京教函〔2024〕51号");
        assert_string_equal(r->source->clause, "一(三)");
        assert_string_equal(d.ruleset, "beijing/3plus2/2024");
        zj_decision_free(&d);
    }
    d = run("3plus2.applications", "地区", "北京", "年份", "2024", "申报新增项目数", "4", NULL);
    expect(&d, ZJ_OK, 0, "exceeds_general_limit");
    r = reason(&d, "3PLUS2.APPLICATIONS.MAX");
    assert_int_equal(r->met, ZJ_UNMET);
    says(r, "4 个", "4 new");
    says(r, "3 个", "3 per");
    says(r, "一般", "generally");
    zj_decision_free(&d);

    d = run("3plus2.applications", "jurisdiction", "beijing", "year", "2024", "applications", "-1", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.OUT_OF_RANGE"), "-1", "-1");
    zj_decision_free(&d);
    d = run("3plus2.applications", "jurisdiction", "beijing", "year", "2024", "applications", "2.5", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    reason(&d, "INPUT.NOT_AN_INTEGER");
    zj_decision_free(&d);
    d = run("3plus2.applications", "jurisdiction", "beijing", "year", "2024", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.MISSING"), "applications", "applications");
    zj_decision_free(&d);
}

/* ---- 3plus2.partner ------------------------------------------------------ */

static zj_decision partner(const char *m, const char *r, const char *t)
{
    return run("3plus2.partner", "jurisdiction", "beijing", "year", "2024", "meetings", m,
               "research_activities", r, "teachers_sent", t, NULL);
}

static void test_partner(void **state)
{
    zj_decision d;
    const zj_reason *r;

    (void)state;
    d = partner("2", "3", "5");
    expect(&d, ZJ_OK, 1, "compliant");
    says(reason(&d, "3PLUS2.PARTNER.MEETINGS"), "2", "2");
    says(reason(&d, "3PLUS2.PARTNER.RESEARCH_ACTIVITIES"), "3", "3");
    says(reason(&d, "3PLUS2.PARTNER.TEACHERS_SENT"), "5", "5");
    assert_string_equal(reason(&d, "3PLUS2.PARTNER.MEETINGS")->source->clause, "三(二)");
    zj_decision_free(&d);

    d = partner("1", "3", "5");
    expect(&d, ZJ_OK, 0, "non_compliant");
    r = reason(&d, "3PLUS2.PARTNER.MEETINGS");
    assert_int_equal(r->met, ZJ_UNMET);
    says(r, " 1，少于每学期至少 2", ": 1, below the minimum of 2");
    zj_decision_free(&d);
    d = partner("2", "2", "5");
    expect(&d, ZJ_OK, 0, "non_compliant");
    assert_int_equal(reason(&d, "3PLUS2.PARTNER.RESEARCH_ACTIVITIES")->met, ZJ_UNMET);
    zj_decision_free(&d);
    d = partner("9", "9", "4");
    expect(&d, ZJ_OK, 0, "non_compliant");
    says(reason(&d, "3PLUS2.PARTNER.TEACHERS_SENT"), "4", "4");
    assert_int_equal(reason(&d, "3PLUS2.PARTNER.TEACHERS_SENT")->met, ZJ_UNMET);
    zj_decision_free(&d);

    d = partner("2", NULL, "5");
    expect(&d, ZJ_OK, -1, "undetermined");
    r = reason(&d, "3PLUS2.PARTNER.RESEARCH_ACTIVITIES");
    assert_int_equal(r->met, ZJ_UNKNOWN);
    says(r, "3", "3");
    zj_decision_free(&d);
    /* unmet wins over unknown */
    d = partner("1", NULL, NULL);
    expect(&d, ZJ_OK, 0, "non_compliant");
    zj_decision_free(&d);

    d = run("3plus2.partner", "地区", "北京", "年份", "2024", "专题业务沟通会次数", "2", "教研活动次数", "3",
            "派出教师人数", "-5", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.OUT_OF_RANGE"), "派出教师人数", "teachers_sent");
    zj_decision_free(&d);
}

/* ---- 3plus2.wuyi --------------------------------------------------------- */

static void wuyi(const char *g, const char *w, int eligible, const char *outcome, zj_met met)
{
    zj_decision d = run("3plus2.wuyi", "jurisdiction", "beijing", "year", "2024",
                        "gaozhi_has_gaoben_in_major", g, "plans_wuyi_in_major", w, NULL);
    expect(&d, ZJ_OK, eligible, outcome);
    assert_int_equal(reason(&d, "3PLUS2.WUYI.GAOBEN_CONFLICT")->met, met);
    assert_string_equal(reason(&d, "3PLUS2.WUYI.GAOBEN_CONFLICT")->source->clause, "三(一)");
    if (met == ZJ_UNMET)
        says(reason(&d, "3PLUS2.WUYI.GAOBEN_CONFLICT"), "原则上", "in principle");
    zj_decision_free(&d);
}

static void test_wuyi(void **state)
{
    (void)state;
    wuyi("1", "1", 0, "conflict", ZJ_UNMET);
    wuyi("是", "否", 1, "no_conflict", ZJ_MET);
    wuyi("0", "1", 1, "no_conflict", ZJ_MET);
    wuyi("0", "0", 1, "no_conflict", ZJ_MET);
    wuyi("0", NULL, 1, "no_conflict", ZJ_MET);
    wuyi(NULL, "0", 1, "no_conflict", ZJ_MET);
    wuyi("1", NULL, -1, "undetermined", ZJ_UNKNOWN);
    wuyi(NULL, "1", -1, "undetermined", ZJ_UNKNOWN);
    wuyi(NULL, NULL, -1, "undetermined", ZJ_UNKNOWN);
}

/* ---- pzhz.window --------------------------------------------------------- */

static zj_decision window(const char *j, const char *dir, const char *grade, const char *term)
{
    return run("pzhz.window", "jurisdiction", j, "year", "2026", "direction", dir, "grade", grade,
               "term", term, NULL);
}

static void open_or_closed(const char *dir, const char *grade, const char *term, int open)
{
    zj_decision d = window("shandong", dir, grade, term);
    const zj_reason *r;

    expect(&d, ZJ_OK, open, open ? "window_open" : "window_closed");
    r = reason(&d, "PZHZ.WINDOW");
    assert_int_equal(r->met, open ? ZJ_MET : ZJ_UNMET);
    assert_non_null(strstr(r->source->document, "新浪财经"));
    assert_string_equal(r->source->clause, "实施机制与保障 第3条");
    says(r, "高一第一学期末", "the end of grade 10 (高一) term 1");
    zj_decision_free(&d);
}

static void test_window_shandong(void **state)
{
    zj_decision d;

    (void)state;
    open_or_closed("zhongzhi_to_putong", "g1", "1", 1);
    open_or_closed("zhongzhi_to_putong", "g1", "2", 1);
    open_or_closed("zhongzhi_to_putong", "g2", "1", 0);
    open_or_closed("zhongzhi_to_putong", "g2", "2", 0);
    open_or_closed("zhongzhi_to_putong", "g3", "1", 0);
    open_or_closed("putong_to_zhongzhi", "g1", "1", 1);
    open_or_closed("putong_to_zhongzhi", "g1", "2", 1);
    open_or_closed("putong_to_zhongzhi", "g2", "1", 1);
    open_or_closed("putong_to_zhongzhi", "g2", "2", 0);
    open_or_closed("putong_to_zhongzhi", "g3", "2", 0);

    /* Chinese names and labels, the alias 山东 */
    d = run("pzhz.window", "地区", "山东", "年份", "2026", "转学方向", "普高转中职", "年级", "高二", "学期", "1", NULL);
    expect(&d, ZJ_OK, 1, "window_open");
    says(reason(&d, "PZHZ.WINDOW"), "高二第一学期末", "grade 11 (高二) term 1");
    zj_decision_free(&d);
    d = run("pzhz.window", "地区", "山东省", "年份", "2026", "转学方向", "中职转普高", "年级", "高二", "学期", "1", NULL);
    expect(&d, ZJ_OK, 0, "window_closed");
    says(reason(&d, "PZHZ.WINDOW"), "仅为：高一第一学期末、高一第二学期末", "only the end of grade 10");
    zj_decision_free(&d);

    /* term 3, term 0 */
    d = window("shandong", "zhongzhi_to_putong", "g1", "3");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.OUT_OF_RANGE"), "3", "3");
    zj_decision_free(&d);
    d = window("shandong", "zhongzhi_to_putong", "g1", "0");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    zj_decision_free(&d);
    d = window("shandong", "zhongzhi_to_putong", "g4", "1");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    reason(&d, "INPUT.NOT_A_CHOICE");
    zj_decision_free(&d);
    d = window("shandong", "zhongzhi_to_putong", "g1", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.MISSING"), "term", "term");
    zj_decision_free(&d);
}

static void test_window_guangzhou(void **state)
{
    zj_decision d;
    const zj_reason *r;

    (void)state;
    d = window("guangzhou", "zhongzhi_to_putong", "g1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    r = reason(&d, "PZHZ.WINDOWS_UNKNOWN");
    assert_int_equal(r->met, ZJ_UNKNOWN);
    says(r, "广州市", "Guangzhou");
    says(r, "未规定", "state no windows");
    assert_non_null(r->source);
    assert_non_null(strstr(r->source->document, "广州"));
    assert_string_equal(d.ruleset, "guangzhou/pzhz/2026");
    zj_decision_free(&d);
    d = run("pzhz.window", "地区", "广州", "年份", "2026", "转学方向", "普高转中职", "年级", "高三", "学期", "2", NULL);
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "PZHZ.WINDOWS_UNKNOWN"), "高三第二学期末", "grade 12 (高三) term 2");
    zj_decision_free(&d);
    /* a bad term is still an input error */
    d = window("guangzhou", "zhongzhi_to_putong", "g1", "3");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    zj_decision_free(&d);
}

/* ---- missing rules, batches, catalogue ----------------------------------- */

static void test_no_rules(void **state)
{
    zj_decision d;

    (void)state;
    d = run("3plus2.applications", "jurisdiction", "beijing", "year", "2025", "applications", "1", NULL);
    expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
    says(reason(&d, "RULES.NOT_FOUND"), "2024", "2024");
    says(reason(&d, "RULES.NOT_FOUND"), "2025", "2025");
    zj_decision_free(&d);
    d = window("shandong", "zhongzhi_to_putong", "g1", "1");
    zj_decision_free(&d);
    d = run("pzhz.window", "jurisdiction", "shandong", "year", "2025", "direction", "zhongzhi_to_putong",
            "grade", "g1", "term", "1", NULL);
    expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
    says(reason(&d, "RULES.NOT_FOUND"), "2026", "2026");
    zj_decision_free(&d);
    /* Beijing has no 普职互转 rules */
    d = window("beijing", "zhongzhi_to_putong", "g1", "1");
    expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
    says(reason(&d, "RULES.NOT_FOUND"), "shandong 2026", "shandong 2026");
    says(reason(&d, "RULES.NOT_FOUND"), "guangzhou 2026", "guangzhou 2026");
    zj_decision_free(&d);
    d = run("3plus2.wuyi", "jurisdiction", "shanghai", "year", "2024", NULL);
    expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
    says(reason(&d, "RULES.NOT_FOUND"), "shanghai", "shanghai");
    zj_decision_free(&d);
}

static void test_batch_mixed(void **state)
{
    const char *names[] = { "jurisdiction", "year", "direction", "grade", "term" };
    static const char *const rows[6][5] = {
        { "shandong", "2026", "zhongzhi_to_putong", "g1", "2" },
        { "shandong", "2026", "zhongzhi_to_putong", "g1", "3" },   /* bad term */
        { "广州", "2026", "putong_to_zhongzhi", "g1", "1" },
        { "山东", "2026", "普高转中职", "高二", "1" },
        { "shandong", "2024", "putong_to_zhongzhi", "g1", "1" },  /* no rules */
        { "shandong", "2026", "sideways", "g1", "1" },            /* bad choice */
    };
    zj_value cells[6 * 5];
    zj_decision out[6];
    zj_error err;
    size_t r, k;

    (void)state;
    for (r = 0; r < 6; r++)
        for (k = 0; k < 5; k++)
            cells[r * 5 + k] = zj_value_text(rows[r][k]);
    /* the term as a number */
    cells[0 * 5 + 4] = zj_value_number(2);
    assert_int_equal(zj_check_batch(data, "pzhz.window", names, 5, cells, 6, out, &err), ZJ_OK);
    expect(&out[0], ZJ_OK, 1, "window_open");
    expect(&out[1], ZJ_ERR_ARG, -1, "invalid_input");
    expect(&out[2], ZJ_OK, -1, "undetermined");
    expect(&out[3], ZJ_OK, 1, "window_open");
    expect(&out[4], ZJ_ERR_NOT_FOUND, -1, "no_rules");
    expect(&out[5], ZJ_ERR_ARG, -1, "invalid_input");
    assert_string_equal(out[0].ruleset, "shandong/pzhz/2026");
    assert_string_equal(out[2].ruleset, "guangzhou/pzhz/2026");
    zj_decisions_free(out, 6);
}

static void test_catalogue(void **state)
{
    static const char *const checks[][2] = { { "3plus2.applications", "3plus2" },
                                              { "3plus2.partner", "3plus2" },
                                              { "3plus2.wuyi", "3plus2" },
                                              { "pzhz.window", "pzhz" } };
    size_t i, k;

    (void)state;
    for (i = 0; i < 4; i++) {
        const zj_check_info *c = zj_check_find(checks[i][0]);

        assert_non_null(c);
        assert_string_equal(c->programme, checks[i][1]);
        assert_string_equal(c->fields[0].name, "jurisdiction");
        assert_string_equal(c->fields[1].name, "year");
        for (k = 0; k < c->n_fields; k++) {
            assert_int_equal(zj_check_field_index(c, c->fields[k].name), (int)k);
            assert_int_equal(zj_check_field_index(c, c->fields[k].name_zh), (int)k);
            assert_non_null(c->fields[k].help_zh);
            assert_non_null(c->fields[k].help_en);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_applications),
        cmocka_unit_test(test_partner),
        cmocka_unit_test(test_wuyi),
        cmocka_unit_test(test_window_shandong),
        cmocka_unit_test(test_window_guangzhou),
        cmocka_unit_test(test_no_rules),
        cmocka_unit_test(test_batch_mixed),
        cmocka_unit_test(test_catalogue),
    };

    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
