/* r_check.c — the check catalogue and batch decisions. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "r_zj.h"

#define CHUNK 4096

SEXP zjr_checks(void)
{
    static const char *const names[] = {"name", "programme", "title_zh", "title_en",
                                        "help_zh", "help_en", "fields"};
    R_xlen_t n = (R_xlen_t)zj_check_count(), i;
    SEXP out = PROTECT(zjr_named_list(7, names));
    int k;

    for (k = 0; k < 6; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(out, 6, Rf_allocVector(INTSXP, n));
    for (i = 0; i < n; i++) {
        const zj_check_info *c = zj_check_at((size_t)i);
        SET_STRING_ELT(VECTOR_ELT(out, 0), i, zjr_char(c->name));
        SET_STRING_ELT(VECTOR_ELT(out, 1), i, zjr_char(c->programme));
        SET_STRING_ELT(VECTOR_ELT(out, 2), i, zjr_char(c->title_zh));
        SET_STRING_ELT(VECTOR_ELT(out, 3), i, zjr_char(c->title_en));
        SET_STRING_ELT(VECTOR_ELT(out, 4), i, zjr_char(c->help_zh));
        SET_STRING_ELT(VECTOR_ELT(out, 5), i, zjr_char(c->help_en));
        INTEGER(VECTOR_ELT(out, 6))[i] = (int)c->n_fields;
    }
    UNPROTECT(1);
    return out;
}

static const zj_check_info *find_check(SEXP check)
{
    zj_error err;
    const zj_check_info *c;

    zj_error_clear(&err);
    c = zj_check_lookup(zjr_string_arg(check, "check"), &err);
    if (!c)
        zjr_stop(&err);
    return c;
}

/* One row per field of one check, or of every check when check is NULL. */
SEXP zjr_check_fields(SEXP check)
{
    static const char *const names[] = {"check", "field", "name_zh", "type", "required",
                                        "help_zh", "help_en", "choices", "choices_zh"};
    const zj_check_info *only = check == R_NilValue ? NULL : find_check(check);
    size_t nc = only ? 1 : zj_check_count(), ci, f;
    R_xlen_t total = 0, row = 0;
    SEXP out;
    int k;

    for (ci = 0; ci < nc; ci++)
        total += (R_xlen_t)(only ? only : zj_check_at(ci))->n_fields;
    out = PROTECT(zjr_named_list(9, names));
    for (k = 0; k < 9; k++)
        SET_VECTOR_ELT(out, k, Rf_allocVector(k == 4 ? LGLSXP : STRSXP, total));
    for (ci = 0; ci < nc; ci++) {
        const zj_check_info *c = only ? only : zj_check_at(ci);
        for (f = 0; f < c->n_fields; f++, row++) {
            const zj_field_info *fi = &c->fields[f];
            SET_STRING_ELT(VECTOR_ELT(out, 0), row, zjr_char(c->name));
            SET_STRING_ELT(VECTOR_ELT(out, 1), row, zjr_char(fi->name));
            SET_STRING_ELT(VECTOR_ELT(out, 2), row, zjr_char(fi->name_zh));
            SET_STRING_ELT(VECTOR_ELT(out, 3), row, zjr_char(zj_field_type_name(fi->type)));
            LOGICAL(VECTOR_ELT(out, 4))[row] = fi->required != 0;
            SET_STRING_ELT(VECTOR_ELT(out, 5), row, zjr_char(fi->help_zh));
            SET_STRING_ELT(VECTOR_ELT(out, 6), row, zjr_char(fi->help_en));
            for (k = 0; k < 2; k++) {
                const char *const *ch = k == 0 ? fi->choices : fi->choices_zh;
                SEXP col = VECTOR_ELT(out, 7 + k);
                if (!ch) {
                    SET_STRING_ELT(col, row, NA_STRING);
                } else {
                    /* joined with "|" */
                    size_t len = 1, j;
                    char *buf;
                    for (j = 0; ch[j]; j++)
                        len += strlen(ch[j]) + 1;
                    buf = R_alloc(len, 1);
                    buf[0] = '\0';
                    for (j = 0; ch[j]; j++) {
                        if (j)
                            strcat(buf, "|");
                        strcat(buf, ch[j]);
                    }
                    SET_STRING_ELT(col, row, zjr_char(buf));
                }
            }
        }
    }
    UNPROTECT(1);
    return out;
}

