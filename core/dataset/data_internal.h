/* data_internal.h — what a zj_data holds (internal). */
#ifndef ZJ_DATA_INTERNAL_H
#define ZJ_DATA_INTERNAL_H

#include <jansson.h>
#include "zhijiao/data.h"
#include "ruleset.h"
#include "table_internal.h"


typedef struct zj__plan_year {
    int year;
    int complete;
    char *note_zh, *note_en;
} zj__plan_year;

struct zj_data {
    char *dir;
    zj__ruleset **rulesets;
    size_t n_rulesets;
    zj_table **tables;
    size_t n_tables;
    zj__plan_year *plan_years;
    size_t n_plan_years;
    zj_error *notes;            /* what the open skipped (zj_data_note_at) */
    size_t n_notes, notes_dropped;
    zj_error warning;           /* code ZJ_OK: none (zj_data_warning) */
};

/* plan_lookup.c: plan names equal after trimming and bracket folding. */
int zj__plan_name_eq(const char *a, const char *b);

/* manifest.c: reads <dir>/tables.json and every table it lists. */
zj_code zj__manifest_load(zj_data *d, zj_error *err);

/* snapshot_read.c: the current version's name (malloc'd; a name, never a
 * path), NULL when there is none. */
char *zj__snapshot_current_name(const char *snapshot_dir);
/* The current version's directory (malloc'd), NULL when
 * there is none. */
char *zj__snapshot_current(const char *snapshot_dir);
/* Loads the tables of a version directory (tables.json + tables/). */
zj_code zj__snapshot_load(const char *version_dir, zj_data **out, zj_error *err);
/* The version served: the current one, or, when that cannot be loaded,
 * the previous one (*warning then says why, naming the file; code ZJ_OK
 * otherwise).  Returns its directory (malloc'd) and *out its tables, or
 * NULL and *out NULL when there is no snapshot or no version loads. */
char *zj__snapshot_served(const char *snapshot_dir, zj_data **out, zj_error *warning);

#endif
