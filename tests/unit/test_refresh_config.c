/* test_refresh_config.c — refresh settings from text (refresh.conf). */
#include <unistd.h>

#include "testutil.h"

static char *write_tmp(const char *text)
{
    static char path[64];
    FILE *fp;
    int fd;

    snprintf(path, sizeof path, "/tmp/zj-conf-XXXXXX");
    fd = mkstemp(path);
    assert_true(fd >= 0);
    fp = fdopen(fd, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    return path;
}

static void file_settings_reach_the_options(void **state)
{
    zj_refresh_config *c = zj_refresh_config_new();
    zj_refresh_options o;
    zj_error err;
    char *path = write_tmp("\xEF\xBB\xBF# 镜像站\n"
                           "base-url = http://127.0.0.1:8080/jw\n"
                           "  base-url=http://127.0.0.1:8080/bjeea  \n"
                           "\n"
                           "allow-host = files.example.edu.cn\n"
                           "snapshot-dir = /srv/职教/snapshot\n"
                           "rate-limit = 0\n"
                           "retries = 0\n"
                           "timeout = 2.5\n"
                           "offline = 是\n");
    (void)state;
    zj_error_clear(&err);
    assert_int_equal(zj_refresh_config_load(c, path, &err), ZJ_OK);
    zj_refresh_options_init(&o);
    o.parallel = 3;                       /* not in the file: left alone */
    zj_refresh_config_apply(c, &o);
    assert_int_equal(o.n_base_urls, 2);
    assert_string_equal(o.base_urls[1], "http://127.0.0.1:8080/bjeea");
    assert_int_equal(o.n_allow_hosts, 1);
    assert_string_equal(o.snapshot_dir, "/srv/职教/snapshot");
    assert_true(o.rate_limit < 0);        /* 0 = no limit */
    assert_int_equal(o.max_retries, -1);  /* 0 = none */
    assert_int_equal(o.total_timeout_ms, 2500);
    assert_int_equal(o.offline, 1);
    assert_int_equal(o.parallel, 3);
    assert_null(o.cache_dir);
    zj_refresh_config_free(c);
    unlink(path);
}

static void bad_lines_name_file_line_and_key(void **state)
{
    static const struct { const char *text, *where, *en; zj_code code; } cases[] = {
        { "base-url = x\nrate-limit = fast\n", ":2: rate-limit", "must be a number, not 'fast'", ZJ_ERR_ARG },
        { "parallel = -1\n", ":1: parallel", "out of range", ZJ_ERR_ARG },
        { "proxy = http://p\n", ":1: proxy", "unknown setting \"proxy\"", ZJ_ERR_ARG },
        { "# ok\nbase-url\n", ":2", "expected \"key = value\"", ZJ_ERR_PARSE },
        { " = 3\n", ":1", "no key", ZJ_ERR_PARSE },
        { "offline = maybe\n", ":1: offline", "must be yes or no", ZJ_ERR_ARG },
        { "parallel = 2.5\n", ":1: parallel", "must be a count", ZJ_ERR_ARG },
        { "timeout = 0.0001\n", ":1: timeout", "at least 0.001 seconds", ZJ_ERR_ARG },
        { "retries = 0x3\n", ":1: retries", "must be a number, not '0x3'", ZJ_ERR_ARG },
        { "base-url = \xC3\x28\n", "", "not valid UTF-8", ZJ_ERR_ENCODING },
    };
    size_t i;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zj_refresh_config *c = zj_refresh_config_new();
        zj_error err;
        char *path = write_tmp(cases[i].text), want[128];

        zj_error_clear(&err);
        assert_int_equal(zj_refresh_config_load(c, path, &err), cases[i].code);
        snprintf(want, sizeof want, "%s%s", path, cases[i].where);
        if (strstr(err.where, want) == NULL || strstr(err.message_en, cases[i].en) == NULL)
            fail_msg("case %zu: where \"%s\", message \"%s\"", i, err.where, err.message_en);
        assert_true(err.message_zh[0] != '\0');
        zj_refresh_config_free(c);
        unlink(path);
    }
}

static void missing_file_and_null_arguments(void **state)
{
    zj_refresh_config *c = zj_refresh_config_new();
    zj_error err;

    (void)state;
    zj_error_clear(&err);
    assert_int_equal(zj_refresh_config_load(c, "/nonexistent/zhijiao.conf", &err), ZJ_ERR_IO);
    assert_string_equal(err.where, "/nonexistent/zhijiao.conf");
    assert_int_equal(zj_refresh_config_set(c, "parallel", NULL, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_refresh_config_set(NULL, "parallel", "1", &err), ZJ_ERR_ARG);
    zj_refresh_config_apply(NULL, NULL);  /* harmless */
    zj_refresh_config_free(c);
    zj_refresh_config_free(NULL);
}

static void default_path_follows_the_environment(void **state)
{
    char buf[256];

    (void)state;
    setenv("ZHIJIAO_CONFIG", "/etc/zj.conf", 1);
    assert_int_equal(zj_refresh_config_default_path(buf, sizeof buf), strlen("/etc/zj.conf"));
    assert_string_equal(buf, "/etc/zj.conf");
    unsetenv("ZHIJIAO_CONFIG");
    setenv("XDG_CONFIG_HOME", "/home/官员/.config", 1);
    zj_refresh_config_default_path(buf, sizeof buf);
    assert_string_equal(buf, "/home/官员/.config/zhijiao/refresh.conf");
    assert_true(zj_refresh_config_default_path(buf, 8) >= 8);   /* too small: says so */
    assert_int_equal(strlen(buf), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(file_settings_reach_the_options),
        cmocka_unit_test(bad_lines_name_file_line_and_key),
        cmocka_unit_test(missing_file_and_null_arguments),
        cmocka_unit_test(default_path_follows_the_environment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