/* ---- batch decisions ---------------------------------------------------- */

/* The texts of a result repeat: a million rows carry a few thousand
 * distinct reasons.  Rf_mkCharLenCE on every cell would scan, hash and
 * look up each text in R's global string table byte by byte; instead a
 * call remembers the CHARSXP it made for each distinct text in a table of
 * its own, so a repeated text costs one word-wise hash and one memcmp.
 * Every CHARSXP in the table is also kept in `pool`, a list protected for
 * the whole call, so none can be collected while the table (or a memo
 * below) points to it.  At STR_SLOTS_MAX slots the table, the memos and
 * the pool start again empty (`generation` counts those fresh starts). */
#define STR_SLOTS_MIN 4096
#define STR_SLOTS_MAX ((size_t)1 << 20)

typedef struct str_slot {
    uint64_t hash;
    size_t len;
    const char *text;  /* CHAR(ch): R does not move it */
    SEXP ch;           /* NULL: empty */
} str_slot;

/* The fixed texts of a decision (outcome, status, rule set, reason code:
 * the core's static strings) are looked up by address first: a small
 * direct-mapped memo in front of the table, checked with strcmp. */
#define PTR_MEMO 64
typedef struct ptr_slot {
    const char *s;
    SEXP ch;
} ptr_slot;

/* What one call owns outside R's heap: the chunk of decisions, the string
 * table and the library's summarizer (which joins
 * the decisive reasons and formats the citations, as for the CLI and
 * Calc).  Freed by the guard. */
typedef struct batch_mem {
    zj_decision *dec;
    size_t n_dec;        /* decisions in dec[] that need freeing */
    str_slot *slots;
    size_t n_slots, n_used;
    zj_summarizer *sum;
    ptr_slot memo[PTR_MEMO];
    SEXP pool;                    /* a list of the table's CHARSXPs */
    PROTECT_INDEX pool_ix;
    R_xlen_t pool_n;
    unsigned generation;
} batch_mem;

static void batch_free(void *p)
{
    batch_mem *m = (batch_mem *)p;

    if (!m)
        return;
    if (m->dec) {
        zj_decisions_free(m->dec, m->n_dec);
        free(m->dec);
    }
    free(m->slots);
    zj_summarizer_free(m->sum);
    free(m);
}

static void *need_mem(void *p)
{
    if (!p)
        Rf_error("zhijiao: out of memory");   /* the guard frees what is held */
    return p;
}

static uint64_t text_hash(const char *s, size_t n)
{
    uint64_t h = 0x9E3779B97F4A7C15u ^ (uint64_t)n, w;

    while (n >= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xFF51AFD7ED558CCDu;
        h ^= h >> 32;
        s += 8;
        n -= 8;
    }
    w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
    return h ^ (h >> 29);
}

