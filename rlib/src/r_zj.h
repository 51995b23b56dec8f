/* r_zj.h — helpers shared by the R glue (internal to the R package).
 *
 * The glue is thin: it checks the type of every SEXP it is given, turns R
 * vectors into the core's arrays, calls libzhijiao and turns the answers
 * back into R vectors.  No rule or formula is computed here.
 *
 * Memory: core resources that must be freed (decisions, findings, scratch
 * buffers) are owned by a "guard" — an external pointer with a finalizer —
 * created before the core is called, so that an R error (a failed
 * allocation, an interrupt) can never leak them; on the normal path the
 * guard is released explicitly before returning.  Errors reported to R
 * (zjr_stop, zjr_arg_error) are raised only after every core resource of
 * the call has been released or handed to a guard. */
#ifndef R_ZJ_H
#define R_ZJ_H

#define R_NO_REMAP
#include <R.h>
#include <Rinternals.h>
#include <R_ext/Rdynload.h>

#include "zhijiao.h"

/* A CHARSXP marked UTF-8; NA_STRING for NULL. */
SEXP zjr_char(const char *s);
/* A CHARSXP marked UTF-8; "" for NULL. */
SEXP zjr_char0(const char *s);
/* A length-one character vector (UTF-8), NA for NULL. */
SEXP zjr_str1(const char *s);

/* Raises an R condition of class c("zhijiao_error", "error", "condition")
 * from a core error.  Never returns. */
void NORET zjr_stop(const zj_error *err);
/* Raises a zhijiao_error with code "argument" naming the argument and what
 * was expected, Chinese first as in the core (zj_error_set).  Never
 * returns. */
void NORET zjr_arg_error(const char *arg, const char *expected_zh,
                         const char *expected_en);

/* Type checks: raise zjr_arg_error unless x is of the type (any length
 * unless len >= 0). */
void zjr_need_real(SEXP x, const char *arg, R_xlen_t len);
void zjr_need_int(SEXP x, const char *arg, R_xlen_t len);
void zjr_need_lgl(SEXP x, const char *arg, R_xlen_t len);
void zjr_need_str(SEXP x, const char *arg, R_xlen_t len);
void zjr_need_list(SEXP x, const char *arg);

/* Element i of a character vector as UTF-8 text (NULL for NA).  Raises an
 * argument error for "bytes"-encoded strings. */
const char *zjr_utf8_at(SEXP x, R_xlen_t i, const char *arg);
/* A length-one, non-NA character argument as UTF-8. */
const char *zjr_string_arg(SEXP x, const char *arg);

/* The interval method of a name (the core's aliases, any case); an
 * unknown name raises a zhijiao_error at "argument method" (r_parse.c). */
zj_ci_method zjr_ci_method(const char *name);

/* A named list (VECSXP) of n elements; the caller protects it. */
SEXP zjr_named_list(int n, const char *const *names);

/* Guards. fn(p) runs exactly once: at zjr_guard_release or at garbage
 * collection / the end of the session, whichever comes first. */
typedef void (*zjr_free_fn)(void *p);
SEXP zjr_guard(zjr_free_fn fn, void *p);
/* Sets the pointer a guard frees (create the guard first, then allocate). */
void zjr_guard_set(SEXP guard, void *p);
void zjr_guard_release(SEXP guard);

/* The zj_data of a handle made by zjr_data_open (r_data.c). */
const zj_data *zjr_data(SEXP handle);

/* A new, empty zj_findings owned by the returned guard (which the caller
 * protects at once); releasing the guard frees it and its items. */
SEXP zjr_findings_new(zj_findings **out);

/* Findings as a named list of columns (r_audit.c). */
SEXP zjr_findings_list(const zj_findings *f);

/* Compact columns (r_compact.c): a value repeated n times, stored once
 * (an ALTREP vector that reads as an ordinary one).  ch is a CHARSXP
 * (NA_STRING for NA).  zjr_compact_init registers the classes. */
void zjr_compact_init(DllInfo *dll);
SEXP zjr_compact_str(SEXP ch, R_xlen_t n);
SEXP zjr_compact_real(double v, R_xlen_t n);

/* Routines (.Call entry points), registered in init.c. */
SEXP zjr_version(void);
SEXP zjr_refresh(SEXP base_urls, SEXP allow_hosts, SEXP snapshot_dir, SEXP cache_dir,
                 SEXP dry_run, SEXP offline, SEXP rate_limit, SEXP accept_removals, SEXP data_dir);
SEXP zjr_rollback(SEXP snapshot_dir);
SEXP zjr_data_open(SEXP dir);
SEXP zjr_data_valid(SEXP handle);
SEXP zjr_data_close(SEXP handle);
SEXP zjr_data_dir(SEXP handle);
SEXP zjr_rulesets(SEXP handle);
SEXP zjr_tables(SEXP handle);
SEXP zjr_deadlines(SEXP handle, SEXP year, SEXP date);
SEXP zjr_table(SEXP handle, SEXP name);
SEXP zjr_table_audit(SEXP handle, SEXP name);
SEXP zjr_plan(SEXP handle, SEXP year, SEXP school, SEXP major);
SEXP zjr_plan_year_complete(SEXP handle, SEXP year);
SEXP zjr_checks(void);
SEXP zjr_check_fields(SEXP check);
SEXP zjr_check(SEXP handle, SEXP check, SEXP names, SEXP columns,
               SEXP nrows, SEXP list_column);
SEXP zjr_ci_methods(void);
SEXP zjr_rate(SEXP x, SEXP n, SEXP conf, SEXP method, SEXP design, SEXP population);
SEXP zjr_rate_clustered(SEXP x, SEXP n, SEXP conf, SEXP published);
SEXP zjr_plan_compare(SEXP handle, SEXP year1, SEXP year2, SEXP programme);
SEXP zjr_table_design(SEXP handle, SEXP name, SEXP ids);
SEXP zjr_pooled(SEXP x, SEXP n, SEXP conf, SEXP method);
SEXP zjr_rate_diff(SEXP x1, SEXP n1, SEXP x2, SEXP n2, SEXP conf, SEXP correct,
                   SEXP design);
SEXP zjr_scores(SEXP scores, SEXP pass_mark, SEXP excellent_mark);
SEXP zjr_completion(SEXP actual, SEXP plan);
SEXP zjr_count_from_percent(SEXP percent, SEXP n, SEXP decimals);
SEXP zjr_ci_method_names(SEXP method);
SEXP zjr_typed_column(SEXP x);
SEXP zjr_progression(SEXP graduates, SEXP to_zhuanke, SEXP to_benke);
SEXP zjr_transfer(SEXP transferred, SEXP cohort);
SEXP zjr_composite(SEXP scores, SEXP weights);
SEXP zjr_grades(SEXP grades, SEXP conclusions);
SEXP zjr_audit_sums(SEXP table, SEXP column, SEXP keys, SEXP kinds,
                    SEXP values, SEXP row_numbers);
SEXP zjr_audit_components(SEXP table, SEXP column, SEXP row, SEXP labels,
                          SEXP parts, SEXP total);
SEXP zjr_audit_percentage(SEXP table, SEXP column, SEXP row, SEXP percent,
                          SEXP n, SEXP decimals);

#endif
