/* test_data.c — opening the bundled data: tables, plans, manifest audits,
 * and the manifest's validation. */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static zj_data *open_bundled(void)
{
    zj_data *d = NULL;
    zj_error err;

    if (zj_data_open(zj_test_path("data"), &d, &err) != ZJ_OK)
        fail_msg("cannot open data: %s %s", err.where, err.message_en);
    return d;
}

static void test_open_counts(void **state)
{
    zj_data *d = open_bundled();
    size_t i;
    int years = 0;

    (void)state;
    assert_true(zj_data_ruleset_count(d) >= 5);
    assert_int_equal(zj_data_table_count(d), 10);  /* issue 13 added other_jurisdictions_figures and resource_libraries_2023 */
    for (i = 0; i < zj_data_ruleset_count(d); i++) {
        const zj_ruleset_info *ri = zj_data_ruleset_at(d, i);
        if (strcmp(ri->programme, "gtpy") == 0)
            years |= ri->year == 2023 ? 1 : ri->year == 2024 ? 2 : 0;
    }
    assert_int_equal(years, 3);
    assert_null(zj_data_ruleset_at(d, 1000));
    zj_data_close(d);
}

static void test_table_cells_round_trip(void **state)
{
    zj_data *d = open_bundled();
    const zj_table *t;
    zj_error err;
    size_t col;

    (void)state;
    assert_int_equal(zj_data_table(d, "gtpy_plan_2023", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_rows(t), 92);
    assert_int_equal(zj_table_col_index(t, "school", &col, &err), ZJ_OK);
    assert_string_equal(zj_table_cell(t, 0, col), "北京电子科技职业学院");
    assert_int_equal(zj_table_line(t, 0), 2);
    assert_null(zj_table_cell(t, 92, 0));
    assert_null(zj_table_cell(t, 0, 99));
    assert_string_equal(zj_table_source(t)->document, "京教职成〔2023〕6号");
    assert_int_equal(zj_table_col_index(t, "nope", &col, &err), ZJ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message_en, "nope"));
    zj_data_close(d);
}

static void test_unknown_table_lists_names(void **state)
{
    zj_data *d = open_bundled();
    const zj_table *t;
    zj_error err;

    (void)state;
    assert_int_equal(zj_data_table(d, "gtpy_plan_1999", &t, &err), ZJ_ERR_NOT_FOUND);
    assert_null(t);
    assert_non_null(strstr(err.message_en, "gtpy_plan_2023"));
    assert_non_null(strstr(err.message_zh, "没有名为"));
    zj_data_close(d);
}

