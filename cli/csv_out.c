/* csv_out.c — the buffered CSV writer. */
#include <stdlib.h>
#include <string.h>

#include "csv_out.h"

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

/* Writes s[0 .. n) quoted, its quotes doubled. */
static void put_quoted(csv_out *w, const char *s, size_t n)
{
    size_t i, start;

    put_char(w, '"');
    for (start = 0, i = 0; i < n; i++)
        if (s[i] == '"') {
            /* Write through the quote, then double it. */
            csv_out_raw(w, s + start, i + 1 - start);
            put_char(w, '"');
            start = i + 1;
        }
    csv_out_raw(w, s + start, n - start);
    put_char(w, '"');
}

void csv_out_field_n(csv_out *w, const char *s, size_t n)
{
    size_t i;

    if (w->nfield++ > 0)
        put_char(w, ',');
    /* Most cells need no quoting. */
    for (i = 0; i < n; i++) {
        char c = s[i];
        if (c == ',' || c == '"' || c == '\n' || c == '\r')
            break;
    }
    if (i == n)
        csv_out_raw(w, s, n);
    else
        put_quoted(w, s, n);
}

void csv_out_field_nz(csv_out *w, const char *s, size_t n)
{
    if (w->nfield++ > 0)
        put_char(w, ',');
    /* strcspn is vectorised in the C library; the byte loop above is not.
     * (A NUL inside s[0 .. n) would stop it early: the field is then
     * quoted, which is still correct CSV.) */
    if (strcspn(s, ",\"\n\r") >= n) {
        csv_out_raw(w, s, n);
        return;
    }
    put_quoted(w, s, n);
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
