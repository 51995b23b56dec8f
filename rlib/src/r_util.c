/* r_util.c — strings, errors, type checks and guards for the R glue. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>

#include "r_zj.h"

SEXP zjr_char(const char *s)
{
    return s ? Rf_mkCharCE(s, CE_UTF8) : NA_STRING;
}

SEXP zjr_char0(const char *s)
{
    return Rf_mkCharCE(s ? s : "", CE_UTF8);
}

SEXP zjr_str1(const char *s)
{
    SEXP out = PROTECT(Rf_allocVector(STRSXP, 1));
    SET_STRING_ELT(out, 0, zjr_char(s));
    UNPROTECT(1);
    return out;
}

/* Calls zhijiao:::.zj_signal(code, where, message_zh, message_en), which
 * signals the condition; it never returns normally. */
static void NORET signal_condition(const char *code, const char *where,
                                   const char *zh, const char *en)
{
    SEXP ns, fn, call;

    /* Everything is copied into R strings first: the texts may live in a
     * caller's stack buffer. */
    SEXP s_code = PROTECT(zjr_str1(code));
    SEXP s_where = PROTECT(zjr_str1(where));
    SEXP s_zh = PROTECT(zjr_str1(zh));
    SEXP s_en = PROTECT(zjr_str1(en));

    ns = PROTECT(R_FindNamespace(PROTECT(Rf_mkString("zhijiao"))));
    fn = PROTECT(Rf_findFun(Rf_install(".zj_signal"), ns));
    call = PROTECT(Rf_lang5(fn, s_code, s_where, s_zh, s_en));
    Rf_eval(call, ns);
    /* .zj_signal always signals an error; this is a safety net. */
    UNPROTECT(8);
    Rf_error("%s", en);
}

void zjr_stop(const zj_error *err)
{
    zj_error copy = *err;   /* the texts must survive until R has them */
    signal_condition(zj_code_name(copy.code), copy.where, copy.message_zh,
                     copy.message_en);
}

void zjr_arg_error(const char *arg, const char *expected_zh,
                   const char *expected_en)
{
    char where[300], zh[600], en[600];

    snprintf(where, sizeof where, "argument %s", arg);
    snprintf(en, sizeof en, "argument '%s': expected %s", arg, expected_en);
    snprintf(zh, sizeof zh, "\xE5\x8F\x82\xE6\x95\xB0 %s\xEF\xBC\x9A\xE5\xBA\x94\xE4\xB8\xBA%s",
             arg, expected_zh);   /* "参数 %s：应为%s" */
    signal_condition("argument", where, zh, en);
}

static void need(SEXP x, SEXPTYPE type, const char *arg, R_xlen_t len,
                 const char *what_zh, const char *what_en)
{
    char en[200], zh[200];

    if (TYPEOF(x) == type && (len < 0 || XLENGTH(x) == len))
        return;
    if (len < 0) {
        snprintf(en, sizeof en, "%s (got %s)", what_en, Rf_type2char(TYPEOF(x)));
        snprintf(zh, sizeof zh, "%s\xEF\xBC\x88\xE7\x8E\xB0\xE4\xB8\xBA %s\xEF\xBC\x89",
                 what_zh, Rf_type2char(TYPEOF(x)));  /* "（现为 %s）" */
    } else {
        snprintf(en, sizeof en, "%s of length %ld (got %s of length %ld)", what_en,
                 (long)len, Rf_type2char(TYPEOF(x)), (long)Rf_xlength(x));
        snprintf(zh, sizeof zh, "\xE9\x95\xBF\xE5\xBA\xA6\xE4\xB8\xBA %ld \xE7\x9A\x84%s"
                 "\xEF\xBC\x88\xE7\x8E\xB0\xE4\xB8\xBA\xE9\x95\xBF\xE5\xBA\xA6 %ld \xE7\x9A\x84 %s\xEF\xBC\x89",
                 (long)len, what_zh, (long)Rf_xlength(x), Rf_type2char(TYPEOF(x)));
        /* "长度为 %ld 的%s（现为长度 %ld 的 %s）" */
    }
    zjr_arg_error(arg, zh, en);
}

void zjr_need_real(SEXP x, const char *arg, R_xlen_t len)
{
    need(x, REALSXP, arg, len, "\xE5\x8F\x8C\xE7\xB2\xBE\xE5\xBA\xA6\xE6\x95\xB0\xE5\x80\xBC\xE5\x90\x91\xE9\x87\x8F", "a double vector");
}

