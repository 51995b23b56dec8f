/* decision.c — building, packing and freeing decisions. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decision_builder.h"

/* A reason while it is being built: texts are offsets into the builder's
 * text buffer, which may move as it grows. */
typedef struct pending_reason {
    const char *code;
    zj_met met;
    const zj_source *source;
    size_t zh, en;     /* offsets into text */
} pending_reason;

struct zj_dbuild {
    zj_code status;
    int eligible;
    const char *outcome, *outcome_zh, *outcome_en;
    const char *ruleset;
    pending_reason *reasons;
    size_t n, cap;
    zj_strbuf text;
    int failed;
    char nums[ZJ_DB_NUMS][ZJ_DB_NUM_SIZE];   /* zj_db_num's results */
    unsigned next_num;
    int no_text;          /* reasons without messages (zj_db_set_no_text) */
};

zj_dbuild *zj_db_new(void)
{
    zj_dbuild *b = calloc(1, sizeof *b);

    if (b)
        zj_db_reset(b);
    return b;
}

void zj_db_free(zj_dbuild *b)
{
    if (!b)
        return;
    free(b->reasons);
    zj_strbuf_free(&b->text);
    free(b);
}

void zj_db_reset(zj_dbuild *b)
{
    b->status = ZJ_OK;
    b->eligible = -1;
    b->outcome = "undetermined";
    b->outcome_zh = "无法判定";
    b->outcome_en = "undetermined";
    b->ruleset = "";
    b->n = 0;
    b->failed = 0;
    b->next_num = 0;
    zj_strbuf_reset(&b->text);
}

/* zj_strbuf_append with the common case (room enough) inline: messages
 * are assembled from many short pieces. */
