/* output.c — errors, text tables, numbers and JSON for every command. */
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"
#include "output.h"

/* ---- errors --------------------------------------------------------------- */

const char *cli_fmt(char *buf, size_t size, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(buf, size, fmt, ap);
    va_end(ap);
    return buf;
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

    zj_error_set(&err, ZJ_ERR_NOMEM, "", "内存不足", "out of memory");
    return out_error(ctx, &err);
}

int out_usage_text(const cli_ctx *ctx, const char *cmd, const char *where,
                   const char *zh, const char *en)
{
    zj_error err;

    zj_error_set(&err, ZJ_ERR_ARG, where, zh, en);
    return out_usage_error(ctx, cmd, &err);
}

int out_usage_error(const cli_ctx *ctx, const char *cmd, const zj_error *err)
{
    out_error(ctx, err);
    fprintf(stderr, "  用法见 / usage: zhijiao %s%s--help\n",
            cmd ? cmd : "", cmd ? " " : "");
    return CLI_EXIT_ERROR;
}

const out_near *out_suggestion(const char *near, int quote, out_near *buf)
{
    buf->zh[0] = buf->en[0] = '\0';
    if (near) {
        snprintf(buf->zh, sizeof buf->zh, quote ? "，是不是“%s”？" : "，是不是 %s？",
                 near);
        snprintf(buf->en, sizeof buf->en,
                 quote ? "; did you mean '%s'?" : "; did you mean %s?", near);
    }
    return buf;
}

int out_no_check(const cli_ctx *ctx, const char *name)
{
    zj_error err;

    zj_error_clear(&err);
    (void)zj_check_lookup(name, &err);   /* NULL: name is no check */
    /* the CLI's errors are "at" what the user typed */
    snprintf(err.where, sizeof err.where, "%s", name);
    return out_error(ctx, &err);
}

int out_status(int rc)
{
    return rc ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}

/* ---- text ----------------------------------------------------------------- */

size_t out_width(const char *s)
{
    return zj_text_width(s);
}

/* 0: no limit (not a terminal, or --width 0). */
static size_t out_columns;

