/* test_fetch_snapshot.c — snapshots of refreshed tables: atomic versions,
 * the previous version kept, carried-over tables, loading them next to
 * the bundled data (zj_data_open_with_snapshot, zj_plan_lookup), the
 * audit of an imported table, and the diff by key. */
#include "testutil.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"
#include "tempfile.h"

static void add_row(zj__plan_rows *r, const char *kind, const char *school, const char *major,
                    const char *places)
{
    zj__plan_row *row;
    size_t k;

    r->items = realloc(r->items, (r->n + 1) * sizeof *r->items);
    assert_non_null(r->items);
    row = &r->items[r->n++];
    for (k = 0; k < ZJ_PC_COUNT; k++)
        row->f[k] = strdup("");
    free(row->f[ZJ_PC_YEAR]);
    row->f[ZJ_PC_YEAR] = strdup("2024");
    free(row->f[ZJ_PC_PROGRAMME]);
    row->f[ZJ_PC_PROGRAMME] = strdup(strcmp(kind, "total") ? "中本贯通" : "");
    free(row->f[ZJ_PC_ROW_KIND]);
    row->f[ZJ_PC_ROW_KIND] = strdup(kind);
    free(row->f[ZJ_PC_SCHOOL]);
    row->f[ZJ_PC_SCHOOL] = strdup(school);
    free(row->f[ZJ_PC_MAJOR]);
    row->f[ZJ_PC_MAJOR] = strdup(major);
    free(row->f[ZJ_PC_PLACES]);
    row->f[ZJ_PC_PLACES] = strdup(places);
    free(row->f[ZJ_PC_SOURCE_URL]);
    row->f[ZJ_PC_SOURCE_URL] = strdup("http://127.0.0.1/jw/t.html");
    free(row->f[ZJ_PC_RETRIEVED_AT]);
    row->f[ZJ_PC_RETRIEVED_AT] = strdup("2025-04-25T00:00:00Z");
    if (strcmp(kind, "detail"))
        r->aggregates++;
}

static char *read_text(const char *dir, const char *file)
{
    char path[4096], buf[256];
    FILE *fp;
    size_t n;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    fp = fopen(path, "r");
    if (!fp)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    buf[strcspn(buf, "\n")] = '\0';
    return strdup(buf);
}

