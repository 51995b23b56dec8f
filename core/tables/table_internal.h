/* table_internal.h — a bundled or refreshed table in memory (internal).
 *
 * A zj_table is one CSV file read whole: its cells point into one block
 * of text, and the manifest's metadata (title, source, audit specs) rides
 * along.  It is immutable after loading, so threads may share it. */
#ifndef ZJ_TABLE_INTERNAL_H
#define ZJ_TABLE_INTERNAL_H

#include <jansson.h>
#include "zhijiao/data.h"

struct zj_table {
    char *name, *file, *kind, *title_zh, *title_en;
    zj_source source;
    char *src_doc, *src_clause, *src_date, *src_url, *src_title;
    size_t rows, cols;
    char **col_names;           /* cols */
    const char **cells;         /* rows * cols, into `text` */
    char *text;                 /* every cell, NUL-separated */
    size_t *lines;              /* CSV line of each row */
    json_t *audits;             /* the manifest's audit specs; read-only after load */
    json_t *design;             /* the manifest's design (validated), or NULL */
};

/* table.c: reads the CSV at path into t (whose metadata the manifest set). */
zj_code zj__table_load_csv(zj_table *t, const char *path, zj_error *err);
void zj__table_free(zj_table *t);
/* A cell as a number: NaN when empty (a number the source lost) or not a
 * plain number. */
double zj__cell_number(const char *cell);
/* The cell of `row` in the column named `col`, or NULL if no such column. */
const char *zj__table_get(const zj_table *t, size_t row, const char *col);

#endif
