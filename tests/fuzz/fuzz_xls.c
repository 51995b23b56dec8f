/* fuzz_xls.c — libFuzzer target for the .xls reader of the refresh
 * pipeline, and the plan normalizer on whatever grids it yields.  Every
 * cell must come back as NUL-terminated UTF-8 within the grid limits. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "grid.h"
#include "plan.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
void zj_xls_child_hook(void);
void __sanitizer_set_death_callback(void (*callback)(void));

/* freexl 1.0.6 has heap overflows on malformed files (found by this
 * target); zj_xls_tables therefore runs it in a child process.  In the
 * child, the fuzzer's crash handler is removed, so that a freexl crash is
 * what it is in production — a failed child and ZJ_ERR_PARSE — while
 * everything on our side of the pipe stays under the fuzzer's watch. */
void zj_xls_child_hook(void)
{
    __sanitizer_set_death_callback(0);
}
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zj_grids gs;
    zj_error err;
    size_t i, r, c;
    zj_plan_context ctx = { 2024, "贯通", "doc", "http://127.0.0.1/x", "t" };

    if (zj_xls_tables((const char *)data, size, &gs, &err) != ZJ_OK) {
        if (!err.message_en[0])
            __builtin_trap();
        return 0;
    }
    for (i = 0; i < gs.n; i++) {
        zj_plan_rows rows;
        int is_plan;

        for (r = 0; r < gs.items[i].rows; r++)
            for (c = 0; c < gs.items[i].cols; c++) {
                const char *s = zj_grid_cell(&gs.items[i], r, c);
                if (!s || !zj_utf8_valid(s, strlen(s), NULL))
                    __builtin_trap();
            }
        memset(&rows, 0, sizeof rows);
        if (zj_plan_normalize(&gs.items[i], &ctx, &rows, &is_plan, &err) == ZJ_OK && is_plan != (rows.n > 0))
            __builtin_trap();
        zj_plan_rows_free(&rows);
    }
    zj_grids_free(&gs);
    return 0;
}
