/* test_fetch_parsers.c — the extractors of the refresh pipeline: HTML
 * tables (rowspan/colspan), .xlsx, .docx, .xls, charsets, notice lists and
 * articles, document numbers, robots.txt, and the normalizer. */
#include "testutil.h"

#include <string.h>

#include "charset.h"
#include "fetch.h"
#include "grid.h"
#include "notice.h"
#include "plan.h"

static char *slurp(const char *rel, size_t *len)
{
    FILE *fp = fopen(zj_test_path(rel), "rb");
    char *buf = malloc(1 << 20);

    assert_non_null(fp);
    assert_non_null(buf);
    *len = fread(buf, 1, 1 << 20, fp);
    fclose(fp);
    return buf;
}

static void test_html_spans(void **state)
{
    static const char html[] =
        "<html><body><table>"
        "<tr><th>类别</th><th colspan=\"2\">学校与专业</th><th>计划</th></tr>"
        "<tr><td rowspan=\"2\">高本<br>贯通</td><td>甲校</td><td>机电</td><td>30</td></tr>"
        "<tr><td rowspan=\"2\">乙校</td><td>会计</td><td>20</td></tr>"
        "<tr><td>中本贯通</td><td>电商</td><td>10</td></tr>"
        "</table></body></html>";
    zj__grids gs;
    zj_error err;

    (void)state;
    assert_int_equal(zj__html_tables(html, strlen(html), &gs, &err), ZJ_OK);
    assert_int_equal(gs.n, 1);
    assert_int_equal(gs.items[0].rows, 4);
    assert_int_equal(gs.items[0].cols, 4);
    assert_string_equal(zj__grid_cell(&gs.items[0], 0, 1), "学校与专业");
    assert_string_equal(zj__grid_cell(&gs.items[0], 0, 2), "");           /* covered by colspan */
    assert_string_equal(zj__grid_cell(&gs.items[0], 1, 0), "高本贯通");    /* <br> inside CJK joined */
    assert_string_equal(zj__grid_cell(&gs.items[0], 2, 0), "");           /* covered by rowspan */
    assert_string_equal(zj__grid_cell(&gs.items[0], 2, 1), "乙校");
    assert_string_equal(zj__grid_cell(&gs.items[0], 2, 2), "会计");
    assert_string_equal(zj__grid_cell(&gs.items[0], 3, 0), "中本贯通");
    assert_string_equal(zj__grid_cell(&gs.items[0], 3, 1), "");
    assert_string_equal(zj__grid_cell(&gs.items[0], 3, 2), "电商");
    zj__grids_free(&gs);
}

static void test_cell_text(void **state)
{
    char *t;

    (void)state;
    t = zj__cell_text("  北京电子科技\r\n  职业学院 ", 37);
    assert_string_equal(t, "北京电子科技职业学院");
    free(t);
    t = zj__cell_text("Python\nProgramming", 18);
    assert_string_equal(t, "Python Programming");
    free(t);
    t = zj__cell_text("现在", 6);   /* 0xA0 inside a character is not a space */
    assert_string_equal(t, "现在");
    free(t);
}

