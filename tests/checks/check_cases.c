/* check_cases.c — every check's case table, run through the batch path.
 *
 * Tests are data: tests/checks/cases/<check>.csv holds one case per row.  The
 * columns `case` (what the row tests, free text) and the expected
 * `outcome`, `reasons` (code:met of each reason, joined by "; "),
 * `messages_zh` and `messages_en` (one line per reason) are the
 * table's; every other column is an input field of the check (its
 * programmatic name; an empty cell is a missing value).  The whole table
 * goes to zj_check_batch in one call, so a change of wording or outcome
 * shows up as a diff of the table.
 *
 * Every English message is also searched for Chinese words (issue 9): a
 * run of Chinese characters must be part of the row's input (quoted
 * input: names of schools, majors, the text given), the Chinese name of
 * one of the check's fields or choices, one of the glossed terms of
 * tests/checks/cjk-allowed.txt, or a whole cell of the bundled 贯通 plan
 * tables (the names of partner schools and programmes it quotes).
 *
 *   check_cases            compare (make check)
 *   check_cases --update   rewrite the expected columns from what the
 *                          library answers now (review the diff!)
 * Environment: ZJ_TEST_SRCDIR, the source tree. */
#include <csv.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao.h"
#include "../unit/cjkutil.h"

#ifndef ZJ_TEST_SRCDIR
#define ZJ_TEST_SRCDIR "."
#endif

#define MAX_COLS 32
#define MAX_ALLOWED 256
#define N_OUT 4

static const char *const out_cols[N_OUT] = { "outcome", "reasons", "messages_zh", "messages_en" };

typedef struct table {
    char **cells;        /* rows x n_cols, row 0 the header */
    size_t n_cols, rows, cap;
    size_t col;          /* column of the field being read */
    int ragged;
} table;

