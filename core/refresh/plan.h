/* plan.h — normalized plan rows, snapshots and their differences
 * (internal; plan_normalize.c, snapshot.c, snapshot_diff.c). */
#ifndef ZJ_PLAN_H
#define ZJ_PLAN_H

#include <stddef.h>
#include "data_internal.h"
#include "grid.h"
#include "zhijiao/data.h"
#include "zhijiao/refresh.h"

/* The columns of a refreshed plan table: the bundled plan schema
 * (data/README.md) plus retrieved_at. */
enum {
    ZJ_PC_YEAR, ZJ_PC_PROGRAMME, ZJ_PC_ROW_KIND, ZJ_PC_SCHOOL, ZJ_PC_MAJOR,
    ZJ_PC_MAJOR_CODE, ZJ_PC_PARTNER, ZJ_PC_PARTNER_MAJOR, ZJ_PC_PLACES, ZJ_PC_NOTE,
    ZJ_PC_SOURCE_DOC, ZJ_PC_SOURCE_URL, ZJ_PC_RETRIEVED_AT, ZJ_PC_COUNT
};
extern const char *const zj__plan_columns[ZJ_PC_COUNT];

typedef struct zj__plan_row {
    char *f[ZJ_PC_COUNT];
} zj__plan_row;

typedef struct zj__plan_rows {
    zj__plan_row *items;
    size_t n, cap;
    size_t aggregates;
} zj__plan_rows;

/* What the page around a table says. */
typedef struct zj__plan_context {
    int year;                   /* 0: unknown (the table is skipped) */
    const char *title;          /* the notice's and the attachment's titles, for the programme */
    const char *document;       /* "京教职成〔2023〕6号 附件" */
    const char *source_url;
    const char *retrieved_at;
} zj__plan_context;

/* Normalizes one grid.  Recognizes the header row (招生院校/中职学校,
 * 专业, 合作本科高校/高职学校, 招生计划, ...), drops header rows repeated
 * on later pages, carries merged (blank) programme/school/partner cells
 * down, turns 小计/合计/总计 rows into subtotal/total rows and a 招生规模
 * column into school subtotals.  Appends to out; *is_plan = 0 (and no
 * rows) when the grid is not a plan table.  ZJ_ERR_NOMEM only. */
zj_code zj__plan_normalize(const zj__grid *g, const zj__plan_context *ctx,
                          zj__plan_rows *out, int *is_plan, zj_error *err);
void zj__plan_rows_free(zj__plan_rows *r);
/* "gtpy_plan_2023" / "threeplustwo_2024" from the rows' programme. */
const char *zj__plan_table_kind(const zj__plan_rows *r);

/* ---- snapshot_write.c (reading: dataset/data_internal.h) ---- */

/* ---- snapshot_diff.c ---- */
typedef struct zj__changes {
    zj_refresh_change *items;
    size_t n, cap;
} zj__changes;

/* Appends the differences between old (NULL: none) and new_t. */
zj_code zj__plan_diff(const zj_table *old_t, const zj_table *new_t,
                     zj__changes *out, zj_error *err);
void zj__changes_free(zj__changes *c);

#endif

/* ---- writing snapshots (snapshot.c) ---- */
typedef struct zj__snap_table {
    const char *name;
    const char *title;          /* the notice's title */
    const char *document;
    const char *url;
    const char *date;           /* the notice's date */
    const zj__plan_rows *rows;
} zj__snap_table;

/* Writes a complete new version under <snapshot_dir>/versions/: the given
 * tables plus every table of the version in carry_from (NULL: none) that
 * is not among them; each file fsync'ed (when durable: a dry run's
 * version, which is discarded, is not), the directory renamed into place
 * when complete.  The snapshot itself is unchanged until zj__snapshot_commit.
 * *version_dir (malloc'd) is the new directory, *version its name. */
zj_code zj__snapshot_write(const char *snapshot_dir, const zj__snap_table *tables, size_t n,
                          const char *carry_from, int durable, char **version, char **version_dir,
                          zj_error *err);
/* Makes `version` current: CURRENT is replaced by rename (after fsync);
 * PREVIOUS names the version it replaced, which is kept; older versions
 * and leftovers of interrupted refreshes are removed. */
zj_code zj__snapshot_commit(const char *snapshot_dir, const char *version, zj_error *err);
/* Removes a version directory that was not committed. */
void zj__snapshot_discard(const char *version_dir);
/* An exclusive lock on the snapshot directory (created if needed) for
 * the duration of a refresh: ZJ_ERR_IO when another refresh holds it. */
zj_code zj__snapshot_lock(const char *snapshot_dir, int *fd, zj_error *err);
void zj__snapshot_unlock(int fd);
