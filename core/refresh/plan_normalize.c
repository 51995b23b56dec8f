/* plan_normalize.c — from an extracted grid to rows of the plan schema.
 *
 * Official plan tables come as spreadsheets and Word tables laid out for
 * print: a header row (repeated on every page), merged cells for the
 * programme, the school and its total 招生规模, 小计/总计 rows, cells split
 * over lines.  This file recognizes the columns by their headers, keeps
 * every number as printed (an empty cell stays empty), and keeps the
 * aggregate rows as subtotal/total rows so that the audit can check them:
 * nothing is corrected here. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error_internal.h"
#include "plan.h"
#include "strbuf.h"
#include "utf8.h"

const char *const zj__plan_columns[ZJ_PC_COUNT] = {
    "year", "programme", "row_kind", "school", "major", "major_code", "partner",
    "partner_major", "places", "note", "source_doc", "source_url", "retrieved_at"
};

enum { H_NONE = -1, H_SEQ = 100, H_SIZE = 101 };

/* Header label -> column, checked in order (the more specific first). */
static const struct { const char *label; int col; } header_map[] = {
    { "专业代码", ZJ_PC_MAJOR_CODE },
    { "本科专业", ZJ_PC_PARTNER_MAJOR },
    { "高职专业", ZJ_PC_PARTNER_MAJOR },
    { "合作专业", ZJ_PC_PARTNER_MAJOR },
    { "高职学校", ZJ_PC_PARTNER },
    { "高职院校", ZJ_PC_PARTNER },
    { "本科高校", ZJ_PC_PARTNER },
    { "本科院校", ZJ_PC_PARTNER },
    { "合作高校", ZJ_PC_PARTNER },
    { "合作院校", ZJ_PC_PARTNER },
    { "招生规模", H_SIZE },
    { "项目类型", ZJ_PC_PROGRAMME },
    { "培养类型", ZJ_PC_PROGRAMME },
    { "项目类别", ZJ_PC_PROGRAMME },
    { "类别", ZJ_PC_PROGRAMME },
    { "招生计划", ZJ_PC_PLACES },
    { "计划数", ZJ_PC_PLACES },
    { "招生人数", ZJ_PC_PLACES },
    { "计划招生", ZJ_PC_PLACES },
    { "人数", ZJ_PC_PLACES },
    { "招生院校", ZJ_PC_SCHOOL },
    { "中职学校", ZJ_PC_SCHOOL },
    { "学校名称", ZJ_PC_SCHOOL },
    { "院校名称", ZJ_PC_SCHOOL },
    { "招生学校", ZJ_PC_SCHOOL },
    { "中职专业", ZJ_PC_MAJOR },
    { "招生专业", ZJ_PC_MAJOR },
    { "专业名称", ZJ_PC_MAJOR },
    { "专业", ZJ_PC_MAJOR },
    { "学校", ZJ_PC_SCHOOL },
    { "备注", ZJ_PC_NOTE },
    { "序号", H_SEQ },
};

static int header_col(const char *cell)
{
    size_t i;

    if (!*cell || strlen(cell) > 40)
        return H_NONE;
    for (i = 0; i < sizeof header_map / sizeof header_map[0]; i++)
        if (strstr(cell, header_map[i].label))
            return header_map[i].col;
    return H_NONE;
}

static int is_aggregate(const char *cell)
{
    if (strstr(cell, "总计") || strstr(cell, "合计") || strstr(cell, "共计"))
        return 2;
    if (strstr(cell, "小计"))
        return 1;
    return 0;
}

void zj__plan_rows_free(zj__plan_rows *r)
{
    size_t i, k;

    for (i = 0; i < r->n; i++)
        for (k = 0; k < ZJ_PC_COUNT; k++)
            free(r->items[i].f[k]);
    free(r->items);
    memset(r, 0, sizeof *r);
}

const char *zj__plan_table_kind(const zj__plan_rows *r)
{
    size_t i;

    for (i = 0; i < r->n; i++) {
        const char *p = r->items[i].f[ZJ_PC_PROGRAMME];
        if (strcmp(p, "3+2") == 0)
            return "threeplustwo";
        if (strstr(p, "贯通"))
            return "gtpy_plan";
    }
    return "plan";
}

