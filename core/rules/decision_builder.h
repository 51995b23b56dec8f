/* decision_builder.h — assembling a zj_decision (internal).
 *
 * The builder is reused for every row of a batch: it keeps its buffers,
 * collects reasons and texts, and zj__db_finish packs them into one block
 * per decision (one allocation, freed by zj_decision_free). */
#ifndef ZJ_DECISION_BUILDER_H
#define ZJ_DECISION_BUILDER_H

#include "zhijiao/check.h"
#include "ruleset.h"
#include "strbuf.h"
#include "error_internal.h"   /* ZJ__ARGS */

typedef struct zj__dbuild zj__dbuild;

zj__dbuild *zj__db_new(void);
void zj__db_free(zj__dbuild *b);
void zj__db_reset(zj__dbuild *b);

/* A condition checked, with its citation (rule may be NULL for input
 * problems), each language formatted with its own arguments (the compiler
 * checks each against its format):
 *     ZJ_REASON(b, "GTPY.ADMISSION.HUKOU", ZJ_MET, rule,
 *               ("具有%s", what_zh), ("has %s", what_en));
 * `b` is evaluated more than once: pass a plain name. */
#define ZJ_REASON(b, code, met, rule, zh, en)                                  \
    (zj__db_begin((b), (code), (met), (rule)), zj__db_zh((b), ZJ__ARGS zh),       \
     zj__db_en((b), ZJ__ARGS en))

/* Marks the row as bad input (status ZJ_ERR_ARG, outcome invalid_input)
 * with a reason naming the field and what was expected. */
#define ZJ_INPUT_ERROR(b, code, zh, en)                                        \
    (zj__db_begin_input_error((b), (code)), zj__db_zh((b), ZJ__ARGS zh),          \
     zj__db_en((b), ZJ__ARGS en))

/* Marks the row as having no applicable rule set (ZJ_ERR_NOT_FOUND). */
#define ZJ_NO_RULES(b, zh, en)                                                 \
    (zj__db_begin_no_rules((b)), zj__db_zh((b), ZJ__ARGS zh),                       \
     zj__db_en((b), ZJ__ARGS en))

/* The parts of those macros: begin a reason, then set its Chinese and its
 * English text (each a no-op when the reason could not be recorded). */
void zj__db_begin(zj__dbuild *b, const char *code, zj_met met, const zj__rule *rule);
void zj__db_begin_input_error(zj__dbuild *b, const char *code);
void zj__db_begin_no_rules(zj__dbuild *b);
void zj__db_zh(zj__dbuild *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void zj__db_en(zj__dbuild *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The outcome: static strings (they are not copied). */
void zj__db_outcome(zj__dbuild *b, int eligible, const char *outcome,
                   const char *outcome_zh, const char *outcome_en);

/* The usual conclusion of an all-conditions check: any unmet condition →
 * (0, no…); else any unknown → undetermined (-1); else (1, yes…). */
void zj__db_conclude(zj__dbuild *b, const char *yes, const char *yes_zh,
                    const char *yes_en, const char *no, const char *no_zh,
                    const char *no_en);

/* A number as %g would print it, faster for whole numbers.  The text lives
 * in the builder and stays valid for the next ZJ_DB_NUMS calls (until the
 * next row): format the row's numbers with it and pass them as %s. */
#define ZJ_DB_NUMS 16
#define ZJ_DB_NUM_SIZE 32
const char *zj__db_num(zj__dbuild *b, double v);

void zj__db_set_ruleset(zj__dbuild *b, const char *ruleset_id);

/* Reasons recorded from now on keep code, met and source but no messages
 * (""): for callers that return only the outcome (zj_batch_options). */
void zj__db_set_no_text(zj__dbuild *b, int on);

/* Status so far (ZJ_OK unless an input error or no-rules was recorded). */
zj_code zj__db_status(const zj__dbuild *b);
/* Number of reasons recorded with the given met value. */
size_t zj__db_count(const zj__dbuild *b, zj_met met);

/* Packs the row into *out (ZJ_ERR_NOMEM when it cannot). */
zj_code zj__db_finish(zj__dbuild *b, zj_decision *out);

#endif