static void put(zj_strbuf *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        zj_strbuf_append(t, s, n);
        return;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

/* Decimal digits of v into the end of buf[24]; returns where they start. */
static char *digits(char *end, unsigned long long v)
{
    *--end = '\0';
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

static void put_signed(zj_strbuf *t, long long v)
{
    char buf[24];
    char *s = digits(buf + sizeof buf, v < 0 ? 0ULL - (unsigned long long)v
                                            : (unsigned long long)v);

    if (v < 0)
        *--s = '-';
    put(t, s, (size_t)(buf + sizeof buf - 1 - s));
}

/* %g: whole numbers below 10^6 (what %g prints without an exponent) as
 * digits; anything else through snprintf. */
static void put_g(zj_strbuf *t, double v)
{
    char buf[40];
    int n;

    if (v == floor(v) && fabs(v) < 1e6 && !(v == 0 && signbit(v))) {
        put_signed(t, (long long)v);
        return;
    }
    n = snprintf(buf, sizeof buf, "%g", v);
    if (n > 0)
        put(t, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

/* Appends fmt with its arguments to t as printf would write them, for the
 * conversions the checks use: %s (NULL as glibc prints it, "(null)"),
 * %.0s (skips an argument), %d, %ld, %zu, %g and %%.  Returns 0, having
 * written part of it, at any other conversion. */
static int put_format(zj_strbuf *t, const char *fmt, va_list ap)
{
    const char *p = fmt, *q;

    while ((q = strchr(p, '%')) != NULL) {
        put(t, p, (size_t)(q - p));
        q++;
        if (q[0] == 's') {
            const char *s = va_arg(ap, const char *);
            s = s ? s : "(null)";
            put(t, s, strlen(s));
            p = q + 1;
        } else if (q[0] == '.' && q[1] == '0' && q[2] == 's') {
            (void)va_arg(ap, const char *);
            p = q + 3;
        } else if (q[0] == 'd') {
            put_signed(t, va_arg(ap, int));
            p = q + 1;
        } else if (q[0] == 'l' && q[1] == 'd') {
            put_signed(t, va_arg(ap, long));
            p = q + 2;
        } else if (q[0] == 'z' && q[1] == 'u') {
            char buf[24];
            const char *d = digits(buf + sizeof buf, (unsigned long long)va_arg(ap, size_t));
            put(t, d, (size_t)(buf + sizeof buf - 1 - d));
            p = q + 2;
        } else if (q[0] == 'g') {
            put_g(t, va_arg(ap, double));
            p = q + 1;
        } else if (q[0] == '%') {
            put(t, "%", 1);
            p = q + 1;
        } else {
            return 0;
        }
    }
    put(t, p, strlen(p));
    return 1;
}

/* Formats into the text buffer.  Batches format millions of these, so
 * the conversions the checks use are done by put_format, not vsnprintf:
 * in a process where a printf extension is registered (R loads
 * libquadmath, which registers one for __float128), glibc runs every
 * printf-family call through its slow general path, and a vsnprintf of a
 * typical message costs about three times as much as in the CLI.  Other
 * formats go to vsnprintf, with room for a typical message reserved first
 * so that it is called only once in the usual case. */
static void vformat(zj_dbuild *b, size_t *off, const char *fmt, va_list ap)
{
    size_t room = 256;
    va_list cp;
    int need, plain;

    *off = b->text.len;
    va_copy(cp, ap);
    plain = put_format(&b->text, fmt, cp);
    va_end(cp);
    if (plain) {
        /* keep the NUL: texts are stored back to back */
        put(&b->text, "", 1);
        if (b->text.failed)
            b->failed = 1;
        return;
    }
    b->text.len = *off;   /* drop what put_format wrote */
    if (!zj_strbuf_reserve(&b->text, room)) {
        b->failed = 1;
        return;
    }
    va_copy(cp, ap);
    need = vsnprintf(b->text.data + b->text.len, room, fmt, cp);
    va_end(cp);
    if (need < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)need >= room) {
        if (!zj_strbuf_reserve(&b->text, (size_t)need + 1)) {
            b->failed = 1;
            return;
        }
        vsnprintf(b->text.data + b->text.len, (size_t)need + 1, fmt, ap);
    }
    /* keep the NUL: texts are stored back to back */
    b->text.len += (size_t)need + 1;
}

const char *zj_db_num(zj_dbuild *b, double v)
{
    char *s = b->nums[b->next_num++ % ZJ_DB_NUMS];
    double r = floor(v);

    /* Scores and counts are nearly always whole: print those without
     * going through the (slow) floating-point path of printf. */
    if (r == v && fabs(v) < 1e15) {
        char tmp[24];
        long long n = (long long)v;
        unsigned long long u = n < 0 ? (unsigned long long)(-n) : (unsigned long long)n;
        size_t k = 0, i = 0;

        do {
            tmp[k++] = (char)('0' + u % 10);
            u /= 10;
        } while (u);
        if (n < 0)
            s[i++] = '-';
        while (k)
            s[i++] = tmp[--k];
        s[i] = '\0';
    } else {
        snprintf(s, ZJ_DB_NUM_SIZE, "%g", v);
    }
    return s;
}

static pending_reason *push(zj_dbuild *b)
{
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 8;
        pending_reason *p = realloc(b->reasons, cap * sizeof *p);

        if (!p) {
            b->failed = 1;
            return NULL;
        }
        b->reasons = p;
        b->cap = cap;
    }
    return &b->reasons[b->n++];
}

static void add_reason(zj_dbuild *b, const char *code, zj_met met,
                       const zj_source *src, const char *fmt_zh,
                       const char *fmt_en, va_list ap)
{
    pending_reason *r = push(b);
    va_list ap2;

    if (!r)
        return;
    r->code = code;
    r->met = met;
    r->source = src;
    if (b->no_text) {
        /* nothing is ever written to text: offset len is its final '\0' */
        r->zh = r->en = b->text.len;
        return;
    }
    va_copy(ap2, ap);
    vformat(b, &r->zh, fmt_zh, ap);
    vformat(b, &r->en, fmt_en, ap2);
    va_end(ap2);
}

void zj_db_reason(zj_dbuild *b, const char *code, zj_met met,
                  const zj_rule *rule, const char *fmt_zh,
                  const char *fmt_en, ...)
{
    va_list ap;

    va_start(ap, fmt_en);
    add_reason(b, code, met, rule ? &rule->source : NULL, fmt_zh, fmt_en, ap);
    va_end(ap);
}

void zj_db_outcome(zj_dbuild *b, int eligible, const char *outcome,
                   const char *outcome_zh, const char *outcome_en)
{
    if (b->status != ZJ_OK)
        return;   /* an input error has the last word */
    b->eligible = eligible;
    b->outcome = outcome;
    b->outcome_zh = outcome_zh;
    b->outcome_en = outcome_en;
}

void zj_db_conclude(zj_dbuild *b, const char *yes, const char *yes_zh,
                    const char *yes_en, const char *no, const char *no_zh,
                    const char *no_en)
{
    if (zj_db_count(b, ZJ_UNMET))
        zj_db_outcome(b, 0, no, no_zh, no_en);
    else if (zj_db_count(b, ZJ_UNKNOWN))
        zj_db_outcome(b, -1, "undetermined", "无法判定", "undetermined");
    else
        zj_db_outcome(b, 1, yes, yes_zh, yes_en);
}

void zj_db_input_error(zj_dbuild *b, const char *code, const char *fmt_zh,
                       const char *fmt_en, ...)
{
    va_list ap;

    va_start(ap, fmt_en);
    add_reason(b, code, ZJ_UNMET, NULL, fmt_zh, fmt_en, ap);
    va_end(ap);
    b->status = ZJ_ERR_ARG;
    b->eligible = -1;
    b->outcome = "invalid_input";
    b->outcome_zh = "输入有误";
    b->outcome_en = "invalid input";
}

void zj_db_no_rules(zj_dbuild *b, const char *fmt_zh, const char *fmt_en, ...)
{
    va_list ap;

    va_start(ap, fmt_en);
    add_reason(b, "RULES.NOT_FOUND", ZJ_UNKNOWN, NULL, fmt_zh, fmt_en, ap);
    va_end(ap);
    if (b->status == ZJ_OK)
        b->status = ZJ_ERR_NOT_FOUND;
    b->eligible = -1;
    b->outcome = "no_rules";
    b->outcome_zh = "无适用规则";
    b->outcome_en = "no applicable rules";
}

void zj_db_set_no_text(zj_dbuild *b, int on)
{
    b->no_text = on;
}

void zj_db_set_ruleset(zj_dbuild *b, const char *ruleset_id)
{
    b->ruleset = ruleset_id ? ruleset_id : "";
}

zj_code zj_db_status(const zj_dbuild *b)
{
    return b->status;
}

size_t zj_db_count(const zj_dbuild *b, zj_met met)
{
    size_t i, k = 0;

    for (i = 0; i < b->n; i++)
        if (b->reasons[i].met == met)
            k++;
    return k;
}

zj_code zj_db_finish(zj_dbuild *b, zj_decision *out)
{
    size_t head = b->n * sizeof(zj_reason), i;
    char *block, *text;
    zj_reason *rs;

    memset(out, 0, sizeof *out);
    if (b->failed || b->text.failed)
        return ZJ_ERR_NOMEM;
    block = malloc(head + b->text.len + 1);
    if (!block)
        return ZJ_ERR_NOMEM;
    rs = (zj_reason *)(void *)block;
    text = block + head;
    if (b->text.len)
        memcpy(text, b->text.data, b->text.len);
    text[b->text.len] = '\0';
    for (i = 0; i < b->n; i++) {
        rs[i].code = b->reasons[i].code;
        rs[i].met = b->reasons[i].met;
        rs[i].source = b->reasons[i].source;
        rs[i].message_zh = text + b->reasons[i].zh;
        rs[i].message_en = text + b->reasons[i].en;
    }
    out->status = b->status;
    out->eligible = b->eligible;
    out->outcome = b->outcome;
    out->outcome_zh = b->outcome_zh;
    out->outcome_en = b->outcome_en;
    out->ruleset = b->ruleset;
    out->n_reasons = b->n;
    out->reasons = rs;
    out->priv_ = block;
    return ZJ_OK;
}

void zj_decision_free(zj_decision *d)
{
    if (!d)
        return;
    free(d->priv_);
    memset(d, 0, sizeof *d);
}

void zj_decisions_free(zj_decision *d, size_t count)
{
    size_t i;

    if (!d)
        return;
    for (i = 0; i < count; i++)
        zj_decision_free(&d[i]);
}

int zj_reason_is_decisive(const zj_decision *d, size_t i)
{
    size_t k, matching = 0;
    zj_met m;

    if (!d || i >= d->n_reasons)
        return 0;
    if (d->eligible == 1)
        return 1;
    /* Not allowed: the failed conditions decided it.  Undetermined: the
     * failed and the unknown ones.  If there are none, show everything. */
    for (k = 0; k < d->n_reasons; k++) {
        m = d->reasons[k].met;
        if (m == ZJ_UNMET || (d->eligible < 0 && m == ZJ_UNKNOWN))
            matching++;
    }
    if (matching == 0)
        return 1;
    m = d->reasons[i].met;
    return m == ZJ_UNMET || (d->eligible < 0 && m == ZJ_UNKNOWN);
}
