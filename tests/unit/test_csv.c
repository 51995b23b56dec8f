/* test_csv.c — the CSV reader: RFC 4180 details, line numbers, UTF-8 and
 * GB18030, chunk boundaries, guards and bounded memory. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "encoding.h"   /* internal: tested directly below */
#include "utf8.h"

#if defined(__GLIBC__) && \
    (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
#include <malloc.h>
#define HAVE_MALLINFO2 1
#endif

#define CHUNK (64 * 1024)

/* ---- helpers ----------------------------------------------------------- */

typedef struct buf {
    char *s;
    size_t len, cap;
} buf;

static void bput(buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        b->s = realloc(b->s, cap);
        assert_non_null(b->s);
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void bputs(buf *b, const char *s)
{
    bput(b, s, strlen(s));
}

static void bprintf(buf *b, const char *fmt, ...)
{
    char tmp[512];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    assert_true(n >= 0 && (size_t)n < sizeof tmp);
    bput(b, tmp, (size_t)n);
}

/* Every record as "L<line>:f1|f2|...\n", with CR and LF inside fields
 * shown as \r and \n. */
static zj_code dump_reader(zj_csv_reader *r, buf *out, zj_error *err)
{
    const char *const *f;
    size_t n, i;
    const char *p;
    zj_code rc;

    for (;;) {
        rc = zj_csv_next(r, &f, &n, err);
        if (rc != ZJ_OK)
            return rc;
        if (!f) {
            assert_int_equal(n, 0);
            return ZJ_OK;
        }
        bprintf(out, "L%zu:", zj_csv_line(r));
        for (i = 0; i < n; i++) {
            if (i)
                bputs(out, "|");
            for (p = f[i]; *p; p++) {
                if (*p == '\n')
                    bputs(out, "\\n");
                else if (*p == '\r')
                    bputs(out, "\\r");
                else
                    bput(out, p, 1);
            }
        }
        bputs(out, "\n");
    }
}

/* Reads a buffer and returns the dump (to free), checking the code. */
static char *dump_mem(const char *data, size_t len, zj_encoding enc,
                      zj_code want, zj_error *err)
{
    zj_csv_reader *r = NULL;
    buf b = { NULL, 0, 0 };

    assert_int_equal(zj_csv_open_memory(data, len, enc, &r, err), ZJ_OK);
    assert_int_equal(dump_reader(r, &b, err), want);
    zj_csv_close(r);
    bputs(&b, "");
    return b.s;
}

static char *dump_str(const char *s)
{
    zj_error err;
    return dump_mem(s, strlen(s), ZJ_ENC_AUTO, ZJ_OK, &err);
}

#define assert_dump(input, expected)                                        \
    do {                                                                    \
        char *d_ = dump_str(input);                                         \
        assert_string_equal(d_, expected);                                  \
        free(d_);                                                           \
    } while (0)

static char *read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    buf b = { NULL, 0, 0 };
    char tmp[4096];
    size_t n;

    assert_non_null(fp);
    while ((n = fread(tmp, 1, sizeof tmp, fp)) > 0)
        bput(&b, tmp, n);
    fclose(fp);
    bputs(&b, "");
    *len = b.len;
    return b.s;
}

/* A temporary file holding data[0 .. len); the name is static. */
static const char *temp_file(const char *data, size_t len)
{
    static char name[64];
    int fd;

    snprintf(name, sizeof name, "/tmp/zj_test_csv_XXXXXX");
    fd = mkstemp(name);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, data, len), (ssize_t)len);
    close(fd);
    return name;
}

/* Writes records back as CSV, quoting exactly when a field must be. */
static void write_csv(zj_csv_reader *r, buf *out)
{
    const char *const *f;
    size_t n, i;
    zj_error err;

    for (;;) {
        assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_OK);
        if (!f)
            return;
        for (i = 0; i < n; i++) {
            const char *p = f[i];
            if (i)
                bputs(out, ",");
            if (strpbrk(p, ",\"\r\n")) {
                bputs(out, "\"");
                for (; *p; p++) {
                    if (*p == '"')
                        bputs(out, "\"");
                    bput(out, p, 1);
                }
                bputs(out, "\"");
            } else {
                bputs(out, p);
            }
        }
        bputs(out, "\n");
    }
}

/* ---- RFC 4180 and line numbers ------------------------------------------ */

static void test_quoted_fields(void **state)
{
    (void)state;
    assert_dump("a,\"b,c\",\"d\"\"e\",\"\"\n",
                "L1:a|b,c|d\"e|\n");
    /* Spaces are data (RFC 4180, as Excel writes them). */
    assert_dump(" a , b\t,\" c \"\n", "L1: a | b\t| c \n");
    /* No final line break. */
    assert_dump("x,y\nz,w", "L1:x|y\nL2:z|w\n");
    /* Empty fields. */
    assert_dump(",\n,,\n", "L1:|\nL2:||\n");
    /* A quote inside an unquoted field is kept (lenient, not strict). */
    assert_dump("5\"3,x\n", "L1:5\"3|x\n");
}

