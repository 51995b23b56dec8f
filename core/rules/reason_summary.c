/* reason_summary.c — a decision summed up for a cell or a row
 * (zj_decision_summarize, zhijiao/check.h).
 *
 * The CLI's batch, the R data frames and the Calc reasons functions all
 * show the decisive reasons joined into one text with their citations;
 * they get that text from here.  Batches sum up millions of decisions
 * citing a handful of clauses, so formatted citations are kept by the
 * address of their zj_source (which lives in the zj_data the summarizer
 * borrows). */
#include <stdlib.h>
#include <string.h>

#include "zhijiao/check.h"
#include "error_internal.h"
#include "strbuf.h"

#define CITE_CACHE 32
#define SEP " | "

typedef struct cite_entry {
    const zj_source *src;     /* NULL: free */
    char *text;
    size_t len;
    unsigned long call;       /* the summary that last used it */
} cite_entry;

/* The six joined texts, in the order they are built. */
enum { T_CODES, T_ZH, T_EN, T_SOURCES, T_TEXT_ZH, T_TEXT_EN, T_COUNT };

struct zj_summarizer {
    const zj_data *data;
    unsigned parts;               /* ZJ_SUMMARY_COLUMNS | ZJ_SUMMARY_TEXTS */
    zj__strbuf text;               /* every string of the last summary */
    unsigned char *decisive;
    const char **cites;
    size_t *cite_off;             /* offset of each citation in text, or (size_t)-1 */
    size_t *cite_len;
    size_t cap;
    cite_entry cache[CITE_CACHE];
    size_t next;
    unsigned long call;           /* summaries made, for the cache */
};

zj_summarizer *zj_summarizer_new(const zj_data *data, unsigned parts)
{
    zj_summarizer *s = calloc(1, sizeof *s);

    if (s) {
        s->data = data;
        s->parts = parts;
    }
    return s;
}

void zj_summarizer_free(zj_summarizer *s)
{
    size_t i;

    if (!s)
        return;
    zj__strbuf_free(&s->text);
    free(s->decisive);
    free(s->cites);
    free(s->cite_off);
    free(s->cite_len);
    for (i = 0; i < CITE_CACHE; i++)
        free(s->cache[i].text);
    free(s);
}

/* The formatted citation of src, from the cache or made into it.  An
 * entry used by the current summary is never evicted, so the summary can
 * point into the cache; NULL when out of memory or when every entry is in
 * use (a decision citing more than CITE_CACHE sources). */
static const cite_entry *citation(zj_summarizer *s, const zj_source *src)
{
    cite_entry *e = NULL;
    size_t i, need;
    char *t;

    for (i = 0; i < CITE_CACHE; i++)
        if (s->cache[i].src == src) {
            s->cache[i].call = s->call;
            return &s->cache[i];
        }
    for (i = 0; i < CITE_CACHE && !e; i++) {
        cite_entry *c = &s->cache[(s->next + i) % CITE_CACHE];
        if (!c->src || c->call != s->call)
            e = c;
    }
    if (!e)
        return NULL;
    need = zj_source_format(src, NULL, 0);
    t = malloc(need + 1);
    if (!t)
        return NULL;
    zj_source_format(src, t, need + 1);
    s->next = (size_t)(e - s->cache + 1) % CITE_CACHE;
    free(e->text);
    e->src = src;
    e->text = t;
    e->len = need;
    e->call = s->call;
    return e;
}

static int grow(zj_summarizer *s, size_t n)
{
    unsigned char *d;
    const char **c;
    size_t *o, *l;

    if (n <= s->cap)
        return 1;
    d = realloc(s->decisive, n);
    if (d)
        s->decisive = d;
    c = realloc(s->cites, n * sizeof *c);
    if (c)
        s->cites = c;
    o = realloc(s->cite_off, n * sizeof *o);
    if (o)
        s->cite_off = o;
    l = realloc(s->cite_len, n * sizeof *l);
    if (l)
        s->cite_len = l;
    if (!d || !c || !o || !l)
        return 0;
    s->cap = n;
    return 1;
}

/* Which reasons decided it: every reason when eligible; the unmet ones
 * when not; the unmet and unknown ones when undetermined; all of them if
 * there are none such (as zj_reason_is_decisive, once per decision). */
static void mark_decisive(const zj_decision *d, unsigned char *out)
{
    size_t i, matching = 0;

    for (i = 0; i < d->n_reasons; i++) {
        zj_met m = d->reasons[i].met;
        out[i] = d->eligible == 1 || m == ZJ_UNMET || (d->eligible < 0 && m == ZJ_UNKNOWN);
        matching += out[i];
    }
    if (matching == 0 || d->eligible == 1)
        memset(out, 1, d->n_reasons);
}

/* zj__strbuf_append with the common case (room enough) inline: a batch
 * appends a dozen short pieces per row. */
