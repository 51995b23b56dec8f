/* fuzz_csv.c — libFuzzer target for the CSV reader.
 *
 * Feeds arbitrary bytes through zj_csv_open_memory / zj_csv_next with
 * encoding detection, and checks what the reader promises: every field
 * is NUL-terminated UTF-8 within the size guards, records start on
 * non-decreasing lines, and a failure is reported once and repeated. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "zhijiao/csv.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zj_csv_reader *r = NULL;
    const char *const *f;
    size_t n, i, len, last_line = 0;
    zj_error err;
    zj_code rc;

    if (zj_csv_open_memory((const char *)data, size, ZJ_ENC_AUTO, &r,
                           &err) != ZJ_OK)
        return 0;
    if (zj_csv_encoding(r) == ZJ_ENC_AUTO)
        __builtin_trap();
    while ((rc = zj_csv_next(r, &f, &n, &err)) == ZJ_OK && f) {
        if (n == 0 || n > 10000 || zj_csv_line(r) < last_line ||
            zj_csv_line(r) == 0)
            __builtin_trap();
        last_line = zj_csv_line(r);
        for (i = 0; i < n; i++) {
            len = strlen(f[i]);
            if (len > 1024 * 1024 || !zj__utf8_valid(f[i], len, NULL))
                __builtin_trap();
        }
    }
    if (rc != ZJ_OK) {
        if (err.code != rc || !err.message_zh[0] || !err.message_en[0] ||
            zj_csv_next(r, &f, &n, &err) != rc || f != NULL)
            __builtin_trap();
    }
    zj_csv_close(r);
    return 0;
}
