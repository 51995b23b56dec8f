/* test_rules_invalid.c — rule files that must be rejected.
 *
 * Tests are folders of cases (as in jansson's test suite): each folder of
 * tests/data/rules_invalid/ is a complete, minimal data directory
 * (rules/<jurisdiction>/<file>.json and a tables.json without tables) with
 * one defect, and a file `error` whose first line is the expected end of
 * err->where and whose second line is a part of err->message_en.  Adding a
 * case needs no code.  The English message may quote the rule file, but
 * carries no other Chinese word (issue 9). */
#include <dirent.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"
#include "cjkutil.h"

#define MAX_CASES 64

static char *case_names[MAX_CASES];
static size_t n_cases;

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void strip(char *s)
{
    size_t n = strlen(s);

    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);

    return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* The rule file err->where names ("<path>[:line:col]"), read whole into
 * a malloc'd string; NULL when it cannot be read. */
static char *read_where(const zj_error *err)
{
    char path[ZJ_ERROR_WHERE_MAX], *text = NULL;
    char *colon;
    long size;
    FILE *f;

    snprintf(path, sizeof path, "%s", err->where);
    colon = strstr(path, ".json:");
    if (colon)
        colon[5] = '\0';
    f = fopen(path, "rb");
    if (!f)
        return NULL;
    if (fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (text = calloc(1, (size_t)size + 1)) != NULL && fread(text, 1, (size_t)size, f) != (size_t)size) {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

/* 0 when every Chinese word of the English message is quoted from the file. */
static int english_quotes_only_the_file(const char *name, const zj_error *err)
{
    char *file = read_where(err), stray[256];
    const char *q[1];
    int bad;

    q[0] = file;
    bad = cjk_stray(err->message_en, q, file ? 1 : 0, NULL, stray, sizeof stray);
    if (bad)
        print_error("%s: Chinese \"%s\" in the English message: %s\n", name, stray, err->message_en);
    free(file);
    return bad;
}

/* Runs one case; returns 0 when it behaves as expected. */
static int run_case(const char *name)
{
    char dir[1024], path[1100], where[512] = "", message[512] = "";
    FILE *f;
    zj_data *data = NULL;
    zj_error err;
    zj_code rc;

    snprintf(dir, sizeof dir, "%s", zj_test_path("tests/data/rules_invalid"));
    snprintf(dir + strlen(dir), sizeof dir - strlen(dir), "/%s", name);
    snprintf(path, sizeof path, "%s/error", dir);
    f = fopen(path, "r");
    if (!f) {
        print_error("%s: no `error` file\n", name);
        return 1;
    }
    if (!fgets(where, sizeof where, f) || !fgets(message, sizeof message, f)) {
        fclose(f);
        print_error("%s: `error` needs two lines (where suffix, message_en part)\n", name);
        return 1;
    }
    fclose(f);
    strip(where);
    strip(message);

    rc = zj_data_open(dir, &data, &err);
    if (rc == ZJ_OK) {
        zj_data_close(data);
        print_error("%s: the data opened without error\n", name);
        return 1;
    }
    if (data != NULL) {
        print_error("%s: *out not NULL after a failed open\n", name);
        return 1;
    }
    if (rc != ZJ_ERR_PARSE || err.code != ZJ_ERR_PARSE) {
        print_error("%s: code %d (%s), expected parse: %s: %s\n", name, rc, zj_code_name(rc), err.where,
                    err.message_en);
        return 1;
    }
    if (!ends_with(err.where, where)) {
        print_error("%s: where \"%s\" does not end with \"%s\"\n", name, err.where, where);
        return 1;
    }
    if (!strstr(err.message_en, message)) {
        print_error("%s: message \"%s\" does not contain \"%s\"\n", name, err.message_en, message);
        return 1;
    }
    if (!err.message_zh[0]) {
        print_error("%s: no Chinese message\n", name);
        return 1;
    }
    return english_quotes_only_the_file(name, &err);
}

static void test_cases(void **state)
{
    size_t i, failed = 0;

    (void)state;
    assert_true(n_cases >= 17);
    for (i = 0; i < n_cases; i++) {
        int bad = run_case(case_names[i]);
        fprintf(stderr, "%s %s\n", bad ? "FAIL" : "ok  ", case_names[i]);
        failed += (size_t)bad;
    }
    assert_int_equal(failed, 0);
}

/* The cases the suite must contain (a folder deleted by mistake fails). */
static void test_expected_cases_present(void **state)
{
    static const char *const must[] = { "syntax_error", "unknown_key", "missing_param",
                                        "wrong_param_type", "source_undefined", "duplicate_ruleset",
                                        "year_out_of_range", "wrong_schema",
                                        /* values out of range (issue 12) */
                                        "min_out_of_range", "min_above_total", "min_negative_huge",
                                        "total_negative", "max_choices_fraction", "programmes_empty",
                                        "string_param_empty", "window_malformed", "partner_min_negative",
                                        NULL };
    size_t i, k;

    (void)state;
    for (i = 0; must[i]; i++) {
        int found = 0;
        for (k = 0; k < n_cases; k++)
            if (strcmp(case_names[k], must[i]) == 0)
                found = 1;
        if (!found) {
            print_error("case folder %s is missing\n", must[i]);
            fail();
        }
    }
}

static int setup(void **state)
{
    const char *root = zj_test_path("tests/data/rules_invalid");
    DIR *d = opendir(root);
    struct dirent *e;

    (void)state;
    if (!d) {
        fprintf(stderr, "cannot open %s\n", root);
        return -1;
    }
    while ((e = readdir(d)) != NULL && n_cases < MAX_CASES) {
        char p[1100];
        struct stat st;

        if (e->d_name[0] == '.')
            continue;
        snprintf(p, sizeof p, "%s/%s", zj_test_path("tests/data/rules_invalid"), e->d_name);
        if (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        case_names[n_cases] = strdup(e->d_name);
        if (!case_names[n_cases]) {
            closedir(d);
            return -1;
        }
        n_cases++;
    }
    closedir(d);
    qsort(case_names, n_cases, sizeof *case_names, by_name);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    while (n_cases)
        free(case_names[--n_cases]);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_expected_cases_present),
        cmocka_unit_test(test_cases),
    };

    return cmocka_run_group_tests(tests, setup, teardown);
}
