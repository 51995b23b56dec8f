/* functions.h — the one table of the Calc add-in's functions.
 *
 * gen_idl.c writes the UNO IDL of the functions' interface from it, and
 * the add-in answers Calc's XAddIn questions from it (addin_names.c:
 * display names, descriptions, argument names and help, in English and
 * Chinese) and calls each function's handler from it (addin_object.c).  The rule checks are not listed here: one
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

/* One spreadsheet function's code (fn_*.c): reads c's arguments, writes
 * c->ret; 0, or -1 with c->f saying what was wrong (addin_call.h). */
typedef struct zjc_fncall zjc_fncall;
typedef int zjc_handler(zjc_fncall *c);

/* The handlers, one per function of the table (as LibreOffice's analysis
 * add-in binds each function to its own method). */
zjc_handler zjc_fn_rate_estimate, zjc_fn_rate_lower, zjc_fn_rate_upper, zjc_fn_rate_ci,
    zjc_fn_pooled, zjc_fn_mean_of_rates, zjc_fn_diff, zjc_fn_diff_p,
    zjc_fn_pass_rate, zjc_fn_excellent_rate, zjc_fn_score_mean, zjc_fn_composite,
    zjc_fn_percent_count,
    zjc_fn_completion, zjc_fn_progression, zjc_fn_transfer,
    zjc_fn_plan_places, zjc_fn_plan_partner, zjc_fn_plan_partner_major, zjc_fn_plan_table,
    zjc_fn_table, zjc_fn_audit, zjc_fn_check, zjc_fn_check_reasons, zjc_fn_explain,
    zjc_fn_check_table, zjc_fn_rate_table, zjc_fn_deadlines, zjc_fn_rate_design, zjc_fn_cluster,
    zjc_fn_rate_change,
    /* the generated functions of every check of the catalogue */
    zjc_fn_check_outcome_of, zjc_fn_check_reasons_of;

#define ZJC_MAX_ARGS 8

typedef struct zjc_arg {
    const char *name;       /* IDL parameter name */
    const char *en, *zh;    /* display names */
    const char *help_en, *help_zh;
    int optional;           /* ZJC_REQUIRED, ZJC_OPTIONAL, ZJC_VARARGS or ZJC_REQUIRED_ZERO */
} zjc_arg;

/* How an argument is declared.  Calc's Function Wizard marks every `any`
 * argument optional (sc/source/core/tool/addincol.cxx, ReadFromAddIn:
 * bOptional for SC_ADDINARG_VALUE_OR_ARRAY and SC_ADDINARG_VARARGS), so a
 * required argument is declared sequence< sequence< any > > (shown
 * required; a single value arrives as a 1x1 array, which the dispatcher
 * unwraps).  Only `any` lets a 1x1 range tell a 0 from a blank cell
 * (addin_call.h), so a required argument for which 0 is a valid value
 * (successes, counts that may be 0) stays `any` (ZJC_REQUIRED_ZERO) and its
 * help says it is required.  ZJC_VARARGS: the last argument takes any
 * number of values (IDL sequence< any >, Calc's variable argument list). */
enum { ZJC_REQUIRED = 0, ZJC_OPTIONAL = 1, ZJC_VARARGS = 2, ZJC_REQUIRED_ZERO = 3 };


typedef struct zjc_func {
    const char *method;     /* programmatic (IDL) name */
    const char *en, *zh;    /* display names */
    const char *desc_en, *desc_zh;
    zjc_ret ret;
    zjc_handler *run;
    size_t nargs;
    zjc_arg args[ZJC_MAX_ARGS];
} zjc_func;

extern const zjc_func zjc_static_funcs[];
/* The IDL type of argument k of fn ("any", "sequence< any >" or
 * "sequence< sequence< any > >"), and of field k of a check. */
const char *zjc_arg_idl_type(const zjc_func *fn, size_t k);
const char *zjc_field_idl_type(int required);

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