static const char *srcdir(void)
{
    const char *s = getenv("ZJ_TEST_SRCDIR");
    return s && *s ? s : ZJ_TEST_SRCDIR;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (!p) {
        fputs("check_cases: out of memory\n", stderr);
        exit(2);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static void on_field(void *s, size_t len, void *data)
{
    table *t = data;
    char *c = xrealloc(NULL, len + 1);

    memcpy(c, s, len);
    c[len] = '\0';
    if (t->rows == 0 && t->col >= MAX_COLS) {
        free(c);
        t->ragged = 1;
        return;
    }
    if (t->rows == 0)
        t->n_cols = t->col + 1;
    if (t->col >= t->n_cols) {
        free(c);
        t->ragged = 1;
        return;
    }
    if ((t->rows + 1) * t->n_cols > t->cap) {
        t->cap = (t->rows + 16) * (t->n_cols ? t->n_cols : MAX_COLS);
        t->cells = xrealloc(t->cells, t->cap * sizeof *t->cells);
    }
    t->cells[t->rows * (t->rows ? t->n_cols : 0) + t->col] = c;
    t->col++;
}

static void on_record(int c, void *data)
{
    table *t = data;

    (void)c;
    if (t->rows > 0 && t->col != t->n_cols)
        t->ragged = 1;
    t->rows++;
    t->col = 0;
}

static int read_table(const char *path, table *t)
{
    struct csv_parser p;
    char buf[4096];
    size_t n;
    FILE *f = fopen(path, "rb");

    memset(t, 0, sizeof *t);
    t->cap = MAX_COLS * 16;
    t->cells = xrealloc(NULL, t->cap * sizeof *t->cells);
    if (!f || csv_init(&p, CSV_STRICT | CSV_APPEND_NULL) != 0) {
        fprintf(stderr, "%s: cannot read\n", path);
        if (f)
            fclose(f);
        return 0;
    }
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        if (csv_parse(&p, buf, n, on_field, on_record, t) != n) {
            fprintf(stderr, "%s: CSV error: %s\n", path, csv_strerror(csv_error(&p)));
            fclose(f);
            csv_free(&p);
            return 0;
        }
    csv_fini(&p, on_field, on_record, t);
    csv_free(&p);
    fclose(f);
    if (t->ragged || t->rows < 2) {
        fprintf(stderr, "%s: every row needs the header's %zu columns, and one case at least\n", path,
                t->n_cols);
        return 0;
    }
    return 1;
}

static void free_table(table *t)
{
    size_t i;

    for (i = 0; i < t->rows * t->n_cols; i++)
        free(t->cells[i]);
    free(t->cells);
}

#define CELL(t, r, c) ((t)->cells[(r) * (t)->n_cols + (c)])

static const char *met_name(zj_met m)
{
    return m == ZJ_MET ? "met" : m == ZJ_UNMET ? "unmet" : "unknown";
}

/* The expected columns of one decision. */
static void describe(const zj_decision *d, char *got[N_OUT])
{
    size_t k, i, len[N_OUT] = { 0 };

    for (k = 0; k < N_OUT; k++)
        len[k] = 1;
    len[0] += strlen(d->outcome);
    for (i = 0; i < d->n_reasons; i++) {
        len[1] += strlen(d->reasons[i].code) + 12;
        len[2] += strlen(d->reasons[i].message_zh) + 1;
        len[3] += strlen(d->reasons[i].message_en) + 1;
    }
    for (k = 0; k < N_OUT; k++) {
        got[k] = xrealloc(NULL, len[k]);
        got[k][0] = '\0';
    }
    strcpy(got[0], d->outcome);
    for (i = 0; i < d->n_reasons; i++) {
        const char *sep = i ? "; " : "", *nl = i ? "\n" : "";

        sprintf(got[1] + strlen(got[1]), "%s%s:%s", sep, d->reasons[i].code, met_name(d->reasons[i].met));
        sprintf(got[2] + strlen(got[2]), "%s%s", nl, d->reasons[i].message_zh);
        sprintf(got[3] + strlen(got[3]), "%s%s", nl, d->reasons[i].message_en);
    }
}

static void put_csv(FILE *f, const char *s, int last)
{
    if (strpbrk(s, ",\"\n\r") || !*s) {
        fputc('"', f);
        for (; *s; s++) {
            if (*s == '"')
                fputc('"', f);
            fputc(*s, f);
        }
        fputc('"', f);
    } else {
        fputs(s, f);
    }
    fputc(last ? '\n' : ',', f);
}

/* Glossed terms an English message may carry (tests/checks/cjk-allowed.txt:
 * one per line, # comments). */
static const char *allowed[MAX_ALLOWED + 1];
static const char **allowed_all;   /* allowed + the plan tables' cells */

static void read_allowed(void)
{
    char path[4096], line[512];
    size_t n = 0;
    FILE *f;

    snprintf(path, sizeof path, "%s/tests/checks/cjk-allowed.txt", srcdir());
    f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    while (fgets(line, sizeof line, f) && n < MAX_ALLOWED) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] && line[0] != '#')
            allowed[n++] = xstrdup(line);
    }
    fclose(f);
}

/* The cells of the bundled 贯通 plan tables (the names of partner schools
 * and programmes the zhiyuan check quotes from them) are added to the
 * allowed terms: a run must equal one of them, not merely occur in one
 * ("数字" occurs in the name of a major). */
static void add_plan_cells(const zj_data *data)
{
    size_t i, r, c, n = 0, cap = MAX_ALLOWED;
    const char **all;

    while (allowed[n])
        n++;
    all = xrealloc(NULL, (cap + 1) * sizeof *all);
    memcpy(all, allowed, n * sizeof *all);
    for (i = 0; i < zj_data_table_count(data); i++) {
        const zj_table *t = zj_data_table_at(data, i);

        if (strncmp(zj_table_name(t), "gtpy_plan_", 10) != 0)
            continue;
        for (r = 0; r < zj_table_rows(t); r++)
            for (c = 0; c < zj_table_cols(t); c++) {
                if (n == cap)
                    all = xrealloc(all, ((cap *= 2) + 1) * sizeof *all);
                all[n++] = zj_table_cell(t, r, c);
            }
    }
    all[n] = NULL;
    allowed_all = all;
}

