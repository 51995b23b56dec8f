/* grid.h — a table as extracted from a page or an attachment (internal).
 *
 * A grid is rows x cols of UTF-8 cells, never NULL ("" when empty).  A
 * merged cell keeps its text in its top-left position only; the
 * positions it covers are "" — the way spreadsheets store merged cells,
 * whatever the source format (HTML rowspan/colspan, xlsx mergeCells,
 * docx gridSpan/vMerge).  plan_normalize.c carries the keys down. */
#ifndef ZJ_GRID_H
#define ZJ_GRID_H

#include <stddef.h>
#include "zhijiao/error.h"

/* A grid holds only the cells present (sparse): memory follows the
 * cells a file has, not the furthest cell it names (a sheet with A1 and
 * IV100000 is two cells).  Cells are sorted by (row, col); row_start[r] ..
 * row_start[r + 1] are row r's.  Read them with zj__grid_cell. */
typedef struct zj__grid_entry {
    unsigned r, c;
    char *text;
} zj__grid_entry;

typedef struct zj__grid {
    size_t rows, cols;
    zj__grid_entry *ents;
    size_t n_ents;
    unsigned *row_start;        /* rows + 1 */
} zj__grid;

/* The grids of one file (or page).  cells/bytes: their totals, held
 * under the per-file limits below. */
typedef struct zj__grids {
    zj__grid *items;
    size_t n;
    size_t cells, bytes;
} zj__grids;

/* Limits, so that hostile input cannot ask for a huge grid: the extent of
 * one grid, the cells (a merged cell counts every position it covers) and
 * text bytes of one grid, and the totals of one file or page. */
#define ZJ_GRID_MAX_ROWS 100000
#define ZJ_GRID_MAX_COLS 256
#define ZJ_GRID_MAX_CELLS ((size_t)500000)
#define ZJ_GRID_MAX_BYTES ((size_t)16 << 20)
#define ZJ_FILE_MAX_CELLS ((size_t)1000000)
#define ZJ_FILE_MAX_BYTES ((size_t)32 << 20)

/* The memory a file's grids hold, about (for the per-refresh budget). */
size_t zj__grids_footprint(const zj__grids *gs);

const char *zj__grid_cell(const zj__grid *g, size_t r, size_t c);
void zj__grid_free(zj__grid *g);
void zj__grids_free(zj__grids *gs);

/* Building a grid cell by cell (grid.c). */
typedef enum zj__grid_failure { ZJ_GRID_OK = 0, ZJ_GRID_NOMEM, ZJ_GRID_TOO_BIG } zj__grid_failure;

typedef struct zj__grid_builder {
    zj__grid_entry *ents;
    size_t n_ents, cap_ents;
    unsigned *slots;            /* open addressing: index + 1 into ents, 0 free */
    size_t n_slots;
    size_t rows, cols, bytes;
    zj__grid_failure failed;
} zj__grid_builder;

/* Sets cell (r, c) to a copy of text[0 .. len) after normalizing white
 * space: a line break inside a cell (a cell split over lines) is removed
 * between CJK characters and becomes one space between others; the text
 * is trimmed.  Setting "" still marks the cell as present (the positions
 * a merged cell covers).  0 on failure (then b->failed says why). */
int zj__grid_set(zj__grid_builder *b, size_t r, size_t c, const char *text, size_t len);
/* 1 when (r, c) has not been set. */
int zj__grid_cell_empty(const zj__grid_builder *b, size_t r, size_t c);
/* Hands the grid over, appending it to gs when it has at least one row;
 * 0 on failure (b->failed says why: out of memory, or gs over the
 * per-file limits), the builder then still to be freed. */
int zj__grid_finish(zj__grid_builder *b, zj__grids *gs);
void zj__grid_builder_free(zj__grid_builder *b);
/* The error for a failed builder: ZJ_ERR_NOMEM, or ZJ_ERR_PARSE naming the
 * limit exceeded in what ("the worksheet", "a table of the page"). */
zj_code zj__grid_error(zj__grid_failure why, const char *what_zh, const char *what_en, zj_error *err);

/* Whitespace normalization as zj__grid_set does it, malloc'd. */
char *zj__cell_text(const char *text, size_t len);

/* ---- extractors ---- */
/* Every <table> of an HTML document (UTF-8). */
zj_code zj__html_tables(const char *html, size_t len, zj__grids *out, zj_error *err);
/* Every worksheet of an .xlsx file. */
zj_code zj__xlsx_tables(const char *data, size_t len, zj__grids *out, zj_error *err);
/* The worksheet of an .xlsx file named `name` (as its tab shows it), as
 * out->items[0]; ZJ_ERR_NOT_FOUND listing the names when there is none. */
zj_code zj__xlsx_table_named(const char *data, size_t len, const char *name, zj__grids *out,
                            zj_error *err);
/* Every table of a .docx file. */
zj_code zj__docx_tables(const char *data, size_t len, zj__grids *out, zj_error *err);
/* Every worksheet of an .xls (BIFF) file. */
zj_code zj__xls_tables(const char *data, size_t len, zj__grids *out, zj_error *err);
/* .doc/.wps: converted with LibreOffice (soffice --headless, in a scratch
 * directory and profile of its own, stopped after ZHIJIAO_SOFFICE_TIMEOUT
 * seconds, default 120) to .docx, then read.  ZJ_ERR_UNSUPPORTED naming
 * soffice when it is not installed; ZJ_ERR_IO when it fails or times out;
 * ZJ_ERR_PARSE when it cannot open the file or the file has no table.
 * .pdf: always ZJ_ERR_UNSUPPORTED (where "soffice"), saying that tables
 * cannot be extracted from a PDF (LibreOffice reads one as text boxes). */
zj_code zj__office_tables(const char *data, size_t len, const char *ext,
                         zj__grids *out, zj_error *err);
/* The same, stopping soffice after max_ms at most (0: the usual limit
 * alone): a refresh passes what is left of its deadline, so that its
 * conversions together cannot outlast it. */
zj_code zj__office_tables_within(const char *data, size_t len, const char *ext, long max_ms,
                                zj__grids *out, zj_error *err);

#endif
