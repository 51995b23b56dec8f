/* output.c — errors, text tables, numbers and JSON for every command. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"
#include "output.h"

/* ---- errors --------------------------------------------------------------- */

void cli_error_set(zj_error *err, zj_code code, const char *where,
                   const char *fmt_zh, const char *fmt_en, ...)
{
    va_list ap, ap2;

    err->code = code;
    snprintf(err->where, sizeof err->where, "%s", where ? where : "");
    va_start(ap, fmt_en);
    va_copy(ap2, ap);
    vsnprintf(err->message_zh, sizeof err->message_zh, fmt_zh, ap);
    vsnprintf(err->message_en, sizeof err->message_en, fmt_en, ap2);
    va_end(ap2);
    va_end(ap);
}

static void print_error_kind(const zj_error *err, const char *kind)
{
    /* Flush what the command already printed so the error follows it. */
    fflush(stdout);
    fprintf(stderr, "zhijiao: %s [%s]", kind, zj_code_name(err->code));
    if (err->where[0])
        fprintf(stderr, " at %s", err->where);
    fputs(":\n", stderr);
    if (err->message_zh[0])
        fprintf(stderr, "  %s\n", err->message_zh);
    if (err->message_en[0])
        fprintf(stderr, "  %s\n", err->message_en);
}

static void print_error_text(const zj_error *err)
{
    print_error_kind(err, "error");
}

void out_warning(const zj_error *err)
{
    print_error_kind(err, "warning");
}

int out_error(const cli_ctx *ctx, const zj_error *err)
{
    print_error_text(err);
    if (ctx && ctx->format == CLI_FMT_JSON)
        out_json(out_jerror(err), stdout);
    return CLI_EXIT_ERROR;
}

int out_nomem(const cli_ctx *ctx)
{
    zj_error err;

    cli_error_set(&err, ZJ_ERR_NOMEM, "", "内存不足", "out of memory");
    return out_error(ctx, &err);
}

int out_usage(const cli_ctx *ctx, const char *cmd, const char *where,
              const char *fmt_zh, const char *fmt_en, ...)
{
    zj_error err;
    va_list ap, ap2;

    err.code = ZJ_ERR_ARG;
    snprintf(err.where, sizeof err.where, "%s", where ? where : "");
    va_start(ap, fmt_en);
    va_copy(ap2, ap);
    vsnprintf(err.message_zh, sizeof err.message_zh, fmt_zh, ap);
    vsnprintf(err.message_en, sizeof err.message_en, fmt_en, ap2);
    va_end(ap2);
    va_end(ap);
    out_error(ctx, &err);
    fprintf(stderr, "  用法见 / usage: zhijiao %s%s--help\n",
            cmd ? cmd : "", cmd ? " " : "");
    return CLI_EXIT_ERROR;
}

/* ---- text ----------------------------------------------------------------- */

/* Decodes one UTF-8 character at s; invalid bytes decode as themselves so
 * that a stray byte costs one column instead of derailing the count. */
static uint32_t utf8_next(const unsigned char **sp)
{
    const unsigned char *s = *sp;
    uint32_t c = s[0];
    int extra = 0, i;

    if (c >= 0xF0 && c < 0xF8) { c &= 0x07; extra = 3; }
    else if (c >= 0xE0) { c &= 0x0F; extra = 2; }
    else if (c >= 0xC0) { c &= 0x1F; extra = 1; }
    for (i = 1; i <= extra; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *sp = s + 1;
            return s[0];
        }
        c = (c << 6) | (s[i] & 0x3F);
    }
    *sp = s + 1 + extra;
    return c;
}

/* The East Asian Wide and Fullwidth blocks that Chinese text uses (CJK
 * ideographs, punctuation such as 〔〕、。（）, fullwidth forms, Hangul,
 * kana), and the zero-width combining marks.  Not the whole Unicode
 * table: enough that columns of Chinese names line up. */