static void test_embedded_newlines_and_lines(void **state)
{
    (void)state;
    assert_dump("h1,h2\n"
                "\"x\ny\",z\n"
                "\n"
                "w,\"multi\n\nline\"\n"
                "\"a\",\"\nb\"\n"
                "last,1\n",
                "L1:h1|h2\n"
                "L2:x\\ny|z\n"
                "L5:w|multi\\n\\nline\n"
                "L8:a|\\nb\n"
                "L10:last|1\n");
    /* The first field itself spans lines. */
    assert_dump("\"a\nb\nc\",d\ne,f\n", "L1:a\\nb\\nc|d\nL4:e|f\n");
}

static void test_crlf(void **state)
{
    (void)state;
    assert_dump("a,b\r\nc,d\r\n", "L1:a|b\nL2:c|d\n");
    /* CRLF inside a quoted field is kept byte for byte and counted as
     * one line break. */
    assert_dump("a,\"p\r\nq\"\r\nr,s\r\n\r\nt,u",
                "L1:a|p\\r\\nq\nL3:r|s\nL5:t|u\n");
    /* Old Mac line ends. */
    assert_dump("a,b\rc,d\r", "L1:a|b\nL2:c|d\n");
}

static void test_bom(void **state)
{
    zj_csv_reader *r;
    zj_error err;
    char *d;

    (void)state;
    assert_dump("\xEF\xBB\xBF" "a,b\n", "L1:a|b\n");
    d = dump_mem("\xEF\xBB\xBF" "a,b\n", 7, ZJ_ENC_UTF8, ZJ_OK, &err);
    assert_string_equal(d, "L1:a|b\n");
    free(d);
    /* A BOM alone, or nothing at all. */
    assert_dump("\xEF\xBB\xBF", "");
    assert_dump("", "");
    assert_int_equal(zj_csv_open_memory(NULL, 0, ZJ_ENC_AUTO, &r, &err),
                     ZJ_OK);
    assert_int_equal(zj_csv_encoding(r), ZJ_ENC_UTF8);
    zj_csv_close(r);
}

static void test_blank_lines(void **state)
{
    (void)state;
    assert_dump("\n\n  \n\"\"\na\n\r\n,\n\t\n\nb",
                "L5:a\nL7:|\nL10:b\n");
}

/* ---- files, encodings -------------------------------------------------- */

static const char *const plan_dump =
    "L1:区|学校|专业|计划数|备注\n"
    "L2:东城区|北京市第一职业学校|计算机应用\\n（软件方向）|40|含\"贯通\"试点\n"
    "L4:西城区|北京市西城职业学校|会计事务|35|\n"
    "L5:朝阳区|北京市劳动保障职业学校|老年服务, 护理|30|"
    "\xF0\xA0\x80\x80生僻字\xE3\x80\x80全角空格\n"
    "L6:海淀区|北京市海淀区职业学校|数控技术应用|25|€符号·间隔号\n";

static void check_file(const char *rel, zj_encoding enc, zj_encoding want)
{
    zj_csv_reader *r = NULL;
    zj_error err;
    buf b = { NULL, 0, 0 };

    assert_int_equal(zj_csv_open_file(zj_test_path(rel), enc, &r, &err),
                     ZJ_OK);
    assert_int_equal(zj_csv_encoding(r), want);
    assert_int_equal(dump_reader(r, &b, &err), ZJ_OK);
    assert_string_equal(b.s, plan_dump);
    zj_csv_close(r);
    free(b.s);
}

static void test_files_and_encodings(void **state)
{
    (void)state;
    check_file("tests/data/csv/plan_utf8.csv", ZJ_ENC_AUTO, ZJ_ENC_UTF8);
    check_file("tests/data/csv/plan_utf8.csv", ZJ_ENC_UTF8, ZJ_ENC_UTF8);
    check_file("tests/data/csv/plan_utf8_bom.csv", ZJ_ENC_AUTO, ZJ_ENC_UTF8);
    check_file("tests/data/csv/plan_gb18030.csv", ZJ_ENC_AUTO,
               ZJ_ENC_GB18030);
    check_file("tests/data/csv/plan_gb18030.csv", ZJ_ENC_GB18030,
               ZJ_ENC_GB18030);
}

/* Writing the records back gives the UTF-8 file byte for byte, whether
 * they were read from it or from its GB18030 twin. */
