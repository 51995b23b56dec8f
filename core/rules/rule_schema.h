/* rule_schema.h — the rules and parameters each programme's rule file must
 * provide (internal; the table is in rule_schema.c). */
#ifndef ZJ_RULE_SCHEMA_H
#define ZJ_RULE_SCHEMA_H

#include "ruleset.h"

/* A rule that a check of `programme` reads, and the parameters (with
 * types) it needs. */
typedef struct zj_rule_need {
    const char *programme;            /* "gtpy" */
    const char *check;                /* the check that reads it, for messages */
    const char *rule;                 /* "admission.min_score" */
    const char *const *params;        /* NULL-terminated "name:type" with type n|s|b|l */
} zj_rule_need;

/* Verifies that `rs` provides every rule and parameter the checks of its
 * programme read, with the right types.  On failure err names the key. */
zj_code zj_ruleset_verify_schema(const zj_ruleset *rs, zj_error *err);

#endif
