/* snapshot_diff.c — what a refresh changes, row by row, by key.
 *
 * A row's key is row_kind|programme|school|major|partner|partner_major
 * (a key that occurs again in the same table gets "#2", "#3", ...); its
 * value is places, major_code and note; source_doc is compared as well
 * between two refreshed tables (a plan re-published under a new document
 * number is a change), not against a bundled table, whose source_doc
 * cites the transcribed report (a faithful copy of the bundled data then
 * has no changes).  The source URL and the retrieval time are not
 * compared: they change on every refresh. */
#include <stdlib.h>
#include <string.h>

#include "data_internal.h"
#include "error_internal.h"
#include "plan.h"
#include "strbuf.h"
#include "utf8.h"

static const char *const key_cols[] = { "row_kind", "programme", "school", "major", "partner",
                                        "partner_major", NULL };
static const char *const val_cols[] = { "places", "major_code", "note", "source_doc", NULL };
static const char *const val_cols_bundled[] = { "places", "major_code", "note", NULL };

const char *zj_change_kind_name(zj_change_kind k)
{
    switch (k) {
    case ZJ_CHANGE_ADDED: return "added";
    case ZJ_CHANGE_REMOVED: return "removed";
    case ZJ_CHANGE_CHANGED: return "changed";
    }
    return "?";
}

void zj__changes_free(zj__changes *c)
{
    size_t i;

    for (i = 0; i < c->n; i++) {
        free((char *)c->items[i].table);
        free((char *)c->items[i].key);
        free((char *)c->items[i].before);
        free((char *)c->items[i].after);
        free((char *)c->items[i].column);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}

static char *join_cols(const zj_table *t, size_t r, const char *const *cols, int named)
{
    zj__strbuf b = ZJ_STRBUF_INIT;
    size_t k;

    for (k = 0; cols[k]; k++) {
        const char *v = zj__table_get(t, r, cols[k]);
        if (k)
            zj__strbuf_putc(&b, named ? ';' : '|');
        if (named)
            zj__strbuf_printf(&b, "%s=", cols[k]);
        zj__strbuf_puts(&b, v ? v : "");
    }
    if (!b.data)
        zj__strbuf_append(&b, "", 0);
    return zj__strbuf_take(&b);
}

typedef struct keyed {
    char *key, *val;
    int matched;
} keyed;

static void keyed_free(keyed *k, size_t n)
{
    size_t i;

    for (i = 0; k && i < n; i++) {
        free(k[i].key);
        free(k[i].val);
    }
    free(k);
}

static keyed *keys_of(const zj_table *t, const char *const *vcols, size_t *n)
{
    keyed *k;
    size_t r, j;

    *n = t ? t->rows : 0;
    k = calloc(*n + 1, sizeof *k);
    if (!k)
        return NULL;
    for (r = 0; r < *n; r++) {
        int dup = 1;
        k[r].key = join_cols(t, r, key_cols, 0);
        k[r].val = join_cols(t, r, vcols, 1);
        if (!k[r].key || !k[r].val) {
            keyed_free(k, *n);
            return NULL;
        }
        for (j = 0; j < r; j++)
            if (strncmp(k[j].key, k[r].key, strlen(k[r].key)) == 0 &&
                (k[j].key[strlen(k[r].key)] == '\0' || k[j].key[strlen(k[r].key)] == '#'))
                dup++;
        if (dup > 1) {
            zj__strbuf b = ZJ_STRBUF_INIT;
            zj__strbuf_printf(&b, "%s#%d", k[r].key, dup);
            free(k[r].key);
            if (!(k[r].key = zj__strbuf_take(&b))) {
                keyed_free(k, *n);
                return NULL;
            }
        }
    }
    return k;
}

/* The names of the "name=value" fields that differ between two value
 * summaries, ","-joined (malloc'd). */
static char *differing(const char *a, const char *b)
{
    zj__strbuf o = ZJ_STRBUF_INIT;

    while (*a || *b) {
        size_t la = strcspn(a, ";"), lb = strcspn(b, ";"), ln = strcspn(a, "=");
        if (la != lb || memcmp(a, b, la) != 0)
            zj__strbuf_printf(&o, "%s%.*s", o.len ? "," : "", (int)(ln < la ? ln : la), a);
        a += la + (a[la] == ';');
        b += lb + (b[lb] == ';');
    }
    if (!o.data)
        zj__strbuf_append(&o, "", 0);
    return zj__strbuf_take(&o);
}

static int add(zj__changes *c, zj_change_kind kind, const char *table, const char *key,
               const char *before, const char *after)
{
    zj_refresh_change *ch;

    if (c->n == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 32;
        zj_refresh_change *it = realloc(c->items, cap * sizeof *it);
        if (!it)
            return 0;
        c->items = it;
        c->cap = cap;
    }
    ch = &c->items[c->n];
    ch->kind = kind;
    ch->table = zj__strdup(table);
    ch->key = zj__strdup(key);
    ch->before = zj__strdup(before);
    ch->after = zj__strdup(after);
    ch->column = kind == ZJ_CHANGE_CHANGED ? differing(before, after) : zj__strdup("");
    if (!ch->table || !ch->key || !ch->before || !ch->after || !ch->column) {
        free((char *)ch->table);
        free((char *)ch->key);
        free((char *)ch->before);
        free((char *)ch->after);
        free((char *)ch->column);
        return 0;
    }
    c->n++;
    return 1;
}

zj_code zj__plan_diff(const zj_table *old_t, const zj_table *new_t, zj__changes *out, zj_error *err)
{
    size_t no, nn, i, j, c;
    /* both refreshed (they have retrieved_at): source_doc counts too */
    const char *const *vc = old_t && zj_table_col_index(old_t, "retrieved_at", &c, NULL) == ZJ_OK
                            ? val_cols : val_cols_bundled;
    keyed *ko = keys_of(old_t, vc, &no), *kn = keys_of(new_t, vc, &nn);
    int ok = ko && kn;

    for (j = 0; ok && j < nn; j++) {
        for (i = 0; i < no; i++)
            if (!ko[i].matched && strcmp(ko[i].key, kn[j].key) == 0)
                break;
        if (i == no) {
            ok = add(out, ZJ_CHANGE_ADDED, new_t->name, kn[j].key, "", kn[j].val);
        } else {
            ko[i].matched = 1;
            if (strcmp(ko[i].val, kn[j].val) != 0)
                ok = add(out, ZJ_CHANGE_CHANGED, new_t->name, kn[j].key, ko[i].val, kn[j].val);
        }
    }
    for (i = 0; ok && i < no; i++)
        if (!ko[i].matched)
            ok = add(out, ZJ_CHANGE_REMOVED, new_t->name, ko[i].key, ko[i].val, "");
    keyed_free(ko, no);
    keyed_free(kn, nn);
    return ok ? ZJ_OK : ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                                ("内存不足"),
                                ("out of memory"));
}
