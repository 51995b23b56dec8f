/* grid.c — building extracted tables cell by cell, sparse (grid.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "grid.h"
#include "strbuf.h"
#include "utf8.h"

/* The text of every cell set to "": shared, never freed. */
static char empty_text[1];

static void text_free(char *t)
{
    if (t != empty_text)
        free(t);
}

const char *zj__grid_cell(const zj__grid *g, size_t r, size_t c)
{
    size_t lo, hi;

    if (r >= g->rows || c >= g->cols || !g->row_start)
        return "";
    lo = g->row_start[r];
    hi = g->row_start[r + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (g->ents[mid].c == c)
            return g->ents[mid].text;
        if (g->ents[mid].c < c)
            lo = mid + 1;
        else
            hi = mid;
    }
    return "";
}

void zj__grid_free(zj__grid *g)
{
    size_t i;

    if (!g)
        return;
    for (i = 0; i < g->n_ents; i++)
        text_free(g->ents[i].text);
    free(g->ents);
    free(g->row_start);
    memset(g, 0, sizeof *g);
}

void zj__grids_free(zj__grids *gs)
{
    size_t i;

    for (i = 0; i < gs->n; i++)
        zj__grid_free(&gs->items[i]);
    free(gs->items);
    memset(gs, 0, sizeof *gs);
}

size_t zj__grids_footprint(const zj__grids *gs)
{
    size_t i, n = gs->bytes + gs->cells * (sizeof(zj__grid_entry) + 16);

    for (i = 0; i < gs->n; i++)
        n += (gs->items[i].rows + 1) * sizeof(unsigned);
    return n;
}

zj_code zj__grid_error(zj__grid_failure why, const char *what_zh, const char *what_en, zj_error *err)
{
    if (why == ZJ_GRID_TOO_BIG)
        return ZJ_FAIL(err, ZJ_ERR_PARSE, NULL,
                       ("%s超过上限（每个表格最多 %zu 行、%zu 列、%zu 个单元格、%zu 字节文字；"
                        "每个文件最多 %zu 个单元格、%zu 字节），未读取",
                        what_zh, (size_t)ZJ_GRID_MAX_ROWS, (size_t)ZJ_GRID_MAX_COLS, ZJ_GRID_MAX_CELLS,
                        ZJ_GRID_MAX_BYTES, ZJ_FILE_MAX_CELLS, ZJ_FILE_MAX_BYTES),
                       ("%s exceeds the limits (per table at most %zu rows, %zu columns, %zu cells, "
                        "%zu bytes of text; per file %zu cells, %zu bytes), so it was not read",
                        what_en, (size_t)ZJ_GRID_MAX_ROWS, (size_t)ZJ_GRID_MAX_COLS, ZJ_GRID_MAX_CELLS,
                        ZJ_GRID_MAX_BYTES, ZJ_FILE_MAX_CELLS, ZJ_FILE_MAX_BYTES));
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
}

static int ascii_word(unsigned char c)
{
    return c < 0x80 && c != ' ' && c != '\t' && c != '\n' && c != '\r';
}

char *zj__cell_text(const char *text, size_t len)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
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
                zj__strbuf_putc(&b, ' ');
            i = j;
            continue;
        }
        if (c == 0)   /* NULs from hostile input end nothing; drop them */
            i++;
        else
            zj__strbuf_putc(&b, (char)text[i++]);
    }
    if (!b.data)
        zj__strbuf_append(&b, "", 0);
    if (b.failed) {
        zj__strbuf_free(&b);
        return NULL;
    }
    t = zj__trim(b.data, &tl);
    if (t != b.data || tl != b.len) {
        char *r = zj__strndup(t, tl);
        zj__strbuf_free(&b);
        return r;
    }
    return zj__strbuf_take(&b);
}

static size_t slot_of(size_t r, size_t c, size_t n_slots)
{
    uint64_t k = ((uint64_t)r * ZJ_GRID_MAX_COLS + c) * UINT64_C(0x9E3779B97F4A7C15);

    return (size_t)(k >> 20) & (n_slots - 1);
}

/* The entry of (r, c), or NULL. */
static zj__grid_entry *find(const zj__grid_builder *b, size_t r, size_t c)
{
    size_t s;

    if (!b->n_slots)
        return NULL;
    for (s = slot_of(r, c, b->n_slots); b->slots[s]; s = (s + 1) & (b->n_slots - 1)) {
        zj__grid_entry *e = &b->ents[b->slots[s] - 1];
        if (e->r == r && e->c == c)
            return e;
    }
    return NULL;
}

static int rehash(zj__grid_builder *b, size_t n_slots)
{
    unsigned *slots = calloc(n_slots, sizeof *slots);
    size_t i, s;

    if (!slots)
        return 0;
    for (i = 0; i < b->n_ents; i++) {
        for (s = slot_of(b->ents[i].r, b->ents[i].c, n_slots); slots[s]; s = (s + 1) & (n_slots - 1))
            ;
        slots[s] = (unsigned)(i + 1);
    }
    free(b->slots);
    b->slots = slots;
    b->n_slots = n_slots;
    return 1;
}