/* "30", "30人", " 3 0 " -> "30"; anything else -> "" and *odd = 1. */
static char *places_text(const char *s, int *odd)
{
    char buf[64];
    size_t n = 0;
    const char *p;
    char *end;
    double d;

    *odd = 0;
    for (p = s; *p && n + 1 < sizeof buf; p++) {
        if ((*p >= '0' && *p <= '9') || *p == '.')
            buf[n++] = *p;
        else if (*p == ' ' || *p == ',')
            continue;
        else if (strncmp(p, "人", 3) == 0 && p[3] == '\0')
            break;
        else {
            *odd = *s != '\0';
            return zj__strdup("");
        }
    }
    buf[n] = '\0';
    if (!n)
        return zj__strdup("");
    d = strtod(buf, &end);
    if (*end || !isfinite(d)) {
        *odd = 1;
        return zj__strdup("");
    }
    if (d == floor(d) && d < 1e9)
        snprintf(buf, sizeof buf, "%.0f", d);
    return zj__strdup(buf);
}

/* The programme a text names: 高本贯通, 中本贯通, 3+2; NULL if none. */
static const char *programme_in(const char *t)
{
    if (!t)
        return NULL;
    if (strstr(t, "高本贯通") || strstr(t, "高职与本科"))
        return "高本贯通";
    if (strstr(t, "中本贯通") || strstr(t, "中职与本科"))
        return "中本贯通";
    if (strstr(t, "3+2") || strstr(t, "中高职衔接"))
        return "3+2";
    return NULL;
}

typedef struct state {
    int map[ZJ_GRID_MAX_COLS];     /* grid column -> plan column / H_* */
    size_t cols;
    const zj__grid *g;
    size_t header_row;
    const zj__plan_context *ctx;
    char programme[64], school[256], partner[256];
    char group_size[32];           /* 招生规模 of the current school group */
    char group_school[256], group_programme[64];
    zj__plan_rows *out;
    int failed;
} state;

static zj__plan_row *new_row(state *s)
{
    zj__plan_row *r;
    char year[16];
    size_t k;

    if (s->out->n == s->out->cap) {
        size_t c = s->out->cap ? s->out->cap * 2 : 64;
        zj__plan_row *it = realloc(s->out->items, c * sizeof *it);
        if (!it) {
            s->failed = 1;
            return NULL;
        }
        s->out->items = it;
        s->out->cap = c;
    }
    r = &s->out->items[s->out->n];
    memset(r, 0, sizeof *r);
    snprintf(year, sizeof year, "%d", s->ctx->year);
    r->f[ZJ_PC_YEAR] = zj__strdup(year);
    r->f[ZJ_PC_SOURCE_DOC] = zj__strdup(s->ctx->document ? s->ctx->document : "");
    r->f[ZJ_PC_SOURCE_URL] = zj__strdup(s->ctx->source_url ? s->ctx->source_url : "");
    r->f[ZJ_PC_RETRIEVED_AT] = zj__strdup(s->ctx->retrieved_at ? s->ctx->retrieved_at : "");
    s->out->n++;
    for (k = 0; k < ZJ_PC_COUNT; k++)
        if (k == ZJ_PC_YEAR || k >= ZJ_PC_SOURCE_DOC) {
            if (!r->f[k])
                s->failed = 1;
        }
    return s->failed ? NULL : r;
}

static void set(state *s, zj__plan_row *r, int col, const char *v)
{
    free(r->f[col]);
    if (!(r->f[col] = zj__strdup(v ? v : "")))
        s->failed = 1;
}

static void fill_empty(state *s, zj__plan_row *r)
{
    int k;

    for (k = 0; k < ZJ_PC_COUNT; k++)
        if (!r->f[k])
            set(s, r, k, "");
}

/* Ends the current school group: its 招生规模 becomes a subtotal row. */
static void close_group(state *s)
{
    zj__plan_row *r;

    if (s->group_size[0] && s->group_school[0] && (r = new_row(s)) != NULL) {
        set(s, r, ZJ_PC_PROGRAMME, s->group_programme);
        set(s, r, ZJ_PC_ROW_KIND, "subtotal");
        set(s, r, ZJ_PC_SCHOOL, s->group_school);
        set(s, r, ZJ_PC_PLACES, s->group_size);
        /* no note: the bundled tables transcribe the same subtotal plainly */
        fill_empty(s, r);
        s->out->aggregates++;
    }
    s->group_size[0] = s->group_school[0] = '\0';
}

static void copy(char *dst, size_t size, const char *src)
{
    snprintf(dst, size, "%s", src);
}

static const char *cell_of(const state *s, size_t r, int col)
{
    size_t c;

    for (c = 0; c < s->cols; c++)
        if (s->map[c] == col)
            return zj__grid_cell(s->g, r, c);
    return NULL;
}