static void test_plan_lookup(void **state)
{
    zj_data *d = open_bundled();
    zj_plan_entry e[4];
    size_t found;
    zj_error err;

    (void)state;
    assert_int_equal(zj_plan_lookup(d, 2023, "北京电子科技职业学院", "机电一体化技术", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 1);
    assert_close(e[0].places, 60, 0);
    assert_string_equal(e[0].partner, "北方工业大学");
    assert_string_equal(e[0].programme, "高本贯通");
    assert_string_equal(e[0].table, "gtpy_plan_2023");

    /* the same major with two partner universities */
    assert_int_equal(zj_plan_lookup(d, 2023, "北京电子科技职业学院", "电子信息工程技术（集成电路）", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 2);

    /* full-width brackets as typed with a Chinese IME find the same row */
    assert_int_equal(zj_plan_lookup(d, 2023, "北京农业职业学院", "园林技术（风景园林）", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 1);
    assert_int_equal(zj_plan_lookup(d, 2023, "北京农业职业学院", "园林技术（风景园林", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 0);

    /* a cell the source lost stays missing */
    assert_int_equal(zj_plan_lookup(d, 2023, "北京农业职业学院", "园林技术(风景园林)", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 1);
    assert_nan(e[0].places);

    /* 2024: the 中本贯通 plan and the "3+2" list both have this major here */
    assert_int_equal(zj_plan_lookup(d, 2024, " 北京市昌平职业学校 ", "大数据技术应用", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 2);
    assert_string_equal(e[0].programme, "中本贯通");
    assert_close(e[0].places, 60, 0);
    assert_string_equal(e[0].major_code, "710205");
    assert_string_equal(e[0].partner_major, "大数据管理与应用");
    assert_string_equal(e[1].programme, "3+2");
    assert_string_equal(e[1].partner, "北京工业职业技术学院");
    assert_nan(e[1].places);

    /* counting only (3 中本贯通 majors + 6 "3+2" projects), and no match */
    assert_int_equal(zj_plan_lookup(d, 2024, "北京市昌平职业学校", NULL, NULL, 0, &found, &err), ZJ_OK);
    assert_int_equal(found, 9);
    assert_int_equal(zj_plan_lookup(d, 2024, "北京市昌平职业学校", "烹饪", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 0);

    /* no plan for the year at all is an error, not an empty answer */
    assert_int_equal(zj_plan_lookup(d, 2025, NULL, NULL, e, 4, &found, &err), ZJ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message_en, "2025"));
    assert_int_equal(zj_plan_year_complete(d, 2023), 1);
    assert_int_equal(zj_plan_year_complete(d, 2024), 0);
    assert_int_equal(zj_plan_year_complete(d, 2030), 0);
    zj_data_close(d);
}

static size_t count_kind(const zj_findings *f, zj_finding_kind k)
{
    size_t i, n = 0;

    for (i = 0; i < f->count; i++)
        n += f->items[i].kind == k;
    return n;
}

static void test_audit_plan_2023_derives_lost_cells(void **state)
{
    zj_data *d = open_bundled();
    const zj_table *t;
    zj_findings f;
    zj_error err;
    size_t i;
    double derived = 0;

    (void)state;
    zj_findings_init(&f);
    assert_int_equal(zj_data_table(d, "gtpy_plan_2023", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_audit(d, t, &f, &err), ZJ_OK);
    assert_int_equal(count_kind(&f, ZJ_FIND_SUM_MISMATCH), 0);
    assert_int_equal(count_kind(&f, ZJ_FIND_DERIVED), 3);
    for (i = 0; i < f.count; i++)
        if (f.items[i].kind == ZJ_FIND_DERIVED) {
            derived += f.items[i].expected;
            assert_nan(f.items[i].found);
            assert_string_equal(f.items[i].table, "gtpy_plan_2023");
            assert_string_equal(f.items[i].column, "places");
            assert_true(f.items[i].row >= 2);
        }
    assert_close(derived, 60 + 50 + 30, 0);
    zj_findings_free(&f);
    zj_data_close(d);
}

static void test_audit_satisfaction_finds_published_inconsistencies(void **state)
{
    zj_data *d = open_bundled();
    const zj_table *t;
    zj_findings f;
    zj_error err;
    size_t i;
    int components = 0, pct95 = 0;

    (void)state;
    zj_findings_init(&f);
    assert_int_equal(zj_data_table(d, "satisfaction_2024", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_audit(d, t, &f, &err), ZJ_OK);
    for (i = 0; i < f.count; i++) {
        const zj_finding *x = &f.items[i];
        if (x->kind == ZJ_FIND_PERCENT_UNACHIEVABLE && x->found == 95.00)
            pct95 = 1;
        if (x->expected == 18006 || x->found == 18006)
            components = 1;
    }
    assert_true(pct95);        /* 95.00 % of 8830 is no whole number of people */
    assert_true(components);   /* 6815 + 11191 = 18006, stated 17520 */
    zj_findings_free(&f);
    zj_data_close(d);
}

static void test_every_table_audits_without_error(void **state)
{
    zj_data *d = open_bundled();
    size_t i;

    (void)state;
    for (i = 0; i < zj_data_table_count(d); i++) {
        zj_findings f;
        zj_error err;

        zj_findings_init(&f);
        if (zj_table_audit(d, zj_data_table_at(d, i), &f, &err) != ZJ_OK)
            fail_msg("%s: %s", zj_table_name(zj_data_table_at(d, i)), err.message_en);
        zj_findings_free(&f);
    }
    zj_data_close(d);
}

/* ---- invalid data directories ------------------------------------------ */

static char tmpdir[256];

static void write_file(const char *rel, const char *text)
{
    char path[512];
    FILE *f;

    snprintf(path, sizeof path, "%s/%s", tmpdir, rel);
    f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int make_dir(void **state)
{
    char path[512];

    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/zj-test-data.XXXXXX");
    if (!mkdtemp(tmpdir))
        return -1;
    snprintf(path, sizeof path, "%s/rules", tmpdir);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/tables", tmpdir);
    mkdir(path, 0700);
    return 0;
}

static int remove_dir(void **state)
{
    char cmd[600];

    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *manifest_with(const char *columns, const char *audits)
{
    static char buf[2048];

    snprintf(buf, sizeof buf,
             "{\"schema\": \"zhijiao-tables/1\", \"plan_years\": {},\n"
             " \"tables\": [{\"name\": \"t\", \"file\": \"tables/t.csv\", \"kind\": \"list\",\n"
             "  \"title_zh\": \"表\", \"title_en\": \"table\", \"source\": {\"document\": \"doc\"},\n"
             "  \"columns\": %s, \"audits\": %s}]}\n", columns, audits);
    return buf;
}

static zj_code open_tmp(zj_error *err)
{
    zj_data *d = NULL;
    zj_code rc = zj_data_open(tmpdir, &d, err);

    zj_data_close(d);
    return rc;
}

static void test_manifest_validation(void **state)
{
    zj_error err;

    (void)state;
    write_file("tables/t.csv", "a,b\n1,2\n");
    write_file("tables.json", manifest_with("[\"a\", \"b\"]", "[]"));
    assert_int_equal(open_tmp(&err), ZJ_OK);

    write_file("tables.json", manifest_with("[\"a\", \"c\"]", "[]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.where, "t.csv"));

    write_file("tables.json", manifest_with("[\"a\", \"b\"]", "[{\"type\": \"sums\", \"keys\": [\"a\"], \"value\": \"zz\"}]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.message_en, "value"));

    write_file("tables.json", manifest_with("[\"a\", \"b\"]", "[{\"type\": \"guess\"}]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.message_en, "unknown audit type"));

    write_file("tables.json", "{\"schema\": \"zhijiao-tables/1\",\n \"tables\": [}\n");
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.where, "tables.json:2"));

    write_file("tables/t.csv", "a,b\n1,2,3\n");
    write_file("tables.json", manifest_with("[\"a\", \"b\"]", "[]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.where, "t.csv:2"));

    /* a design must name a known kind, give its reasons, and N for finite */
    write_file("tables/t.csv", "a,b\n1,2\n");
    write_file("tables.json", manifest_with("[\"a\", \"b\"], \"design\": {\"kind\": \"guess\", "
                                            "\"why_zh\": \"z\", \"why_en\": \"e\"}", "[]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.message_en, "sample, census or finite"));
    write_file("tables.json", manifest_with("[\"a\", \"b\"], \"design\": {\"kind\": \"finite\", "
                                            "\"why_zh\": \"z\", \"why_en\": \"e\"}", "[]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.message_en, "population size"));
    write_file("tables.json", manifest_with("[\"a\", \"b\"], \"design\": {\"kind\": \"census\"}",
                                            "[]"));
    assert_int_equal(open_tmp(&err), ZJ_ERR_PARSE);
    assert_non_null(strstr(err.message_en, "why_zh"));
}

/* 2023 against 2024: the 中本贯通 rows by school and major; the 高本贯通
 * rows, whose 2024 plan the seeds do not give, are unpublished, not
 * removed. */
static void test_plan_compare(void **state)
{
    zj_data *d = open_bundled();
    zj_plan_comparison c;
    zj_error err;
    size_t i, seen = 0;

    (void)state;
    assert_int_equal(zj_plan_compare(d, 2023, 2024, NULL, &c, &err), ZJ_OK);
    assert_int_equal(c.counts[ZJ_PLAN_CHANGED], 6);
    assert_int_equal(c.counts[ZJ_PLAN_SAME], 4);
    assert_int_equal(c.counts[ZJ_PLAN_REMOVED], 20);
    assert_int_equal(c.counts[ZJ_PLAN_ADDED], 0);
    for (i = 0; i < c.count; i++) {
        const zj_plan_change *r = &c.rows[i];

        if (strcmp(r->programme, "高本贯通") == 0)
            assert_int_equal(r->kind, ZJ_PLAN_NOT_PUBLISHED);
        if (strcmp(r->programme, "中本贯通") == 0 &&
            strcmp(r->school, "北京市昌平职业学校") == 0 &&
            strcmp(r->major, "大数据技术应用") == 0) {
            assert_int_equal(r->kind, ZJ_PLAN_CHANGED);
            assert_true(r->places1 == 30 && r->places2 == 60 && r->change == 30);
            seen++;
        }
    }
    assert_int_equal(seen, 1);
    zj_plan_comparison_free(&c);
    /* the reverse direction: what 2023 removed, 2024 added */
    assert_int_equal(zj_plan_compare(d, 2024, 2023, "中本贯通", &c, &err), ZJ_OK);
    assert_int_equal(c.counts[ZJ_PLAN_ADDED], 20);
    assert_int_equal(c.counts[ZJ_PLAN_NOT_PUBLISHED], 0);
    zj_plan_comparison_free(&c);
    assert_int_equal(zj_plan_compare(d, 2019, 2024, NULL, &c, &err), ZJ_ERR_NOT_FOUND);
    assert_non_null(strstr(err.message_en, "2019"));
    assert_null(c.rows);
    zj_data_close(d);
}

/* data/tables.json says what n is: the monitoring is a census, the
 * satisfaction survey a sample, the English test rows a sample inside a
 * census table of figures. */
static void test_table_designs(void **state)
{
    zj_data *d = open_bundled();
    const zj_table *t;
    zj_table_design_info di;
    zj_error err;

    assert_int_equal(zj_data_table(d, "majors_monitoring_2024", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_design(t, NULL, &di), 1);
    assert_int_equal(di.design, ZJ_DESIGN_CENSUS);
    assert_non_null(strstr(di.why_zh, "100"));
    assert_int_equal(zj_data_table(d, "satisfaction_2024", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_design(t, "students", &di), 1);
    assert_int_equal(di.design, ZJ_DESIGN_SAMPLE);
    assert_int_equal(zj_data_table(d, "report_figures_2024", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_design(t, "english_pass_pct", &di), 1);
    assert_int_equal(di.design, ZJ_DESIGN_SAMPLE);
    assert_int_equal(zj_table_design(t, "zonghe_total_pct", &di), 1);
    assert_int_equal(di.design, ZJ_DESIGN_CENSUS);
    assert_int_equal(zj_data_table(d, "gtpy_plan_2023", &t, &err), ZJ_OK);
    assert_int_equal(zj_table_design(t, NULL, &di), 0);
    (void)state;
    zj_data_close(d);
}

/* Issue 12: a FIFO in rules/ blocked every command forever.  Only regular
 * files are read; what was skipped is named in the notes.  The alarm turns
 * a regression into a failure (SIGALRM ends the test) instead of a hang. */
static void test_fifo_in_rules_is_skipped_with_a_note(void **state)
{
    char path[600], src[600];
    zj_data *d = NULL;
    zj_error err;
    size_t i;
    int saw_fifo = 0, saw_stray = 0;

    (void)state;
    write_file("tables.json", "{\"schema\": \"zhijiao-tables/1\", \"tables\": [], \"plan_years\": {}}\n");
    snprintf(path, sizeof path, "%s/rules/beijing", tmpdir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(src, sizeof src, "cp '%s' '%s/rules/beijing/'", zj_test_path("data/rules/beijing/3plus2-2024.json"),
             tmpdir);
    assert_int_equal(system(src), 0);
    snprintf(path, sizeof path, "%s/rules/beijing/gtpy-2099.json", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);
    snprintf(path, sizeof path, "%s/rules/stray-pipe", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);

    alarm(20);
    assert_int_equal(zj_data_open(tmpdir, &d, &err), ZJ_OK);
    alarm(0);
    assert_int_equal(zj_data_ruleset_count(d), 1);
    assert_int_equal(zj_data_note_count(d), 2);
    for (i = 0; i < zj_data_note_count(d); i++) {
        const zj_error *n = zj_data_note_at(d, i);

        assert_int_equal(n->code, ZJ_ERR_IO);
        assert_non_null(strstr(n->message_en, "a named pipe (FIFO)"));
        assert_non_null(strstr(n->message_zh, "命名管道"));
        if (strstr(n->where, "rules/beijing/gtpy-2099.json"))
            saw_fifo = 1;
        if (strstr(n->where, "rules/stray-pipe"))
            saw_stray = 1;
    }
    assert_true(saw_fifo && saw_stray);
    assert_null(zj_data_note_at(d, 2));
    zj_data_close(d);
}

/* A FIFO where tables.json belongs is an error, not a hang. */
static void test_fifo_manifest_is_an_error(void **state)
{
    char path[600];
    zj_data *d = NULL;
    zj_error err;

    (void)state;
    snprintf(path, sizeof path, "%s/tables.json", tmpdir);
    assert_int_equal(mkfifo(path, 0600), 0);
    alarm(20);
    assert_int_equal(zj_data_open(tmpdir, &d, &err), ZJ_ERR_IO);
    alarm(0);
    assert_null(d);
    assert_non_null(strstr(err.where, "tables.json"));
    assert_string_equal(err.message_en, "not a regular file, so not read");
}

/* Notes are bounded: beyond ZJ_DATA_NOTES_MAX the last one counts the rest. */
static void test_notes_are_bounded(void **state)
{
    char path[600];
    zj_data *d = NULL;
    zj_error err;
    int i;

    (void)state;
    write_file("tables.json", "{\"schema\": \"zhijiao-tables/1\", \"tables\": [], \"plan_years\": {}}\n");
    for (i = 0; i < ZJ_DATA_NOTES_MAX + 10; i++) {
        snprintf(path, sizeof path, "%s/rules/pipe-%03d", tmpdir, i);
        assert_int_equal(mkfifo(path, 0600), 0);
    }
    alarm(20);
    assert_int_equal(zj_data_open(tmpdir, &d, &err), ZJ_OK);
    alarm(0);
    assert_int_equal(zj_data_note_count(d), ZJ_DATA_NOTES_MAX);
    assert_string_equal(zj_data_note_at(d, ZJ_DATA_NOTES_MAX - 1)->message_en,
                        "11 more entries were skipped too");
    zj_data_close(d);
}

static void test_missing_dir_and_env(void **state)
{
    zj_data *d = NULL;
    zj_error err;

    (void)state;
    assert_int_equal(zj_data_open("/nonexistent/zhijiao", &d, &err), ZJ_ERR_IO);
    assert_null(d);
    assert_non_null(strstr(err.message_en, "ZHIJIAO_DATA"));
    setenv("ZHIJIAO_DATA", "/some/where", 1);
    assert_string_equal(zj_data_default_dir(), "/some/where");
    setenv("ZHIJIAO_DATA", "", 1);
    assert_string_not_equal(zj_data_default_dir(), "");
}

static void test_source_format(void **state)
{
    zj_source s = { "京教职成〔2023〕6号", "三(一)2", "2023-04-07", NULL, NULL };
    char buf[128], tiny[12];
    size_t n;

    (void)state;
    zj_source_format(&s, buf, sizeof buf);
    assert_string_equal(buf, "京教职成〔2023〕6号 三(一)2 (2023-04-07)");
    n = zj_source_format(&s, tiny, sizeof tiny);
    assert_true(n > sizeof tiny);
    /* truncated on a character boundary: "京教职" is 9 bytes, the next would not fit */
    assert_string_equal(tiny, "京教职");
}

/* zhijiao deadlines (issue 13): due order, status against a day, bad days. */
static void test_deadlines(void **state)
{
    zj_data *d = open_bundled();
    zj_deadline *l = NULL;
    size_t n = 0, i, passed = 0, today = 0;
    zj_error err;

    (void)state;
    zj_error_clear(&err);
    assert_int_equal(zj_deadlines(d, 2024, "2024-02-27", &l, &n, &err), ZJ_OK);
    assert_true(n >= 3);
    for (i = 0; i < n; i++) {
        if (i)
            assert_true(strcmp(l[i - 1].due, l[i].due) <= 0);
        if (strcmp(l[i].id, "deadline.contacts") == 0) {
            assert_int_equal(l[i].status, ZJ_DUE_PASSED);
            assert_int_equal(l[i].days, -27);
            assert_string_equal(l[i].status_en, "passed (27 day(s) ago)");
            assert_string_equal(l[i].source.document, "京教函〔2024〕51号");
            passed++;
        }
        if (strcmp(l[i].id, "deadline.upload") == 0) {
            assert_int_equal(l[i].status, ZJ_DUE_TODAY);
            assert_string_equal(l[i].status_zh, "今天 17:00 截止");
            today++;
        }
        assert_int_equal(l[i].year, 2024);
    }
    assert_int_equal(passed, 1);
    assert_int_equal(today, 1);
    zj_deadlines_free(l);
    assert_int_equal(zj_deadlines(d, 0, NULL, &l, &n, &err), ZJ_OK);
    assert_int_equal(l[0].status, ZJ_DUE_NO_DATE);
    assert_string_equal(l[0].status_en, "");
    zj_deadlines_free(l);
    assert_int_equal(zj_deadlines(d, 0, "2023-02-29", &l, &n, &err), ZJ_ERR_ARG);
    assert_null(l);
    assert_int_equal(zj_deadlines(d, 0, "2024-1-31", &l, &n, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_deadlines(d, 0, "2024-01-31x", &l, &n, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_deadlines(d, 20244, NULL, &l, &n, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_deadlines(d, 0, "2024-02-29", &l, &n, &err), ZJ_OK);
    zj_deadlines_free(l);
    zj_data_close(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_counts),
        cmocka_unit_test(test_deadlines),
        cmocka_unit_test(test_table_cells_round_trip),
        cmocka_unit_test(test_unknown_table_lists_names),
        cmocka_unit_test(test_plan_lookup),
        cmocka_unit_test(test_audit_plan_2023_derives_lost_cells),
        cmocka_unit_test(test_audit_satisfaction_finds_published_inconsistencies),
        cmocka_unit_test(test_every_table_audits_without_error),
        cmocka_unit_test_setup_teardown(test_manifest_validation, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_fifo_in_rules_is_skipped_with_a_note, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_notes_are_bounded, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(test_fifo_manifest_is_an_error, make_dir, remove_dir),
        cmocka_unit_test(test_missing_dir_and_env),
        cmocka_unit_test(test_table_designs),
        cmocka_unit_test(test_plan_compare),
        cmocka_unit_test(test_source_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
