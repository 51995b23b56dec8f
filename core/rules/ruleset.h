/* ruleset.h — one loaded rule file (internal).
 *
 * A rule file holds one jurisdiction's rules for one programme and year:
 * named rules, each with its citation and its parameters.  Loading turns
 * the JSON into these plain structs (no jansson at decision time, so the
 * structs are trivially safe to share between threads) and checks that
 * every rule and parameter the catalogue's checks read is present and of
 * the right type, so a decision never meets a missing parameter. */
#ifndef ZJ_RULESET_H
#define ZJ_RULESET_H

#include <stddef.h>
#include "zhijiao/data.h"
#include "zhijiao/error.h"
#include "rule_ids.h"

typedef enum zj__param_type {
    ZJ_PARAM_NUMBER = 0,
    ZJ_PARAM_STRING,
    ZJ_PARAM_BOOL,
    ZJ_PARAM_STRINGS   /* array of strings */
} zj__param_type;

typedef struct zj__param {
    char *key;
    zj__param_type type;
    double number;
    int boolean;
    char *string;
    char **strings;
    size_t n_strings;
} zj__param;

typedef struct zj__rule {
    char *id;              /* "admission.min_score" */
    zj_source source;      /* document fields shared with the file's sources; clause own */
    char *clause;
    char *note_zh, *note_en;
    size_t n_params;
    zj__param *params;
} zj__rule;

typedef struct zj__ruleset {
    zj_ruleset_info info;      /* strings below */
    char *id;                  /* "beijing/gtpy/2024" */
    char *jurisdiction_en;
    char *programme_en;
    char **aliases;            /* accepted spellings of the jurisdiction */
    size_t n_aliases;
    size_t n_rules;
    zj__rule *rules;
    /* the file's "sources" table, owned here, pointed to by rules */
    size_t n_docs;
    struct zj__rule_doc {
        char *key, *document, *title, *date, *url;
    } *docs;
    /* the rules and parameters of rule_schema_list.h, resolved when the file
     * loads (NULL for those of other programmes) */
    const zj__rule *bound_rules[ZJ_R_COUNT];
    const zj__param *bound_params[ZJ_P_COUNT];
} zj__ruleset;

/* Parses and validates one rule file. */
zj_code zj__ruleset_load(const char *path, zj__ruleset **out, zj_error *err);
/* The same from memory (`name` stands for the file in messages); used by
 * the fuzz target. */
zj_code zj__ruleset_load_buffer(const char *buf, size_t len, const char *name,
                               zj__ruleset **out, zj_error *err);
void zj__ruleset_free(zj__ruleset *rs);

/* By name, for the loader; NULL when absent. */
const zj__rule *zj__ruleset_rule(const zj__ruleset *rs, const char *id);
const zj__param *zj__rule_param(const zj__rule *r, const char *key);

/* By id (rule_schema_list.h), for the checks: the loader verified that the
 * rule set of a programme has each of its rules and parameters, with the
 * declared type and range.  An id of another programme gives NULL, NaN,
 * "" and 0. */
const zj__rule *zj__rule_at(const zj__ruleset *rs, zj__rule_id id);
const zj__param *zj__param_at(const zj__ruleset *rs, zj__param_id id);
double zj__param_num(const zj__ruleset *rs, zj__param_id id);
const char *zj__param_str(const zj__ruleset *rs, zj__param_id id);
int zj__param_bool(const zj__ruleset *rs, zj__param_id id);

/* Whether `text` names the rule set's jurisdiction (id, Chinese name or an
 * alias; ASCII case-insensitive, trimmed). */
int zj__ruleset_matches_jurisdiction(const zj__ruleset *rs, const char *text);

#endif
