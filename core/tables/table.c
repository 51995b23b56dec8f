/* table.c — a bundled table: a CSV file held in memory, read-only. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "table_internal.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"
#include "zhijiao/csv.h"

void zj__table_free(zj_table *t)
{
    size_t i;

    if (!t)
        return;
    free(t->name);
    free(t->file);
    free(t->kind);
    free(t->title_zh);
    free(t->title_en);
    free(t->src_doc);
    free(t->src_clause);
    free(t->src_date);
    free(t->src_url);
    free(t->src_title);
    for (i = 0; i < t->cols; i++)
        free(t->col_names[i]);
    free(t->col_names);
    free(t->cells);
    free(t->text);
    free(t->lines);
    json_decref(t->audits);
    json_decref(t->design);
    free(t);
}

/* Cells are appended to one text block; their offsets are turned into
 * pointers once the block stops moving. */
typedef struct loader {
    zj__strbuf text;
    size_t *offs, n_offs, cap_offs;
    size_t *lines, n_lines, cap_lines;
} loader;

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t c;
    void *q;

    if (need <= *cap)
        return 1;
    c = *cap ? *cap * 2 : 256;
    while (c < need)
        c *= 2;
    q = realloc(*p, c * elem);
    if (!q)
        return 0;
    *p = q;
    *cap = c;
    return 1;
}

zj_code zj__table_load_csv(zj_table *t, const char *path, zj_error *err)
{
    zj_csv_reader *r = NULL;
    const char *const *f;
    size_t nf, i, row = 0;
    loader L = { ZJ_STRBUF_INIT, NULL, 0, 0, NULL, 0, 0 };
    zj_code rc;

    if ((rc = zj_csv_open_file(path, ZJ_ENC_UTF8, &r, err)))
        return rc;
    /* header */
    if ((rc = zj_csv_next(r, &f, &nf, err)))
        goto out;
    if (!f) {
        rc = ZJ_FAIL(err, ZJ_ERR_PARSE, path,
                     ("文件为空，缺少表头行"),
                     ("empty file: no header row"));
        goto out;
    }
    t->cols = nf;
    t->col_names = calloc(nf, sizeof *t->col_names);
    if (!t->col_names)
        goto nomem;
    for (i = 0; i < nf; i++)
        if (!(t->col_names[i] = zj__strdup(f[i])))
            goto nomem;
    for (;;) {
        if ((rc = zj_csv_next(r, &f, &nf, err)))
            goto out;
        if (!f)
            break;
        row++;
        if (nf != t->cols) {
            char where[ZJ_ERROR_WHERE_MAX];

            snprintf(where, sizeof where, "%s:%zu", path, zj_csv_line(r));
            rc = ZJ_FAIL(err, ZJ_ERR_PARSE, where,
                         ("本行有 %zu 个字段，表头有 %zu 个", nf, t->cols),
                         ("row has %zu fields, the header has %zu", nf, t->cols));
            goto out;
        }
        if (!grow((void **)&L.offs, &L.cap_offs, L.n_offs + nf, sizeof *L.offs) ||
            !grow((void **)&L.lines, &L.cap_lines, L.n_lines + 1, sizeof *L.lines))
            goto nomem;
        L.lines[L.n_lines++] = zj_csv_line(r);
        for (i = 0; i < nf; i++) {
            size_t len;
            const char *c = zj__trim(f[i], &len);

            L.offs[L.n_offs++] = L.text.len;
            zj__strbuf_append(&L.text, c, len);
            zj__strbuf_putc(&L.text, '\0');
        }
        if (L.text.failed)
            goto nomem;
    }
    t->rows = row;
    t->cells = calloc(L.n_offs + 1, sizeof *t->cells);
    if (!t->cells)
        goto nomem;
    t->text = zj__strbuf_take(&L.text);
    if (!t->text)
        goto nomem;
    for (i = 0; i < L.n_offs; i++)
        t->cells[i] = t->text + L.offs[i];
    t->lines = L.lines;
    L.lines = NULL;
    rc = ZJ_OK;
    goto out;
nomem:
    rc = ZJ_FAIL(err, ZJ_ERR_NOMEM, path,
                 ("内存不足"),
                 ("out of memory"));
out:
    zj_csv_close(r);
    zj__strbuf_free(&L.text);
    free(L.offs);
    free(L.lines);
    return rc;
}

const char *zj_table_name(const zj_table *t) { return t->name; }
const char *zj_table_title_zh(const zj_table *t) { return t->title_zh; }
const char *zj_table_title_en(const zj_table *t) { return t->title_en; }
const zj_source *zj_table_source(const zj_table *t) { return &t->source; }
const char *zj_table_file(const zj_table *t) { return t->file; }
size_t zj_table_rows(const zj_table *t) { return t->rows; }
size_t zj_table_cols(const zj_table *t) { return t->cols; }

const char *zj_table_col_name(const zj_table *t, size_t col)
{
    return col < t->cols ? t->col_names[col] : NULL;
}

const char *zj_table_cell(const zj_table *t, size_t row, size_t col)
{
    if (row >= t->rows || col >= t->cols)
        return NULL;
    return t->cells[row * t->cols + col];
}

size_t zj_table_line(const zj_table *t, size_t row)
{
    return row < t->rows ? t->lines[row] : 0;
}

zj_code zj_table_col_index(const zj_table *t, const char *name, size_t *out,
                           zj_error *err)
{
    size_t i;

    for (i = 0; i < t->cols; i++)
        if (strcmp(t->col_names[i], name) == 0) {
            *out = i;
            return ZJ_OK;
        }
    return ZJ_FAIL(err, ZJ_ERR_NOT_FOUND, t->name,
                   ("表 %s 没有名为 %s 的列", t->name, name),
                   ("table %s has no column named %s", t->name, name));
}

const char *zj__table_get(const zj_table *t, size_t row, const char *col)
{
    size_t i;

    for (i = 0; i < t->cols; i++)
        if (strcmp(t->col_names[i], col) == 0)
            return zj_table_cell(t, row, i);
    return NULL;
}

double zj__cell_number(const char *cell)
{
    char *end;
    double d;

    if (!cell || !*cell)
        return NAN;
    d = strtod(cell, &end);
    return (*end == '\0' && isfinite(d)) ? d : NAN;
}

/* One validated design object (manifest.c checked kind, population and
 * the reasons at load time). */
static int design_of(const json_t *o, zj_table_design_info *out)
{
    const json_t *pop = json_object_get(o, "population");

    if (zj_design_parse(json_string_value(json_object_get(o, "kind")), &out->design,
                        NULL) != ZJ_OK)
        return 0;
    out->population = json_is_number(pop) ? json_number_value(pop) : NAN;
    out->why_zh = json_string_value(json_object_get(o, "why_zh"));
    out->why_en = json_string_value(json_object_get(o, "why_en"));
    return 1;
}

int zj_table_design(const zj_table *t, const char *row_id, zj_table_design_info *out)
{
    const json_t *rows, *one;

    if (!t || !out || !t->design)
        return 0;
    rows = json_object_get(t->design, "rows");
    if (row_id && (one = json_object_get(rows, row_id)) != NULL)
        return design_of(one, out);
    return design_of(t->design, out);
}