static void test_round_trip(void **state)
{
    static const char *const files[] = {
        "tests/data/csv/plan_utf8.csv", "tests/data/csv/plan_utf8_bom.csv",
        "tests/data/csv/plan_gb18030.csv"
    };
    size_t len, i;
    char *orig = read_file(zj_test_path("tests/data/csv/plan_utf8.csv"),
                           &len);

    (void)state;
    for (i = 0; i < 3; i++) {
        zj_csv_reader *r = NULL;
        zj_error err;
        buf b = { NULL, 0, 0 };

        assert_int_equal(zj_csv_open_file(zj_test_path(files[i]),
                                          ZJ_ENC_AUTO, &r, &err), ZJ_OK);
        write_csv(r, &b);
        assert_int_equal(b.len, len);
        assert_memory_equal(b.s, orig, len);
        zj_csv_close(r);
        free(b.s);
    }
    free(orig);
}

static void test_gb18030_explicit_memory(void **state)
{
    /* "中文,学生\n贯通,1" in GB18030 */
    static const char gb[] = "\xD6\xD0\xCE\xC4,\xD1\xA7\xC9\xFA\n"
                             "\xB9\xE1\xCD\xA8,1";
    zj_error err;
    char *d = dump_mem(gb, sizeof gb - 1, ZJ_ENC_GB18030, ZJ_OK, &err);

    (void)state;
    assert_string_equal(d, "L1:中文|学生\nL2:贯通|1\n");
    free(d);
    /* GB18030's own BOM (U+FEFF as 84 31 95 33) is dropped too. */
    d = dump_mem("\x84\x31\x95\x33\xD6\xD0,1\n", 8, ZJ_ENC_GB18030, ZJ_OK,
                 &err);
    assert_string_equal(d, "L1:中|1\n");
    free(d);
}

/* Builds GB18030 text whose character `mb` (mblen bytes) starts `before`
 * bytes ahead of the 64 KiB boundary, on line *mb_line. */
static char *build_split(const char *mb, size_t mblen, size_t before,
                         size_t *len, size_t *mb_line)
{
    buf b = { NULL, 0, 0 };
    size_t line = 1, target = CHUNK - before, i;

    /* Non-UTF-8 up front, so that detection says GB18030. */
    bputs(&b, "\xD6\xD0\xCE\xC4,0\n");
    line++;
    while (b.len + 40 < target) {
        bprintf(&b, "filler%05zu,xxxxxxxxxxxxxxxxxxxxxx\n", line);
        line++;
    }
    /* The last filler line lands exactly on the target. */
    bputs(&b, "f,");
    while (b.len < target - 1)
        bputs(&b, "y");
    bputs(&b, "\n");
    line++;
    assert_int_equal(b.len, target);
    *mb_line = line;
    bput(&b, mb, mblen);
    bputs(&b, "\xCE\xC4,tail\n");
    for (i = 0; i < 100; i++)
        bputs(&b, "\xD6\xD0,more\n");
    *len = b.len;
    return b.s;
}

static void check_split(const char *mb, size_t mblen, size_t before,
                        const char *utf8)
{
    size_t len, line, i;
    char *data = build_split(mb, mblen, before, &len, &line);
    char want[64];
    const char *path;

    snprintf(want, sizeof want, "L%zu:%s文|tail\n", line, utf8);
    for (i = 0; i < 2; i++) {
        zj_csv_reader *r = NULL;
        zj_error err;
        buf b = { NULL, 0, 0 };

        if (i == 0) {
            assert_int_equal(zj_csv_open_memory(data, len, ZJ_ENC_AUTO, &r,
                                                &err), ZJ_OK);
        } else {
            path = temp_file(data, len);
            assert_int_equal(zj_csv_open_file(path, ZJ_ENC_AUTO, &r, &err),
                             ZJ_OK);
            unlink(path);
        }
        assert_int_equal(zj_csv_encoding(r), ZJ_ENC_GB18030);
        assert_int_equal(dump_reader(r, &b, &err), ZJ_OK);
        assert_non_null(strstr(b.s, want));
        assert_non_null(strstr(b.s, "L1:中文|0\n"));
        zj_csv_close(r);
        free(b.s);
    }
    free(data);
}

static void test_gb18030_chunk_boundary(void **state)
{
    (void)state;
    check_split("\xD6\xD0", 2, 1, "中");               /* 1 | 1 */
    check_split("\x95\x32\x82\x36", 4, 1, "\xF0\xA0\x80\x80");  /* 1 | 3 */
    check_split("\x95\x32\x82\x36", 4, 2, "\xF0\xA0\x80\x80");  /* 2 | 2 */
    check_split("\x95\x32\x82\x36", 4, 3, "\xF0\xA0\x80\x80");  /* 3 | 1 */
    check_split("\x95\x32\x82\x36", 4, 4, "\xF0\xA0\x80\x80");  /* whole */
}

