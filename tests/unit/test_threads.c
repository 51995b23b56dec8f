/* test_threads.c — one zj_data shared by several threads.
 *
 * The header promises that an opened zj_data is immutable and may be used
 * from any number of threads without locking.  Four threads decide the
 * same rows, audit the same table and look up the same plan at once; every
 * thread must get exactly the single-threaded answers (run under the
 * sanitizer build too, which would catch racy writes as heap errors). */
#include <pthread.h>
#include <string.h>

#include "testutil.h"

#define THREADS 4
#define ROWS 2000
#define ROUNDS 5

static zj_data *data;
static const char *const names[] = { "jurisdiction", "year", "has_qualification",
                                     "beijing_hukou", "score" };
static zj_value cells[ROWS * 5];
static char scores[ROWS][16];
static int expected[ROWS];
static size_t expected_findings;

static void make_rows(void)
{
    size_t r;

    for (r = 0; r < ROWS; r++) {
        snprintf(scores[r], sizeof scores[r], "%zu", 400 + (r * 7) % 280);
        cells[r * 5 + 0] = zj_value_text(r % 3 ? "beijing" : "北京");
        cells[r * 5 + 1] = zj_value_number(r % 2 ? 2024 : 2023);
        cells[r * 5 + 2] = zj_value_text(r % 11 ? "是" : "否");
        cells[r * 5 + 3] = zj_value_bool(r % 13 != 0);
        cells[r * 5 + 4] = zj_value_text(scores[r]);
    }
}

/* eligible * 10 + status: one number per row to compare */
static void decide(int *out)
{
    zj_decision *d = calloc(ROWS, sizeof *d);
    zj_error err;
    size_t r;

    assert_non_null(d);
    assert_int_equal(zj_check_batch(data, "gtpy.admission", names, 5, cells, ROWS, d, &err), ZJ_OK);
    for (r = 0; r < ROWS; r++)
        out[r] = d[r].eligible * 10 + (int)d[r].status;
    zj_decisions_free(d, ROWS);
    free(d);
}

static size_t audit_plan(void)
{
    const zj_table *t;
    zj_findings f;
    zj_error err;
    size_t n;

    zj_findings_init(&f);
    if (zj_data_table(data, "gtpy_plan_2023", &t, &err) != ZJ_OK ||
        zj_table_audit(data, t, &f, &err) != ZJ_OK)
        return (size_t)-1;
    n = f.count;
    zj_findings_free(&f);
    return n;
}

static void *worker(void *arg)
{
    int *mismatches = arg, got[ROWS];
    zj_plan_entry e;
    size_t found, k, r;
    zj_error err;

    for (k = 0; k < ROUNDS; k++) {
        decide(got);
        for (r = 0; r < ROWS; r++)
            *mismatches += got[r] != expected[r];
        *mismatches += audit_plan() != expected_findings;
        if (zj_plan_lookup(data, 2023, "北京电子科技职业学院", "机电一体化技术", &e, 1, &found, &err) != ZJ_OK ||
            found != 1 || e.places != 60)
            (*mismatches)++;
    }
    return NULL;
}

static void test_shared_data(void **state)
{
    pthread_t th[THREADS];
    int mismatches[THREADS] = { 0 };
    zj_error err;
    size_t i;

    (void)state;
    assert_int_equal(zj_data_open(zj_test_path("data"), &data, &err), ZJ_OK);
    make_rows();
    decide(expected);
    expected_findings = audit_plan();
    assert_true(expected_findings != (size_t)-1);
    for (i = 0; i < THREADS; i++)
        assert_int_equal(pthread_create(&th[i], NULL, worker, &mismatches[i]), 0);
    for (i = 0; i < THREADS; i++) {
        assert_int_equal(pthread_join(th[i], NULL), 0);
        assert_int_equal(mismatches[i], 0);
    }
    zj_data_close(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shared_data),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
