/* fuzz_html.c — libFuzzer target for the HTML readers of the refresh
 * pipeline: tables (rowspan/colspan), notice lists, articles, charset
 * detection and conversion.  Every cell must come back as NUL-terminated
 * UTF-8 within the grid limits. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "charset.h"
#include "grid.h"
#include "notice.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_grids(const zj__grids *gs)
{
    size_t i, k;

    for (i = 0; i < gs->n; i++) {
        if (gs->items[i].rows > ZJ_GRID_MAX_ROWS || gs->items[i].cols > ZJ_GRID_MAX_COLS)
            __builtin_trap();
        for (k = 0; k < gs->items[i].n_ents; k++) {
            const zj__grid_entry *e = &gs->items[i].ents[k];
            const char *s = zj__grid_cell(&gs->items[i], e->r, e->c);
            if (s != e->text || e->r >= gs->items[i].rows || e->c >= gs->items[i].cols ||
                !zj__utf8_valid(s, strlen(s), NULL))
                __builtin_trap();
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char cs[64], *u = NULL;
    size_t ul;
    const char *charset = zj__charset_detect((const char *)data, size, NULL, cs, sizeof cs);
    zj_error err;
    zj__grids gs;
    zj__links l;
    zj__article a;
    int pages;

    if (zj__charset_to_utf8((const char *)data, size, charset, "fuzz", &u, &ul, &err) != ZJ_OK)
        return 0;
    if (zj__html_tables(u, ul, &gs, &err) == ZJ_OK) {
        check_grids(&gs);
        zj__grids_free(&gs);
    }
    if (zj__parse_list(u, ul, "http://127.0.0.1/jw/tzgg/index.html", &l, &pages, &err) == ZJ_OK) {
        if (pages < 1)
            __builtin_trap();
        zj__links_free(&l);
    }
    if (zj__parse_article(u, ul, "http://127.0.0.1/jw/tzgg/202304/t20230407_1.html", &a, &err) == ZJ_OK)
        zj__article_free(&a);
    free(u);
    return 0;
}
