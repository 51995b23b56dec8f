/* zhijiao/data.h — the loaded rule sets and official tables.
 *
 * A zj_data is opened once from a data directory and is immutable
 * afterwards: any number of threads may use one zj_data at the same time
 * without locking.  Everything a zj_data hands out (tables, cells, sources,
 * names) stays valid until zj_data_close and must not be freed.
 *
 * The directory holds
 *   rules/<jurisdiction>/<programme>-<year>.json   one rule set per file
 *   tables.json                                    the table manifest
 *   tables/<name>.csv                              UTF-8 CSV tables
 * (see data/README.md for the schemas).  A rule file for a new year dropped
 * into rules/ is used on the next open, without recompiling.
 */
#ifndef ZHIJIAO_DATA_H
#define ZHIJIAO_DATA_H

#include "export.h"

#include <stddef.h>
#include "error.h"
#include "indicators.h"
#include "audit.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zj_data zj_data;
typedef struct zj_table zj_table;

/* The directory zj_data_open_default uses: $ZHIJIAO_DATA when set and not
 * empty, else the directory chosen at build time (…/share/zhijiao). */
ZJ_EXTERN const char *zj_data_default_dir(void);

/* Loads and validates every rule file and table.  Any invalid file fails
 * the whole open with ZJ_ERR_PARSE, err->where naming the file and line or
 * key and the message the reason: a half-loaded rule book would give wrong
 * answers silently. */
ZJ_EXTERN zj_code zj_data_open(const char *dir, zj_data **out, zj_error *err);
/* zj_data_default_dir() plus the refreshed plan tables of the snapshot
 * zj_snapshot_read_dir() names, if there is one (zj_data_open_with_snapshot
 * below); zj_data_open(dir) reads dir alone. */
ZJ_EXTERN zj_code zj_data_open_default(zj_data **out, zj_error *err);

/* $ZHIJIAO_SNAPSHOT when set and not empty, else
 * $XDG_DATA_HOME/zhijiao/snapshot (~/.local/share/zhijiao/snapshot),
 * written to buf (always NUL-terminated, cut to size).  Returns the length
 * it needed, like snprintf: a result >= size means buf was too small. */
ZJ_EXTERN size_t zj_snapshot_default_dir(char *buf, size_t size);

/* ---- which snapshot is read ---------------------------------------------
 * A user's own snapshot (the one above, written by their `zhijiao
 * refresh`) takes precedence over the machine's, which a system service
 * refreshes for every user (Debian: zhijiao-refresh.timer writing
 * /var/lib/zhijiao/snapshot).  The search order, when no snapshot is named:
 *   0. zj_snapshot_default_dir(): $ZHIJIAO_SNAPSHOT (then the only one),
 *      else the user's own;
 *   1. zj_snapshot_system_dir(), unless $ZHIJIAO_SNAPSHOT is set.
 * The first that has a current version is read; none: the bundled data
 * alone.  Every function here writes buf like zj_snapshot_default_dir. */

/* $ZHIJIAO_SYSTEM_SNAPSHOT when set and not empty (for tests), else the
 * directory chosen at build time, $(localstatedir)/lib/zhijiao/snapshot.
 * A static string: never freed. */
ZJ_EXTERN const char *zj_snapshot_system_dir(void);
/* The i-th directory of the search order (i from 0) into buf; returns 0
 * (buf empty) when there is no i-th. */
ZJ_EXTERN size_t zj_snapshot_search_dir(unsigned i, char *buf, size_t size);
/* The first directory of the search order that has a current version,
 * else the first of the order (where the user's own would be). */
ZJ_EXTERN size_t zj_snapshot_read_dir(char *buf, size_t size);

/* Opens `dir` as zj_data_open does, then adds the plan tables of the
 * current snapshot in snapshot_dir (NULL: zj_snapshot_read_dir()).
 * A refreshed table replaces the bundled table of the same name (both
 * name one plan and year, e.g. gtpy_plan_2024), others are added.  No
 * snapshot there yet: the bundled data alone.  A current version that
 * cannot be read (a truncated tables.json, a missing file) does not fail
 * the open: the previous version is served instead, or the bundled data
 * alone when that cannot be read either, and zj_data_warning says so. */
ZJ_EXTERN zj_code zj_data_open_with_snapshot(const char *dir, const char *snapshot_dir,
                                   zj_data **out, zj_error *err);
/* Why the data is not what the snapshot's CURRENT names (the error that
 * made zj_data_open_with_snapshot fall back, where naming the file), or
 * NULL when it is.  Lives as long as data; clients show it as a warning. */
ZJ_EXTERN const zj_error *zj_data_warning(const zj_data *data);
ZJ_EXTERN void zj_data_close(zj_data *data);              /* NULL is fine */
ZJ_EXTERN const char *zj_data_dir(const zj_data *data);   /* borrowed from data */

