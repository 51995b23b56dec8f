/* test_outfile.c — zj_outfile: a file is replaced only when complete. */
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"

static char dir[256];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/zj-outfile-XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[600];
    (void)state;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static const char *in_dir(const char *name)
{
    static char p[2][512];
    static int k;
    k = !k;
    snprintf(p[k], sizeof p[k], "%s/%s", dir, name);
    return p[k];
}

static void write_file(const char *path, const char *text)
{
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static char *slurp(const char *path)
{
    static char buf[256];
    FILE *fp = fopen(path, "r");
    size_t n;
    if (!fp)
        return NULL;
    n = fread(buf, 1, sizeof buf - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    return buf;
}

static int entries(void)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while ((e = readdir(d)) != NULL)
        n += e->d_name[0] != '.' || (e->d_name[1] && strcmp(e->d_name, "..") != 0);
    closedir(d);
    return n;
}

static void test_abort_keeps_old(void **state)
{
    zj_outfile *f;
    zj_error err;

    (void)state;
    write_file(in_dir("keep.csv"), "PRECIOUS\n");
    assert_int_equal(zj_outfile_open(in_dir("keep.csv"), &f, &err), ZJ_OK);
    fputs("half a result", zj_outfile_stream(f));
    /* Not visible under the final name while being written. */
    assert_string_equal(slurp(in_dir("keep.csv")), "PRECIOUS\n");
    zj_outfile_abort(f);
    assert_string_equal(slurp(in_dir("keep.csv")), "PRECIOUS\n");
    assert_int_equal(entries(), 1);     /* no temporary left */
}

static void test_commit_replaces_and_keeps_mode(void **state)
{
    zj_outfile *f;
    zj_error err;
    struct stat st;

    (void)state;
    write_file(in_dir("out.csv"), "old\n");
    chmod(in_dir("out.csv"), 0640);
    assert_int_equal(zj_outfile_open(in_dir("out.csv"), &f, &err), ZJ_OK);
    fputs("new\n", zj_outfile_stream(f));
    assert_int_equal(zj_outfile_commit(f, &err), ZJ_OK);
    assert_string_equal(slurp(in_dir("out.csv")), "new\n");
    assert_int_equal(stat(in_dir("out.csv"), &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(entries(), 1);
}

static void test_symlink_written_through(void **state)
{
    zj_outfile *f;
    zj_error err;
    struct stat st;

    (void)state;
    write_file(in_dir("target.csv"), "old\n");
    assert_int_equal(symlink("target.csv", in_dir("link.csv")), 0);
    assert_int_equal(zj_outfile_open(in_dir("link.csv"), &f, &err), ZJ_OK);
    fputs("new\n", zj_outfile_stream(f));
    zj_outfile_abort(f);
    assert_string_equal(slurp(in_dir("target.csv")), "old\n");
    assert_int_equal(zj_outfile_open(in_dir("link.csv"), &f, &err), ZJ_OK);
    fputs("new\n", zj_outfile_stream(f));
    assert_int_equal(zj_outfile_commit(f, &err), ZJ_OK);
    assert_int_equal(lstat(in_dir("link.csv"), &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(slurp(in_dir("target.csv")), "new\n");
    /* A dangling link: the file it names is created. */
    assert_int_equal(symlink("made.csv", in_dir("dangling.csv")), 0);
    assert_int_equal(zj_outfile_open(in_dir("dangling.csv"), &f, &err), ZJ_OK);
    fputs("x", zj_outfile_stream(f));
    assert_int_equal(zj_outfile_commit(f, &err), ZJ_OK);
    assert_string_equal(slurp(in_dir("made.csv")), "x");
}

static void test_devices_and_errors(void **state)
{
    zj_outfile *f;
    zj_error err;

    (void)state;
    /* A device is written directly, never replaced. */
    assert_int_equal(zj_outfile_open("/dev/null", &f, &err), ZJ_OK);
    assert_string_equal(zj_outfile_temp_path(f), "/dev/null");
    fputs("x", zj_outfile_stream(f));
    assert_int_equal(zj_outfile_commit(f, &err), ZJ_OK);
    /* A write error is the commit's failure. */
    assert_int_equal(zj_outfile_open("/dev/full", &f, &err), ZJ_OK);
    fputs("x", zj_outfile_stream(f));
    assert_int_equal(zj_outfile_commit(f, &err), ZJ_ERR_IO);
    assert_int_equal(zj_outfile_open(in_dir("no/such/dir/x.csv"), &f, &err), ZJ_ERR_IO);
    assert_null(f);
    assert_int_equal(zj_outfile_open(dir, &f, &err), ZJ_ERR_IO);
    assert_int_equal(zj_outfile_open(NULL, &f, &err), ZJ_ERR_ARG);
    zj_outfile_abort(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_abort_keeps_old, setup, teardown),
        cmocka_unit_test_setup_teardown(test_commit_replaces_and_keeps_mode, setup, teardown),
        cmocka_unit_test_setup_teardown(test_symlink_written_through, setup, teardown),
        cmocka_unit_test_setup_teardown(test_devices_and_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
