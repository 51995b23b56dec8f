/* zhijiao/check.h — rule decisions with reasons and citations.
 *
 * A check is a question the rules answer: may this candidate apply to
 * 贯通培养, is this 志愿 form valid, what happens after a failed 转段, is the
 * 普职互转 window open.  The catalogue (zj_check_at) lists every check with
 * its input fields and their help texts in Chinese and English; the CLI,
 * the Calc add-in and the R package are generated from it, so they offer
 * the same checks with the same arguments.
 *
 * Inputs are named values, row by row.  One call decides any number of rows
 * (a spreadsheet range, an R data frame, a CSV file in chunks).  A row with
 * bad input is not an error of the call: its decision has status ZJ_ERR_ARG
 * and a reason saying which field was wrong and what was expected; a row
 * for a jurisdiction, programme or year without rules has status
 * ZJ_ERR_NOT_FOUND and a reason listing the years that exist.
 *
 * Every decided row carries every reason that applies: each condition that
 * was checked, whether it was met, a message in both languages with the
 * numbers involved, and the source document and clause.
 */
#ifndef ZHIJIAO_CHECK_H
#define ZHIJIAO_CHECK_H

#include "export.h"

#include <stddef.h>
#include "error.h"
#include "data.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- input values ------------------------------------------------------- */

typedef enum zj_value_type {
    ZJ_VAL_MISSING = 0,   /* an empty cell, NA, an absent CSV field */
    ZJ_VAL_NUMBER,
    ZJ_VAL_TEXT,          /* UTF-8; booleans and numbers given as text are parsed */
    ZJ_VAL_BOOL
} zj_value_type;

typedef struct zj_value {
    zj_value_type type;
    double number;        /* ZJ_VAL_NUMBER */
    const char *text;     /* ZJ_VAL_TEXT; borrowed for the duration of the call */
    int boolean;          /* ZJ_VAL_BOOL: 0 or 1 */
} zj_value;

/* Convenience constructors. */
ZJ_EXTERN zj_value zj_value_missing(void);
ZJ_EXTERN zj_value zj_value_number(double v);
ZJ_EXTERN zj_value zj_value_text(const char *s);
ZJ_EXTERN zj_value zj_value_bool(int b);

/* ---- the catalogue ------------------------------------------------------ */

typedef enum zj_field_type {
    ZJ_FIELD_INTEGER = 0, /* whole number (year, counts) */
    ZJ_FIELD_NUMBER,      /* any finite number (scores) */
    ZJ_FIELD_BOOL,        /* 1/0, true/false, yes/no, 是/否, 有/无, Y/N */
    ZJ_FIELD_TEXT,        /* free text: school, major */
    ZJ_FIELD_CHOICE       /* one of `choices` (ids or their Chinese labels) */
} zj_field_type;

typedef struct zj_field_info {
    const char *name;         /* programmatic name, also the CSV header: "score" */
    const char *name_zh;      /* Chinese name, also accepted as CSV header: "中招录取总分" */
    zj_field_type type;
    int required;             /* 0: optional, the check says what is undetermined without it */
    const char *help_zh;
    const char *help_en;
    const char *const *choices;     /* CHOICE: NULL-terminated ids */
    const char *const *choices_zh;  /* CHOICE: the same, in Chinese */
} zj_field_info;

typedef struct zj_check_info {
    const char *name;         /* "gtpy.admission" */
    const char *programme;    /* rule-set programme it reads: "gtpy" */
    const char *title_zh;     /* "贯通培养报考资格" */
    const char *title_en;     /* "贯通 programme: may the candidate apply?" */
    const char *help_zh;
    const char *help_en;
    size_t n_fields;
    const zj_field_info *fields;
} zj_check_info;

/* Stable English names, as every client writes them (CSV, JSON, R
 * columns): "integer", "number", "bool", "text", "choice"; and "met",
 * "unmet", "unknown" with their Chinese words "满足", "不满足", "未知".
 * Out-of-range values give "unknown" / "未知".  Static strings. */
ZJ_EXTERN const char *zj_field_type_name(zj_field_type t);

/* The catalogue is static: the infos and all their strings live for the
 * life of the program.  zj_check_at(i) for i >= zj_check_count() is NULL. */
ZJ_EXTERN size_t zj_check_count(void);
ZJ_EXTERN const zj_check_info *zj_check_at(size_t i);
/* NULL when there is no such check. */
ZJ_EXTERN const zj_check_info *zj_check_find(const char *name);
/* zj_check_find, or NULL with *err (if not NULL) set to ZJ_ERR_NOT_FOUND at
 * "argument check": "no check named NAME", the nearest name
 * (zj_check_suggest) when there is one, and the names of all checks.
 * The one wording of an unknown check for every client.  The returned
 * check is static. */