/* Notes from opening the data directory: what it skipped without failing.
 * Only regular files are read (a FIFO or a device could block the open
 * forever), so a rules/<jurisdiction>/<name>.json that is not a regular
 * file is skipped with a note, as is anything in rules/ that is not a
 * jurisdiction folder.  Each note's `where` names the path and its
 * messages say why (code ZJ_ERR_IO).  The library never prints: clients
 * show the notes (the CLI on stderr, after "zhijiao: note: ").  At most
 * ZJ_DATA_NOTES_MAX are kept; the last then counts the others.  Borrowed
 * from `data`, valid until zj_data_close. */
#define ZJ_DATA_NOTES_MAX 32
ZJ_EXTERN size_t zj_data_note_count(const zj_data *data);
ZJ_EXTERN const zj_error *zj_data_note_at(const zj_data *data, size_t i);

/* ---- citations ---------------------------------------------------------- */

/* Where a rule or a number comes from.  Any field but document may be
 * NULL when the source does not say. */
typedef struct zj_source {
    const char *document;   /* "京教职成〔2023〕6号" or a report/article title */
    const char *clause;     /* "三(一)2", "表 1-10-1" */
    const char *date;       /* ISO date, as precise as the source: "2023-04-07", "2024-04" */
    const char *url;
    const char *title;      /* the document's title */
} zj_source;

/* "京教职成〔2023〕6号 三(一)2 (2023-04-07)" — into buf, always
 * NUL-terminated, truncated to size.  Returns the length it needed. */
ZJ_EXTERN size_t zj_source_format(const zj_source *src, char *buf, size_t size);

/* ---- rule sets ---------------------------------------------------------- */

typedef struct zj_ruleset_info {
    const char *jurisdiction;     /* "beijing" */
    const char *jurisdiction_zh;  /* "北京市" */
    const char *programme;        /* "gtpy", "3plus2", "pzhz" */
    const char *programme_zh;
    int year;
    const char *file;             /* path it was loaded from */
} zj_ruleset_info;

/* Borrowed from `data`, valid until zj_data_close. */
ZJ_EXTERN size_t zj_data_ruleset_count(const zj_data *data);
ZJ_EXTERN const zj_ruleset_info *zj_data_ruleset_at(const zj_data *data, size_t i);

/* ---- tables ------------------------------------------------------------- */

/* Tables, their names, titles, sources, column names and cells are
 * borrowed from `data`: valid until zj_data_close, never freed. */

ZJ_EXTERN size_t zj_data_table_count(const zj_data *data);
ZJ_EXTERN const zj_table *zj_data_table_at(const zj_data *data, size_t i);
/* ZJ_ERR_NOT_FOUND (listing the names that exist) when there is none. */
ZJ_EXTERN zj_code zj_data_table(const zj_data *data, const char *name,
                      const zj_table **out, zj_error *err);

ZJ_EXTERN const char *zj_table_name(const zj_table *t);       /* "gtpy_plan_2023" */
ZJ_EXTERN const char *zj_table_title_zh(const zj_table *t);
ZJ_EXTERN const char *zj_table_title_en(const zj_table *t);
ZJ_EXTERN const zj_source *zj_table_source(const zj_table *t);
ZJ_EXTERN const char *zj_table_file(const zj_table *t);
ZJ_EXTERN size_t zj_table_rows(const zj_table *t);            /* data rows, header excluded */
ZJ_EXTERN size_t zj_table_cols(const zj_table *t);
ZJ_EXTERN const char *zj_table_col_name(const zj_table *t, size_t col);
/* Cell text, UTF-8; "" for an empty cell (a number the source lost stays
 * empty).  Out-of-range indices give NULL. */
ZJ_EXTERN const char *zj_table_cell(const zj_table *t, size_t row, size_t col);
/* The CSV line a row came from, for findings and error messages. */
ZJ_EXTERN size_t zj_table_line(const zj_table *t, size_t row);
ZJ_EXTERN zj_code zj_table_col_index(const zj_table *t, const char *name, size_t *out,
                           zj_error *err);

/* What n is behind the table's rates, as the manifest declares it
 * ("design" in data/tables.json, with per-row overrides by the id column):
 * a sample, a census (complete enumeration: no sampling interval) or a
 * sample from a finite population of `population`, and why.  `row_id`
 * may be NULL (the table's design).  Returns 1 and fills *out when the
 * manifest declares one, 0 when it says nothing.  The strings live as
 * long as the zj_data. */
typedef struct zj_table_design_info {
    zj_design design;
    double population;           /* NaN unless ZJ_DESIGN_FINITE */
    const char *why_zh, *why_en;
} zj_table_design_info;

ZJ_EXTERN int zj_table_design(const zj_table *t, const char *row_id,
                              zj_table_design_info *out);

/* Runs every audit the manifest declares for this table and appends the
 * findings.  A table that does not add up is reported, never corrected. */
