/* decision_builder.h — assembling a zj_decision (internal).
 *
 * The builder is reused for every row of a batch: it keeps its buffers,
 * collects reasons and texts, and zj_db_finish packs them into one block
 * per decision (one allocation, freed by zj_decision_free). */
#ifndef ZJ_DECISION_BUILDER_H
#define ZJ_DECISION_BUILDER_H

#include "zhijiao/check.h"
#include "ruleset.h"
#include "strbuf.h"

typedef struct zj_dbuild zj_dbuild;

zj_dbuild *zj_db_new(void);
void zj_db_free(zj_dbuild *b);
void zj_db_reset(zj_dbuild *b);

/* A condition checked, with its citation (rule may be NULL for input
 * problems).  The two formats take the same arguments in the same order;
 * when the languages need different words, pass both and let each format
 * skip the other's with "%.0s":  ("具有%s%.0s", "%.0shas %s", zh, en). */
void zj_db_reason(zj_dbuild *b, const char *code, zj_met met,
                  const zj_rule *rule, const char *fmt_zh,
                  const char *fmt_en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 7), format(printf, 6, 7)))
#endif
    ;

/* The outcome: static strings (they are not copied). */
void zj_db_outcome(zj_dbuild *b, int eligible, const char *outcome,
                   const char *outcome_zh, const char *outcome_en);

/* The usual conclusion of an all-conditions check: any unmet condition →
 * (0, no…); else any unknown → undetermined (-1); else (1, yes…). */
void zj_db_conclude(zj_dbuild *b, const char *yes, const char *yes_zh,
                    const char *yes_en, const char *no, const char *no_zh,
                    const char *no_en);

/* Marks the row as bad input (status ZJ_ERR_ARG, outcome invalid_input)
 * with a reason naming the field and what was expected. */
void zj_db_input_error(zj_dbuild *b, const char *code, const char *fmt_zh,
                       const char *fmt_en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 5), format(printf, 4, 5)))
#endif
    ;

/* Marks the row as having no applicable rule set (ZJ_ERR_NOT_FOUND). */
void zj_db_no_rules(zj_dbuild *b, const char *fmt_zh, const char *fmt_en, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 4), format(printf, 3, 4)))
#endif
    ;

/* A number as %g would print it, faster for whole numbers.  The text lives
 * in the builder and stays valid for the next ZJ_DB_NUMS calls (until the
 * next row): format the row's numbers with it and pass them as %s. */
#define ZJ_DB_NUMS 16
#define ZJ_DB_NUM_SIZE 32
const char *zj_db_num(zj_dbuild *b, double v);

void zj_db_set_ruleset(zj_dbuild *b, const char *ruleset_id);

/* Reasons recorded from now on keep code, met and source but no messages
 * (""): for callers that return only the outcome (zj_batch_options). */
void zj_db_set_no_text(zj_dbuild *b, int on);

/* Status so far (ZJ_OK unless an input error or no-rules was recorded). */
zj_code zj_db_status(const zj_dbuild *b);
/* Number of reasons recorded with the given met value. */
size_t zj_db_count(const zj_dbuild *b, zj_met met);

/* Packs the row into *out (ZJ_ERR_NOMEM when it cannot). */
zj_code zj_db_finish(zj_dbuild *b, zj_decision *out);

#endif