static int row_is_header(const state *s, size_t r)
{
    size_t c;
    int same = 0;

    for (c = 0; c < s->cols; c++) {
        const char *v = zj__grid_cell(s->g, r, c);
        if (*v && strcmp(v, zj__grid_cell(s->g, s->header_row, c)) == 0)
            same++;
    }
    return same >= 2;
}

/* The only non-empty cell of a row, or NULL. */
static const char *single_cell(const state *s, size_t r)
{
    const char *only = NULL;
    size_t c;

    for (c = 0; c < s->cols; c++) {
        const char *v = zj__grid_cell(s->g, r, c);
        if (*v) {
            if (only)
                return NULL;
            only = v;
        }
    }
    return only;
}

static void aggregate_row(state *s, size_t r, int kind)
{
    const char *pl = cell_of(s, r, ZJ_PC_PLACES), *sch = cell_of(s, r, ZJ_PC_SCHOOL);
    zj__plan_row *row;
    char *places;
    int odd;
    size_t c;

    close_group(s);
    if (!pl || !*pl) {   /* the number may sit in another column */
        for (c = s->cols; c-- > 0;) {
            const char *v = zj__grid_cell(s->g, r, c);
            if (*v && !is_aggregate(v)) {
                pl = v;
                break;
            }
        }
    }
    if (!(row = new_row(s)))
        return;
    places = places_text(pl ? pl : "", &odd);
    if (!places) {
        s->failed = 1;
        return;
    }
    set(s, row, ZJ_PC_ROW_KIND, kind == 2 ? "total" : "subtotal");
    if (kind == 1) {
        const char *p = cell_of(s, r, ZJ_PC_PROGRAMME);
        set(s, row, ZJ_PC_PROGRAMME, p && *p && !is_aggregate(p) ? p : s->programme);
        /* a school subtotal names its school; a programme 小计 does not */
        if (sch && *sch && !is_aggregate(sch) && strcmp(sch, pl ? pl : "") != 0)
            set(s, row, ZJ_PC_SCHOOL, sch);
    }
    row->f[ZJ_PC_PLACES] = places;
    if (odd)
        set(s, row, ZJ_PC_NOTE, pl);
    fill_empty(s, row);
    s->out->aggregates++;
}

static void detail_row(state *s, size_t r)
{
    const char *p = cell_of(s, r, ZJ_PC_PROGRAMME), *sch = cell_of(s, r, ZJ_PC_SCHOOL);
    const char *maj = cell_of(s, r, ZJ_PC_MAJOR), *par = cell_of(s, r, ZJ_PC_PARTNER);
    const char *size = cell_of(s, r, H_SIZE), *pl = cell_of(s, r, ZJ_PC_PLACES);
    zj__plan_row *row;
    char *places;
    int odd, k;

    if (p && *p) {
        const char *named = programme_in(p);
        if (strcmp(named ? named : p, s->programme) != 0) {
            close_group(s);
            s->school[0] = s->partner[0] = '\0';
        }
        copy(s->programme, sizeof s->programme, named ? named : p);
    }
    if (sch && *sch) {
        if (strcmp(sch, s->school) != 0 || (size && *size))
            close_group(s);
        copy(s->school, sizeof s->school, sch);
        s->partner[0] = '\0';
    } else if (size && *size) {
        close_group(s);
    }
    if (size && *size) {
        int odd2;
        char *t = places_text(size, &odd2);
        if (!t) {
            s->failed = 1;
            return;
        }
        copy(s->group_size, sizeof s->group_size, t);
        free(t);
        copy(s->group_school, sizeof s->group_school, s->school);
        copy(s->group_programme, sizeof s->group_programme, s->programme);
    }
    /* a dash or 无 is a partner cell that says "none": it ends the merged
     * partner above instead of being carried down, and is stored empty */
    if (par && (strcmp(par, "—") == 0 || strcmp(par, "－") == 0 || strcmp(par, "-") == 0 ||
                strcmp(par, "/") == 0 || strcmp(par, "无") == 0))
        s->partner[0] = '\0';
    else if (par && *par)
        copy(s->partner, sizeof s->partner, par);
    if (!maj || !*maj)
        return;     /* a row carrying only merged keys: nothing to list */
    if (!(row = new_row(s)))
        return;
    set(s, row, ZJ_PC_PROGRAMME, s->programme);
    set(s, row, ZJ_PC_ROW_KIND, "detail");
    set(s, row, ZJ_PC_SCHOOL, s->school);
    set(s, row, ZJ_PC_MAJOR, maj);
    set(s, row, ZJ_PC_PARTNER, s->partner);
    for (k = 0; k < ZJ_PC_COUNT; k++)
        if (k == ZJ_PC_MAJOR_CODE || k == ZJ_PC_PARTNER_MAJOR || k == ZJ_PC_NOTE) {
            const char *v = cell_of(s, r, k);
            set(s, row, k, v ? v : "");
        }
    places = places_text(pl ? pl : "", &odd);
    if (!places) {
        s->failed = 1;
        return;
    }
    row->f[ZJ_PC_PLACES] = places;
    if (odd) {
        zj__strbuf b = ZJ_STRBUF_INIT;
        zj__strbuf_printf(&b, "%s%s招生计划原文：%s", row->f[ZJ_PC_NOTE],
                         *row->f[ZJ_PC_NOTE] ? "；" : "", pl);
        free(row->f[ZJ_PC_NOTE]);
        if (!(row->f[ZJ_PC_NOTE] = zj__strbuf_take(&b)))
            s->failed = 1;
    }
    fill_empty(s, row);
}

