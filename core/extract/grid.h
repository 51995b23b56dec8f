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

typedef struct zj_grid {
    size_t rows, cols;
    char **cells;
} zj_grid;

typedef struct zj_grids {
    zj_grid *items;
    size_t n;
} zj_grids;

/* Limits, so that hostile input cannot ask for a huge grid. */
#define ZJ_GRID_MAX_ROWS 100000
#define ZJ_GRID_MAX_COLS 256

const char *zj_grid_cell(const zj_grid *g, size_t r, size_t c);
void zj_grid_free(zj_grid *g);
void zj_grids_free(zj_grids *gs);

/* Building a grid cell by cell (grid.c). */
typedef struct zj_grid_builder {
    zj_grid g;
    size_t cap_rows;
    int failed;
} zj_grid_builder;

/* Sets cell (r, c) to a copy of text[0 .. len) after normalizing white
 * space: a line break inside a cell (a cell split over lines) is removed
 * between CJK characters and becomes one space between others; the text
 * is trimmed.  Grows the grid; 0 on failure (then b->failed). */
int zj_grid_set(zj_grid_builder *b, size_t r, size_t c, const char *text, size_t len);
int zj_grid_cell_empty(const zj_grid_builder *b, size_t r, size_t c);
/* Hands the grid over (fills every missing cell with ""), appending it to
 * gs when it has at least one row; 0 on failure. */
int zj_grid_finish(zj_grid_builder *b, zj_grids *gs);
void zj_grid_builder_free(zj_grid_builder *b);

/* Whitespace normalization as zj_grid_set does it, malloc'd. */
char *zj_cell_text(const char *text, size_t len);

/* ---- extractors ---- */
/* Every <table> of an HTML document (UTF-8). */
zj_code zj_html_tables(const char *html, size_t len, zj_grids *out, zj_error *err);
/* Every worksheet of an .xlsx file. */
zj_code zj_xlsx_tables(const char *data, size_t len, zj_grids *out, zj_error *err);
/* The worksheet of an .xlsx file named `name` (as its tab shows it), as
 * out->items[0]; ZJ_ERR_NOT_FOUND listing the names when there is none. */
zj_code zj_xlsx_table_named(const char *data, size_t len, const char *name, zj_grids *out,
                            zj_error *err);
/* Every table of a .docx file. */
zj_code zj_docx_tables(const char *data, size_t len, zj_grids *out, zj_error *err);
/* Every worksheet of an .xls (BIFF) file. */
zj_code zj_xls_tables(const char *data, size_t len, zj_grids *out, zj_error *err);
/* .doc/.wps: converted with LibreOffice (soffice --headless, in a scratch
 * directory and profile of its own, stopped after ZHIJIAO_SOFFICE_TIMEOUT
 * seconds, default 120) to .docx, then read.  ZJ_ERR_UNSUPPORTED naming
 * soffice when it is not installed; ZJ_ERR_IO when it fails or times out;
 * ZJ_ERR_PARSE when it cannot open the file or the file has no table.
 * .pdf: always ZJ_ERR_UNSUPPORTED (where "soffice"), saying that tables
 * cannot be extracted from a PDF (LibreOffice reads one as text boxes). */
zj_code zj_office_tables(const char *data, size_t len, const char *ext,
                         zj_grids *out, zj_error *err);

#endif
