/* rule_schema.h — the rules and parameters each programme's rule file must
 * provide (internal; declared once in rule_schema_list.h). */
#ifndef ZJ_RULE_SCHEMA_H
#define ZJ_RULE_SCHEMA_H

#include "ruleset.h"

/* Verifies that `rs` provides every rule and parameter the checks of its
 * programme read, with the right types and values in range, and resolves
 * them into rs->bound_rules / rs->bound_params.  On failure err names the
 * key ("key rules.admission.min_score.params.min: ...") and why. */
zj_code zj__ruleset_bind_schema(zj__ruleset *rs, zj_error *err);

#endif