/* A UTF-8 character cut by the 64 KiB boundary is fine. */
static void test_utf8_chunk_boundary(void **state)
{
    size_t before;

    (void)state;
    for (before = 1; before <= 3; before++) {
        buf b = { NULL, 0, 0 };
        zj_error err;
        char *d;
        const char *last;

        while (b.len + 20 < CHUNK - before)
            bputs(&b, "abcdefghi,123456789\n");
        while (b.len < CHUNK - before - 1)
            bputs(&b, "z");
        bputs(&b, ",");
        bputs(&b, "\xF0\xA0\x80\x80中,end\n");
        d = dump_mem(b.s, b.len, ZJ_ENC_AUTO, ZJ_OK, &err);
        last = strrchr(d, 'L');
        assert_non_null(strstr(last, "|\xF0\xA0\x80\x80中|end\n"));
        free(d);
        free(b.s);
    }
}

/* ---- failures ------------------------------------------------------------ */

static void test_invalid_utf8_late(void **state)
{
    buf b = { NULL, 0, 0 };
    zj_csv_reader *r = NULL;
    const char *const *f;
    size_t n, line = 0, count = 0;
    zj_error err;
    char want[64];

    (void)state;
    while (b.len < CHUNK + 5000) {
        line++;
        bprintf(&b, "row%zu,数据%zu\n", line, line);
    }
    bputs(&b, "bad\xFF,1\n");
    line++;
    bputs(&b, "after,2\n");
    assert_int_equal(zj_csv_open_memory(b.s, b.len, ZJ_ENC_AUTO, &r, &err),
                     ZJ_OK);
    assert_int_equal(zj_csv_encoding(r), ZJ_ENC_UTF8);
    while (zj_csv_next(r, &f, &n, &err) == ZJ_OK) {
        assert_non_null(f);
        count++;
    }
    /* Every good record before the bad line came out first. */
    assert_int_equal(count, line - 1);
    assert_int_equal(err.code, ZJ_ERR_ENCODING);
    snprintf(want, sizeof want, "<memory>:%zu", line);
    assert_string_equal(err.where, want);
    snprintf(want, sizeof want, "line %zu", line);
    assert_non_null(strstr(err.message_en, want));
    snprintf(want, sizeof want, "第 %zu 行", line);
    assert_non_null(strstr(err.message_zh, want));
    /* The failure repeats. */
    zj_error_clear(&err);
    assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_ERR_ENCODING);
    assert_null(f);
    assert_int_equal(err.code, ZJ_ERR_ENCODING);
    zj_csv_close(r);
    free(b.s);
}

static void test_encoding_errors(void **state)
{
    zj_error err;
    char *d;

    (void)state;
    /* Invalid GB18030 (0xFF) on line 2, after a good record. */
    d = dump_mem("\xD6\xD0,1\n\xFF\xFF,2\n", 10, ZJ_ENC_GB18030,
                 ZJ_ERR_ENCODING, &err);
    assert_string_equal(d, "L1:中|1\n");
    assert_string_equal(err.where, "<memory>:2");
    assert_non_null(strstr(err.message_en, "GB18030"));
    free(d);
    /* GB18030 cut off at the end. */
    d = dump_mem("a,\xD6", 3, ZJ_ENC_GB18030, ZJ_ERR_ENCODING, &err);
    free(d);
    /* UTF-8 cut off at the end (explicit, so detection cannot choose
     * GB18030 instead). */
    d = dump_mem("a,\xE4\xB8", 4, ZJ_ENC_UTF8, ZJ_ERR_ENCODING, &err);
    assert_string_equal(err.where, "<memory>:1");
    free(d);
    /* A NUL byte: probably UTF-16. */
    d = dump_mem("a,b\nc\0d\n", 8, ZJ_ENC_AUTO, ZJ_ERR_ENCODING, &err);
    assert_string_equal(d, "L1:a|b\n");
    assert_string_equal(err.where, "<memory>:2");
    assert_non_null(strstr(err.message_en, "UTF-16"));
    free(d);
    /* Overlong and surrogate forms are not UTF-8. */
    d = dump_mem("\xC0\xAF\n", 3, ZJ_ENC_UTF8, ZJ_ERR_ENCODING, &err);
    free(d);
    d = dump_mem("\xED\xA0\x80\n", 4, ZJ_ENC_UTF8, ZJ_ERR_ENCODING, &err);
    free(d);
}

static void test_missing_file(void **state)
{
    zj_csv_reader *r = (zj_csv_reader *)1;
    zj_error err;
    const char *path = "/nonexistent/zhijiao/no_such.csv";

    (void)state;
    assert_int_equal(zj_csv_open_file(path, ZJ_ENC_AUTO, &r, &err),
                     ZJ_ERR_IO);
    assert_null(r);
    assert_int_equal(err.code, ZJ_ERR_IO);
    assert_non_null(strstr(err.message_en, path));
    assert_non_null(strstr(err.message_zh, path));
    assert_non_null(strstr(err.message_en, strerror(ENOENT)));
}