static void test_xlsx_and_normalize(void **state)
{
    size_t len, i;
    char *data = slurp("tests/fetch/data/plan-small.xlsx", &len);
    zj__grids gs;
    zj_error err;
    zj__plan_rows rows;
    zj__plan_context ctx = { 2023, "贯通培养招生计划", "京教职成〔2023〕6号 附件", "http://x/P0.xlsx",
                            "2025-01-01T00:00:00Z" };
    int is_plan;
    static const char *const expect[][5] = {
        /* row_kind, programme, school, major, places */
        { "detail", "高本贯通", "北京电子科技职业学院", "机电一体化技术", "60" },
        { "detail", "高本贯通", "北京电子科技职业学院", "机械制造与自动化", "30" },
        { "detail", "高本贯通", "北京电子科技职业学院", "计算机应用技术", "" },
        { "subtotal", "高本贯通", "北京电子科技职业学院", "", "120" },
        { "detail", "高本贯通", "北京城市学院", "学前教育", "60" },
        { "detail", "高本贯通", "北京城市学院", "数字艺术设计", "30" },
        { "subtotal", "高本贯通", "北京城市学院", "", "150" },
        { "subtotal", "高本贯通", "", "", "270" },
        { "total", "", "", "", "270" },
    };

    (void)state;
    assert_int_equal(zj__xlsx_tables(data, len, &gs, &err), ZJ_OK);
    assert_int_equal(gs.n, 1);
    assert_string_equal(zj__grid_cell(&gs.items[0], 0, 0), "2023年北京市高端技术技能人才贯通培养招生计划表");
    assert_string_equal(zj__grid_cell(&gs.items[0], 2, 1), "120");     /* a number, as text */
    memset(&rows, 0, sizeof rows);
    assert_int_equal(zj__plan_normalize(&gs.items[0], &ctx, &rows, &is_plan, &err), ZJ_OK);
    assert_true(is_plan);
    assert_int_equal(rows.n, 9);
    assert_int_equal(rows.aggregates, 4);
    for (i = 0; i < 9; i++) {
        assert_string_equal(rows.items[i].f[ZJ_PC_ROW_KIND], expect[i][0]);
        assert_string_equal(rows.items[i].f[ZJ_PC_PROGRAMME], expect[i][1]);
        assert_string_equal(rows.items[i].f[ZJ_PC_SCHOOL], expect[i][2]);
        assert_string_equal(rows.items[i].f[ZJ_PC_MAJOR], expect[i][3]);
        assert_string_equal(rows.items[i].f[ZJ_PC_PLACES], expect[i][4]);
        assert_string_equal(rows.items[i].f[ZJ_PC_YEAR], "2023");
        assert_string_equal(rows.items[i].f[ZJ_PC_SOURCE_URL], "http://x/P0.xlsx");
        assert_string_equal(rows.items[i].f[ZJ_PC_RETRIEVED_AT], "2025-01-01T00:00:00Z");
    }
    /* merged partner cells carried down within the school */
    assert_string_equal(rows.items[1].f[ZJ_PC_PARTNER], "北方工业大学");
    assert_string_equal(rows.items[5].f[ZJ_PC_PARTNER], "北京城市学院");
    assert_string_equal(rows.items[2].f[ZJ_PC_NOTE], "缺");
    assert_string_equal(zj__plan_table_kind(&rows), "gtpy_plan");
    zj__plan_rows_free(&rows);
    zj__grids_free(&gs);
    free(data);
}

static void test_docx(void **state)
{
    size_t len;
    char *data = slurp("tests/fetch/data/list-small.docx", &len);
    zj__grids gs;
    zj_error err;
    zj__plan_rows rows;
    zj__plan_context ctx = { 2024, "2024年新增“3+2”中高职衔接办学项目名单", "京教函〔2024〕135号", "u", "t" };
    int is_plan;

    (void)state;
    assert_int_equal(zj__docx_tables(data, len, &gs, &err), ZJ_OK);
    assert_int_equal(gs.n, 1);
    assert_int_equal(gs.items[0].rows, 4);
    assert_string_equal(zj__grid_cell(&gs.items[0], 2, 1), "");    /* vMerge continue */
    memset(&rows, 0, sizeof rows);
    assert_int_equal(zj__plan_normalize(&gs.items[0], &ctx, &rows, &is_plan, &err), ZJ_OK);
    assert_true(is_plan);
    assert_int_equal(rows.n, 3);
    assert_string_equal(rows.items[1].f[ZJ_PC_SCHOOL], "北京市昌平职业学校");
    assert_string_equal(rows.items[1].f[ZJ_PC_PROGRAMME], "3+2");
    assert_string_equal(rows.items[1].f[ZJ_PC_PARTNER], "北京农业职业学院");
    assert_string_equal(rows.items[1].f[ZJ_PC_PARTNER_MAJOR], "宠物医疗技术");
    assert_string_equal(rows.items[2].f[ZJ_PC_PLACES], "");
    assert_string_equal(zj__plan_table_kind(&rows), "threeplustwo");
    zj__plan_rows_free(&rows);
    zj__grids_free(&gs);
    free(data);
}

static void test_xls(void **state)
{
    size_t len;
    char *data = slurp("tests/fetch/data/clippy.xls", &len);
    zj__grids gs;
    zj_error err;

    (void)state;
    assert_int_equal(zj__xls_tables(data, len, &gs, &err), ZJ_OK);
    assert_int_equal(gs.n, 2);
    assert_string_equal(zj__grid_cell(&gs.items[0], 1, 1), "Clippy");
    assert_string_equal(zj__grid_cell(&gs.items[1], 2, 3), "0.9");
    zj__grids_free(&gs);
    assert_int_equal(zj__xls_tables("not an xls", 10, &gs, &err), ZJ_ERR_PARSE);
    free(data);
}

