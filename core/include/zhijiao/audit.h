/* zhijiao/audit.h — do the parts of a published table add up?
 *
 * An audit never changes the data it is given.  It returns findings: each
 * names the table, the row (1-based, in the caller's numbering), the column
 * and the kind of problem, with the expected and the found value.  A
 * missing cell that a stated total implies is reported as DERIVED with the
 * implied value; the input stays missing.
 *
 * Findings are collected in a zj_findings list owned by the caller:
 * zero-initialise it (or call zj_findings_init), pass it to any number of
 * audit calls, read .items[0 .. .count), then zj_findings_free it.
 */
#ifndef ZHIJIAO_AUDIT_H
#define ZHIJIAO_AUDIT_H

#include "export.h"

#include <stddef.h>
#include "error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum zj_finding_kind {
    ZJ_FIND_SUM_MISMATCH = 0,   /* details do not add up to a subtotal/total */
    ZJ_FIND_DERIVED,            /* a missing detail, implied by its total */
    ZJ_FIND_UNRESOLVED,         /* a missing cell that no total pins down */
    ZJ_FIND_COUNT_MISMATCH,     /* stated number of items != items listed */
    ZJ_FIND_PERCENT_UNACHIEVABLE, /* no k/n rounds to the stated percentage */
    ZJ_FIND_ORPHAN_TOTAL,       /* a subtotal with no detail rows under it */
    ZJ_FIND_WEIGHTED_MEAN_MISMATCH, /* a stated rate != its parts' rates weighted by their counts */
    ZJ_FIND_PARTS_NOT_ALL_STATED    /* the stated parts fall short of the total: the rest is not stated (not an error) */
} zj_finding_kind;

/* "sum_mismatch", "derived", "unresolved", "count_mismatch",
 * "percent_unachievable", "orphan_total", "weighted_mean_mismatch",
 * "parts_not_all_stated" */
ZJ_EXTERN const char *zj_finding_kind_name(zj_finding_kind kind);

typedef struct zj_finding {
    zj_finding_kind kind;
    char *table;        /* the table name given to the audit call */
    size_t row;         /* 1-based row in the caller's numbering; 0 = whole table */
    char *column;       /* the audited column */
    double expected;    /* what the other cells imply (NaN if not applicable) */
    double found;       /* what the table states (NaN if missing) */
    char *message_zh;   /* a sentence saying what is wrong, where */
    char *message_en;
} zj_finding;

typedef struct zj_findings {
    zj_finding *items;
    size_t count, capacity;
} zj_findings;

ZJ_EXTERN void zj_findings_init(zj_findings *f);
ZJ_EXTERN void zj_findings_free(zj_findings *f);   /* frees every string; safe to call twice */

/* Sum audit of a hierarchical table.
 *
 * Each row has n_keys key cells (row-major in `keys`, n_rows * n_keys) and
 * one value (values[i], NaN = missing).  A row whose kind is ZJ_ROW_DETAIL
 * is a leaf.  An aggregate row (SUBTOTAL or TOTAL) states the sum of every
 * detail row whose first j keys equal its own first j keys, where j is the
 * number of its leading non-empty keys (j = 0: the grand total).  When
 * `kinds` is NULL the kind is inferred: a row with every key filled is a
 * detail, any other an aggregate — the layout of a pivot table, where a
 * subtotal row leaves the lower keys blank.
 *
 * Aggregates are checked from the innermost out.  When exactly one detail
 * under an aggregate is missing, its implied value (aggregate minus the
 * others) is reported as DERIVED and used for the outer aggregates;
 * otherwise missing details are UNRESOLVED.  Values are compared with a
 * tolerance of 1e-9 relative.  row_numbers, when not NULL, gives the
 * caller's row number for each row (e.g. the CSV line); otherwise i + 1. */
typedef enum zj_row_kind {
    ZJ_ROW_DETAIL = 0,
    ZJ_ROW_SUBTOTAL,
    ZJ_ROW_TOTAL
} zj_row_kind;

/* A row kind from text, as a table or a spreadsheet column says it:
 * "detail", "subtotal", "total" in any case, or 明细, 小计, 总计 / 合计;
 * blanks around are ignored.  Anything else is ZJ_ERR_ARG naming `label`
 * (a column or "line 12") and quoting the text.  The CLI, R and Calc all
 * read kinds through this, so they accept the same words. */
ZJ_EXTERN zj_code zj_row_kind_parse(const char *text, const char *label,
                                    zj_row_kind *out, zj_error *err);
/* "detail", "subtotal", "total" ("unknown" out of range). */
ZJ_EXTERN const char *zj_row_kind_name(zj_row_kind kind);

ZJ_EXTERN zj_code zj_audit_sums(const char *table, const char *column,
                      const char *const *keys, size_t n_keys,
                      const zj_row_kind *kinds, const double *values,
                      const size_t *row_numbers, size_t n_rows,
                      zj_findings *out, zj_error *err);

/* Components that should add up to a stated total (e.g. 应届 6815 +
 * 三年内 11191 against 毕业生 17520, or items listed against "共 75 个").
 * labels may be NULL.  A NaN component makes the check UNRESOLVED unless it
 * is the only one, in which case it is DERIVED. */
ZJ_EXTERN zj_code zj_audit_components(const char *table, const char *column,
                            size_t row, const char *const *labels,
                            const double *parts, size_t n_parts,
                            double stated_total, zj_findings *out,
                            zj_error *err);

/* Is `percent` (e.g. 95.26) with `decimals` decimal places achievable as
 * 100 k / n for a whole k in [0, n]?  Either rounding convention (half up,
 * half even) is accepted.  When it is not, a PERCENT_UNACHIEVABLE finding
 * gives the nearest achievable percentages in its message.  *achievable
 * (may be NULL) receives 1 or 0. */
ZJ_EXTERN zj_code zj_audit_percentage(const char *table, const char *column,
                            size_t row, double percent, double n,
                            int decimals, int *achievable,
                            zj_findings *out, zj_error *err);

#ifdef __cplusplus
}
#endif
#endif