ZJ_EXTERN const zj_check_info *zj_check_lookup(const char *name, zj_error *err);
/* For "did you mean": the check name nearest to a misspelt `name`
 * (zj_suggest), or NULL.  A static string of the library. */
ZJ_EXTERN const char *zj_check_suggest(const char *name);
/* The programmatic name of the field of `check` nearest to `name` (by
 * programmatic or Chinese name), or NULL.  Borrowed from check. */
ZJ_EXTERN const char *zj_check_field_suggest(const zj_check_info *check,
                                             const char *name);
/* Index of a field by programmatic or Chinese name; -1 when none. */
ZJ_EXTERN int zj_check_field_index(const zj_check_info *check, const char *name);

/* ---- decisions ---------------------------------------------------------- */

typedef enum zj_met {
    ZJ_UNMET = 0,         /* the condition fails */
    ZJ_MET = 1,           /* the condition holds */
    ZJ_UNKNOWN = -1       /* cannot be decided from the input or the data */
} zj_met;

ZJ_EXTERN const char *zj_met_name(zj_met m);
ZJ_EXTERN const char *zj_met_name_zh(zj_met m);

typedef struct zj_reason {
    const char *code;     /* stable: "GTPY.ADMISSION.MIN_SCORE", "INPUT.NOT_A_NUMBER" */
    zj_met met;
    const char *message_zh;
    const char *message_en;
    const zj_source *source;  /* NULL for input and data errors; borrowed
                                 from the zj_data: valid until zj_data_close */
} zj_reason;

typedef struct zj_decision {
    zj_code status;       /* ZJ_OK decided; ZJ_ERR_ARG bad input; ZJ_ERR_NOT_FOUND no rules */
    int eligible;         /* 1 allowed/holds, 0 not, -1 undetermined or not decided */
    const char *outcome;  /* stable code: "eligible", "ineligible", "advance", ... */
    const char *outcome_zh;
    const char *outcome_en;
    const char *ruleset;  /* "beijing/gtpy/2024"; "" when no rule set applied */
    size_t n_reasons;
    const zj_reason *reasons;
    void *priv_;          /* the single block holding the strings above */
} zj_decision;

/* Frees what a decision owns (not the struct itself); leaves it zeroed. */
ZJ_EXTERN void zj_decision_free(zj_decision *d);
ZJ_EXTERN void zj_decisions_free(zj_decision *d, size_t count);

/* Whether reason i decided the outcome: every reason when eligible = 1;
 * the unmet ones when eligible = 0; the unmet and unknown ones when
 * eligible = -1 (all of them if there are none such).  Used for one-line
 * summaries (CSV cells, sheet cells). */
ZJ_EXTERN int zj_reason_is_decisive(const zj_decision *d, size_t i);

/* ---- a decision summed up ------------------------------------------------
 *
 * What a CSV row, a sheet cell or an R data frame shows of a decision: the
 * decisive reasons (zj_reason_is_decisive), their codes, messages and
 * citations joined with " | ", and one text per language with each
 * citation after its message ("…（依据：…）", "... (source: ...)").  Made
 * once here, so every client joins and cites alike; deciding which reasons
 * are decisive costs O(n) per decision, not per reason.
 *
 * A zj_summarizer holds the buffers and a cache of formatted citations
 * kept by the address of their zj_source: it borrows `data` (the zj_data
 * the decisions come from, whose rule sources they cite; NULL is allowed)
 * and must not outlive it.  One summarizer per thread. */
typedef struct zj_summarizer zj_summarizer;

typedef struct zj_decision_summary {
    size_t n_reasons;            /* of the decision */
    const unsigned char *decisive;   /* [n_reasons]: 1 when reason i is decisive */
    const char *const *citations;    /* [n_reasons]: zj_source_format, NULL without a source */
    const char *codes;           /* decisive reasons' codes, " | " */
    const char *reasons_zh;      /* their messages */
    const char *reasons_en;
    const char *sources;         /* their citations (reasons without one skipped) */
    const char *text_zh;         /* "message（依据：citation）" of each, " | " */
    const char *text_en;         /* "message (source: citation)" of each, " | " */
    size_t codes_len, reasons_zh_len, reasons_en_len, sources_len,
           text_zh_len, text_en_len;   /* strlen of each */
} zj_decision_summary;