static void test_guards(void **state)
{
    buf b = { NULL, 0, 0 };
    zj_error err;
    char *d;
    size_t i;

    (void)state;
    /* A field over 1 MiB (an unclosed quote, say). */
    bputs(&b, "ok,1\n\"");
    for (i = 0; i < 1100 * 1024 / 64; i++)
        bputs(&b, "0123456789012345678901234567890123456789012345678901234567890\n\n");
    d = dump_mem(b.s, b.len, ZJ_ENC_AUTO, ZJ_ERR_PARSE, &err);
    assert_string_equal(d, "L1:ok|1\n");
    assert_non_null(strstr(err.message_en, "longer than"));
    free(d);
    free(b.s);
    memset(&b, 0, sizeof b);

    /* 10,000 fields is the most a record may have. */
    bputs(&b, "x");
    for (i = 1; i < 10000; i++)
        bputs(&b, ",x");
    bputs(&b, "\n");
    d = dump_mem(b.s, b.len, ZJ_ENC_AUTO, ZJ_OK, &err);
    free(d);
    bputs(&b, "y");
    for (i = 1; i < 10001; i++)
        bputs(&b, ",y");
    bputs(&b, "\n");
    d = dump_mem(b.s, b.len, ZJ_ENC_AUTO, ZJ_ERR_PARSE, &err);
    assert_string_equal(err.where, "<memory>:2");
    assert_non_null(strstr(err.message_en, "10000 fields"));
    free(d);
    free(b.s);
}

static void test_arguments(void **state)
{
    zj_csv_reader *r = NULL;
    const char *const *f = (const char *const *)&f;
    size_t n = 7;
    zj_error err;
    zj_encoding e = ZJ_ENC_UTF8;

    (void)state;
    assert_int_equal(zj_csv_open_file(NULL, ZJ_ENC_AUTO, &r, &err),
                     ZJ_ERR_ARG);
    assert_int_equal(zj_csv_open_file("x", ZJ_ENC_AUTO, NULL, &err),
                     ZJ_ERR_ARG);
    assert_int_equal(zj_csv_open_memory(NULL, 3, ZJ_ENC_AUTO, &r, &err),
                     ZJ_ERR_ARG);
    assert_int_equal(zj_csv_open_memory("a", 1, (zj_encoding)9, &r, &err),
                     ZJ_ERR_ARG);
    assert_int_equal(zj_csv_next(NULL, &f, &n, &err), ZJ_ERR_ARG);
    assert_null(f);
    assert_int_equal(n, 0);
    assert_int_equal(err.code, ZJ_ERR_ARG);
    assert_int_equal(zj_csv_line(NULL), 0);
    zj_csv_close(NULL);

    assert_int_equal(zj_csv_open_memory("a\n", 2, ZJ_ENC_AUTO, &r, &err),
                     ZJ_OK);
    assert_int_equal(zj_csv_line(r), 0);
    assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_OK);
    assert_int_equal(zj_csv_line(r), 1);
    assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_OK);
    assert_null(f);
    /* Past the end stays at the end. */
    assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_OK);
    assert_null(f);
    zj_csv_close(r);

    assert_int_equal(zj_encoding_parse("GBK", &e, &err), ZJ_OK);
    assert_int_equal(e, ZJ_ENC_GB18030);
    assert_int_equal(zj_encoding_parse("gb2312", &e, &err), ZJ_OK);
    assert_int_equal(e, ZJ_ENC_GB18030);
    assert_int_equal(zj_encoding_parse("UTF8", &e, &err), ZJ_OK);
    assert_int_equal(e, ZJ_ENC_UTF8);
    assert_int_equal(zj_encoding_parse("Utf-8", &e, &err), ZJ_OK);
    assert_int_equal(e, ZJ_ENC_UTF8);
    assert_int_equal(zj_encoding_parse("auto", &e, &err), ZJ_OK);
    assert_int_equal(e, ZJ_ENC_AUTO);
    assert_int_equal(zj_encoding_parse("latin1", &e, &err), ZJ_ERR_ARG);
    assert_non_null(strstr(err.message_en, "latin1"));
    assert_int_equal(zj_encoding_parse(NULL, &e, &err), ZJ_ERR_ARG);
    assert_int_equal(zj_encoding_parse("auto", NULL, &err), ZJ_ERR_ARG);
    assert_string_equal(zj_encoding_name(ZJ_ENC_AUTO), "auto");
    assert_string_equal(zj_encoding_name(ZJ_ENC_UTF8), "utf-8");
    assert_string_equal(zj_encoding_name(ZJ_ENC_GB18030), "gb18030");
}

/* ---- a big file in bounded memory ----------------------------------------- */

static size_t heap_in_use(void)
{
#ifdef HAVE_MALLINFO2
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
#else
    return 0;
#endif
}

