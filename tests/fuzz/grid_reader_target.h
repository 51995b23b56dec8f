/* grid_reader_target.h — the body shared by the libFuzzer targets of the
 * attachment readers (fuzz_docx.c, fuzz_xlsx.c, fuzz_xls.c): read the
 * input with one reader, then check that every cell is NUL-terminated
 * UTF-8 within the grid and that the plan normalizer agrees with itself
 * on whatever grids came out. */
#ifndef ZJ_FUZZ_GRID_READER_TARGET_H
#define ZJ_FUZZ_GRID_READER_TARGET_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "grid.h"
#include "plan.h"
#include "utf8.h"

typedef zj_code (*zj_grid_reader)(const char *data, size_t len, zj__grids *out, zj_error *err);

static int fuzz_grid_reader(zj_grid_reader read, const uint8_t *data, size_t size)
{
    zj__grids gs;
    zj_error err;
    size_t i, k;
    zj__plan_context ctx = { 2024, "贯通", "doc", "http://127.0.0.1/x", "t" };

    if (read((const char *)data, size, &gs, &err) != ZJ_OK) {
        if (!err.message_en[0])
            __builtin_trap();   /* a failure must say why */
        return 0;
    }
    for (i = 0; i < gs.n; i++) {
        zj__plan_rows rows;
        int is_plan;

        /* the cells present (a sparse grid), each found again by position */
        for (k = 0; k < gs.items[i].n_ents; k++) {
            const zj__grid_entry *e = &gs.items[i].ents[k];
            const char *s = zj__grid_cell(&gs.items[i], e->r, e->c);
            if (s != e->text || e->r >= gs.items[i].rows || e->c >= gs.items[i].cols ||
                !zj__utf8_valid(s, strlen(s), NULL))
                __builtin_trap();
        }
        memset(&rows, 0, sizeof rows);
        if (zj__plan_normalize(&gs.items[i], &ctx, &rows, &is_plan, &err) == ZJ_OK && is_plan != (rows.n > 0))
            __builtin_trap();
        zj__plan_rows_free(&rows);
    }
    zj__grids_free(&gs);
    return 0;
}

#endif
