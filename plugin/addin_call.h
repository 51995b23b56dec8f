/* addin_call.h — what the spreadsheet functions (fn_*.c) share: one call
 * of a function (its arguments, its return slot, its error), the
 * conversion of UNO arguments, and the building of results.
 *
 * A function is one zjc_handler (functions.h) reached from the function
 * table; it reads its arguments with the arg_* helpers, which say in both
 * languages which argument was wrong, and returns 0, or -1 with c->f set
 * (the dispatcher raises IllegalArgumentException, Calc's Err:502). */
#ifndef ZJ_PLUGIN_ADDIN_CALL_H
#define ZJ_PLUGIN_ADDIN_CALL_H

#include <stddef.h>
#include <stdio.h>

#include <zhijiao.h>

#include "functions.h"
#include "uno_c.h"

/* An error in both languages and the argument it is about. */
typedef struct zjc_fail {
    int set;
    int arg;                  /* argument position, -1 if none */
    char zh[ZJ_ERROR_TEXT_MAX + 64];
    char en[ZJ_ERROR_TEXT_MAX + 64];
} zjc_fail;

/* Sets f, each language formatted with its own arguments, and is -1:
 * zjc_failf(f, arg, ("参数 %s 为空", a), ("argument %s is blank", a)). */
#define ZJC__ARGS(...) __VA_ARGS__
#define zjc_failf(f, pos, ZH, EN)                                         \
    zjc_fail_done((f), (pos), snprintf((f)->zh, sizeof (f)->zh, ZJC__ARGS ZH), \
                  snprintf((f)->en, sizeof (f)->en, ZJC__ARGS EN))
int zjc_fail_done(zjc_fail *f, int pos, int zh_len, int en_len);
/* From a core error. */
int zjc_fail_zj(zjc_fail *f, int arg, const zj_error *e);

typedef struct zjc_addin zjc_addin;

/* One call of a spreadsheet function. */
struct zjc_fncall {
    zjc_addin *a;
    const zjc_func *fn;         /* the function's row of the table */
    const zj_check_info *check; /* the check of a generated check function, or NULL */
    void **args;                /* pointers to the arguments (each an any) */
    void *ret;                  /* the return slot, of the IDL return type */
    zjc_fail f;
};

#define ZJC_ARG(c, i) ((const uno_Any *)(c)->args[i])

/* The add-in object's services for the functions (addin_object.c). */
const zj_data *zjc_addin_data(zjc_addin *a, zjc_fail *f);   /* NULL with f set */
int zjc_addin_ui_zh(zjc_addin *a);                          /* the UI language is Chinese */

/* ---- arguments (addin_args.c) ------------------------------------------- */

int zjc_any_is_void(const uno_Any *a);

/* What reached us for one single-value argument.  Calc passes a single
 * cell to an `any` argument as its value and a blank one as 0, but any
 * range — A1:A1 included — as an array with void for a blank cell
 * (sc/source/core/tool/interpr4.cxx, ScInterpreter::ScExternal,
 * SC_ADDINARG_VALUE_OR_ARRAY; sc/source/core/tool/rangeseq.cxx,
 * ScRangeToSequence::FillMixedArray: "" for a blank cell, void for an error
 * cell).  So a 0 may be a blank cell, and a 1x1 range tells.  *a is
 * unwrapped to the range's one value. */
typedef enum zjc_arg_kind {
    ZJC_ARG_OMITTED = 0,      /* the argument was left out */
    ZJC_ARG_BLANK,            /* an empty text, or a 1x1 range whose cell is blank */
    ZJC_ARG_ERROR,            /* a 1x1 range whose cell holds an error value */
    ZJC_ARG_ZERO_OR_BLANK,    /* 0 as a single value: a blank cell or a 0 */
    ZJC_ARG_VALUE
} zjc_arg_kind;
zjc_arg_kind zjc_arg_classify(const uno_Any **a);
/* The error for an argument of kind BLANK, ERROR or ZERO_OR_BLANK. */
int zjc_fail_blank(zjc_fail *f, int pos, const char *name, zjc_arg_kind k);
/* A number: a number cell (or TRUE/FALSE); the name is the argument's. */
int zjc_arg_number(const uno_Any *a, int pos, const char *name, double *out, zjc_fail *f);
/* Optional number: an omitted argument gives def. */
int zjc_arg_opt_number(const uno_Any *a, int pos, const char *name, double def, double *out, zjc_fail *f);
/* Text, malloc'd (*out NULL for an omitted optional argument); numbers are
 * written as %.15g (a year typed as 2024 is "2024"). */
int zjc_arg_text(const uno_Any *a, int pos, const char *name, int optional, char **out, zjc_fail *f);
/* zh/en (default: the UI language). */
int zjc_arg_lang(zjc_addin *a, const uno_Any *v, int pos, int *zh, zjc_fail *f);
int zjc_arg_method(const uno_Any *a, int pos, zj_ci_method *m, zjc_fail *f);
int zjc_arg_bool(const uno_Any *a, int pos, const char *name, int def, int *out, zjc_fail *f);
/* A whole year 1900..9999. */
int zjc_arg_year(const uno_Any *a, int pos, int *year, zjc_fail *f);

/* A range argument flattened row by row; each element is an any (void for
 * an empty cell); a single value is a 1x1 range.  Free cells. */
typedef struct zjc_range {
    size_t rows, cols;
    const uno_Any **cells;
    int single;               /* one value, not a range: a 0 in it may be a blank cell */
} zjc_range;

int zjc_arg_range(const uno_Any *a, int pos, const char *name, zjc_range *r, zjc_fail *f);
/* Numbers of a range, malloc'd; empty cells are NaN when allow_missing,
 * else an error naming the cell. */
int zjc_range_numbers(const zjc_range *r, int pos, const char *name, int allow_missing,
                      double **out, zjc_fail *f);

/* ---- results (addin_args.c) --------------------------------------------- */

void zjc_any_set_double(uno_Any *a, double v);
/* The type sequence< sequence< any > > (no reference taken). */
typelib_TypeDescriptionReference *zjc_seq_seq_any_type(void);
void zjc_any_set_text(uno_Any *a, const char *s);

/* A result matrix of rows x cols anys, turned into sequence< sequence< any > >. */
typedef struct zjc_matrix {
    size_t rows, cols;
    uno_Any *cells;
} zjc_matrix;

int zjc_matrix_init(zjc_matrix *m, size_t rows, size_t cols, zjc_fail *f);
uno_Any *zjc_mcell(zjc_matrix *m, size_t r, size_t c);   /* cleared, to be set */
uno_Sequence *zjc_matrix_take(zjc_matrix *m);            /* and frees m */
void zjc_matrix_free(zjc_matrix *m);                     /* after a failure */
void zjc_free_array(uno_Sequence *s);                    /* a taken matrix */

/* Return slots. */
int zjc_ret_double(zjc_fncall *c, double v);
int zjc_ret_text(zjc_fncall *c, const char *s);            /* IDL string */
int zjc_ret_row3(zjc_fncall *c, double a, double b, double d);

/* The decisive reasons of d with their sources joined with " | " (fn_checks.c),
 * after the outcome when the row was not decided (with_head), malloc'd;
 * NULL when out of memory. */
char *zjc_decision_reasons(const zj_decision *d, int zh, int with_head);

#endif