static void test_big_file(void **state)
{
    char name[] = "/tmp/zj_test_csv_big_XXXXXX";
    const size_t rows = 200000;
    int fd = mkstemp(name);
    FILE *fp;
    zj_csv_reader *r = NULL;
    const char *const *f;
    size_t n, i = 0, base, peak = 0, now;
    zj_error err;
    char want[64];

    (void)state;
    assert_true(fd >= 0);
    fp = fdopen(fd, "wb");
    assert_non_null(fp);
    fputs("学号,姓名,备注,成绩\n", fp);
    for (i = 1; i <= rows; i++)
        fprintf(fp, "%zu,学生%zu,\"备注, 第%zu行\n续\",%zu.5\n", i, i, i,
                i % 100);
    assert_int_equal(fclose(fp), 0);

    base = heap_in_use();
    assert_int_equal(zj_csv_open_file(name, ZJ_ENC_AUTO, &r, &err), ZJ_OK);
    assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_OK);
    assert_int_equal(n, 4);
    for (i = 1;; i++) {
        assert_int_equal(zj_csv_next(r, &f, &n, &err), ZJ_OK);
        if (!f)
            break;
        assert_int_equal(n, 4);
        /* Each record takes two physical lines. */
        assert_int_equal(zj_csv_line(r), 2 * i);
        if (i % 9973 == 0) {
            snprintf(want, sizeof want, "备注, 第%zu行\n续", i);
            assert_string_equal(f[2], want);
            snprintf(want, sizeof want, "学生%zu", i);
            assert_string_equal(f[1], want);
        }
        if (i % 1000 == 0 && (now = heap_in_use()) > peak)
            peak = now;
    }
    assert_int_equal(i - 1, rows);
    zj_csv_close(r);
    unlink(name);
#ifdef HAVE_MALLINFO2
    /* The file is about 9 MB; the reader needs a few chunks' worth. */
    assert_true(peak < base + 2 * 1024 * 1024);
#else
    (void)base;
#endif
}

/* ---- the internal text helpers ------------------------------------------ */

static void test_utf8_helpers(void **state)
{
    size_t bad = 99, len;
    const char *t;
    char *d;
    int trunc;

    (void)state;
    assert_true(zj__utf8_valid("中文 ok \xF0\xA0\x80\x80", 14, NULL));
    assert_true(zj__utf8_valid(NULL, 0, NULL));
    assert_false(zj__utf8_valid("ab\xC0\xAF", 4, &bad));      /* overlong */
    assert_int_equal(bad, 2);
    assert_false(zj__utf8_valid("a\xED\xA0\x80", 4, &bad));   /* surrogate */
    assert_int_equal(bad, 1);
    assert_false(zj__utf8_valid("\xF4\x90\x80\x80", 4, &bad)); /* > 10FFFF */
    assert_false(zj__utf8_valid("\xE4\xB8", 2, &bad));          /* cut */
    assert_false(zj__utf8_valid("0123456789\x80", 11, &bad));
    assert_int_equal(bad, 10);

    assert_int_equal(zj__utf8_prefix("中文", 5), 3);
    assert_int_equal(zj__utf8_prefix("中文", 6), 6);
    assert_int_equal(zj__utf8_prefix("中文", 100), 6);
    assert_int_equal(zj__utf8_prefix("ab\xFF" "c", 3), 3);
    assert_int_equal(zj__utf8_prefix(NULL, 3), 0);

    t = zj__trim(" \t\xE3\x80\x80学校 \xE3\x80\x80\n", &len);
    assert_int_equal(len, 6);
    assert_memory_equal(t, "学校", 6);
    zj__trim("   ", &len);
    assert_int_equal(len, 0);
    assert_true(zj__text_eq(" 东城区\xE3\x80\x80", "东城区"));
    assert_false(zj__text_eq("东城区", "西城区"));
    assert_true(zj__text_eq(NULL, "  "));
    assert_true(zj__ascii_ieq("GB18030", "gb18030"));
    assert_false(zj__ascii_ieq("gb", "gbk"));
    d = zj__strndup("中文abc", 3);
    assert_string_equal(d, "中");
    free(d);
    d = zj__strdup("");
    assert_string_equal(d, "");
    free(d);
    assert_null(zj__strdup(NULL));

    assert_int_equal(zj__utf8_valid_prefix("ab\xE4\xB8", 4, &trunc), 2);
    assert_int_equal(trunc, 1);
    assert_int_equal(zj__utf8_valid_prefix("ab\xE4\x41", 4, &trunc), 2);
    assert_int_equal(trunc, 0);
    assert_int_equal(zj__utf8_valid_prefix("ab\xF0", 3, &trunc), 2);
    assert_int_equal(trunc, 1);
    assert_int_equal(zj__utf8_valid_prefix("ab\xF0\x80", 4, &trunc), 2);
    assert_int_equal(trunc, 0);      /* F0 80 is overlong already */
    assert_int_equal(zj__detect_encoding("\xD6\xD0", 2, 1), ZJ_ENC_GB18030);
    assert_int_equal(zj__detect_encoding("a\xE4\xB8", 3, 0), ZJ_ENC_UTF8);
    assert_int_equal(zj__detect_encoding("a\xE4\xB8", 3, 1), ZJ_ENC_GB18030);
}