static void test_bad_containers(void **state)
{
    zj__grids gs;
    zj_error err;

    (void)state;
    assert_int_equal(zj__xlsx_tables("PK\003\004garbage", 14, &gs, &err), ZJ_ERR_PARSE);
    assert_int_equal(zj__docx_tables("", 0, &gs, &err), ZJ_ERR_PARSE);
}

static void test_office_needs_soffice(void **state)
{
    zj__grids gs;
    zj_error err;
    const char *path = getenv("PATH");
    char *saved = path ? strdup(path) : NULL;

    (void)state;
    setenv("PATH", "/nonexistent", 1);
    assert_int_equal(zj__office_tables("\xD0\xCF\x11\xE0", 4, "doc", &gs, &err), ZJ_ERR_UNSUPPORTED);
    assert_non_null(strstr(err.message_en, "soffice"));
    assert_string_equal(err.where, "soffice");
    if (saved) {
        setenv("PATH", saved, 1);
        free(saved);
    }
}

static void test_charset(void **state)
{
    /* "招生计划" in GB18030, declared by a meta tag */
    static const char gb[] = "<meta charset=\"gbk\"><p>\xD5\xD0\xC9\xFA\xBC\xC6\xBB\xAE</p>";
    char cs[64], *out;
    size_t len;
    zj_error err;

    (void)state;
    assert_string_equal(zj__charset_detect(gb, sizeof gb - 1, "text/html", cs, sizeof cs), "gb18030");
    assert_int_equal(zj__charset_to_utf8(gb, sizeof gb - 1, "gb18030", "x", &out, &len, &err), ZJ_OK);
    assert_non_null(strstr(out, "招生计划"));
    free(out);
    /* the HTTP header wins; a BOM means UTF-8; undeclared non-UTF-8 is GB18030 */
    assert_string_equal(zj__charset_detect(gb, sizeof gb - 1, "text/html; charset=UTF-8", cs, sizeof cs), "utf-8");
    assert_string_equal(zj__charset_detect("\xEF\xBB\xBF<p>", 6, NULL, cs, sizeof cs), "utf-8");
    assert_string_equal(zj__charset_detect("<p>\xD5\xD0</p>", 9, NULL, cs, sizeof cs), "gb18030");
    assert_int_equal(zj__charset_to_utf8("\xFF\xFE", 2, "utf-8", "x", &out, &len, &err), ZJ_ERR_ENCODING);
}

static void test_list_and_article(void **state)
{
    static const char list[] =
        "<ul><li><a href=\"./202504/t20250425_4074245.html\" title=\"关于2025年贯通培养招生计划的通知\">关于…</a>"
        "<span>2025-04-25</span></li>"
        "<li><a href=\"./202504/t20250420_4070000.html\">安全工作通知</a><span>2025-04-20</span></li>"
        "<li><a href=\"/html/zkzz/tzgg/2024/0521/13579.html\">2024年中职招生计划</a></li>"
        "<li><a href=\"../other.html\">其他</a></li></ul>"
        "<script>var countPage = 7//共多少页</script>";
    static const char art[] =
        "<html><head><meta name=\"ArticleTitle\" content=\"关于2025年贯通培养招生计划的通知\">"
        "<meta name=\"PubDate\" content=\"2025-04-25 10:00\"><meta name=\"ColumnName\" content=\"通知公告\"></head>"
        "<body><div class=\"view TRS_UEDITOR trs_paper_default\"><p>京教职成[2025]3号</p>"
        "<a href=\"./P020250425123.xlsx\">附件1</a><a href=\"W020250425124.docx\">附件2</a>"
        "<a href=\"/uploads/2025/04/%E8%AE%A1%E5%88%92.pdf\">计划.pdf</a><a href=\"foo.html\">x</a></div></body></html>";
    zj__links l;
    zj__article a;
    int pages;
    zj_error err;

    (void)state;
    assert_int_equal(zj__parse_list(list, sizeof list - 1, "https://jw.beijing.gov.cn/tzgg/index_2.html", &l, &pages,
                                   &err), ZJ_OK);
    assert_int_equal(pages, 7);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.items[0].url, "https://jw.beijing.gov.cn/tzgg/202504/t20250425_4074245.html");
    assert_string_equal(l.items[0].title, "关于2025年贯通培养招生计划的通知");
    assert_string_equal(l.items[0].date, "2025-04-25");
    assert_true(zj__notice_relevant(l.items[0].title));
    assert_false(zj__notice_relevant(l.items[1].title));
    assert_string_equal(l.items[2].url, "https://jw.beijing.gov.cn/html/zkzz/tzgg/2024/0521/13579.html");
    zj__links_free(&l);

    assert_int_equal(zj__parse_article(art, sizeof art - 1, "https://jw.beijing.gov.cn/tzgg/202504/t20250425_4074245.html",
                                      &a, &err), ZJ_OK);
    assert_string_equal(a.title, "关于2025年贯通培养招生计划的通知");
    assert_string_equal(a.date, "2025-04-25 10:00");
    assert_string_equal(a.column, "通知公告");
    assert_string_equal(a.docno, "京教职成〔2025〕3号");
    assert_int_equal(a.year, 2025);
    assert_int_equal(a.attachments.n, 3);
    assert_string_equal(a.attachments.items[0].url, "https://jw.beijing.gov.cn/tzgg/202504/P020250425123.xlsx");
    assert_string_equal(a.attachments.items[1].url, "https://jw.beijing.gov.cn/tzgg/202504/W020250425124.docx");
    assert_string_equal(a.attachments.items[2].url,
                        "https://jw.beijing.gov.cn/uploads/2025/04/%E8%AE%A1%E5%88%92.pdf");
    zj__article_free(&a);
}

