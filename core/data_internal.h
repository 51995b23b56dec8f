/* data_internal.h — what a zj_data holds (internal). */
#ifndef ZJ_DATA_INTERNAL_H
#define ZJ_DATA_INTERNAL_H

#include <jansson.h>
#include "zhijiao/data.h"
#include "ruleset.h"

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
};

typedef struct zj_plan_year {
    int year;
    int complete;
    char *note_zh, *note_en;
} zj_plan_year;

struct zj_data {
    char *dir;
    zj_ruleset **rulesets;
    size_t n_rulesets;
    zj_table **tables;
    size_t n_tables;
    zj_plan_year *plan_years;
    size_t n_plan_years;
};

/* manifest.c: reads <dir>/tables.json and every table it lists. */
zj_code zj_manifest_load(zj_data *d, zj_error *err);
/* table.c */
zj_code zj_table_load_csv(zj_table *t, const char *path, zj_error *err);
void zj_table_free(zj_table *t);
/* A cell as a number: NaN when empty (a number the source lost) or not a
 * plain number. */
double zj_cell_number(const char *cell);
/* The cell of `row` in the column named `col`, or NULL if no such column. */
const char *zj_table_get(const zj_table *t, size_t row, const char *col);

#endif