/* The streaming validator and converter give the same answer however
 * the input is cut: here, one byte at a time. */
static void test_streams_byte_by_byte(void **state)
{
    size_t ulen, glen, i, bad = 0;
    char *u = read_file(zj_test_path("tests/data/csv/plan_utf8.csv"), &ulen);
    char *g = read_file(zj_test_path("tests/data/csv/plan_gb18030.csv"),
                        &glen);
    zj__utf8_stream st = ZJ_UTF8_STREAM_INIT;
    zj__gb18030_conv *c;
    zj__conv_status cs;
    zj__strbuf out = ZJ_STRBUF_INIT;

    (void)state;
    for (i = 0; i < ulen; i++)
        assert_int_equal(zj__utf8_stream_check(&st, u + i, 1), 1);
    assert_false(zj__utf8_stream_incomplete(&st));
    assert_int_equal(zj__utf8_stream_check(&st, "\xE4", 1), 1);
    assert_true(zj__utf8_stream_incomplete(&st));
    assert_int_equal(zj__utf8_stream_check(&st, "x", 1), 0);

    c = zj__gb18030_open(&cs);
    assert_non_null(c);
    for (i = 0; i < glen; i++)
        assert_int_equal(zj__gb18030_feed(c, g + i, 1, i + 1 == glen, &out,
                                         &bad), ZJ_CONV_OK);
    assert_int_equal(out.len, ulen);
    assert_memory_equal(out.data, u, ulen);
    /* An invalid byte is reported at its stream offset, after the good
     * text before it. */
    zj__strbuf_reset(&out);
    assert_int_equal(zj__gb18030_feed(c, "\xD6", 1, 0, &out, &bad),
                     ZJ_CONV_OK);
    assert_int_equal(zj__gb18030_feed(c, "\xD0" "a\xFF", 3, 0, &out, &bad),
                     ZJ_CONV_INVALID);
    assert_string_equal(out.data, "中a");
    assert_int_equal(bad, glen + 3);
    zj__gb18030_close(c);
    zj__gb18030_close(NULL);
    zj__strbuf_free(&out);
    free(u);
    free(g);
}


/* issue 12: a quoted field that never closes is an error naming the line
 * where its quote opened, not a record that swallowed the rest. */
static void test_unclosed_quote(void **state)
{
    zj_error err;
    char *d;

    (void)state;
    d = dump_mem("a,b\n1,\"x\n2,y\n3,z\n", 17, ZJ_ENC_AUTO, ZJ_ERR_PARSE, &err);
    assert_string_equal(d, "L1:a|b\n");
    assert_string_equal(err.where, "<memory>:2");
    assert_non_null(strstr(err.message_en, "no closing quote"));
    free(d);
    /* Closed on a later line: one field spanning lines, no error. */
    d = dump_mem("a,b\n1,\"x\n2\"\n3,z\n", 16, ZJ_ENC_AUTO, ZJ_OK, &err);
    assert_string_equal(d, "L1:a|b\nL2:1|x\\n2\nL4:3|z\n");
    free(d);
}

/* issue 12: one GBK cell in a UTF-8 file is refused with its line and
 * byte (here in the first chunk, so at open) ... */
static void test_mixed_encoding_first_chunk(void **state)
{
    static const char mixed[] = "id,name\n1,\xE5\xBC\xA0\xE4\xBC\x9F\n2,\xC0\xEE\xC4\xC8\n";
    zj_csv_reader *r = NULL;
    zj_error err;

    (void)state;
    assert_int_equal(zj_csv_open_memory(mixed, sizeof mixed - 1, ZJ_ENC_AUTO, &r, &err),
                     ZJ_ERR_ENCODING);
    assert_null(r);
    assert_string_equal(err.where, "<memory>:3");
    assert_non_null(strstr(err.message_en, "byte 3 of line 3 (0xC0"));
    /* Stated explicitly, GB18030 is read as asked. */
    assert_int_equal(zj_csv_open_memory(mixed, sizeof mixed - 1, ZJ_ENC_GB18030, &r, &err), ZJ_OK);
    zj_csv_close(r);
}

/* ... and a UTF-8 line after the first 64 KiB of a file guessed as
 * GB18030 too. */
static void test_mixed_encoding_later(void **state)
{
    buf b = { NULL, 0, 0 };
    zj_error err;
    char *d;
    int i;

    (void)state;
    bputs(&b, "name\n");
    for (i = 0; i < 20000; i++)
        bputs(&b, "\xD5\xC5\xCE\xB0\n");            /* 张伟 in GBK */
    bputs(&b, "\xE5\xBC\xA0\xE4\xBC\x9F\n");         /* 张伟 in UTF-8 */
    d = dump_mem(b.s, b.len, ZJ_ENC_AUTO, ZJ_ERR_ENCODING, &err);
    assert_string_equal(err.where, "<memory>:20002");
    assert_non_null(strstr(err.message_en, "mixes encodings"));
    free(d);
    free(b.s);
}