void zjr_need_int(SEXP x, const char *arg, R_xlen_t len)
{
    need(x, INTSXP, arg, len, "\xE6\x95\xB4\xE6\x95\xB0\xE5\x90\x91\xE9\x87\x8F", "an integer vector");
}

void zjr_need_lgl(SEXP x, const char *arg, R_xlen_t len)
{
    need(x, LGLSXP, arg, len, "\xE9\x80\xBB\xE8\xBE\x91\xE5\x90\x91\xE9\x87\x8F", "a logical vector");
}

void zjr_need_str(SEXP x, const char *arg, R_xlen_t len)
{
    need(x, STRSXP, arg, len, "\xE5\xAD\x97\xE7\xAC\xA6\xE5\x90\x91\xE9\x87\x8F", "a character vector");
}

void zjr_need_list(SEXP x, const char *arg)
{
    need(x, VECSXP, arg, -1, "\xE5\x88\x97\xE8\xA1\xA8", "a list");
}

const char *zjr_utf8_at(SEXP x, R_xlen_t i, const char *arg)
{
    SEXP c = STRING_ELT(x, i);

    if (c == NA_STRING)
        return NULL;
    if (Rf_getCharCE(c) == CE_BYTES)
        zjr_arg_error(arg, "\xE5\xB7\xB2\xE7\x9F\xA5\xE7\xBC\x96\xE7\xA0\x81\xE7\x9A\x84\xE6\x96\x87\xE6\x9C\xAC",
                      "text in a known encoding (not \"bytes\")");
    return Rf_translateCharUTF8(c);
}

const char *zjr_string_arg(SEXP x, const char *arg)
{
    if (TYPEOF(x) != STRSXP || XLENGTH(x) != 1 || STRING_ELT(x, 0) == NA_STRING)
        zjr_arg_error(arg, "\xE4\xB8\x80\xE4\xB8\xAA\xE9\x9D\x9E NA \xE5\xAD\x97\xE7\xAC\xA6\xE4\xB8\xB2",
                      "a single non-NA string");
    return zjr_utf8_at(x, 0, arg);
}

SEXP zjr_named_list(int n, const char *const *names)
{
    SEXP out = PROTECT(Rf_allocVector(VECSXP, n));
    SEXP nm = PROTECT(Rf_allocVector(STRSXP, n));
    int i;

    for (i = 0; i < n; i++)
        SET_STRING_ELT(nm, i, Rf_mkCharCE(names[i], CE_UTF8));
    Rf_setAttrib(out, R_NamesSymbol, nm);
    UNPROTECT(2);
    return out;
}

/* ---- guards ----------------------------------------------------------- */

typedef struct guard_rec {
    zjr_free_fn fn;
    void *p;
} guard_rec;

static void guard_finalize(SEXP g)
{
    guard_rec *rec = (guard_rec *)R_ExternalPtrAddr(g);

    if (rec && rec->fn) {
        zjr_free_fn fn = rec->fn;
        rec->fn = NULL;
        fn(rec->p);
        rec->p = NULL;
    }
    R_ClearExternalPtr(g);
}

SEXP zjr_guard(zjr_free_fn fn, void *p)
{
    /* The record lives in a raw vector kept alive by the pointer itself,
     * so nothing here needs freeing. */
    SEXP raw = PROTECT(Rf_allocVector(RAWSXP, sizeof(guard_rec)));
    guard_rec *rec = (guard_rec *)RAW(raw);
    SEXP g;

    rec->fn = fn;
    rec->p = p;
    g = PROTECT(R_MakeExternalPtr(rec, R_NilValue, raw));
    R_RegisterCFinalizerEx(g, guard_finalize, TRUE);
    UNPROTECT(2);
    return g;
}

void zjr_guard_set(SEXP g, void *p)
{
    guard_rec *rec = (guard_rec *)R_ExternalPtrAddr(g);

    if (rec)
        rec->p = p;
}

void zjr_guard_release(SEXP g)
{
    guard_finalize(g);
}

static void findings_free(void *p)
{
    if (p) {
        zj_findings_free((zj_findings *)p);
        free(p);
    }
}

SEXP zjr_findings_new(zj_findings **out)
{
    SEXP g = PROTECT(zjr_guard(findings_free, NULL));
    zj_findings *f = (zj_findings *)calloc(1, sizeof *f);

    if (!f)
        Rf_error("zhijiao: out of memory");
    zj_findings_init(f);
    zjr_guard_set(g, f);
    *out = f;
    UNPROTECT(1);
    return g;
}