ZJ_EXTERN zj_code zj_table_audit(const zj_data *data, const zj_table *t,
                       zj_findings *out, zj_error *err);

/* ---- plan look-ups ------------------------------------------------------ */

/* One row of an enrolment plan or project list (tables whose manifest kind
 * is "plan"; schema in data/README.md).  places is NaN when the source
 * does not give (or lost) the number. */
typedef struct zj_plan_entry {
    int year;
    const char *programme;      /* "高本贯通", "中本贯通", "3+2" */
    const char *school;
    const char *major;
    const char *major_code;     /* "" when not published */
    const char *partner;        /* partner university / 高职 school */
    const char *partner_major;
    double places;
    const char *table;          /* the table it came from */
    size_t line;                /* its CSV line */
} zj_plan_entry;

/* Finds the detail rows of `year`'s plans for school and major (exact
 * text after trimming, full-width brackets （） equal to ASCII (); a major's
 * parenthesised direction is part of its name).  NULL or "" school or
 * major matches any.  Writes at most `max` entries to out (out may be NULL to count)
 * and the number found to *found.  No match: ZJ_OK with *found = 0;
 * no plan table for the year at all: ZJ_ERR_NOT_FOUND; a year outside
 * ZJ_YEAR_MIN .. ZJ_YEAR_MAX (zhijiao/parse.h): ZJ_ERR_ARG. */
ZJ_EXTERN zj_code zj_plan_lookup(const zj_data *data, int year, const char *school,
                       const char *major, zj_plan_entry *out, size_t max,
                       size_t *found, zj_error *err);

/* For "did you mean" when zj_plan_lookup found nothing: the school
 * (column "school") or major ("major") of `year`'s plan rows nearest to
 * `given` (zj_suggest: near spellings, or one name containing the other,
 * as "昌平职业学校" in "北京市昌平职业学校"), or NULL.  Borrowed from
 * data: valid until zj_data_close. */
ZJ_EXTERN const char *zj_plan_suggest(const zj_data *data, int year,
                                      const char *column, const char *given);

/* Whether the bundled plans for `year` list every programme of that year
 * (the 2024 seeds give the 中本贯通 plan only).  0 also when unknown. */
ZJ_EXTERN int zj_plan_year_complete(const zj_data *data, int year);

/* ---- plans year over year ---------------------------------------------- */

/* What happened to one (programme, school, major) between two years'
 * plans.  Names match as in zj_plan_lookup.  A row of one year whose
 * programme the other year's plans do not list at all is NOT_PUBLISHED,
 * never "removed" or "added": the seeds do not say (2024 publishes the
 * 中本贯通 plan only, see zj_plan_year_complete). */
typedef enum zj_plan_change_kind {
    ZJ_PLAN_SAME = 0,          /* in both years, the same places */
    ZJ_PLAN_CHANGED,           /* in both years, places changed */
    ZJ_PLAN_ADDED,             /* only in year2 */
    ZJ_PLAN_REMOVED,           /* only in year1 */
    ZJ_PLAN_NOT_PUBLISHED,     /* the other year's plan for its programme is not published */
    ZJ_PLAN_PLACES_UNKNOWN     /* in both years, places missing in either */
} zj_plan_change_kind;

/* "same", "changed", "added", "removed", "not_published", "places_unknown" */
ZJ_EXTERN const char *zj_plan_change_name(zj_plan_change_kind k);

typedef struct zj_plan_change {
    zj_plan_change_kind kind;
    const char *programme, *school, *major;   /* as printed in the year it comes from */
    const char *partner1, *partner2;          /* NULL where absent */
    double places1, places2;                  /* NaN where absent or not published */
    double change;                            /* places2 - places1, exact; NaN unless both known */
    size_t line1, line2;                      /* CSV lines, 0 where absent */
    const char *table1, *table2;              /* NULL where absent */
} zj_plan_change;

#define ZJ_PLAN_CHANGE_KINDS 6

typedef struct zj_plan_comparison {
    int year1, year2;
    zj_plan_change *rows;      /* year1's rows in order, then year2's new ones */
    size_t count;
    size_t counts[ZJ_PLAN_CHANGE_KINDS];      /* rows of each kind */
} zj_plan_comparison;

/* Compares the detail rows of year1's and year2's plans, optionally of one
 * programme (NULL or "": all).  Rows of one key in one year are matched
 * in order.  No plan table for a year: ZJ_ERR_NOT_FOUND naming it.  The
 * strings borrow from `data`; free the rows with zj_plan_comparison_free. */
ZJ_EXTERN zj_code zj_plan_compare(const zj_data *data, int year1, int year2,
                                  const char *programme, zj_plan_comparison *out,
                                  zj_error *err);
ZJ_EXTERN void zj_plan_comparison_free(zj_plan_comparison *c);   /* NULL is fine */

#ifdef __cplusplus
}
#endif
#endif
