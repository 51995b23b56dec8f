/* grid.c — building extracted tables cell by cell. */
#include <stdlib.h>
#include <string.h>

#include "grid.h"
#include "strbuf.h"
#include "utf8.h"

const char *zj_grid_cell(const zj_grid *g, size_t r, size_t c)
{
    return (r < g->rows && c < g->cols) ? g->cells[r * g->cols + c] : "";
}

void zj_grid_free(zj_grid *g)
{
    size_t i;

    if (!g || !g->cells)
        return;
    for (i = 0; i < g->rows * g->cols; i++)
        free(g->cells[i]);
    free(g->cells);
    g->cells = NULL;
    g->rows = g->cols = 0;
}

void zj_grids_free(zj_grids *gs)
{
    size_t i;

    for (i = 0; i < gs->n; i++)
        zj_grid_free(&gs->items[i]);
    free(gs->items);
    gs->items = NULL;
    gs->n = 0;
}

static int ascii_word(unsigned char c)
{
    return c < 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r';
}

char *zj_cell_text(const char *text, size_t len)
{
    zj_strbuf b = ZJ_STRBUF_INIT;
    size_t i = 0;
    const char *t;
    size_t tl;

    while (i < len) {
        unsigned char c = (unsigned char)text[i];

        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
            (c == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] == 0xA0) ||
            (c == 0xE3 && i + 2 < len && (unsigned char)text[i + 1] == 0x80 &&
             (unsigned char)text[i + 2] == 0x80)) {
            size_t j = i;
            int newline = 0;
            while (j < len) {
                unsigned char d = (unsigned char)text[j];
                if (d == '\n' || d == '\r')
                    newline = 1;
                if (d == ' ' || d == '\t' || d == '\n' || d == '\r')
                    j++;
                else if (d == 0xC2 && j + 1 < len && (unsigned char)text[j + 1] == 0xA0)
                    j += 2;
                else if (d == 0xE3 && j + 2 < len && (unsigned char)text[j + 1] == 0x80 &&
                         (unsigned char)text[j + 2] == 0x80)
                    j += 3;
                else
                    break;
            }
            /* Between two ASCII words a break is a space; a CJK text split
             * over lines is joined. */
            if (b.len && j < len &&
                (!newline || (ascii_word((unsigned char)b.data[b.len - 1]) &&
                              ascii_word((unsigned char)text[j]))))
                zj_strbuf_putc(&b, ' ');
            i = j;
            continue;
        }
        if (c == 0)   /* NULs from hostile input end nothing; drop them */
            i++;
        else
            zj_strbuf_putc(&b, (char)text[i++]);
    }
    if (!b.data)
        zj_strbuf_append(&b, "", 0);
    if (b.failed) {
        zj_strbuf_free(&b);
        return NULL;
    }
    t = zj_trim(b.data, &tl);
    if (t != b.data || tl != b.len) {
        char *r = zj_strndup(t, tl);
        zj_strbuf_free(&b);
        return r;
    }
    return zj_strbuf_take(&b);
}

static int grow_to(zj_grid_builder *b, size_t rows, size_t cols)
{
    zj_grid *g = &b->g;
    size_t r, c, ncols = cols > g->cols ? cols : g->cols;
    size_t nrows = rows > g->rows ? rows : g->rows;
    char **cells;

    if (nrows > ZJ_GRID_MAX_ROWS || ncols > ZJ_GRID_MAX_COLS)
        return 0;
    if (ncols == g->cols && nrows <= b->cap_rows) {
        g->rows = nrows;
        return 1;
    }
    {
        size_t cap = b->cap_rows > nrows ? b->cap_rows : nrows;
        if (ncols == g->cols) {
            cap = nrows + nrows / 2 + 8;
            cells = realloc(g->cells, cap * ncols * sizeof *cells);
            if (!cells)
                return 0;
            memset(cells + g->rows * ncols, 0, (cap - g->rows) * ncols * sizeof *cells);
        } else {
            cap = nrows + nrows / 2 + 8;
            cells = calloc(cap * ncols, sizeof *cells);
            if (!cells)
                return 0;
            for (r = 0; r < g->rows; r++)
                for (c = 0; c < g->cols; c++)
                    cells[r * ncols + c] = g->cells[r * g->cols + c];
            free(g->cells);
        }
        g->cells = cells;
        b->cap_rows = cap;
        g->cols = ncols;
        g->rows = nrows;
    }
    return 1;
}

int zj_grid_set(zj_grid_builder *b, size_t r, size_t c, const char *text, size_t len)
{
    char *t;

    if (b->failed)
        return 0;
    if (!grow_to(b, r + 1, c + 1) || !(t = zj_cell_text(text, len))) {
        b->failed = 1;
        return 0;
    }
    free(b->g.cells[r * b->g.cols + c]);
    b->g.cells[r * b->g.cols + c] = t;
    return 1;
}

int zj_grid_cell_empty(const zj_grid_builder *b, size_t r, size_t c)
{
    return r >= b->g.rows || c >= b->g.cols || b->g.cells[r * b->g.cols + c] == NULL;
}

int zj_grid_finish(zj_grid_builder *b, zj_grids *gs)
{
    zj_grid *items;
    size_t i;

    if (b->failed)
        return 0;
    if (b->g.rows == 0) {
        zj_grid_builder_free(b);
        return 1;
    }
    for (i = 0; i < b->g.rows * b->g.cols; i++)
        if (!b->g.cells[i] && !(b->g.cells[i] = zj_strdup(""))) {
            b->failed = 1;
            return 0;
        }
    items = realloc(gs->items, (gs->n + 1) * sizeof *items);
    if (!items) {
        b->failed = 1;
        return 0;
    }
    gs->items = items;
    gs->items[gs->n++] = b->g;
    memset(b, 0, sizeof *b);
    return 1;
}

void zj_grid_builder_free(zj_grid_builder *b)
{
    size_t i;

    if (b->g.cells)
        for (i = 0; i < b->cap_rows * b->g.cols; i++)
            free(b->g.cells[i]);
    free(b->g.cells);
    memset(b, 0, sizeof *b);
}