zj_code zj__plan_normalize(const zj__grid *g, const zj__plan_context *ctx, zj__plan_rows *out,
                          int *is_plan, zj_error *err)
{
    state s;
    size_t r, c, start = out->n, agg0 = out->aggregates;
    int found = 0;

    *is_plan = 0;
    memset(&s, 0, sizeof s);
    s.g = g;
    s.ctx = ctx;
    s.out = out;
    s.cols = g->cols < ZJ_GRID_MAX_COLS ? g->cols : ZJ_GRID_MAX_COLS;
    if (ctx->year <= 0)
        return ZJ_OK;
    /* The header: the first of the top rows naming a major and a school
     * or a number of places. */
    for (r = 0; r < g->rows && r < 15 && !found; r++) {
        int have_major = 0, have_other = 0;
        for (c = 0; c < s.cols; c++) {
            s.map[c] = header_col(zj__grid_cell(g, r, c));
            if (s.map[c] == ZJ_PC_MAJOR)
                have_major = 1;
            if (s.map[c] == ZJ_PC_SCHOOL || s.map[c] == ZJ_PC_PLACES)
                have_other = 1;
        }
        if (have_major && have_other) {
            found = 1;
            s.header_row = r;
        }
    }
    if (!found)
        return ZJ_OK;
    /* Two columns mapped to one field: the first wins (e.g. 学校 after 招生院校). */
    for (c = 0; c < s.cols; c++) {
        size_t d;
        for (d = 0; d < c; d++)
            if (s.map[c] != H_NONE && s.map[c] != H_SEQ && s.map[d] == s.map[c])
                s.map[c] = H_NONE;
    }
    {
        const char *p = programme_in(ctx->title);
        copy(s.programme, sizeof s.programme, p ? p : "");
    }
    for (r = s.header_row + 1; r < g->rows && !s.failed; r++) {
        const char *only = single_cell(&s, r);
        int kind = 0;

        if (row_is_header(&s, r))
            continue;   /* the header repeated at a page break */
        if (!only) {
            for (c = 0; c < s.cols && !kind; c++)
                kind = is_aggregate(zj__grid_cell(g, r, c));
            for (c = 0; c < s.cols && !only; c++)
                if (*zj__grid_cell(g, r, c))
                    only = "";
            if (!only)
                continue;   /* an empty row */
        } else {
            const char *p = programme_in(only);
            kind = is_aggregate(only);
            if (p && !kind) {   /* a section heading: 一、高本贯通 */
                close_group(&s);
                copy(s.programme, sizeof s.programme, p);
                s.school[0] = s.partner[0] = '\0';
                continue;
            }
        }
        if (kind)
            aggregate_row(&s, r, kind);
        else
            detail_row(&s, r);
    }
    if (!s.failed)
        close_group(&s);
    if (s.failed) {
        /* leave out as it was */
        zj__plan_rows tail;
        tail.items = out->items + start;
        tail.n = out->n - start;
        for (r = 0; r < tail.n; r++)
            for (c = 0; c < ZJ_PC_COUNT; c++)
                free(tail.items[r].f[c]);
        out->n = start;
        out->aggregates = agg0;
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, NULL,
                       ("内存不足"),
                       ("out of memory"));
    }
    *is_plan = out->n > start;
    return ZJ_OK;
}