/* What a summary joins (decisive and citations are always there):
 * COLUMNS the codes, reasons_zh, reasons_en and sources columns (a CSV row,
 * an R data frame), TEXTS text_zh and text_en (a sheet cell).  The parts
 * not asked for are "". */
#define ZJ_SUMMARY_COLUMNS 1u
#define ZJ_SUMMARY_TEXTS 2u

/* NULL when out of memory.  Free with zj_summarizer_free (NULL is fine). */
ZJ_EXTERN zj_summarizer *zj_summarizer_new(const zj_data *data, unsigned parts);
ZJ_EXTERN void zj_summarizer_free(zj_summarizer *s);

/* Sums up d into *out.  Every pointer in *out is owned by s and valid
 * until the next zj_decision_summarize on s or zj_summarizer_free.
 * ZJ_ERR_NOMEM (out zeroed) when the buffers cannot grow. */
ZJ_EXTERN zj_code zj_decision_summarize(zj_summarizer *s, const zj_decision *d,
                                        zj_decision_summary *out, zj_error *err);

/* ---- which input columns a check uses ------------------------------------
 *
 * Column names that are not fields of the check are ignored by
 * zj_check_batch (a CSV may carry an id or a name); a field that no column
 * supplies is missing in every row.  When a file's headers are not field
 * names at all (户口, 分数), every row would be undetermined without a word:
 * clients call zj_check_columns once per input and show the warning (the
 * CLI on stderr, R as a warning(), Calc in the reasons text). */
typedef struct zj_column_report {
    size_t n_unused;
    const size_t *unused;     /* indices of the columns that are no field */
    size_t n_missing;
    const size_t *missing;    /* indices (into check->fields) no column supplies */
    int warn;                 /* 1 when a field is not supplied while a
                                 column goes unused: a misnamed header */
    char *message_zh;         /* the warning (NULL when !warn): the missing */
    char *message_en;         /*   fields, then the unused columns */
    void *priv_;
} zj_column_report;

/* Fills *out for the columns names[0 .. n_names) of `check`; everything
 * in it is owned by *out until zj_column_report_free.  ZJ_ERR_NOT_FOUND
 * for an unknown check, ZJ_ERR_ARG for a field given twice (worded as
 * zj_check_batch words it), ZJ_ERR_NOMEM; then *out needs no freeing. */
ZJ_EXTERN zj_code zj_check_columns(const char *check, const char *const *names,
                                   size_t n_names, zj_column_report *out,
                                   zj_error *err);
ZJ_EXTERN void zj_column_report_free(zj_column_report *r);   /* zeroes it */

/* Decides rows of one check.
 *   names[0 .. n_names)       the field of each column; names that are not
 *                             fields of the check are ignored (a CSV may
 *                             carry an id or a name column)
 *   cells[row * n_names + k]  row-major values
 *   out[0 .. rows)            decisions, to be freed with zj_decisions_free
 * Returns ZJ_ERR_NOT_FOUND for an unknown check, ZJ_ERR_ARG for a field
 * given twice, ZJ_ERR_NOMEM; row problems are in the rows' decisions.  On
 * an error return no decision needs freeing. */
ZJ_EXTERN zj_code zj_check_batch(const zj_data *data, const char *check,
                       const char *const *names, size_t n_names,
                       const zj_value *cells, size_t rows,
                       zj_decision *out, zj_error *err);

/* Options of zj_check_batch_opt; NULL or all zero is zj_check_batch. */
typedef struct zj_batch_options {
    /* 1: decide without wording the reasons: every reason keeps its code,
     * met and source, but message_zh and message_en are "" (the outcome,
     * eligible, status and outcome texts are as usual).  For callers that
     * show only the outcome, such as the Calc add-in's whole-table function
     * asked for the eligible column: formatting the sentences is most of
     * the cost of a decision. */
    int outcome_only;
} zj_batch_options;

/* zj_check_batch with options (opt may be NULL). */
ZJ_EXTERN zj_code zj_check_batch_opt(const zj_data *data, const char *check,
                       const char *const *names, size_t n_names,
                       const zj_value *cells, size_t rows,
                       const zj_batch_options *opt,
                       zj_decision *out, zj_error *err);

/* One row: zj_check_batch with rows = 1. */
ZJ_EXTERN zj_code zj_check_run(const zj_data *data, const char *check,
                     const char *const *names, const zj_value *values,
                     size_t n_values, zj_decision *out, zj_error *err);

#ifdef __cplusplus
}
#endif
#endif