/* issue 12: UTF-16 and UTF-32 with a mark are read; doubled UTF-8 marks
 * are dropped. */
static void test_utf16_utf32(void **state)
{
    static const char le[] = "\xFF\xFE" "a\0,\0\x20\x5F\n\0" "1\0,\0\"\0x\0,\0y\0\"\0\r\0\n\0";
    static const char be[] = "\xFE\xFF" "\0a\0,\x5F\x20\0\n" "\0" "1\0,\0x";
    static const char u32[] = "\xFF\xFE\0\0" "a\0\0\0\n\0\0\0" "1\0\0\0";
    zj_csv_reader *r = NULL;
    zj_error err;
    char *d;

    (void)state;
    d = dump_mem(le, sizeof le - 1, ZJ_ENC_AUTO, ZJ_OK, &err);
    assert_string_equal(d, "L1:a|张\nL2:1|x,y\n");
    free(d);
    assert_int_equal(zj_csv_open_memory(le, sizeof le - 1, ZJ_ENC_AUTO, &r, &err), ZJ_OK);
    assert_int_equal(zj_csv_encoding(r), ZJ_ENC_UTF16LE);
    zj_csv_close(r);
    d = dump_mem(be, sizeof be - 1, ZJ_ENC_AUTO, ZJ_OK, &err);
    assert_string_equal(d, "L1:a|张\nL2:1|x\n");
    free(d);
    d = dump_mem(u32, sizeof u32 - 1, ZJ_ENC_AUTO, ZJ_OK, &err);
    assert_string_equal(d, "L1:a\nL2:1\n");
    free(d);
    /* A lone surrogate is not UTF-16: an error naming it. */
    d = dump_mem("\xFF\xFE" "a\0\n\0\x00\xD8" "b\0", 10, ZJ_ENC_AUTO, ZJ_ERR_ENCODING, &err);
    assert_non_null(strstr(err.message_en, "UTF-16LE"));
    free(d);
    d = dump_mem("\xEF\xBB\xBF\xEF\xBB\xBF" "a,b\n", 10, ZJ_ENC_AUTO, ZJ_OK, &err);
    assert_string_equal(d, "L1:a|b\n");
    free(d);
}

/* issue 12: the one function every CSV writer uses: quoting, and the
 * formula guard for text a spreadsheet would run. */
static void test_field_format(void **state)
{
    static const struct { const char *in, *out; } cases[] = {
        { "plain", "plain" },          { "", "" },
        { "a,b", "\"a,b\"" },          { "say \"hi\"", "\"say \"\"hi\"\"\"" },
        { "=1+2", "\"'=1+2\"" },       { "@SUM(A1)", "\"'@SUM(A1)\"" },
        { "+86 10", "\"'+86 10\"" },   { "-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\"" },
        { "\tx", "\"'\tx\"" },         { "\r=1", "\"'\r=1\"" },
        { "-5", "-5" },                { "+3.5", "+3.5" },
        { "-1e-3", "-1e-3" },          { "-.5", "-.5" },
        { "-", "\"'-\"" },             { "-e5", "\"'-e5\"" },
        { "=\"x\"", "\"'=\"\"x\"\"\"" }, { "a=b", "a=b" },
    };
    char out[64];
    size_t i, n;

    (void)state;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        n = zj_csv_field_format(cases[i].in, strlen(cases[i].in), out, sizeof out);
        assert_string_equal(out, cases[i].out);
        assert_int_equal(n, strlen(cases[i].out));
    }
    /* Too small a outfer: truncated, NUL-terminated, full length told. */
    n = zj_csv_field_format("=1+2", 4, out, 4);
    assert_int_equal(n, 7);
    assert_string_equal(out, "\"'=");
    assert_int_equal(zj_csv_field_format("x", 1, NULL, 0), 1);
    assert_true(zj_csv_field_guarded("=x", 2));
    assert_false(zj_csv_field_guarded("-12", 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_quoted_fields),
        cmocka_unit_test(test_embedded_newlines_and_lines),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_blank_lines),
        cmocka_unit_test(test_files_and_encodings),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_gb18030_explicit_memory),
        cmocka_unit_test(test_gb18030_chunk_boundary),
        cmocka_unit_test(test_utf8_chunk_boundary),
        cmocka_unit_test(test_invalid_utf8_late),
        cmocka_unit_test(test_encoding_errors),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_guards),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_big_file),
        cmocka_unit_test(test_utf8_helpers),
        cmocka_unit_test(test_streams_byte_by_byte),
        cmocka_unit_test(test_unclosed_quote),
        cmocka_unit_test(test_mixed_encoding_first_chunk),
        cmocka_unit_test(test_mixed_encoding_later),
        cmocka_unit_test(test_utf16_utf32),
        cmocka_unit_test(test_field_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
