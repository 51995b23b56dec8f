/* test_snapshot_search.c — which snapshot a reader reads when none is
 * named: the user's own before the machine's (zj_snapshot_read_dir),
 * $ZHIJIAO_SNAPSHOT alone when set, the bundled data when there is none. */
#include "testutil.h"

#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "plan.h"
#include "tempfile.h"

static char *scratch;
static char user_snap[4096], sys_snap[4096];

static int setup(void **state)
{
    zj_error err;
    char home[4096];

    (void)state;
    if (zj__temp_dir(&scratch, &err) != ZJ_OK)
        return -1;
    snprintf(home, sizeof home, "%s/home", scratch);
    snprintf(user_snap, sizeof user_snap, "%s/.local/share/zhijiao/snapshot", home);
    snprintf(sys_snap, sizeof sys_snap, "%s/var/lib/zhijiao/snapshot", scratch);
    setenv("HOME", home, 1);
    unsetenv("XDG_DATA_HOME");
    unsetenv("ZHIJIAO_SNAPSHOT");
    setenv("ZHIJIAO_SYSTEM_SNAPSHOT", sys_snap, 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    zj__temp_remove(scratch);
    free(scratch);
    return 0;
}

/* A committed snapshot in dir holding one table, `name`. */
static void make_snapshot(const char *dir, const char *name)
{
    zj__plan_rows rows;
    zj__plan_row *row;
    zj__snap_table t = { name, "t", "京教职成〔2024〕7号", "http://127.0.0.1/jw/t.html", "2024-04-12", NULL };
    zj_error err;
    char *v, *vd;
    size_t k;
    int lock;

    memset(&rows, 0, sizeof rows);
    rows.items = calloc(1, sizeof *rows.items);
    assert_non_null(rows.items);
    rows.n = 1;
    row = &rows.items[0];
    for (k = 0; k < ZJ_PC_COUNT; k++)
        row->f[k] = strdup("");
    free(row->f[ZJ_PC_YEAR]);
    row->f[ZJ_PC_YEAR] = strdup("2024");
    free(row->f[ZJ_PC_ROW_KIND]);
    row->f[ZJ_PC_ROW_KIND] = strdup("detail");
    t.rows = &rows;
    assert_int_equal(zj__snapshot_lock(dir, &lock, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_write(dir, &t, 1, NULL, 0, &v, &vd, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_commit(dir, v, &err), ZJ_OK);
    zj__snapshot_unlock(lock);
    free(v);
    free(vd);
    zj__plan_rows_free(&rows);
}

static int has_table(const char *name)
{
    zj_data *d;
    zj_error err;
    const zj_table *t;
    int found;

    assert_int_equal(zj_data_open_with_snapshot(zj_test_path("data"), NULL, &d, &err), ZJ_OK);
    found = zj_data_table(d, name, &t, &err) == ZJ_OK;
    zj_data_close(d);
    return found;
}

static void test_search_order(void **state)
{
    char buf[4096];

    (void)state;
    assert_true(zj_snapshot_search_dir(0, buf, sizeof buf) > 0);
    assert_string_equal(buf, user_snap);
    assert_true(zj_snapshot_search_dir(1, buf, sizeof buf) > 0);
    assert_string_equal(buf, sys_snap);
    assert_int_equal(zj_snapshot_search_dir(2, buf, sizeof buf), 0);
    assert_string_equal(buf, "");
    assert_string_equal(zj_snapshot_system_dir(), sys_snap);

    /* no snapshot anywhere: the user's place, and the bundled data alone */
    assert_true(zj_snapshot_read_dir(buf, sizeof buf) < sizeof buf);
    assert_string_equal(buf, user_snap);
    assert_false(has_table("zz_system_only"));

    /* the machine's snapshot, for a user who has none */
    make_snapshot(sys_snap, "zz_system_only");
    zj_snapshot_read_dir(buf, sizeof buf);
    assert_string_equal(buf, sys_snap);
    assert_true(has_table("zz_system_only"));

    /* the user's own takes precedence */
    make_snapshot(user_snap, "zz_user_only");
    zj_snapshot_read_dir(buf, sizeof buf);
    assert_string_equal(buf, user_snap);
    assert_true(has_table("zz_user_only"));
    assert_false(has_table("zz_system_only"));

    /* a named snapshot is the only one consulted */
    snprintf(buf, sizeof buf, "%s/named", scratch);
    setenv("ZHIJIAO_SNAPSHOT", buf, 1);
    assert_int_equal(zj_snapshot_search_dir(1, buf, sizeof buf), 0);
    zj_snapshot_read_dir(buf, sizeof buf);
    assert_non_null(strstr(buf, "/named"));
    assert_false(has_table("zz_user_only"));
    assert_false(has_table("zz_system_only"));
    unsetenv("ZHIJIAO_SNAPSHOT");

    /* a result that does not fit says how long it is */
    assert_int_equal(zj_snapshot_read_dir(buf, 4), strlen(user_snap));
    assert_int_equal(strlen(buf), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_search_order, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
