/* cmd_tables.c — `zhijiao tables` (the bundled official tables) and
 * `zhijiao table NAME` (one of them, as published). */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

const cli_command cli_cmd_tables = {
    "tables", cmd_tables, "list the bundled official tables (数据表)",
    "tables",
    "Lists the official tables bundled in the data directory (数据表): name,\n"
    "number of data rows, title (标题) and source (来源: document, clause,\n"
    "date).  Print one with `zhijiao table NAME`.\n",
    NULL, 0, NULL, {CLI_K_NONE}, 0, NULL,
};

const cli_command cli_cmd_table = {
    "table", cmd_table, "print one bundled table", "table NAME",
    "Prints bundled table NAME (see `zhijiao tables`) as published: empty\n"
    "cells are numbers the source lost, never filled in.  --format csv gives\n"
    "the CSV (UTF-8), --format json {\"table\", \"title_zh\", \"title_en\",\n"
    "\"source\", \"columns\": [...], \"rows\": [[...], ...]}.\n",
    NULL, 0, NULL, {CLI_K_TABLE}, 0, NULL,
};

int cmd_tables(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const cols[] = {"table", "rows", "title_zh", "title_en",
                                       "source"};
    static const char *const tcols[] = {"table 表", "rows 行数", "title 标题",
                                        "source 来源"};
    const char *pos[1];
    const zj_data *data;
    size_t npos, i, n;
    int rc = args_parse(ctx, &cli_cmd_tables, argc, argv, NULL, pos, 0, &npos);

    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    if (!(data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    n = zj_data_table_count(data);
    if (ctx->format == CLI_FMT_JSON) {
        json_t *arr = json_array();
        for (i = 0; i < n; i++) {
            const zj_table *t = zj_data_table_at(data, i);
            char cite[1024];
            json_array_append_new(
                arr, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}",
                               "table", out_jstr(zj_table_name(t)),
                               "rows", json_integer((json_int_t)zj_table_rows(t)),
                               "title_zh", out_jstr(zj_table_title_zh(t)),
                               "title_en", out_jstr(zj_table_title_en(t)),
                               "source", out_jsource(zj_table_source(t)),
                               "citation", out_jstr(out_citation(
                                   zj_table_source(t), cite, sizeof cite))));
        }
        return out_json(arr, stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    } else {
        int csv = ctx->format == CLI_FMT_CSV;
        out_table tab;
        if (out_table_init(&tab, csv ? 5 : 4, csv ? cols : tcols) != 0)
            return out_nomem(ctx);
        for (i = 0; i < n && rc == 0; i++) {
            const zj_table *t = zj_data_table_at(data, i);
            char rows[32], cite[1024], title[1024];
            const char *cells[5];
            snprintf(rows, sizeof rows, "%zu", zj_table_rows(t));
            cells[0] = zj_table_name(t);
            cells[1] = rows;
            if (csv) {
                cells[2] = zj_table_title_zh(t);
                cells[3] = zj_table_title_en(t);
                cells[4] = out_citation(zj_table_source(t), cite, sizeof cite);
            } else {
                cells[2] = out_lang(ctx, zj_table_title_zh(t),
                                    zj_table_title_en(t), title, sizeof title);
                cells[3] = out_citation(zj_table_source(t), cite, sizeof cite);
            }
            rc = out_table_add(&tab, cells);
        }
        if (rc == 0)
            rc = out_table_print(&tab, ctx->format, stdout);
        out_table_free(&tab);
        return rc ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    }
}

static json_t *table_json(const zj_table *t)
{
    json_t *cols = json_array(), *rows = json_array();
    size_t r, c, nc = zj_table_cols(t), nr = zj_table_rows(t);

    for (c = 0; c < nc; c++)
        json_array_append_new(cols, out_jstr(zj_table_col_name(t, c)));
    for (r = 0; r < nr; r++) {
        json_t *row = json_array();
        for (c = 0; c < nc; c++)
            json_array_append_new(row, out_jstr(zj_table_cell(t, r, c)));
        json_array_append_new(rows, row);
    }
    return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o}",
                     "table", out_jstr(zj_table_name(t)),
                     "title_zh", out_jstr(zj_table_title_zh(t)),
                     "title_en", out_jstr(zj_table_title_en(t)),
                     "source", out_jsource(zj_table_source(t)),
                     "columns", cols, "rows", rows);
}

int cmd_table(cli_ctx *ctx, int argc, char **argv)
{
    const char *pos[1];
    const zj_data *data;
    const zj_table *t;
    const char **cells = NULL;
    size_t npos, r, c, nc;
    zj_error err;
    out_table tab;
    int rc = args_parse(ctx, &cli_cmd_table, argc, argv, NULL, pos, 1, &npos);

    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    if (npos != 1)
        return OUT_USAGE(ctx, "table", NULL,
                         ("须给出表名（见 zhijiao tables）"),
                         ("give a table name (see zhijiao tables)"));
    if (!(data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    zj_error_clear(&err);
    if (zj_data_table(data, pos[0], &t, &err) != ZJ_OK)
        return out_error(ctx, &err);
    if (ctx->format == CLI_FMT_JSON)
        return out_json(table_json(t), stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    nc = zj_table_cols(t);
    cells = malloc((nc ? nc : 1) * sizeof *cells);
    if (!cells)
        return out_nomem(ctx);
    for (c = 0; c < nc; c++)
        cells[c] = zj_table_col_name(t, c);
    if (out_table_init(&tab, nc, cells) != 0) {
        free(cells);
        return out_nomem(ctx);
    }
    for (r = 0; r < zj_table_rows(t) && rc == 0; r++) {
        for (c = 0; c < nc; c++)
            cells[c] = zj_table_cell(t, r, c);
        rc = out_table_add(&tab, cells);
    }
    if (rc == 0) {
        if (ctx->format == CLI_FMT_TABLE) {
            char title[1024], cite[1024];
            printf("%s  %s\n", zj_table_name(t),
                   out_lang(ctx, zj_table_title_zh(t), zj_table_title_en(t),
                            title, sizeof title));
            if (zj_table_source(t))
                printf("%s\n", out_citation(zj_table_source(t), cite,
                                            sizeof cite));
            putchar('\n');
        }
        rc = out_table_print(&tab, ctx->format, stdout);
    }
    out_table_free(&tab);
    free(cells);
    return rc ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}
