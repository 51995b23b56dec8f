/* functions.h — the one table of the Calc add-in's functions.
 *
 * gen_idl.c writes the UNO IDL of the functions' interface from it, and
 * the add-in (zhijiao_addin.c) answers Calc's XAddIn questions (display
 * names, descriptions, argument names and help, in English and Chinese)
 * and dispatches calls from it.  The rule checks are not listed here: one
 * outcome function and one reasons function per check are generated from
 * the library's check catalogue (zj_check_at), fields in catalogue order.
 *
 * Every argument is declared `any`, so that an empty cell, text in a
 * number cell or an omitted optional argument reaches us and is reported
 * (IllegalArgumentException, which Calc shows as Err:502) instead of being
 * turned into 0 by Calc. */
#ifndef ZJ_PLUGIN_FUNCTIONS_H
#define ZJ_PLUGIN_FUNCTIONS_H

#include <stddef.h>

typedef enum zjc_ret {
    ZJC_RET_DOUBLE = 0,   /* IDL double */
    ZJC_RET_STRING,       /* IDL string */
    ZJC_RET_ANY,          /* IDL any: a number, a boolean or a text */
    ZJC_RET_ARRAY         /* IDL sequence< sequence< any > > */
} zjc_ret;

typedef enum zjc_op {
    ZJC_OP_RATE_EST = 0, ZJC_OP_RATE_LOWER, ZJC_OP_RATE_UPPER, ZJC_OP_RATE_CI,
    ZJC_OP_POOLED, ZJC_OP_MEAN_OF_RATES,
    ZJC_OP_DIFF, ZJC_OP_DIFF_P,
    ZJC_OP_PASS_RATE, ZJC_OP_EXCELLENT_RATE, ZJC_OP_SCORE_MEAN,
    ZJC_OP_COMPLETION, ZJC_OP_PROGRESSION, ZJC_OP_TRANSFER,
    ZJC_OP_COMPOSITE, ZJC_OP_PERCENT_COUNT,
    ZJC_OP_PLAN_PLACES, ZJC_OP_PLAN_PARTNER, ZJC_OP_PLAN_PARTNER_MAJOR,
    ZJC_OP_PLAN_TABLE, ZJC_OP_TABLE, ZJC_OP_AUDIT,
    ZJC_OP_CHECK, ZJC_OP_CHECK_REASONS,
    ZJC_OP_ERROR_TEXT,
    /* generated per check */
    ZJC_OP_CHECK_OUTCOME_GEN, ZJC_OP_CHECK_REASONS_GEN
} zjc_op;

#define ZJC_MAX_ARGS 8

typedef struct zjc_arg {
    const char *name;       /* IDL parameter name */
    const char *en, *zh;    /* display names */
    const char *help_en, *help_zh;
    int optional;
} zjc_arg;

typedef struct zjc_func {
    const char *method;     /* programmatic (IDL) name */
    const char *en, *zh;    /* display names */
    const char *desc_en, *desc_zh;
    zjc_ret ret;
    zjc_op op;
    size_t nargs;
    zjc_arg args[ZJC_MAX_ARGS];
} zjc_func;

extern const zjc_func zjc_static_funcs[];
extern const size_t zjc_static_count;

/* The add-in's names. */
#define ZJC_SERVICE "org.zhijiao.calc.Zhijiao"
#define ZJC_IMPL "org.zhijiao.calc.Zhijiao"
#define ZJC_INTERFACE "org.zhijiao.calc.XZhijiao"
#define ZJC_CATEGORY_EN "Zhijiao"
#define ZJC_CATEGORY_ZH "职教"

/* Generated names for check i of the catalogue: "check_gtpy_admission",
 * "reasons_gtpy_admission", "ZJ.GTPY.ADMISSION", "ZJ.GTPY.ADMISSION.REASONS".
 * Return the length needed (snprintf-like). */
size_t zjc_check_method(const char *check, int reasons, char *buf, size_t size);
size_t zjc_check_display_en(const char *check, int reasons, char *buf, size_t size);

#endif