static int char_width(uint32_t c)
{
    if (c == 0)
        return 0;
    if ((c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) ||
        (c >= 0xFE00 && c <= 0xFE0F))
        return 0;
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
        (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
        (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
        (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
        (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
        (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x2FFFD) ||
        (c >= 0x30000 && c <= 0x3FFFD))
        return 2;
    return 1;
}

size_t out_width(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t w = 0;

    while (*p)
        w += (size_t)char_width(utf8_next(&p));
    return w;
}

const char *out_lang(const cli_ctx *ctx, const char *zh, const char *en,
                     char *buf, size_t size)
{
    zh = zh ? zh : "";
    en = en ? en : "";
    if (ctx->lang == CLI_LANG_ZH)
        return *zh ? zh : en;
    if (ctx->lang == CLI_LANG_EN)
        return *en ? en : zh;
    if (!*zh || !*en || strcmp(zh, en) == 0)
        return *zh ? zh : en;
    snprintf(buf, size, "%s / %s", zh, en);
    return buf;
}

const char *out_num_text(double v, char *buf, size_t size)
{
    if (isnan(v))
        snprintf(buf, size, "NA");
    else if (v == floor(v) && fabs(v) < 1e15)
        snprintf(buf, size, "%.0f", v);
    else
        snprintf(buf, size, "%.6f", v);
    return buf;
}

const char *out_num_csv(double v, char *buf, size_t size)
{
    if (isnan(v))
        buf[0] = '\0';
    else
        snprintf(buf, size, "%.15g", v);
    return buf;
}

const char *out_num_short(double v, char *buf, size_t size)
{
    if (isnan(v))
        snprintf(buf, size, "NA");
    else
        snprintf(buf, size, "%.10g", v);
    return buf;
}

const char *out_num(const cli_ctx *ctx, double v, char *buf, size_t size)
{
    return ctx->format == CLI_FMT_CSV ? out_num_csv(v, buf, size)
                                      : out_num_text(v, buf, size);
}

/* ---- tables --------------------------------------------------------------- */

static char *dup_text(const char *s)
{
    size_t n = strlen(s ? s : "");
    char *d = malloc(n + 1);

    if (d)
        memcpy(d, s ? s : "", n + 1);
    return d;
}

int out_table_init(out_table *t, size_t ncols, const char *const *headers)
{
    t->ncols = ncols;
    t->nrows = 0;
    t->cap = 0;
    t->cells = NULL;
    if (out_table_add(t, headers) != 0) {
        free(t->cells);
        t->cells = NULL;
        return -1;
    }
    return 0;
}

int out_table_add(out_table *t, const char *const *cells)
{
    /* Row 0 is the header: the stored rows are nrows + 1 (nrows counts the
     * data rows; init adds the header and resets it to 0). */
    size_t have = t->cells ? t->nrows + 1 : 0, i;

    if (have + 1 > t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        char **c = realloc(t->cells, cap * t->ncols * sizeof *c);
        if (!c)
            return -1;
        t->cells = c;
        t->cap = cap;
    }
    for (i = 0; i < t->ncols; i++) {
        char *d = dup_text(cells[i]);
        if (!d) {
            while (i > 0)
                free(t->cells[have * t->ncols + --i]);
            return -1;
        }
        t->cells[have * t->ncols + i] = d;
    }
    if (have > 0)
        t->nrows++;
    return 0;
}

static void pad(FILE *fp, size_t n)
{
    while (n-- > 0)
        fputc(' ', fp);
}

static int print_aligned(const out_table *t, FILE *fp)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    size_t r, c;

    if (!w)
        return -1;
    for (r = 0; r <= t->nrows; r++)
        for (c = 0; c < t->ncols; c++) {
            size_t cw = out_width(t->cells[r * t->ncols + c]);
            if (cw > w[c])
                w[c] = cw;
        }
    for (r = 0; r <= t->nrows; r++) {
        for (c = 0; c < t->ncols; c++) {
            const char *cell = t->cells[r * t->ncols + c];
            fputs(cell, fp);
            /* No trailing blanks after the last column. */
            if (c + 1 < t->ncols)
                pad(fp, w[c] - out_width(cell) + 2);
        }
        fputc('\n', fp);
        if (r == 0) {
            for (c = 0; c < t->ncols; c++) {
                size_t i;
                for (i = 0; i < w[c]; i++)
                    fputc('-', fp);
                if (c + 1 < t->ncols)
                    pad(fp, 2);
            }
            fputc('\n', fp);
        }
    }
    free(w);
    return ferror(fp) ? -1 : 0;
}

static int print_csv(const out_table *t, FILE *fp)
{
    csv_out w;
    size_t r, c;
    int rc;

    fflush(fp);
    if (csv_out_init(&w, fp, 1 << 16) != 0)
        return -1;
    for (r = 0; r <= t->nrows; r++) {
        for (c = 0; c < t->ncols; c++)
            csv_out_field(&w, t->cells[r * t->ncols + c]);
        csv_out_end_row(&w);
    }
    rc = csv_out_finish(&w);
    return rc;
}

int out_table_print(const out_table *t, cli_format fmt, FILE *fp)
{
    return fmt == CLI_FMT_CSV ? print_csv(t, fp) : print_aligned(t, fp);
}

void out_table_free(out_table *t)
{
    size_t i, n;

    if (!t->cells)
        return;
    n = (t->nrows + 1) * t->ncols;
    for (i = 0; i < n; i++)
        free(t->cells[i]);
    free(t->cells);
    t->cells = NULL;
    t->nrows = t->cap = 0;
}

int out_record(const cli_ctx *ctx, size_t n, const char *const *keys,
               const char *const *labels, const char *const *values)
{
    out_table t;
    size_t i, w = 0;

    if (ctx->format == CLI_FMT_CSV) {
        int rc;
        if (out_table_init(&t, n, keys) != 0)
            return -1;
        rc = out_table_add(&t, values);
        if (rc == 0)
            rc = out_table_print(&t, CLI_FMT_CSV, stdout);
        out_table_free(&t);
        return rc;
    }
    if (!labels)
        labels = keys;
    for (i = 0; i < n; i++)
        if (out_width(labels[i]) > w)
            w = out_width(labels[i]);
    for (i = 0; i < n; i++) {
        fputs(labels[i], stdout);
        pad(stdout, w - out_width(labels[i]) + 2);
        fputs(values[i] ? values[i] : "", stdout);
        fputc('\n', stdout);
    }
    return ferror(stdout) ? -1 : 0;
}

/* ---- JSON ----------------------------------------------------------------- */

json_t *out_jreal(double v)
{
    return isfinite(v) ? json_real(v) : json_null();
}

json_t *out_jcount(double v)
{
    if (isfinite(v) && v == floor(v) && fabs(v) <= 9007199254740992.0)
        return json_integer((json_int_t)v);
    return out_jreal(v);
}

json_t *out_jstr(const char *s)
{
    json_t *j = s ? json_string(s) : NULL;
    /* json_string refuses invalid UTF-8: keep the key, say null. */
    return j ? j : json_null();
}

json_t *out_jbool3(int v)
{
    return v == 1 ? json_true() : v == 0 ? json_false() : json_null();
}

json_t *out_jsource(const zj_source *src)
{
    if (!src)
        return json_null();
    return json_pack("{s:o,s:o,s:o,s:o,s:o}",
                     "document", out_jstr(src->document),
                     "clause", out_jstr(src->clause),
                     "date", out_jstr(src->date),
                     "url", out_jstr(src->url),
                     "title", out_jstr(src->title));
}

json_t *out_jerror(const zj_error *err)
{
    return json_pack("{s:{s:s,s:s,s:o,s:o}}", "error",
                     "code", zj_code_name(err->code),
                     "where", err->where,
                     "message_zh", out_jstr(err->message_zh),
                     "message_en", out_jstr(err->message_en));
}

json_t *out_jrate(const zj_rate *r)
{
    return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                     "x", out_jcount(r->x), "n", out_jcount(r->n),
                     "rate", out_jreal(r->estimate),
                     "lower", out_jreal(r->lower), "upper", out_jreal(r->upper),
                     "method", out_jstr(zj_ci_method_name(r->method)),
                     "conf", out_jreal(r->conf));
}

/* 15 significant digits: far beyond the 1e-9 agreement with R, and 0.95
 * stays 0.95 (17 digits would print 0.94999999999999996). */
#define OUT_JSON_FLAGS (JSON_INDENT(2) | JSON_REAL_PRECISION(15))

char *out_json_string(const json_t *j)
{
    return j ? json_dumps(j, OUT_JSON_FLAGS) : NULL;
}

int out_json(json_t *j, FILE *fp)
{
    char *s = out_json_string(j);
    int rc = -1;

    if (s) {
        fputs(s, fp);
        fputc('\n', fp);
        free(s);
        rc = ferror(fp) ? -1 : 0;
    }
    json_decref(j);
    return rc;
}

/* ---- citations ------------------------------------------------------------ */

const char *out_citation(const zj_source *src, char *buf, size_t size)
{
    if (!src) {
        buf[0] = '\0';
        return buf;
    }
    zj_source_format(src, buf, size);
    return buf;
}