void out_set_columns(size_t columns)
{
    out_columns = columns;
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

/* v for a text table or CSV: NaN "NA" or ""; a count (up to 2^53) whole,
 * -0 as 0 (%.15g would round 2^53 to 9.00719925474099e+15, and a reader
 * could not get the count back); else 6 decimals or 15 digits. */
static const char *num_or_count(double v, int csv, char *buf, size_t size)
{
    if (isnan(v))
        snprintf(buf, size, "%s", csv ? "" : "NA");
    else if (v == floor(v) && fabs(v) <= ZJ_COUNT_MAX)
        snprintf(buf, size, "%.0f", v == 0 ? 0.0 : v);
    else
        snprintf(buf, size, csv ? "%.15g" : "%.6f", v);
    return buf;
}

const char *out_num_text(double v, char *buf, size_t size)
{
    return num_or_count(v, 0, buf, size);
}

const char *out_num_csv(double v, char *buf, size_t size)
{
    return num_or_count(v, 1, buf, size);
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

/* How far a column may be squeezed when the table must fit: not below
 * its longest ASCII word (numbers, codes, names of keys), up to
 * MAX_WORD, nor below MIN_COL; Chinese text can break anywhere. */
#define MIN_COL 4
#define MAX_WORD 20

static size_t longest_word(const char *s)
{
    size_t best = 0, run = 0;

    for (;; s++) {
        if (*s && *s != ' ' && !((unsigned char)*s & 0x80)) {
            run++;
            continue;
        }
        if (run > best)
            best = run;
        run = 0;
        if (!*s)
            return best;
    }
}

/* Narrows the widths w[0 .. ncols) of table t so that the columns and
 * their two-blank gaps fit in `columns`, taking a column at a time from
 * the widest one that can still give way; only a table of more than
 * columns / (MIN_COL + 2) columns overflows. */
static int fit_widths(const out_table *t, size_t *w, size_t columns)
{
    size_t n = t->ncols, total = 0, avail, r, c;
    size_t *floor_w;

    for (c = 0; c < n; c++)
        total += w[c];
    avail = columns > 2 * (n ? n - 1 : 0) ? columns - 2 * (n ? n - 1 : 0) : 0;
    if (!columns || total <= avail || n == 0)
        return 0;
    floor_w = calloc(n, sizeof *floor_w);
    if (!floor_w)
        return -1;
    for (r = 0; r <= t->nrows; r++)
        for (c = 0; c < n; c++) {
            size_t lw = longest_word(t->cells[r * n + c]);
            if (lw > floor_w[c])
                floor_w[c] = lw;
        }
    for (c = 0; c < n; c++) {
        if (floor_w[c] > MAX_WORD)
            floor_w[c] = MAX_WORD;
        if (floor_w[c] < MIN_COL)
            floor_w[c] = MIN_COL;
        if (floor_w[c] > w[c])
            floor_w[c] = w[c];
    }
    /* First down to the words; when that is not enough, words break too
     * (down to MIN_COL). */
    while (total > avail) {
        size_t widest = n;
        for (c = 0; c < n; c++)
            if (w[c] > floor_w[c] && (widest == n || w[c] > w[widest]))
                widest = c;
        if (widest == n) {
            int lowered = 0;
            for (c = 0; c < n; c++)
                if (floor_w[c] > MIN_COL && floor_w[c] <= w[c]) {
                    floor_w[c] = MIN_COL < w[c] ? MIN_COL : w[c];
                    lowered = 1;
                }
            if (!lowered)
                break;
            continue;
        }
        w[widest]--;
        total--;
    }
    free(floor_w);
    return 0;
}

/* The next piece of *p that fits in `width` columns: at the last blank
 * when there is one, never inside a character, at least one character.
 * Advances *p past it (and the blanks after it); its width in *pw. */
static size_t next_piece(const char **p, size_t width, size_t *pw)
{
    const char *s = *p;
    size_t n = zj_text_fit(s, width, pw), k, len = strlen(s);

    if (n == 0 && *s)
        n = zj_text_fit(s, 2, pw);   /* a wide character in a narrow column */
    if (n < len) {
        for (k = n; k > 0 && s[k - 1] != ' '; k--)
            ;
        if (k > 1 && s[n] != ' ') {
            n = k - 1;
            *pw = zj_text_width_n(s, n);
        }
    }
    *p = s + n;
    while (**p == ' ')
        (*p)++;
    return n;
}

/* One table row: each cell wrapped to its column, so a row may take
 * several lines.  The first line pads every column but the last (as
 * tables always did); continuation lines pad only up to a piece, so they
 * end without blanks. */
static void print_row(FILE *fp, char *const *cells, const size_t *w, size_t n,
                      const char **p)
{
    size_t c, line = 0;
    int more;

    for (c = 0; c < n; c++)
        p[c] = cells[c];
    do {
        size_t pending = 0;   /* blanks owed before the next piece */
        more = 0;
        for (c = 0; c < n; c++) {
            const char *start = p[c];
            size_t pw = 0, len = next_piece(&p[c], w[c], &pw);
            if (len || line == 0) {
                pad(fp, pending);
                fwrite(start, 1, len, fp);
                pending = 0;
            }
            if (c + 1 < n)
                pending += (w[c] > pw ? w[c] - pw : 0) + 2;
            if (*p[c])
                more = 1;
        }
        fputc('\n', fp);
        line++;
    } while (more);
}

static int print_aligned(const out_table *t, FILE *fp)
{
    size_t *w = calloc(t->ncols ? t->ncols : 1, sizeof *w);
    const char **p = calloc(t->ncols ? t->ncols : 1, sizeof *p);
    size_t r, c;

    if (!w || !p) {
        free(w);
        free((void *)p);
        return -1;
    }
    for (r = 0; r <= t->nrows; r++)
        for (c = 0; c < t->ncols; c++) {
            size_t cw = out_width(t->cells[r * t->ncols + c]);
            if (cw > w[c])
                w[c] = cw;
        }
    if (fit_widths(t, w, out_columns) != 0) {
        free(w);
        free((void *)p);
        return -1;
    }
    for (r = 0; r <= t->nrows; r++) {
        print_row(fp, t->cells + r * t->ncols, w, t->ncols, p);
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
    free((void *)p);
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
        const char *v = values[i] ? values[i] : "";
        /* Room for the value beside the labels; 0: no limit. */
        size_t room = out_columns > w + 2 + MIN_COL ? out_columns - w - 2 : 0;
        int first = 1;

        fputs(labels[i], stdout);
        pad(stdout, w - out_width(labels[i]) + 2);
        if (!room || out_width(v) <= room) {
            fputs(v, stdout);
            fputc('\n', stdout);
            continue;
        }
        while (*v) {
            const char *start = v;
            size_t pw, len = next_piece(&v, room, &pw);
            if (!first)
                pad(stdout, w + 2);
            fwrite(start, 1, len, stdout);
            fputc('\n', stdout);
            first = 0;
        }
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
