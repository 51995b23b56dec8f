/* fuzz_xlsx.c — libFuzzer target for the .xlsx reader of the refresh
 * pipeline, and the plan normalizer on whatever grids it yields.  Every
 * cell must come back as NUL-terminated UTF-8 within the grid limits. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "grid.h"
#include "plan.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zj_grids gs;
    zj_error err;
    size_t i, r, c;
    zj_plan_context ctx = { 2024, "贯通", "doc", "http://127.0.0.1/x", "t" };

    if (zj_xlsx_tables((const char *)data, size, &gs, &err) != ZJ_OK) {
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