static int fail(zj__grid_builder *b, zj__grid_failure why)
{
    b->failed = why;
    return 0;
}

int zj__grid_set(zj__grid_builder *b, size_t r, size_t c, const char *text, size_t len)
{
    zj__grid_entry *e;
    char *t;
    size_t tl;

    if (b->failed)
        return 0;
    if (r >= ZJ_GRID_MAX_ROWS || c >= ZJ_GRID_MAX_COLS)
        return fail(b, ZJ_GRID_TOO_BIG);
    if (!(t = zj__cell_text(text, len)))
        return fail(b, ZJ_GRID_NOMEM);
    if (!*t) {
        free(t);
        t = empty_text;
    }
    tl = strlen(t);
    if ((e = find(b, r, c)) != NULL) {
        b->bytes -= strlen(e->text);
        text_free(e->text);
        e->text = t;
        b->bytes += tl;
        if (b->bytes > ZJ_GRID_MAX_BYTES)
            return fail(b, ZJ_GRID_TOO_BIG);
        return 1;
    }
    if (b->n_ents >= ZJ_GRID_MAX_CELLS || b->bytes + tl > ZJ_GRID_MAX_BYTES) {
        text_free(t);
        return fail(b, ZJ_GRID_TOO_BIG);
    }
    if (b->n_ents == b->cap_ents) {
        size_t cap = b->cap_ents ? b->cap_ents * 2 : 64;
        zj__grid_entry *ne = realloc(b->ents, cap * sizeof *ne);
        if (!ne) {
            text_free(t);
            return fail(b, ZJ_GRID_NOMEM);
        }
        b->ents = ne;
        b->cap_ents = cap;
    }
    if ((b->n_ents + 1) * 2 > b->n_slots && !rehash(b, b->n_slots ? b->n_slots * 2 : 128)) {
        text_free(t);
        return fail(b, ZJ_GRID_NOMEM);
    }
    e = &b->ents[b->n_ents++];
    e->r = (unsigned)r;
    e->c = (unsigned)c;
    e->text = t;
    {
        size_t s;
        for (s = slot_of(r, c, b->n_slots); b->slots[s]; s = (s + 1) & (b->n_slots - 1))
            ;
        b->slots[s] = (unsigned)b->n_ents;
    }
    b->bytes += tl;
    if (r + 1 > b->rows)
        b->rows = r + 1;
    if (c + 1 > b->cols)
        b->cols = c + 1;
    return 1;
}

int zj__grid_cell_empty(const zj__grid_builder *b, size_t r, size_t c)
{
    return find(b, r, c) == NULL;
}

static int by_position(const void *x, const void *y)
{
    const zj__grid_entry *a = x, *b = y;

    if (a->r != b->r)
        return a->r < b->r ? -1 : 1;
    return a->c < b->c ? -1 : a->c > b->c;
}

int zj__grid_finish(zj__grid_builder *b, zj__grids *gs)
{
    zj__grid g;
    zj__grid *items;
    size_t i, r;

    if (b->failed)
        return 0;
    if (b->rows == 0) {
        zj__grid_builder_free(b);
        return 1;
    }
    if (gs->cells + b->n_ents > ZJ_FILE_MAX_CELLS || gs->bytes + b->bytes > ZJ_FILE_MAX_BYTES)
        return fail(b, ZJ_GRID_TOO_BIG);
    memset(&g, 0, sizeof g);
    g.rows = b->rows;
    g.cols = b->cols;
    if (!(g.row_start = calloc(b->rows + 1, sizeof *g.row_start)))
        return fail(b, ZJ_GRID_NOMEM);
    if (!(items = realloc(gs->items, (gs->n + 1) * sizeof *items))) {
        free(g.row_start);
        return fail(b, ZJ_GRID_NOMEM);
    }
    gs->items = items;
    qsort(b->ents, b->n_ents, sizeof *b->ents, by_position);
    /* row_start by counting: row r's cells start after those of rows < r */
    for (i = 0; i < b->n_ents; i++)
        g.row_start[b->ents[i].r + 1]++;
    for (r = 0; r < b->rows; r++)
        g.row_start[r + 1] += g.row_start[r];
    g.ents = b->ents;
    g.n_ents = b->n_ents;
    gs->cells += b->n_ents;
    gs->bytes += b->bytes;
    gs->items[gs->n++] = g;
    free(b->slots);
    memset(b, 0, sizeof *b);
    return 1;
}

void zj__grid_builder_free(zj__grid_builder *b)
{
    size_t i;

    for (i = 0; i < b->n_ents; i++)
        text_free(b->ents[i].text);
    free(b->ents);
    free(b->slots);
    memset(b, 0, sizeof *b);
}
