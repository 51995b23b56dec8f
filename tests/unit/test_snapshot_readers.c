/* test_snapshot_readers.c — readers never see half a snapshot.
 *
 * A writer commits new versions of a snapshot one after another, each
 * holding one table in one of two states (1 row or 3 rows), exactly as a
 * refresh does (zj__snapshot_write, then zj__snapshot_commit under the
 * lock); reader threads open the data with that snapshot in a loop at the
 * same time.  Every open must succeed and give one complete state.  A
 * version is removed only two commits after it stopped being current and
 * the writer pauses between commits, so a read (well under a millisecond
 * for the snapshot) always finds the version it named.  The shell test
 * tests/fetch/run-readers-test.sh does the same through `zhijiao refresh`
 * against the loopback mirror. */
#include <pthread.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "plan.h"
#include "tempfile.h"

#define READERS 2
#define COMMITS 40

static char *snap;
static volatile int writing = 1;

typedef struct { size_t reads, one, three, bad; } tally;

static void set(zj__plan_row *row, int col, const char *v)
{
    free(row->f[col]);
    row->f[col] = strdup(v);
}

static void commit_state(size_t n_rows)
{
    static const char *const majors[] = { "航空服务", "电子商务", "会计事务" };
    zj__plan_rows rows;
    zj__snap_table t = { "zz_readers", "t", "京教职成〔2024〕7号", "http://127.0.0.1/jw/t.html", "2024-04-12", NULL };
    zj_error err;
    char *v, *vd;
    size_t i, k;
    int lock;

    memset(&rows, 0, sizeof rows);
    rows.items = calloc(n_rows, sizeof *rows.items);
    assert_non_null(rows.items);
    rows.n = n_rows;
    for (i = 0; i < n_rows; i++) {
        for (k = 0; k < ZJ_PC_COUNT; k++)
            rows.items[i].f[k] = strdup("");
        set(&rows.items[i], ZJ_PC_YEAR, "2024");
        set(&rows.items[i], ZJ_PC_ROW_KIND, "detail");
        set(&rows.items[i], ZJ_PC_MAJOR, majors[i]);
    }
    t.rows = &rows;
    assert_int_equal(zj__snapshot_lock(snap, &lock, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_write(snap, &t, 1, NULL, 0, &v, &vd, &err), ZJ_OK);
    assert_int_equal(zj__snapshot_commit(snap, v, &err), ZJ_OK);
    zj__snapshot_unlock(lock);
    free(v);
    free(vd);
    zj__plan_rows_free(&rows);
}

static void *reader(void *arg)
{
    tally *t = arg;

    while (writing) {
        zj_data *d;
        zj_error err;
        const zj_table *tab;
        size_t n;

        t->reads++;
        if (zj_data_open_with_snapshot(zj_test_path("data"), snap, &d, &err) != ZJ_OK) {
            fprintf(stderr, "read failed: %s: %s\n", err.where, err.message_en);
            t->bad++;
            continue;
        }
        n = zj_data_table(d, "zz_readers", &tab, &err) == ZJ_OK ? zj_table_rows(tab) : 0;
        if (n == 1 && strcmp(zj_table_cell(tab, 0, 4), "航空服务") == 0)
            t->one++;
        else if (n == 3 && strcmp(zj_table_cell(tab, 2, 4), "会计事务") == 0)
            t->three++;
        else {
            fprintf(stderr, "read an incomplete table: %zu rows\n", n);
            t->bad++;
        }
        zj_data_close(d);
    }
    return NULL;
}

static void test_readers_while_commits(void **state)
{
    pthread_t th[READERS];
    tally t[READERS];
    /* long enough that a reader slowed by a loaded machine still finds its
     * version: a commit keeps only the current and the previous one */
    struct timespec pause = { 0, 300 * 1000 * 1000 };
    zj_error err;
    size_t i, one = 0, three = 0, bad = 0, reads = 0;

    (void)state;
    assert_int_equal(zj__temp_dir(&snap, &err), ZJ_OK);
    commit_state(1);
    memset(t, 0, sizeof t);
    for (i = 0; i < READERS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, reader, &t[i]), 0);
    for (i = 0; i < COMMITS; i++) {
        commit_state(i % 2 ? 1 : 3);
        nanosleep(&pause, NULL);
    }
    writing = 0;
    for (i = 0; i < READERS; i++) {
        pthread_join(th[i], NULL);
        reads += t[i].reads;
        one += t[i].one;
        three += t[i].three;
        bad += t[i].bad;
    }
    printf("# %d commits, %zu reads: %zu of one state, %zu of the other, %zu incomplete or failed\n",
           COMMITS, reads, one, three, bad);
    assert_int_equal(bad, 0);
    assert_true(one > 0 && three > 0);
    zj__temp_remove(snap);
    free(snap);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_readers_while_commits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
