/* cmd_plan.c — `zhijiao plan`: enrolment plan look-ups (招生计划).
 *
 * Matching is the library's (zj_plan_lookup: exact text after trimming).
 * A query with only a school, only a major or neither is answered by
 * asking the library for every (school, major) pair that the plan tables
 * hold, so the CLI never decides on its own what matches.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

typedef struct plan_opts {
    const char *year, *school, *major;
} plan_opts;

static const cli_option plan_options[] = {
    CLI_OPT(plan_opts, year, "year", "Y", "the plan year (required)"),
    CLI_OPT(plan_opts, school, "school", "S",
            "the school, exactly as published"),
    CLI_OPT(plan_opts, major, "major", "M",
            "the major, exactly as published"),
};

const cli_command cli_cmd_plan = {
    "plan", cmd_plan, "look up enrolment plans (招生计划)",
    "plan --year Y [--school S] [--major M]",
    "Looks up the enrolment plans (招生计划) of year Y in the bundled plan\n"
    "tables (贯通培养 高本/中本, \"3+2\" 中高职衔接): the detail rows for school\n"
    "S (招生院校 / 中职学校) and major M (专业, exactly as published, a\n"
    "parenthesised direction included).  Without --school or --major, every\n"
    "plan row of the year that matches the rest.\n",
    plan_options, CLI_NOPTS(plan_options),
    "Output: year, programme, school, major, major_code, partner (合作高校),\n"
    "partner_major, places (计划数; empty/NA when not published), table,\n"
    "line.  A note says when the bundled plans of the year are incomplete.\n"
    "Exit status: 0 found, 1 no row matches, 2 no plan table for the year\n"
    "or bad arguments.\n",
    {CLI_K_NONE}, 0, NULL,
};

typedef struct plan_list {
    zj_plan_entry *items;
    size_t n, cap;
} plan_list;

static int seen(const plan_list *l, const zj_plan_entry *e)
{
    size_t i;

    for (i = 0; i < l->n; i++)
        if (l->items[i].line == e->line &&
            strcmp(l->items[i].table, e->table) == 0)
            return 1;
    return 0;
}

static int push(plan_list *l, const zj_plan_entry *e)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        zj_plan_entry *p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return -1;
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = *e;
    return 0;
}

/* Asks the library for (school, major) and keeps the rows not seen yet. */
static int lookup_into(const zj_data *data, int year, const char *school,
                       const char *major, plan_list *l, zj_error *err)
{
    zj_plan_entry *e;
    size_t found, got, i;
    int rc = 0;

    if (zj_plan_lookup(data, year, school, major, NULL, 0, &found, err) !=
        ZJ_OK)
        return -1;
    if (found == 0)
        return 0;
    if (!(e = malloc(found * sizeof *e)))
        return -1;
    if (zj_plan_lookup(data, year, school, major, e, found, &got, err) !=
        ZJ_OK)
        rc = -1;
    for (i = 0; rc == 0 && i < got && i < found; i++)
        if (!seen(l, &e[i]))
            rc = push(l, &e[i]);
    free(e);
    return rc;
}

/* Plan tables are those with the plan schema's school, major and places
 * columns (data/README.md); their rows give the pairs to ask about. */
static int scan_pairs(const zj_data *data, int year, const char *school,
                      const char *major, plan_list *l, zj_error *err)
{
    size_t t, r, cs, cm, cp;

    for (t = 0; t < zj_data_table_count(data); t++) {
        const zj_table *tab = zj_data_table_at(data, t);
        if (zj_table_col_index(tab, "school", &cs, NULL) != ZJ_OK ||
            zj_table_col_index(tab, "major", &cm, NULL) != ZJ_OK ||
            zj_table_col_index(tab, "places", &cp, NULL) != ZJ_OK)
            continue;
        for (r = 0; r < zj_table_rows(tab); r++) {
            const char *s = zj_table_cell(tab, r, cs);
            const char *m = zj_table_cell(tab, r, cm);
            if (!s || !m || !*s || !*m)
                continue;
            if (lookup_into(data, year, school ? school : s, major ? major : m,
                            l, err) != 0)
                return -1;
        }
    }
    return 0;
}

/* Table by table, in the order of the CSV lines. */
static int entry_cmp(const void *a, const void *b)
{
    const zj_plan_entry *x = a, *y = b;
    int c = strcmp(x->table, y->table);

    if (c != 0)
        return c;
    return x->line < y->line ? -1 : x->line > y->line;
}

static json_t *entry_json(const zj_plan_entry *e)
{
    return json_pack("{s:i,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:I}",
                     "year", e->year, "programme", out_jstr(e->programme),
                     "school", out_jstr(e->school), "major", out_jstr(e->major),
                     "major_code", out_jstr(e->major_code),
                     "partner", out_jstr(e->partner),
                     "partner_major", out_jstr(e->partner_major),
                     "places", out_jcount(e->places),
                     "table", out_jstr(e->table), "line", (json_int_t)e->line);
}