static void add(zj__strbuf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        zj__strbuf_append(b, s, n);
        return;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void put(zj__strbuf *b, const char *s)
{
    if (s)
        add(b, s, strlen(s));
}

/* Appends the joined text `what` of the decisive reasons, NUL-terminated. */
static void join(zj_summarizer *s, const zj_decision *d, int what)
{
    size_t i, parts = 0;

    for (i = 0; i < d->n_reasons; i++) {
        const zj_reason *r = &d->reasons[i];
        int cited = s->cites[i] || s->cite_off[i] != (size_t)-1;

        if (!s->decisive[i] || (what == T_SOURCES && !cited))
            continue;
        if (parts++)
            add(&s->text, SEP, sizeof SEP - 1);
        switch (what) {
        case T_CODES: put(&s->text, r->code); break;
        case T_ZH: put(&s->text, r->message_zh); break;
        case T_EN: put(&s->text, r->message_en); break;
        case T_SOURCES: break;
        case T_TEXT_ZH: put(&s->text, r->message_zh); break;
        default: put(&s->text, r->message_en); break;
        }
        if (cited && what >= T_SOURCES) {
            /* a copy in the buffer may move as it grows: by offset */
            size_t len = s->cite_len[i], co = s->cite_off[i];
            const char *cite;
            if (what == T_TEXT_ZH)
                put(&s->text, "（依据：");
            else if (what == T_TEXT_EN)
                put(&s->text, " (source: ");
            if (zj__strbuf_reserve(&s->text, len + 1)) {
                cite = s->cites[i] ? s->cites[i] : s->text.data + co;
                add(&s->text, cite, len);
            }
            if (what == T_TEXT_ZH)
                put(&s->text, "）");
            else if (what == T_TEXT_EN)
                put(&s->text, ")");
        }
    }
    add(&s->text, "", 1);   /* keep the NUL: texts back to back */
}

zj_code zj_decision_summarize(zj_summarizer *s, const zj_decision *d,
                              zj_decision_summary *out, zj_error *err)
{
    size_t i, off[T_COUNT + 1], n;
    const char **dst[T_COUNT];
    size_t *lens[T_COUNT];
    int k;

    if (!s || !d || !out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "arguments", ("参数为空指针"),
                       ("a required argument is NULL"));
    memset(out, 0, sizeof *out);
    n = d->n_reasons;
    zj__strbuf_reset(&s->text);
    if (!grow(s, n ? n : 1))
        goto nomem;
    mark_decisive(d, s->decisive);
    s->call++;
    for (i = 0; i < n; i++) {
        const zj_source *src = d->reasons[i].source;
        const cite_entry *e;

        s->cites[i] = NULL;
        s->cite_off[i] = (size_t)-1;
        if (!src || !src->document)
            continue;
        if ((e = citation(s, src)) != NULL) {
            s->cites[i] = e->text;
            s->cite_len[i] = e->len;
            continue;
        }
        /* no room in the cache: a copy in the text buffer */
        s->cite_off[i] = s->text.len;
        s->cite_len[i] = zj_source_format(src, NULL, 0);
        if (!zj__strbuf_reserve(&s->text, s->cite_len[i] + 1))
            goto nomem;
        zj_source_format(src, s->text.data + s->text.len, s->cite_len[i] + 1);
        s->text.len += s->cite_len[i] + 1;
        s->text.data[s->text.len] = '\0';
    }
    /* the parts not asked for are "" (batches need one kind only) */
    for (k = 0; k < T_COUNT; k++) {
        off[k] = s->text.len;
        if (s->parts & (k < T_TEXT_ZH ? ZJ_SUMMARY_COLUMNS : ZJ_SUMMARY_TEXTS))
            join(s, d, k);
        else
            add(&s->text, "", 1);
    }
    off[T_COUNT] = s->text.len;
    if (s->text.failed || !s->text.data)
        goto nomem;
    /* The buffer has stopped moving: offsets become pointers. */
    for (i = 0; i < n; i++)
        if (s->cite_off[i] != (size_t)-1)
            s->cites[i] = s->text.data + s->cite_off[i];
    dst[T_CODES] = &out->codes; lens[T_CODES] = &out->codes_len;
    dst[T_ZH] = &out->reasons_zh; lens[T_ZH] = &out->reasons_zh_len;
    dst[T_EN] = &out->reasons_en; lens[T_EN] = &out->reasons_en_len;
    dst[T_SOURCES] = &out->sources; lens[T_SOURCES] = &out->sources_len;
    dst[T_TEXT_ZH] = &out->text_zh; lens[T_TEXT_ZH] = &out->text_zh_len;
    dst[T_TEXT_EN] = &out->text_en; lens[T_TEXT_EN] = &out->text_en_len;
    for (k = 0; k < T_COUNT; k++) {
        *dst[k] = s->text.data + off[k];
        *lens[k] = off[k + 1] - off[k] - 1;
    }
    out->n_reasons = n;
    out->decisive = s->decisive;
    out->citations = s->cites;
    return ZJ_OK;
nomem:
    memset(out, 0, sizeof *out);
    return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL, ("内存不足"), ("out of memory"));
}
