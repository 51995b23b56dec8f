/* cmd_deadlines.c — `zhijiao deadlines`: what is due, from the rule
 * files' deadline.* rules (zj_deadlines), with citations. */
#include <stdio.h>

#include "args.h"
#include "output.h"

typedef struct deadlines_opts {
    const char *year, *date;
} deadlines_opts;

static const cli_option deadlines_options[] = {
    CLI_OPT(deadlines_opts, year, "year", "Y", "only the rule files of year Y"),
    CLI_OPT(deadlines_opts, date, "date", "D",
            "the day to compare with (YYYY-MM-DD): each deadline says whether it has passed"),
};

const cli_command cli_cmd_deadlines = {
    "deadlines", cmd_deadlines, "list what is due (截止日期), with citations",
    "deadlines [--year Y] [--date D]",
    "Lists the deadlines (截止日期) of the rule files, in due order: when\n"
    "(Beijing time, as the document gives it), what is due, the rule set\n"
    "(jurisdiction, programme, year) and the citation (document and clause).\n"
    "With --date D each deadline says whether it is still to come, due that\n"
    "day or has passed.  An annual deadline is listed once per rule file.\n",
    deadlines_options, CLI_NOPTS(deadlines_options),
    "Output: due, status, what_zh, what_en, jurisdiction, programme, year,\n"
    "recurring, citation.  Exit status: 0 listed (also when nothing is due),\n"
    "2 bad arguments or data.\n",
    {CLI_K_NONE}, 0, NULL,
};

int cmd_deadlines(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const cols[] = {"due", "status", "what_zh", "what_en", "jurisdiction",
                                       "programme", "year", "recurring", "citation"};
    static const char *const tcols[] = {"due 截止", "status 状态", "what 事项", "rules 规则",
                                        "source 来源"};
    deadlines_opts o = {NULL, NULL};
    const char *pos[1];
    const zj_data *data;
    zj_deadline *list = NULL;
    size_t npos, n = 0, i;
    int year = 0, rc;
    zj_error err;

    rc = args_parse(ctx, &cli_cmd_deadlines, argc, argv, &o, pos, 0, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    zj_error_clear(&err);
    if (o.year && zj_parse_year(o.year, "--year", &year, &err) != ZJ_OK)
        return out_usage_error(ctx, "deadlines", &err);
    if (!(data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    if (zj_deadlines(data, year, o.date, &list, &n, &err) != ZJ_OK)
        return err.code == ZJ_ERR_ARG ? out_usage_error(ctx, "deadlines", &err) : out_error(ctx, &err);
    if (ctx->format == CLI_FMT_JSON) {
        json_t *arr = json_array();
        for (i = 0; i < n; i++) {
            char cite[1024];
            const zj_deadline *d = &list[i];
            json_array_append_new(arr, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:i,s:o,s:o,s:o}",
                "due", out_jstr(d->due), "status_zh", out_jstr(d->status_zh[0] ? d->status_zh : NULL),
                "status_en", out_jstr(d->status_en[0] ? d->status_en : NULL),
                "what_zh", out_jstr(d->what_zh), "what_en", out_jstr(d->what_en),
                "jurisdiction", out_jstr(d->jurisdiction), "programme", out_jstr(d->programme),
                "year", d->year, "recurring", out_jstr(d->recurring), "source", out_jsource(&d->source),
                "citation", out_jstr(out_citation(&d->source, cite, sizeof cite))));
        }
        zj_deadlines_free(list);
        return out_json(arr, stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    } else {
        int csv = ctx->format == CLI_FMT_CSV;
        out_table tab;
        if (out_table_init(&tab, csv ? 9 : 5, csv ? cols : tcols) != 0) {
            zj_deadlines_free(list);
            return out_nomem(ctx);
        }
        for (i = 0; i < n && rc == 0; i++) {
            const zj_deadline *d = &list[i];
            char cite[1024], what[1024], status[160], set[160], yr[16], due[64];
            const char *cells[9];
            snprintf(yr, sizeof yr, "%d", d->year);
            snprintf(due, sizeof due, "%s%s", d->due, d->recurring ? " (annual 每年)" : "");
            if (csv) {
                cells[0] = d->due;
                cells[1] = d->status_en[0] ? d->status_en : "";
                cells[2] = d->what_zh;
                cells[3] = d->what_en;
                cells[4] = d->jurisdiction;
                cells[5] = d->programme;
                cells[6] = yr;
                cells[7] = d->recurring ? d->recurring : "";
                cells[8] = out_citation(&d->source, cite, sizeof cite);
            } else {
                snprintf(set, sizeof set, "%s %s %d", d->jurisdiction, d->programme, d->year);
                cells[0] = due;
                cells[1] = out_lang(ctx, d->status_zh, d->status_en, status, sizeof status);
                cells[2] = out_lang(ctx, d->what_zh, d->what_en, what, sizeof what);
                cells[3] = set;
                cells[4] = out_citation(&d->source, cite, sizeof cite);
            }
            rc = out_table_add(&tab, cells);
        }
        if (rc == 0)
            rc = out_table_print(&tab, ctx->format, stdout);
        out_table_free(&tab);
        zj_deadlines_free(list);
        return rc ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    }
}
