/* fuzz_rows.c — libFuzzer target for zj_rows_open, the reader `zhijiao
 * batch` uses: the bytes are written to a file and read as whatever they
 * start like — an .xlsx (zip), an .xls (OLE2) or a CSV in any encoding the
 * detection knows (UTF-8, GB18030, UTF-16/UTF-32 with a mark).  Checks:
 * every field is NUL-terminated UTF-8, a worksheet's rows all have the
 * same width, lines never go back, and a failure says why. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "zhijiao/rows.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void zj__xls_child_hook(void);
void __sanitizer_set_death_callback(void (*callback)(void));

/* As in fuzz_xls.c: a crash of freexl in its child process is a failed
 * read, as in production, not a finding on our side of the pipe. */
void zj__xls_child_hook(void)
{
    __sanitizer_set_death_callback(0);
}

static char path[64];

static void read_all(const char *sheet);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    FILE *fp;

    if (!path[0])
        snprintf(path, sizeof path, "/tmp/zj-fuzz-rows-%ld", (long)getpid());
    if (!(fp = fopen(path, "wb")))
        return 0;
    fwrite(data, 1, size, fp);
    fclose(fp);
    read_all(NULL);
    /* A zip is also read by worksheet name (--sheet NAME). */
    if (size >= 2 && data[0] == 'P' && data[1] == 'K')
        read_all("\xE5\x90\x8D\xE5\x8D\x95");     /* 名单 */
    return 0;
}

static void read_all(const char *sheet)
{
    zj_rows_reader *r = NULL;
    const char *const *f;
    size_t n, i, width = 0, last = 0;
    zj_error err;
    zj_code rc;

    if (zj_rows_open(path, ZJ_ENC_AUTO, sheet, &r, &err) != ZJ_OK) {
        if (r || !err.message_en[0] || !err.message_zh[0])
            __builtin_trap();
        return;
    }
    while ((rc = zj_rows_next(r, &f, &n, &err)) == ZJ_OK && f) {
        if (n == 0 || zj_rows_line(r) < last || zj_rows_line(r) == 0)
            __builtin_trap();
        if (zj_rows_file_format(r) != ZJ_ROWS_CSV) {
            if (width && n != width)
                __builtin_trap();
            width = n;
        }
        last = zj_rows_line(r);
        for (i = 0; i < n; i++)
            if (!f[i] || !zj__utf8_valid(f[i], strlen(f[i]), NULL))
                __builtin_trap();
    }
    if (rc != ZJ_OK && (err.code != rc || !err.message_en[0]))
        __builtin_trap();
    zj_rows_close(r);
}