static void test_snapshot_cycle(void **state)
{
    char *dir, *v1, *vd1, *v2, *vd2, *cur, *prev;
    zj_error err;
    zj__plan_rows a, b, other;
    zj__snap_table t = { "gtpy_plan_2024", "关于公布2024年中本贯通项目招生计划的通知", "京教职成〔2024〕7号",
                        "http://127.0.0.1/jw/t.html", "2024-04-12", NULL };
    zj__snap_table t2 = { "threeplustwo_2024", "3+2", "京教函〔2024〕135号", "u", "", NULL };
    zj_data *d, *old, *neu;
    zj_findings f;
    zj__changes ch;
    zj_plan_entry e[4];
    size_t found, i, added = 0, removed = 0, changed = 0;
    const zj_table *tab, *ot, *nt;
    int lock, lock2;

    (void)state;
    memset(&a, 0, sizeof a);
    memset(&b, 0, sizeof b);
    memset(&other, 0, sizeof other);
    add_row(&a, "detail", "北京市昌平职业学校", "航空服务", "30");
    add_row(&a, "detail", "北京市商业学校", "电子商务", "25");
    add_row(&a, "total", "", "", "55");
    add_row(&other, "detail", "北京商贸学校", "宠物养护与经营", "");
    assert_int_equal(zj__temp_dir(&dir, &err), ZJ_OK);

    /* the lock is exclusive */
    assert_int_equal(zj__snapshot_lock(dir, &lock, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_lock(dir, &lock2, &err), ZJ_ERR_IO);
    zj__snapshot_unlock(lock);

    /* version 1: two tables */
    {
        zj__snap_table both[2];
        both[0] = t;
        both[0].rows = &a;
        both[1] = t2;
        both[1].rows = &other;
        assert_int_equal(zj__snapshot_write(dir, both, 2, NULL, 1, &v1, &vd1, &err), ZJ_OK);
    }
    assert_null(zj__snapshot_current(dir));          /* written, not yet current */
    assert_int_equal(zj__snapshot_commit(dir, v1, &err), ZJ_OK);
    cur = zj__snapshot_current(dir);
    assert_string_equal(cur, vd1);
    free(cur);

    /* the refreshed table replaces the bundled one of the same name */
    assert_int_equal(zj_data_open_with_snapshot(zj_test_path("data"), dir, &d, &err), ZJ_OK);
    assert_int_equal(zj_data_table(d, "gtpy_plan_2024", &tab, &err), ZJ_OK);
    assert_int_equal(zj_table_rows(tab), 3);
    assert_int_equal(zj_plan_lookup(d, 2024, "北京市商业学校", NULL, e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 1);
    assert_string_equal(e[0].major, "电子商务");
    assert_close(e[0].places, 25, 0);
    assert_int_equal(zj_plan_lookup(d, 2023, "北京城市学院", "学前教育", e, 4, &found, &err), ZJ_OK);
    assert_int_equal(found, 1);                      /* bundled tables still there */
    zj_data_close(d);
    /* zj_data_open(dir) alone is unchanged */
    assert_int_equal(zj_data_open(zj_test_path("data"), &d, &err), ZJ_OK);
    assert_int_equal(zj_data_table(d, "gtpy_plan_2024", &tab, &err), ZJ_OK);
    assert_int_equal(zj_table_rows(tab), 11);
    zj_data_close(d);

    /* version 2: one table refreshed; the other carried over */
    add_row(&b, "detail", "北京市昌平职业学校", "航空服务", "35");
    add_row(&b, "detail", "北京国际职业教育学校", "文物保护技术", "30");
    add_row(&b, "total", "", "", "60");
    t.rows = &b;
    assert_int_equal(zj__snapshot_write(dir, &t, 1, vd1, 1, &v2, &vd2, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_load(vd1, &old, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_load(vd2, &neu, &err), ZJ_OK);
    assert_int_equal(zj_data_table(neu, "threeplustwo_2024", &tab, &err), ZJ_OK);
    assert_int_equal(zj_data_table(old, "gtpy_plan_2024", &ot, &err), ZJ_OK);
    assert_int_equal(zj_data_table(neu, "gtpy_plan_2024", &nt, &err), ZJ_OK);
    memset(&ch, 0, sizeof ch);
    assert_int_equal(zj__plan_diff(ot, nt, &ch, &err), ZJ_OK);
    for (i = 0; i < ch.n; i++) {
        if (ch.items[i].kind == ZJ_CHANGE_ADDED) {
            added++;
            assert_string_equal(ch.items[i].key, "detail|中本贯通|北京国际职业教育学校|文物保护技术||");
        } else if (ch.items[i].kind == ZJ_CHANGE_REMOVED) {
            removed++;
            assert_string_equal(ch.items[i].key, "detail|中本贯通|北京市商业学校|电子商务||");
        } else {
            changed++;
        }
    }
    assert_int_equal(added, 1);
    assert_int_equal(removed, 1);
    assert_int_equal(changed, 2);    /* 航空服务 30 -> 35, the total 55 -> 60 */
    zj__changes_free(&ch);
    /* the audit: 35 + 30 = 65, not the stated 60 -> reported, not fixed */
    zj_findings_init(&f);
    assert_int_equal(zj_table_audit(neu, nt, &f, &err), ZJ_OK);
    assert_int_equal(f.count, 1);
    assert_int_equal(f.items[0].kind, ZJ_FIND_SUM_MISMATCH);
    assert_close(f.items[0].found, 60, 0);
    assert_close(f.items[0].expected, 65, 0);
    zj_findings_free(&f);
    assert_string_equal(zj_table_cell(nt, 0, ZJ_PC_PLACES), "35");
    zj_data_close(old);
    zj_data_close(neu);

    assert_int_equal(zj__snapshot_commit(dir, v2, &err), ZJ_OK);
    cur = read_text(dir, "CURRENT");
    prev = read_text(dir, "PREVIOUS");
    assert_string_equal(cur, v2);
    assert_string_equal(prev, v1);
    free(cur);
    free(prev);
    {
        struct stat st;
        assert_int_equal(stat(vd1, &st), 0);           /* the previous version is kept */
    }

    /* an interrupted refresh: a half-written version is ignored */
    {
        char path[4096];
        snprintf(path, sizeof path, "%s/versions/vhalf.tmp", dir);
        assert_int_equal(mkdir(path, 0777), 0);
        assert_int_equal(zj_data_open_with_snapshot(zj_test_path("data"), dir, &d, &err), ZJ_OK);
        assert_int_equal(zj_data_table(d, "gtpy_plan_2024", &tab, &err), ZJ_OK);
        assert_string_equal(zj_table_cell(tab, 0, ZJ_PC_PLACES), "35");
        zj_data_close(d);
    }
    /* rollback: the previous version current again, and forward again */
    {
        char *v = NULL;
        assert_int_equal(zj_snapshot_rollback(dir, &v, &err), ZJ_OK);
        assert_string_equal(v, v1);
        free(v);
        cur = read_text(dir, "CURRENT");
        prev = read_text(dir, "PREVIOUS");
        assert_string_equal(cur, v1);
        assert_string_equal(prev, v2);
        free(cur);
        free(prev);
        assert_int_equal(zj_snapshot_rollback(dir, &v, &err), ZJ_OK);
        assert_string_equal(v, v2);
        free(v);
    }
    /* a damaged current version: the previous one is served, with a
     * warning naming the file; both damaged: the bundled data alone */
    {
        char path[4096];
        FILE *fp;
        snprintf(path, sizeof path, "%s/tables.json", vd2);
        fp = fopen(path, "w");
        fputs("{", fp);
        fclose(fp);
        assert_int_equal(zj_data_open_with_snapshot(zj_test_path("data"), dir, &d, &err), ZJ_OK);
        assert_non_null(zj_data_warning(d));
        assert_non_null(strstr(zj_data_warning(d)->where, "tables.json"));
        assert_non_null(strstr(zj_data_warning(d)->message_en, "the previous version is served instead"));
        assert_int_equal(zj_data_table(d, "gtpy_plan_2024", &tab, &err), ZJ_OK);
        assert_string_equal(zj_table_cell(tab, 0, ZJ_PC_PLACES), "30");
        zj_data_close(d);
        snprintf(path, sizeof path, "%s/tables.json", vd1);
        fp = fopen(path, "w");
        fputs("{", fp);
        fclose(fp);
        assert_int_equal(zj_data_open_with_snapshot(zj_test_path("data"), dir, &d, &err), ZJ_OK);
        assert_non_null(strstr(zj_data_warning(d)->message_en, "the bundled data alone is served"));
        assert_int_equal(zj_data_table(d, "gtpy_plan_2024", &tab, &err), ZJ_OK);
        assert_int_equal(zj_table_rows(tab), 11);
        zj_data_close(d);
    }
    zj__temp_remove(dir);
    free(dir);
    free(v1);
    free(vd1);
    free(v2);
    free(vd2);
    zj__plan_rows_free(&a);
    zj__plan_rows_free(&b);
    zj__plan_rows_free(&other);
}

static void test_no_snapshot(void **state)
{
    zj_data *d;
    zj_error err;

    (void)state;
    assert_int_equal(zj_data_open_with_snapshot(zj_test_path("data"), "/nonexistent/zhijiao-snap", &d, &err),
                     ZJ_OK);
    assert_int_equal(zj_data_table_count(d), 10);
    zj_data_close(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snapshot_cycle),
        cmocka_unit_test(test_no_snapshot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
