/* counts.h — validating the counts and levels behind rates (internal).
 *
 * Counts arrive as doubles (R and Calc hand us doubles).  One place says
 * what a valid count is, so every indicator rejects the same inputs with
 * the same words.  `label` names the argument ("x", "n[3]", "graduates")
 * in err->where and in both messages. */
#ifndef ZJ_COUNTS_H
#define ZJ_COUNTS_H

#include "zhijiao/error.h"
#include "zhijiao/parse.h"

/* The largest count, as zj_parse_count reads counts from text. */
#define ZJ_MAX_COUNT ZJ_COUNT_MAX

/* A confidence level strictly between 0 and 1 (NaN fails). */
zj_code zj__valid_conf(double conf, zj_error *err);
/* A whole number in [0, 2^53]. */
zj_code zj__valid_count(double v, const char *label, zj_error *err);
/* A count greater than 0 (a denominator). */
zj_code zj__valid_base(double v, const char *label, zj_error *err);
/* x successes of n: both counts, n > 0, x <= n. */
zj_code zj__valid_proportion(double x, double n, const char *xlabel,
                            const char *nlabel, zj_error *err);

#endif