/* The row's quoted texts: its input cells and the Chinese names of the
 * check's fields and choices. */
static size_t quoted_texts(const zj_check_info *info, const table *t, size_t r, const int *is_in,
                           const char **q, size_t cap)
{
    size_t n = 0, c, i, k;

    for (c = 0; c < t->n_cols && n < cap; c++)
        if (is_in[c])
            q[n++] = CELL(t, r, c);
    for (i = 0; i < info->n_fields && n < cap; i++) {
        q[n++] = info->fields[i].name_zh;
        for (k = 0; info->fields[i].choices_zh && info->fields[i].choices_zh[k] && n < cap; k++)
            q[n++] = info->fields[i].choices_zh[k];
    }
    return n;
}

/* Runs one table; returns the number of failed rows. */
static size_t run_table(const zj_data *data, const char *dir, const char *file, int update,
                        size_t *n_rows, size_t *n_msgs)
{
    char path[4096], check[256], stray[256];
    table t;
    int out_at[N_OUT], is_in[MAX_COLS] = { 0 };
    const char *names[MAX_COLS];
    size_t n_in = 0, c, r, k, failed = 0, rows;
    const zj_check_info *info;
    zj_value *cells;
    zj_decision *dec;
    zj_error err;
    zj_code rc;

    snprintf(path, sizeof path, "%s/%s", dir, file);
    snprintf(check, sizeof check, "%.*s", (int)(strlen(file) - 4), file);
    info = zj_check_find(check);
    if (!info) {
        fprintf(stderr, "FAIL %s: no check named %s\n", file, check);
        return 1;
    }
    if (!read_table(path, &t))
        return 1;
    rows = t.rows - 1;
    for (k = 0; k < N_OUT; k++)
        out_at[k] = -1;
    for (c = 0; c < t.n_cols; c++) {
        const char *h = CELL(&t, 0, c);
        int out = 0;

        for (k = 0; k < N_OUT; k++)
            if (strcmp(h, out_cols[k]) == 0)
                out_at[k] = (int)c, out = 1;
        if (!out && strcmp(h, "case") != 0) {
            is_in[c] = 1;
            names[n_in++] = h;
        }
    }
    for (k = 0; k < N_OUT; k++)
        if (out_at[k] < 0) {
            fprintf(stderr, "FAIL %s: no column %s\n", file, out_cols[k]);
            free_table(&t);
            return 1;
        }
    cells = xrealloc(NULL, (rows * n_in + 1) * sizeof *cells);
    dec = xrealloc(NULL, (rows + 1) * sizeof *dec);
    for (r = 0; r < rows; r++) {
        size_t i = 0;

        for (c = 0; c < t.n_cols; c++)
            if (is_in[c])
                cells[r * n_in + i++] = CELL(&t, r + 1, c)[0] ? zj_value_text(CELL(&t, r + 1, c))
                                                              : zj_value_missing();
    }
    rc = zj_check_batch(data, check, names, n_in, cells, rows, dec, &err);
    if (rc != ZJ_OK) {
        fprintf(stderr, "FAIL %s: zj_check_batch: %s: %s\n", file, err.where, err.message_en);
        free(cells);
        free(dec);
        free_table(&t);
        return 1;
    }
    for (r = 0; r < rows; r++) {
        char *got[N_OUT];
        const char *q[MAX_COLS * 4 + 64];
        size_t nq = quoted_texts(info, &t, r + 1, is_in, q, sizeof q / sizeof q[0]);
        int bad = 0;

        describe(&dec[r], got);
        for (k = 0; k < N_OUT; k++) {
            char **cell = &CELL(&t, r + 1, out_at[k]);

            if (strcmp(*cell, got[k]) == 0)
                continue;
            if (update) {
                free(*cell);
                *cell = xstrdup(got[k]);
            } else {
                fprintf(stderr, "FAIL %s row %zu (%s): %s\n  expected: %s\n  got:      %s\n", file, r + 1,
                        CELL(&t, r + 1, 0), out_cols[k], *cell, got[k]);
                bad = 1;
            }
        }
        for (k = 0; k < dec[r].n_reasons; k++) {
            (*n_msgs)++;
            if (cjk_stray(dec[r].reasons[k].message_en, q, nq, allowed_all, stray, sizeof stray)) {
                fprintf(stderr, "FAIL %s row %zu (%s): Chinese \"%s\" in the English message: %s\n", file,
                        r + 1, CELL(&t, r + 1, 0), stray, dec[r].reasons[k].message_en);
                bad = 1;
            }
        }
        if (cjk_stray(dec[r].outcome_en, NULL, 0, allowed, stray, sizeof stray)) {
            fprintf(stderr, "FAIL %s row %zu: Chinese \"%s\" in the English outcome %s\n", file, r + 1, stray,
                    dec[r].outcome_en);
            bad = 1;
        }
        for (k = 0; k < N_OUT; k++)
            free(got[k]);
        failed += (size_t)bad;
    }
    if (update) {
        FILE *f = fopen(path, "w");

        if (!f) {
            fprintf(stderr, "cannot write %s\n", path);
            failed++;
        } else {
            for (r = 0; r < t.rows; r++)
                for (c = 0; c < t.n_cols; c++)
                    put_csv(f, CELL(&t, r, c), c + 1 == t.n_cols);
            fclose(f);
        }
    }
    *n_rows += rows;
    zj_decisions_free(dec, rows);
    free(dec);
    free(cells);
    free_table(&t);
    return failed;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    char dir[4096], datadir[4096];
    char *files[64];
    size_t n = 0, i, failed = 0, rows = 0, msgs = 0, k;
    int update = argc > 1 && strcmp(argv[1], "--update") == 0;
    zj_data *data = NULL;
    zj_error err;
    DIR *d;
    struct dirent *e;

    snprintf(dir, sizeof dir, "%s/tests/checks/cases", srcdir());
    snprintf(datadir, sizeof datadir, "%s/data", srcdir());
    read_allowed();
    if (zj_data_open(datadir, &data, &err) != ZJ_OK) {
        fprintf(stderr, "cannot open %s: %s\n", datadir, err.message_en);
        return 2;
    }
    add_plan_cells(data);
    d = opendir(dir);
    if (!d) {
        fprintf(stderr, "cannot open %s\n", dir);
        return 2;
    }
    while ((e = readdir(d)) != NULL && n < 64) {
        size_t len = strlen(e->d_name);

        if (len > 4 && strcmp(e->d_name + len - 4, ".csv") == 0)
            files[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    qsort(files, n, sizeof *files, by_name);
    /* every check has its table (a table deleted by mistake fails) */
    for (k = 0; k < zj_check_count(); k++) {
        char want[256];
        int found = 0;

        snprintf(want, sizeof want, "%s.csv", zj_check_at(k)->name);
        for (i = 0; i < n; i++)
            found |= strcmp(files[i], want) == 0;
        if (!found) {
            fprintf(stderr, "FAIL no case table tests/checks/cases/%s\n", want);
            failed++;
        }
    }
    for (i = 0; i < n; i++) {
        size_t f = run_table(data, dir, files[i], update, &rows, &msgs);

        printf("%s %s\n", f ? "FAIL" : "ok  ", files[i]);
        failed += f;
        free(files[i]);
    }
    zj_data_close(data);
    free(allowed_all);
    printf("%zu tables, %zu cases, %zu English messages searched for Chinese words; %zu failed%s\n", n, rows,
           msgs, failed, update ? " (expected columns rewritten)" : "");
    return failed ? 1 : 0;
}
