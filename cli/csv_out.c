/* csv_out.c — the buffered CSV writer. */
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"
#include "zhijiao/csv.h"

int csv_out_init(csv_out *w, FILE *fp, size_t cap)
{
    w->fp = fp;
    w->cap = cap < 4096 ? 4096 : cap;
    w->len = 0;
    w->nfield = 0;
    w->failed = 0;
    w->buf = malloc(w->cap);
    return w->buf ? 0 : -1;
}

static void drain(csv_out *w)
{
    if (w->len > 0 && !w->failed &&
        fwrite(w->buf, 1, w->len, w->fp) != w->len)
        w->failed = 1;
    w->len = 0;
}

void csv_out_raw(csv_out *w, const char *s, size_t n)
{
    if (w->len + n > w->cap) {
        drain(w);
        /* Larger than the whole buffer: write it through. */
        if (n > w->cap) {
            if (!w->failed && fwrite(s, 1, n, w->fp) != n)
                w->failed = 1;
            return;
        }
    }
    memcpy(w->buf + w->len, s, n);
    w->len += n;
}

static void put_char(csv_out *w, char c)
{
    if (w->len == w->cap)
        drain(w);
    w->buf[w->len++] = c;
}

/* A field that needs quoting or the formula guard: formatted by the
 * library's one function (zj_csv_field_format), into the buffer. */
static void put_formatted(csv_out *w, const char *s, size_t n)
{
    size_t need = 2 * n + 3;
    char *tmp;

    if (w->len + need + 1 > w->cap)
        drain(w);
    if (need + 1 <= w->cap) {
        w->len += zj_csv_field_format(s, n, w->buf + w->len, w->cap - w->len);
        return;
    }
    /* Larger than the whole buffer: format aside and write it through. */
    if (!(tmp = malloc(need + 1))) {
        w->failed = 1;
        return;
    }
    csv_out_raw(w, tmp, zj_csv_field_format(s, n, tmp, need + 1));
    free(tmp);
}

/* The first bytes that may need the formula guard. */
static int guard_lead(char c)
{
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

void csv_out_field_n(csv_out *w, const char *s, size_t n)
{
    size_t i;

    if (w->nfield++ > 0)
        put_char(w, ',');
    /* Most cells need neither quoting nor the guard. */
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            break;
    }
    if (i == n && !(n && guard_lead(s[0])))
        csv_out_raw(w, s, n);
    else
        put_formatted(w, s, n);
}

void csv_out_field_nz(csv_out *w, const char *s, size_t n)
{
    if (w->nfield++ > 0)
        put_char(w, ',');
    /* strcspn is vectorised in the C library; the byte loop above is not.
     * (A NUL inside s[0 .. n) would stop it early: the field is then
     * formatted, which is still correct CSV.) */
    if (strcspn(s, ",\"\n\r") >= n && !(n && guard_lead(s[0]))) {
        csv_out_raw(w, s, n);
        return;
    }
    put_formatted(w, s, n);
}

void csv_out_field(csv_out *w, const char *s)
{
    csv_out_field_n(w, s ? s : "", s ? strlen(s) : 0);
}

void csv_out_end_row(csv_out *w)
{
    put_char(w, '\n');
    w->nfield = 0;
}

int csv_out_flush(csv_out *w)
{
    drain(w);
    if (fflush(w->fp) != 0 || ferror(w->fp))
        w->failed = 1;
    return w->failed ? -1 : 0;
}

int csv_out_finish(csv_out *w)
{
    int rc = csv_out_flush(w);

    free(w->buf);
    w->buf = NULL;
    w->cap = 0;
    return rc;
}
