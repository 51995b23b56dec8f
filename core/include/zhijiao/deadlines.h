/* zhijiao/deadlines.h — what is due, from the rule files.
 *
 * A deadline is a rule `deadline.<name>` of a rule file (data/rules/…),
 * with the parameters `due` ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM", Beijing
 * time as the documents give it), `what_zh` and `what_en`, and optionally
 * `recurring` ("annual": the same day every year; the file's date is the
 * file's year).  The rule's source and clause are its citation. */
#ifndef ZHIJIAO_DEADLINES_H
#define ZHIJIAO_DEADLINES_H

#include <stddef.h>

#include "zhijiao/data.h"
#include "zhijiao/error.h"
#include "zhijiao/export.h"

typedef enum zj_due_status {
    ZJ_DUE_NO_DATE = 0,   /* no date was asked about */
    ZJ_DUE_UPCOMING,      /* the date asked is before the day it is due */
    ZJ_DUE_TODAY,         /* due on the date asked */
    ZJ_DUE_PASSED         /* the date asked is after the day it was due */
} zj_due_status;

typedef struct zj_deadline {
    const char *jurisdiction;    /* "beijing" */
    const char *programme;       /* "3plus2" */
    int year;                    /* the rule file's year */
    const char *id;              /* "deadline.upload" */
    const char *due;             /* "2024-02-27 17:00", as in the file */
    const char *recurring;       /* "annual" or NULL */
    const char *what_zh, *what_en;
    zj_source source;            /* document and clause */
    zj_due_status status;
    long days;                   /* days from the date asked to the due day (negative: passed); 0 without a date */
    char status_zh[64];          /* "已过期（30 天前截止）", "今天 17:00 截止", "还有 3 天"; "" without a date */
    char status_en[64];          /* "passed (30 day(s) ago)", "due today at 17:00", "due in 3 day(s)" */
} zj_deadline;

/* Every deadline of the rule files, in due order; `year` 0 for every
 * year, else only the rule files of that year; `date` NULL or
 * "YYYY-MM-DD" (a real day; else ZJ_ERR_ARG naming it).  *out is a new
 * array the caller frees with zj_deadlines_free; its strings are borrowed
 * from `data` and live until zj_data_close.  A `deadline.*` rule without
 * a valid `due`, `what_zh` or `what_en` is ZJ_ERR_PARSE naming the file
 * and the rule. */
ZJ_EXTERN zj_code zj_deadlines(const zj_data *data, int year, const char *date,
                               zj_deadline **out, size_t *n, zj_error *err);
ZJ_EXTERN void zj_deadlines_free(zj_deadline *list);

#endif
