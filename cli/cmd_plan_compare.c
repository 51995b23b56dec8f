/* cmd_plan_compare.c — `zhijiao plan-compare`: two years' enrolment plans
 * row by row (zj_plan_compare): added, removed, places changed, exactly. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "options.h"
#include "output.h"

typedef struct plan_compare_opts {
    const char *programme, *changes_only;
} plan_compare_opts;

static const cli_option plan_compare_options[] = {
    CLI_OPT(plan_compare_opts, programme, "programme", "P",
            "one programme only (高本贯通, 中本贯通, 3+2)"),
    CLI_OPT(plan_compare_opts, changes_only, "changes-only", NULL,
            "leave out the rows that are the same"),
};

const cli_command cli_cmd_plan_compare = {
    "plan-compare", cmd_plan_compare,
    "two years' plans: added, removed, places changed (计划对比)",
    "plan-compare Y1 Y2 [--programme P] [--changes-only]",
    "Compares the enrolment plans (招生计划) of years Y1 and Y2 by programme,\n"
    "school and major (名称比较同 zhijiao plan): each row is\n"
    "  same            in both years, the same places (计划数不变)\n"
    "  changed         in both years, places changed (计划数变化)\n"
    "  added           only in Y2 (新增)\n"
    "  removed         only in Y1 (取消)\n"
    "  not_published   the other year's plans do not list its programme at\n"
    "                  all (e.g. 2024 publishes the 中本贯通 plan only): not\n"
    "                  counted as added or removed (未公布)\n"
    "  places_unknown  in both years, places not published in either\n"
    "The change is exact (places2 - places1): counts, not a sample.\n",
    plan_compare_options, CLI_NOPTS(plan_compare_options),
    "Output: status, programme, school, major, places1, places2, change,\n"
    "partner1, partner2, line1, line2; a summary of the counts follows the\n"
    "table (JSON: {\"year1\", \"year2\", \"counts\", \"rows\"}).  Exit 2 when a\n"
    "year has no plan table.\n",
    {CLI_K_NONE, CLI_K_NONE}, 0, NULL,
};

/* Years are read by the library, as every surface reads them. */
static int parse_year(const cli_ctx *ctx, const char *what, const char *text, int *out)
{
    zj_error err;

    if (zj_parse_year(text, what, out, &err) != ZJ_OK)
        return out_usage_error(ctx, "plan-compare", &err);
    return 0;
}

static const char *line_text(size_t line, char *b, size_t size)
{
    if (!line)
        return "";
    snprintf(b, size, "%zu", line);
    return b;
}

static int print_comparison(const cli_ctx *ctx, const zj_plan_comparison *c, int changes_only)
{
    static const char *const cols[] = {"status", "programme", "school", "major", "places1",
                                       "places2", "change", "partner1", "partner2",
                                       "line1", "line2"};
    size_t i, k;

    if (ctx->format == CLI_FMT_JSON) {
        json_t *rows = json_array(), *counts = json_object();

        for (k = 0; k < ZJ_PLAN_CHANGE_KINDS; k++)
            json_object_set_new(counts, zj_plan_change_name((zj_plan_change_kind)k),
                                json_integer((json_int_t)c->counts[k]));
        for (i = 0; i < c->count; i++) {
            const zj_plan_change *r = &c->rows[i];

            if (changes_only && r->kind == ZJ_PLAN_SAME)
                continue;
            json_array_append_new(rows, json_pack(
                "{s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                "status", zj_plan_change_name(r->kind), "programme", out_jstr(r->programme),
                "school", out_jstr(r->school), "major", out_jstr(r->major),
                "places1", out_jcount(r->places1), "places2", out_jcount(r->places2),
                "change", out_jcount(r->change), "partner1", out_jstr(r->partner1),
                "partner2", out_jstr(r->partner2),
                "line1", r->line1 ? json_integer((json_int_t)r->line1) : json_null(),
                "line2", r->line2 ? json_integer((json_int_t)r->line2) : json_null()));
        }
        return out_json(json_pack("{s:i,s:i,s:o,s:o}", "year1", c->year1, "year2", c->year2,
                                  "counts", counts, "rows", rows), stdout);
    } else {
        out_table t;
        int rc = 0;

        if (out_table_init(&t, 11, cols) != 0)
            return -1;
        for (i = 0; i < c->count && rc == 0; i++) {
            const zj_plan_change *r = &c->rows[i];
            char b[5][32];
            const char *cells[11];

            if (changes_only && r->kind == ZJ_PLAN_SAME)
                continue;
            cells[0] = zj_plan_change_name(r->kind);
            cells[1] = r->programme;
            cells[2] = r->school;
            cells[3] = r->major;
            cells[4] = out_num(ctx, r->places1, b[0], sizeof b[0]);
            cells[5] = out_num(ctx, r->places2, b[1], sizeof b[1]);
            cells[6] = out_num(ctx, r->change, b[2], sizeof b[2]);
            cells[7] = r->partner1 ? r->partner1 : "";
            cells[8] = r->partner2 ? r->partner2 : "";
            cells[9] = line_text(r->line1, b[3], sizeof b[3]);
            cells[10] = line_text(r->line2, b[4], sizeof b[4]);
            rc = out_table_add(&t, cells);
        }
        if (rc == 0)
            rc = out_table_print(&t, ctx->format, stdout);
        out_table_free(&t);
        if (rc == 0 && ctx->format == CLI_FMT_TABLE) {
            printf("%d → %d:", c->year1, c->year2);
            for (k = 0; k < ZJ_PLAN_CHANGE_KINDS; k++)
                printf(" %s %zu", zj_plan_change_name((zj_plan_change_kind)k), c->counts[k]);
            printf("\n");
        }
        return rc;
    }
}

int cmd_plan_compare(cli_ctx *ctx, int argc, char **argv)
{
    const char *programme, *changes_only;
    plan_compare_opts o = {0};
    const char *pos[2];
    size_t npos;
    const zj_data *data;
    zj_plan_comparison c;
    zj_error err;
    int y1, y2, rc;

    rc = args_parse(ctx, &cli_cmd_plan_compare, argc, argv, &o, pos, 2, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    programme = o.programme;
    changes_only = o.changes_only;
    if (npos != 2)
        return OUT_USAGE(ctx, "plan-compare", NULL,
                         ("须给出两个年份 Y1 Y2"),
                         ("give the two years Y1 Y2"));
    if ((rc = parse_year(ctx, "Y1", pos[0], &y1)) != 0 ||
        (rc = parse_year(ctx, "Y2", pos[1], &y2)) != 0)
        return rc;
    if (!(data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    zj_error_clear(&err);
    if (zj_plan_compare(data, y1, y2, programme, &c, &err) != ZJ_OK)
        return out_error(ctx, &err);
    rc = print_comparison(ctx, &c, changes_only != NULL) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    zj_plan_comparison_free(&c);
    return rc;
}
