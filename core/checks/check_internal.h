/* check_internal.h — how a check is declared and evaluated (internal).
 *
 * Each check lives in core/checks/<programme>_<check>.c and exports one
 * zj__check_def.  The definition carries the public catalogue entry (name,
 * fields, help) and the evaluator.  The rules and parameters a check reads
 * are declared once, with their types and ranges, in
 * rules/rule_schema_list.h; the loader verifies every rule file against
 * that list and evaluators read parameters by id (zj__param_num(ctx->rules,
 * ZJ_P_ADMISSION_MIN)), so a misspelt id does not compile.  The batch driver
 * (check_batch.c) parses and validates the inputs, finds the rule set for
 * the row's jurisdiction and year, and hands
 * the evaluator typed arguments, so evaluators contain only the rule logic. */
#ifndef ZJ_CHECK_INTERNAL_H
#define ZJ_CHECK_INTERNAL_H

#include "zhijiao/check.h"
#include "ruleset.h"
#include "decision_builder.h"
#include "value.h"

/* Every check's first two fields are these, in this order. */
#define ZJ_FIELD_JURISDICTION 0
#define ZJ_FIELD_YEAR 1

/* A parsed input value, in the check's field order. */
typedef struct zj__arg {
    int present;        /* 0: missing (empty cell, NA, not given) */
    double number;      /* INTEGER, NUMBER */
    long integer;       /* INTEGER */
    int boolean;        /* BOOL */
    int choice;         /* CHOICE: index into the field's choices */
    const char *text;   /* TEXT (trimmed copy valid during the evaluation) */
} zj__arg;

typedef struct zj__check_ctx {
    const zj_data *data;
    const zj__ruleset *rules;     /* the rule set for this row */
    const zj_check_info *info;
    const zj__arg *args;          /* info->n_fields entries */
} zj__check_ctx;

/* Adds reasons and sets the outcome.  May also mark the row as bad input
 * (ZJ_INPUT_ERROR) when a value is valid in type but not in range,
 * e.g. a score above the year's total. */
typedef void (*zj_check_eval)(const zj__check_ctx *ctx, zj__dbuild *b);

typedef struct zj__check_def {
    zj_check_info info;
    zj_check_eval eval;
} zj__check_def;

/* The catalogue (check_catalog.c). */
size_t zj__check_def_count(void);
const zj__check_def *zj__check_def_at(size_t i);
const zj__check_def *zj__check_def_find(const char *name);

/* The first two entries of every check's field table, so every check
 * spells them the same way. */
#define ZJ_FIELDS_JURISDICTION_YEAR                                            \
    { "jurisdiction", "地区", ZJ_FIELD_TEXT, 1,                                \
      "规则所属地区，如 beijing、北京、shandong、山东、guangzhou、广州",        \
      "jurisdiction whose rules apply, e.g. beijing, shandong, guangzhou",     \
      NULL, NULL },                                                            \
    { "year", "年份", ZJ_FIELD_INTEGER, 1,                                     \
      "规则年份（招生年份），如 2024",                                          \
      "year of the rules (the admission year), e.g. 2024",                     \
      NULL, NULL }

/* Every check definition (one per file in core/checks/). */
extern const zj__check_def zj__check_gtpy_admission;
extern const zj__check_def zj__check_gtpy_zhiyuan;
extern const zj__check_def zj__check_gtpy_transfer;
extern const zj__check_def zj__check_gtpy_zhuanduan;
extern const zj__check_def zj__check_gtpy_suspension;
extern const zj__check_def zj__check_gtpy_exit;
extern const zj__check_def zj__check_gtpy_xueji;
extern const zj__check_def zj__check_gtpy_institution;
extern const zj__check_def zj__check_3plus2_applications;
extern const zj__check_def zj__check_3plus2_partner;
extern const zj__check_def zj__check_3plus2_wuyi;
extern const zj__check_def zj__check_3plus2_project;
extern const zj__check_def zj__check_pzhz_window;
extern const zj__check_def zj__check_majors_setting;
extern const zj__check_def zj__check_majors_teaching_quality;

/* The 学籍 rule of one stage of a 贯通 track and its parameters
 * (gtpy_xueji.c; gtpy_exit.c reads the 中职 and 高职 stages). */
typedef struct zj__xueji_ids {
    zj__rule_id rule;
    zj__param_id institution_zh, institution_en, regulation_zh, regulation_en;
    zj__param_id certificate_zh, certificate_en, issuer_zh, issuer_en;
} zj__xueji_ids;
/* [track: 0 高本贯通, 1 中本贯通][stage: 0 中职, 1 高职, 2 本科] */
extern const zj__xueji_ids zj__xueji_stage[2][3];
/* Whether `school` (trimmed input, may be NULL) runs every stage of a
 * 高本贯通 (track 0) project itself (rule xueji.self_run, 二(一)): it then
 * holds the 学籍 and issues the certificates of every stage. */
int zj__xueji_self_run(const zj__ruleset *rs, int track, const char *school);

/* Convenience for evaluators: the argument of field i. */
#define ZJ_ARG(ctx, i) (&(ctx)->args[(i)])

/* Maps input columns names[0 .. n) to the fields of def: col_of_field[f]
 * (def->info.n_fields entries) is the column of field f, or -1.  A field
 * given twice is ZJ_ERR_ARG (check_columns.c; the batch and
 * zj_check_columns share it, so the clients need not check). */
zj_code zj__check_map_columns(const zj__check_def *def, const char *const *names,
                             size_t n, int *col_of_field, zj_error *err);

#endif