static void test_docno(void **state)
{
    char *d;

    (void)state;
    d = zj__find_docno("根据京教函〔2024〕135号文件");
    assert_string_equal(d, "京教函〔2024〕135号");
    free(d);
    d = zj__find_docno("北京市 京教职成[2023]6号");
    assert_string_equal(d, "京教职成〔2023〕6号");
    free(d);
    d = zj__find_docno("北京没有文号");
    assert_string_equal(d, "");
    free(d);
}

static void test_robots(void **state)
{
    static const char txt[] =
        "User-agent: *\nDisallow: /private/\nAllow: /private/open\nCrawl-delay: 3\n\n"
        "User-agent: BadBot\nDisallow: /\n";
    zj__robots *r = zj__robots_parse(txt, sizeof txt - 1);

    (void)state;
    assert_non_null(r);
    assert_true(zj__robots_allowed(r, "/tzgg/index.html"));
    assert_false(zj__robots_allowed(r, "/private/x.html"));
    assert_true(zj__robots_allowed(r, "/private/open.html"));
    assert_int_equal(zj__robots_crawl_delay_ms(r), 3000);
    zj__robots_free(r);
    r = zj__robots_parse("User-agent: zhijiao\nDisallow: /a\nUser-agent: *\nDisallow: /\n", 58);
    assert_true(zj__robots_allowed(r, "/b"));
    assert_false(zj__robots_allowed(r, "/a/b"));
    zj__robots_free(r);
}

static void test_urls(void **state)
{
    char hp[300], *u;

    (void)state;
    assert_true(zj__url_hostport("https://JW.Beijing.gov.cn/tzgg/", hp, sizeof hp));
    assert_string_equal(hp, "jw.beijing.gov.cn:443");
    assert_false(zj__url_hostport("ftp://x/", hp, sizeof hp));
    u = zj__url_resolve("http://127.0.0.1:8080/jw/tzgg/index.html", "./202304/t1.html");
    assert_string_equal(u, "http://127.0.0.1:8080/jw/tzgg/202304/t1.html");
    free(u);
    assert_null(zj__url_resolve("http://a/", "file:///etc/passwd"));
    assert_null(zj__url_resolve("http://a/", "javascript:alert(1)"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_spans),
        cmocka_unit_test(test_cell_text),
        cmocka_unit_test(test_xlsx_and_normalize),
        cmocka_unit_test(test_docx),
        cmocka_unit_test(test_xls),
        cmocka_unit_test(test_bad_containers),
        cmocka_unit_test(test_office_needs_soffice),
        cmocka_unit_test(test_charset),
        cmocka_unit_test(test_list_and_article),
        cmocka_unit_test(test_docno),
        cmocka_unit_test(test_robots),
        cmocka_unit_test(test_urls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