static void str_grow(batch_mem *m)
{
    size_t n = m->n_slots ? m->n_slots * 2 : STR_SLOTS_MIN, i;
    str_slot *t = (str_slot *)need_mem(calloc(n, sizeof *t));

    for (i = 0; i < m->n_slots; i++) {
        size_t j;
        if (!m->slots[i].ch)
            continue;
        for (j = (size_t)m->slots[i].hash & (n - 1); t[j].ch; j = (j + 1) & (n - 1))
            ;
        t[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = t;
    m->n_slots = n;
}

/* Forgets every CHARSXP: the table, the memos and the pool start empty. */
static void str_restart(batch_mem *m)
{
    memset(m->slots, 0, m->n_slots * sizeof *m->slots);
    m->n_used = 0;
    memset(m->memo, 0, sizeof m->memo);
    m->generation++;
    REPROTECT(m->pool = Rf_allocVector(VECSXP, 1024), m->pool_ix);
    m->pool_n = 0;
}

/* The CHARSXP (UTF-8) of s[0 .. len). */
static SEXP str_get(batch_mem *m, const char *s, size_t len)
{
    uint64_t h = text_hash(s, len);
    size_t j, mask;
    SEXP ch;

    if (m->n_used * 2 >= m->n_slots) {
        if (m->n_slots >= STR_SLOTS_MAX)
            str_restart(m);
        else
            str_grow(m);
    }
    mask = m->n_slots - 1;
    for (j = (size_t)h & mask; (ch = m->slots[j].ch) != NULL; j = (j + 1) & mask)
        if (m->slots[j].hash == h && m->slots[j].len == len &&
            memcmp(m->slots[j].text, s, len) == 0)
            return ch;
    ch = PROTECT(Rf_mkCharLenCE(s, (int)len, CE_UTF8));
    if (m->pool_n == XLENGTH(m->pool)) {
        SEXP more = Rf_allocVector(VECSXP, 2 * m->pool_n);
        R_xlen_t k;
        for (k = 0; k < m->pool_n; k++)
            SET_VECTOR_ELT(more, k, VECTOR_ELT(m->pool, k));
        REPROTECT(m->pool = more, m->pool_ix);
    }
    SET_VECTOR_ELT(m->pool, m->pool_n++, ch);
    UNPROTECT(1);
    m->slots[j].hash = h;
    m->slots[j].len = len;
    m->slots[j].text = CHAR(ch);
    m->slots[j].ch = ch;
    m->n_used++;
    return ch;
}

/* NA_STRING for NULL, as zjr_char. */
static SEXP str_of(batch_mem *m, const char *s)
{
    return s ? str_get(m, s, strlen(s)) : NA_STRING;
}

/* str_of for the core's fixed texts. */
static SEXP str_fixed(batch_mem *m, const char *s)
{
    ptr_slot *p;

    if (!s)
        return NA_STRING;
    p = &m->memo[((uintptr_t)s >> 3) % PTR_MEMO];
    if (p->s != s || strcmp(CHAR(p->ch), s) != 0) {
        p->ch = str_of(m, s);
        p->s = s;
    }
    return p->ch;
}

/* Every reason of a decision as a data frame: code, met, decisive,
 * message_zh, message_en, source (from the library's summary). */
static SEXP reasons_frame(batch_mem *m, const zj_decision *d, const zj_decision_summary *sm,
                          SEXP names, SEXP cls)
{
    R_xlen_t n = (R_xlen_t)d->n_reasons, i;
    SEXP df = PROTECT(Rf_allocVector(VECSXP, 6));
    SEXP code, met, dec, zh, en, src, rn;
    int *pmet, *pdec;

    SET_VECTOR_ELT(df, 0, code = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(df, 1, met = Rf_allocVector(LGLSXP, n));
    SET_VECTOR_ELT(df, 2, dec = Rf_allocVector(LGLSXP, n));
    SET_VECTOR_ELT(df, 3, zh = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(df, 4, en = Rf_allocVector(STRSXP, n));
    SET_VECTOR_ELT(df, 5, src = Rf_allocVector(STRSXP, n));
    pmet = LOGICAL(met);
    pdec = LOGICAL(dec);
    for (i = 0; i < n; i++) {
        const zj_reason *r = &d->reasons[i];
        SET_STRING_ELT(code, i, str_fixed(m, r->code));
        pmet[i] = r->met == ZJ_MET ? 1 : r->met == ZJ_UNMET ? 0 : NA_LOGICAL;
        pdec[i] = sm->decisive[i];
        SET_STRING_ELT(zh, i, str_of(m, r->message_zh));
        SET_STRING_ELT(en, i, str_of(m, r->message_en));
        SET_STRING_ELT(src, i, str_of(m, sm->citations[i]));
    }
    Rf_setAttrib(df, R_NamesSymbol, names);
    Rf_setAttrib(df, R_ClassSymbol, cls);
    rn = PROTECT(Rf_allocVector(INTSXP, 2));
    INTEGER(rn)[0] = NA_INTEGER;
    INTEGER(rn)[1] = -(int)n;
    Rf_setAttrib(df, R_RowNamesSymbol, rn);
    UNPROTECT(2);
    return df;
}

/* Column k of the chunk rows [r0, r0 + rows) into cells[r * nk + k]. */
static void column_cells(SEXP col, R_xlen_t r0, size_t rows, zj_value *cells, size_t nk)
{
    size_t r;

    switch (TYPEOF(col)) {
    case STRSXP: {
        /* A column repeats a few values: each CHARSXP's text is looked up
         * once (a small direct-mapped memo; the texts live until the end
         * of the chunk). */
        SEXP seen[16] = {NULL};
        const char *text[16];
        for (r = 0; r < rows; r++, cells += nk) {
            SEXP c = STRING_ELT(col, r0 + (R_xlen_t)r);
            unsigned k = (unsigned)(((uintptr_t)c >> 4) & 15);
            if (seen[k] != c) {
                seen[k] = c;
                text[k] = zjr_utf8_at(col, r0 + (R_xlen_t)r, "data");
            }
            *cells = text[k] ? zj_value_text(text[k]) : zj_value_missing();
        }
        break;
    }
    case REALSXP: {
        const double *x = REAL_RO(col) + r0;
        for (r = 0; r < rows; r++, cells += nk)
            *cells = ISNAN(x[r]) ? zj_value_missing() : zj_value_number(x[r]);
        break;
    }
    case INTSXP: {
        const int *x = INTEGER_RO(col) + r0;
        for (r = 0; r < rows; r++, cells += nk)
            *cells = x[r] == NA_INTEGER ? zj_value_missing() : zj_value_number((double)x[r]);
        break;
    }
    case LGLSXP: {
        const int *x = LOGICAL_RO(col) + r0;
        for (r = 0; r < rows; r++, cells += nk)
            *cells = x[r] == NA_LOGICAL ? zj_value_missing() : zj_value_bool(x[r] != 0);
        break;
    }
    default:
        for (r = 0; r < rows; r++, cells += nk)
            *cells = zj_value_missing();
    }
}

/* Decides nrows rows of one check.
 *   names    the column names (programmatic or Chinese field names; other
 *            names are ignored, as the CLI ignores an id column)
 *   columns  a list of atomic vectors of length nrows (character, double,
 *            integer or logical; NA is a missing value)
 * Returns a named list of columns; `reasons` (a list of data frames) only
 * when list_column is TRUE. */
SEXP zjr_check(SEXP handle, SEXP check, SEXP names, SEXP columns, SEXP nrows,
               SEXP list_column)
{
    static const char *const out_names[] = {
        "eligible", "outcome", "outcome_zh", "outcome_en", "status", "ruleset",
        "reason_codes", "reasons_zh", "reasons_en", "sources", "reasons"};
    static const char *const rnames[] = {"code", "met", "decisive", "message_zh",
                                         "message_en", "source"};
    const zj_data *data = zjr_data(handle);
    const zj_check_info *info = find_check(check);
    R_xlen_t ncol, nr, i, r0;
    size_t nk = 0, k;
    int *col_of, lc, *elig;
    const char **fnames;
    zj_value *cells;
    batch_mem *m;
    SEXP guard, out, rn_names = R_NilValue, rcls = R_NilValue;
    SEXP col[11];
    int nout, nprot = 0;

    zjr_need_list(columns, "data");
    ncol = XLENGTH(columns);
    zjr_need_str(names, "names", ncol);
    zjr_need_int(nrows, "nrows", 1);
    nr = INTEGER(nrows)[0];
    if (nr == NA_INTEGER || nr < 0)
        zjr_arg_error("nrows", "\xE9\x9D\x9E\xE8\xB4\x9F\xE6\x95\xB4\xE6\x95\xB0", "a non-negative whole number");
    zjr_need_lgl(list_column, "list_column", 1);
    lc = LOGICAL(list_column)[0] == 1;

    /* Which columns the check uses: a field given twice is an error, a
     * field no column supplies a warning (zj_check_columns, as the CLI and
     * Calc say it). */
    col_of = (int *)R_alloc((size_t)ncol + 1, sizeof(int));
    fnames = (const char **)R_alloc((size_t)ncol + 1, sizeof(char *));
    {
        const char **all = (const char **)R_alloc((size_t)ncol + 1, sizeof(char *));
        zj_column_report rep;
        zj_error err;
        char *warn = NULL;

        for (i = 0; i < ncol; i++)
            all[i] = zjr_utf8_at(names, i, "names");
        if (zj_check_columns(info->name, all, (size_t)ncol, &rep, &err) != ZJ_OK) {
            snprintf(err.where, sizeof err.where, "argument data");
            zjr_stop(&err);
        }
        if (rep.warn) {
            /* copied first: R's warning() may be turned into an error */
            size_t len = strlen(rep.message_zh) + strlen(rep.message_en) + 2;
            warn = R_alloc(len, 1);
            snprintf(warn, len, "%s\n%s", rep.message_zh, rep.message_en);   /* zh first */
        }
        zj_column_report_free(&rep);
        if (warn)
            Rf_warningcall(R_NilValue, "%s", warn);
    }
    for (i = 0; i < ncol; i++) {
        const char *nm = zjr_utf8_at(names, i, "names");
        SEXP c = VECTOR_ELT(columns, i);
        int idx = nm ? zj_check_field_index(info, nm) : -1;

        if (idx < 0)
            continue;
        switch (TYPEOF(c)) {
        case STRSXP: case REALSXP: case INTSXP: case LGLSXP:
            break;
        default: {
            char en[300], zh[300];
            snprintf(en, sizeof en,
                     "column %s as character, numeric or logical (got %s)",
                     info->fields[idx].name, Rf_type2char(TYPEOF(c)));
            snprintf(zh, sizeof zh,
                     "\xE5\x88\x97 %s \xE4\xB8\xBA\xE5\xAD\x97\xE7\xAC\xA6\xE3\x80\x81\xE6\x95\xB0\xE5\x80\xBC\xE6\x88\x96\xE9\x80\xBB\xE8\xBE\x91\xE5\x80\xBC"
                     "\xEF\xBC\x88\xE7\x8E\xB0\xE4\xB8\xBA %s\xEF\xBC\x89",
                     info->fields[idx].name, Rf_type2char(TYPEOF(c)));
            zjr_arg_error("data", zh, en);
        }
        }
        if (XLENGTH(c) != nr)
            zjr_arg_error("data", "\xE7\xAD\x89\xE9\x95\xBF\xE7\x9A\x84\xE5\x88\x97", "columns of equal length");
        col_of[nk] = (int)i;
        fnames[nk] = info->fields[idx].name;
        nk++;
    }

    /* Core memory, owned by a guard from the start. */
    guard = PROTECT(zjr_guard(batch_free, NULL)); nprot++;
    m = (batch_mem *)need_mem(calloc(1, sizeof *m));
    zjr_guard_set(guard, m);
    m->dec = (zj_decision *)need_mem(calloc(CHUNK, sizeof(zj_decision)));
    m->sum = (zj_summarizer *)need_mem(zj_summarizer_new(data, ZJ_SUMMARY_COLUMNS));
    PROTECT_WITH_INDEX(m->pool = Rf_allocVector(VECSXP, 1024), &m->pool_ix); nprot++;
    cells = (zj_value *)R_alloc((size_t)CHUNK * (nk ? nk : 1), sizeof(zj_value));

    nout = lc ? 11 : 10;
    out = PROTECT(zjr_named_list(nout, out_names)); nprot++;
    SET_VECTOR_ELT(out, 0, col[0] = Rf_allocVector(LGLSXP, nr));
    elig = LOGICAL(col[0]);
    for (k = 1; k < 10; k++)
        SET_VECTOR_ELT(out, (R_xlen_t)k, col[k] = Rf_allocVector(STRSXP, nr));
    if (lc) {
        SET_VECTOR_ELT(out, 10, col[10] = Rf_allocVector(VECSXP, nr));
        rn_names = PROTECT(Rf_allocVector(STRSXP, 6)); nprot++;
        for (k = 0; k < 6; k++)
            SET_STRING_ELT(rn_names, (R_xlen_t)k, Rf_mkChar(rnames[k]));
        rcls = PROTECT(Rf_mkString("data.frame")); nprot++;
    }

    for (r0 = 0; r0 < nr; r0 += CHUNK) {
        size_t rows = (size_t)(nr - r0 < CHUNK ? nr - r0 : CHUNK), r;
        const void *vmax = vmaxget();
        zj_error err;

        for (k = 0; k < nk; k++)
            column_cells(VECTOR_ELT(columns, col_of[k]), r0, rows, cells + k, nk);
        zj_error_clear(&err);
        if (zj_check_batch(data, info->name, fnames, nk, cells, rows, m->dec, &err) != ZJ_OK) {
            zjr_guard_release(guard);
            zjr_stop(&err);
        }
        m->n_dec = rows;
        for (r = 0; r < rows; r++) {
            const zj_decision *d = &m->dec[r];
            zj_decision_summary sm;
            R_xlen_t i_out = r0 + (R_xlen_t)r;
            const char *outcome = d->outcome && *d->outcome ? d->outcome
                                                            : zj_code_name(d->status);

            elig[i_out] = d->status != ZJ_OK || d->eligible < 0 ? NA_LOGICAL : d->eligible != 0;
            SET_STRING_ELT(col[1], i_out, str_fixed(m, outcome));
            SET_STRING_ELT(col[2], i_out, str_fixed(m, d->outcome_zh));
            SET_STRING_ELT(col[3], i_out, str_fixed(m, d->outcome_en));
            SET_STRING_ELT(col[4], i_out, str_fixed(m, zj_code_name(d->status)));
            SET_STRING_ELT(col[5], i_out,
                           d->ruleset && *d->ruleset ? str_fixed(m, d->ruleset) : NA_STRING);
            if (zj_decision_summarize(m->sum, d, &sm, NULL) != ZJ_OK)
                Rf_error("zhijiao: out of memory");   /* the guard frees what is held */
            SET_STRING_ELT(col[6], i_out, str_get(m, sm.codes, sm.codes_len));
            SET_STRING_ELT(col[7], i_out, str_get(m, sm.reasons_zh, sm.reasons_zh_len));
            SET_STRING_ELT(col[8], i_out, str_get(m, sm.reasons_en, sm.reasons_en_len));
            SET_STRING_ELT(col[9], i_out, str_get(m, sm.sources, sm.sources_len));
            if (lc)
                SET_VECTOR_ELT(col[10], i_out, reasons_frame(m, d, &sm, rn_names, rcls));
        }
        zj_decisions_free(m->dec, rows);
        m->n_dec = 0;
        vmaxset(vmax);
        /* Between chunks the core holds nothing but what the guard frees,
         * so an interrupt (Ctrl-C, setTimeLimit) may unwind from here. */
        R_CheckUserInterrupt();
    }
    zjr_guard_release(guard);
    UNPROTECT(nprot);
    return out;
}