static int print_entries(const cli_ctx *ctx, int year, int complete,
                         const plan_list *l)
{
    static const char *const cols[] = {"year", "programme", "school", "major",
                                       "major_code", "partner", "partner_major",
                                       "places", "table", "line"};
    out_table t;
    size_t i;
    int rc = 0;

    if (ctx->format == CLI_FMT_JSON) {
        json_t *arr = json_array();
        for (i = 0; i < l->n; i++)
            json_array_append_new(arr, entry_json(&l->items[i]));
        return out_json(json_pack("{s:i,s:b,s:o}", "year", year, "complete",
                                  complete, "entries", arr),
                        stdout);
    }
    if (out_table_init(&t, 10, cols) != 0)
        return -1;
    for (i = 0; i < l->n && rc == 0; i++) {
        const zj_plan_entry *e = &l->items[i];
        char y[16], places[64], line[32];
        const char *cells[10];
        snprintf(y, sizeof y, "%d", e->year);
        snprintf(line, sizeof line, "%zu", e->line);
        cells[0] = y;
        cells[1] = e->programme;
        cells[2] = e->school;
        cells[3] = e->major;
        cells[4] = e->major_code;
        cells[5] = e->partner;
        cells[6] = e->partner_major;
        cells[7] = out_num(ctx, e->places, places, sizeof places);
        cells[8] = e->table;
        cells[9] = line;
        rc = out_table_add(&t, cells);
    }
    if (rc == 0)
        rc = out_table_print(&t, ctx->format, stdout);
    out_table_free(&t);
    return rc;
}

/* When no plan row of the year has `given` in `column` at all, the
 * nearest name that one has (zj_plan_suggest), as a note on stderr. */
static void suggest_name(const zj_data *data, int year, const char *column,
                         const char *option, const char *given)
{
    zj_error err;
    size_t found = 0;
    const char *near;
    int school = strcmp(column, "school") == 0;

    if (!given || !*given)
        return;
    zj_error_clear(&err);
    if (zj_plan_lookup(data, year, school ? given : "", school ? "" : given,
                       NULL, 0, &found, &err) != ZJ_OK || found > 0)
        return;
    near = zj_plan_suggest(data, year, column, given);
    if (near) {
        char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
        fprintf(stderr, "zhijiao: %s / %s\n",
                cli_fmt(zh, sizeof zh, "%d 年没有%s“%s”，是不是 %s “%s”？", year,
                        school ? "学校" : "专业", given, option, near),
                cli_fmt(en, sizeof en, "no %s '%s' in %d; did you mean %s '%s'?", column,
                        given, year, option, near));
    }
}

int cmd_plan(cli_ctx *ctx, int argc, char **argv)
{
    const char *year_text, *school, *major;
    plan_opts o = {0};
    const char *pos[1];
    const zj_data *data;
    size_t npos, found;
    int year, rc, complete;
    plan_list l = {NULL, 0, 0};
    zj_error err;

    rc = args_parse(ctx, &cli_cmd_plan, argc, argv, &o, pos, 0, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    year_text = o.year;
    school = o.school;
    major = o.major;
    if (!year_text)
        return OUT_USAGE(ctx, "plan", "--year",
                         ("须给出 --year"),
                         ("--year is required"));
    zj_error_clear(&err);
    if (zj_parse_year(year_text, "--year", &year, &err) != ZJ_OK)
        return out_usage_error(ctx, "plan", &err);
    if (!(data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    zj_error_clear(&err);
    /* Asking with empty names tells whether the year has plans at all. */
    if (zj_plan_lookup(data, year, school ? school : "", major ? major : "",
                       NULL, 0, &found, &err) != ZJ_OK)
        return out_error(ctx, &err);
    if ((school && major ? lookup_into(data, year, school, major, &l, &err)
                         : scan_pairs(data, year, school, major, &l, &err)) !=
        0) {
        if (err.code == ZJ_OK)
            zj_error_set(&err, ZJ_ERR_NOMEM, "", "内存不足",
                     "out of memory");
        rc = out_error(ctx, &err);
        goto done;
    }
    if (l.n > 1)
        qsort(l.items, l.n, sizeof *l.items, entry_cmp);
    complete = zj_plan_year_complete(data, year);
    if (!complete)
        fprintf(stderr,
                "zhijiao: 注意：内置的 %d 年招生计划并不包含该年的全部项目\n"
                "zhijiao: note: the bundled %d plans do not list every programme of that year\n",
                year, year);
    rc = print_entries(ctx, year, complete, &l) ? CLI_EXIT_ERROR
         : l.n ? CLI_EXIT_OK : CLI_EXIT_NEGATIVE;
    if (l.n == 0 && rc == CLI_EXIT_NEGATIVE) {
        fprintf(stderr, "zhijiao: 没有匹配的计划 / no plan entry matches\n");
        suggest_name(data, year, "school", "--school", school);
        suggest_name(data, year, "major", "--major", major);
    }
done:
    free(l.items);
    return rc;
}
