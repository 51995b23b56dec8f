/* rule_ids.h — ids of the rules and parameters the checks read (internal).
 *
 * Generated from rule_schema_list.h: ZJ_R_<RULE> and ZJ_P_<PARAM>.  A loaded
 * rule set resolves them (rule_schema.c), so a check reads
 * zj__param_num(rules, ZJ_P_ADMISSION_MIN) and a misspelt id cannot compile. */
#ifndef ZJ_RULE_IDS_H
#define ZJ_RULE_IDS_H

typedef enum zj__rule_id {
#define ZJ_RULE(ID, prog, name, checks) ZJ_R_##ID,
#define ZJ_PARAM(ID, rule, key, type, lo, hi)
#define ZJ_LE(a, b)
#include "rule_schema_list.h"
#undef ZJ_RULE
#undef ZJ_PARAM
#undef ZJ_LE
    ZJ_R_COUNT
} zj__rule_id;

typedef enum zj__param_id {
#define ZJ_RULE(ID, prog, name, checks)
#define ZJ_PARAM(ID, rule, key, type, lo, hi) ZJ_P_##ID,
#define ZJ_LE(a, b)
#include "rule_schema_list.h"
#undef ZJ_RULE
#undef ZJ_PARAM
#undef ZJ_LE
    ZJ_P_COUNT
} zj__param_id;

#endif
