/* cmd_audit.c — `zhijiao audit` (the audits the manifest declares for the
 * bundled tables) and `zhijiao audit-csv` (a sum audit of any CSV). */
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <strings.h>

#include "args.h"
#include "csv_in.h"
#include "output.h"

typedef struct audit_opts {
    const char *all;
} audit_opts;

static const cli_option audit_options[] = {
    CLI_OPT(audit_opts, all, "all", NULL,
            "every bundled table (the default without NAME)"),
};

const cli_command cli_cmd_audit = {
    "audit", cmd_audit, "audit bundled tables: do the parts add up? (核对)",
    "audit [NAME ...|--all]",
    "Runs the audits (核对) the data manifest declares for bundled tables\n"
    "(all of them without NAME): do details add up to their 小计/合计, does\n"
    "the stated number of items match the rows, is each percentage\n"
    "achievable as k/n?  Tables are reported as published, never corrected;\n"
    "a lost cell implied by its total is reported as `derived`.\n",
    audit_options, CLI_NOPTS(audit_options),
    "Each finding: table, row (the CSV line), column, kind (sum_mismatch,\n"
    "derived, unresolved, count_mismatch, percent_unachievable,\n"
    "orphan_total, weighted_mean_mismatch, parts_not_all_stated), expected,\n"
    "found, message in Chinese and English.\n"
    "Exit status: 0 no findings, 1 findings, 2 unknown table or error.\n",
    {CLI_K_TABLE}, 1, NULL,
};

typedef struct audit_csv_opts {
    const char *keys, *value, *kind_column, *table, *encoding;
} audit_csv_opts;

static const cli_option audit_csv_options[] = {
    CLI_OPT(audit_csv_opts, keys, "keys", "LIST",
            "the key columns, outermost first (e.g. programme,school,major)"),
    CLI_OPT(audit_csv_opts, value, "value", "COL",
            "the numeric column to audit (e.g. places)"),
    CLI_OPT(audit_csv_opts, kind_column, "kind-column", "K",
            "column saying what each row is: detail/subtotal/total or "
            "明细/小计/总计/合计.  Without it, a row with every key filled is "
            "a detail and any other an aggregate."),
    CLI_OPT(audit_csv_opts, table, "table", "NAME",
            "name used in the findings (default: the file name)"),
    CLI_OPTK(audit_csv_opts, encoding, "encoding", "E",
             "auto (default), utf-8, gb18030", CLI_K_WORDS,
             CSV_ENCODING_WORDS),
};

const cli_command cli_cmd_audit_csv = {
    "audit-csv", cmd_audit_csv, "sum audit of any CSV table (核对小计与合计)",
    "audit-csv FILE.csv --keys a,b,c --value COL\n"
    " [--kind-column K] [--table NAME] [--encoding E]",
    "Sum audit (合计核对) of any hierarchical CSV table: every subtotal (小计)\n"
    "and total (合计) row must equal the sum of the detail (明细) rows that\n"
    "share its leading non-empty keys.  An empty value is missing: when it is\n"
    "the only missing detail under an aggregate, its implied value is\n"
    "reported as `derived`.\n",
    audit_csv_options, CLI_NOPTS(audit_csv_options),
    "Exit status: 0 no findings, 1 findings, 2 bad input.\n",
    {CLI_K_FILE}, 0, NULL,
};

/* ---- findings as JSON, and printed from JSON ------------------------------ */

static json_t *findings_json(const zj_findings *f)
{
    json_t *arr = json_array();
    size_t i;

    for (i = 0; i < f->count; i++) {
        const zj_finding *x = &f->items[i];
        json_array_append_new(
            arr, json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                           "table", out_jstr(x->table),
                           "row", json_integer((json_int_t)x->row),
                           "column", out_jstr(x->column),
                           "kind", out_jstr(zj_finding_kind_name(x->kind)),
                           "expected", out_jreal(x->expected),
                           "found", out_jreal(x->found),
                           "message_zh", out_jstr(x->message_zh),
                           "message_en", out_jstr(x->message_en)));
    }
    return arr;
}

/* Appends {"table","rows","findings"} to doc's "tables" and counts. */
static void doc_add(json_t *doc, const char *table, size_t rows,
                    const zj_findings *f)
{
    json_array_append_new(json_object_get(doc, "tables"),
                          json_pack("{s:o,s:o,s:o}", "table", out_jstr(table),
                                    "rows", json_integer((json_int_t)rows),
                                    "findings", findings_json(f)));
    json_object_set_new(doc, "finding_count",
                        json_integer(json_integer_value(
                                         json_object_get(doc, "finding_count")) +
                                     (json_int_t)f->count));
}

static json_t *doc_new(void)
{
    return json_pack("{s:[],s:I}", "tables", "finding_count", (json_int_t)0);
}

json_t *cli_audit_tables(cli_ctx *ctx, const zj_data *data,
                         const zj_table *const *tables, size_t n)
{
    json_t *doc = doc_new();
    size_t i;

    for (i = 0; i < n; i++) {
        zj_findings f;
        zj_error err;
        zj_findings_init(&f);
        zj_error_clear(&err);
        if (zj_table_audit(data, tables[i], &f, &err) != ZJ_OK) {
            zj_findings_free(&f);
            json_decref(doc);
            out_error(ctx, &err);
            return NULL;
        }
        doc_add(doc, zj_table_name(tables[i]), zj_table_rows(tables[i]), &f);
        zj_findings_free(&f);
    }
    return doc;
}

static const char *jtext(const json_t *o, const char *key)
{
    const char *s = json_string_value(json_object_get(o, key));
    return s ? s : "";
}

static double jnum(const json_t *o, const char *key)
{
    const json_t *v = json_object_get(o, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

int cli_audit_print(const cli_ctx *ctx, const json_t *doc, cli_format fmt,
                    FILE *fp)
{
    const json_t *tables = json_object_get(doc, "tables"), *t, *f;
    size_t i, k;
    char b1[64], b2[64];

    if (fmt == CLI_FMT_JSON) {
        char *s = out_json_string(doc);
        if (!s)
            return -1;
        fprintf(fp, "%s\n", s);
        free(s);
        return ferror(fp) ? -1 : 0;
    }
    if (fmt == CLI_FMT_CSV) {
        static const char *const cols[] = {"table", "row", "column", "kind",
                                           "expected", "found", "message_zh",
                                           "message_en"};
        out_table tab;
        int rc = 0;
        if (out_table_init(&tab, 8, cols) != 0)
            return -1;
        json_array_foreach(tables, i, t)
            json_array_foreach(json_object_get(t, "findings"), k, f) {
                char row[32];
                const char *cells[8];
                if (rc != 0)
                    break;
                snprintf(row, sizeof row, "%.0f", jnum(f, "row"));
                cells[0] = jtext(f, "table");
                cells[1] = row;
                cells[2] = jtext(f, "column");
                cells[3] = jtext(f, "kind");
                cells[4] = out_num_csv(jnum(f, "expected"), b1, sizeof b1);
                cells[5] = out_num_csv(jnum(f, "found"), b2, sizeof b2);
                cells[6] = jtext(f, "message_zh");
                cells[7] = jtext(f, "message_en");
                rc = out_table_add(&tab, cells);
            }
        if (rc == 0)
            rc = out_table_print(&tab, CLI_FMT_CSV, fp);
        out_table_free(&tab);
        return rc;
    }
    /* Text: one block per table, one paragraph per finding. */
    json_array_foreach(tables, i, t) {
        size_t nf = json_array_size(json_object_get(t, "findings"));
        if (nf == 0)
            fprintf(fp, "%s (%.0f rows 行): ok 无问题\n", jtext(t, "table"),
                    jnum(t, "rows"));
        else
            fprintf(fp, "%s (%.0f rows 行): %zu finding%s 项发现\n",
                    jtext(t, "table"), jnum(t, "rows"), nf, nf == 1 ? "" : "s");
        json_array_foreach(json_object_get(t, "findings"), k, f) {
            /* Audited numbers are counts and printed percentages: show
             * them as the table does, not padded to 6 decimals. */
            fprintf(fp, "  row %.0f, %s: %s (expected %s, found %s)\n",
                    jnum(f, "row"), jtext(f, "column"), jtext(f, "kind"),
                    out_num_short(jnum(f, "expected"), b1, sizeof b1),
                    out_num_short(jnum(f, "found"), b2, sizeof b2));
            if (ctx->lang != CLI_LANG_EN && *jtext(f, "message_zh"))
                fprintf(fp, "    %s\n", jtext(f, "message_zh"));
            if (ctx->lang != CLI_LANG_ZH && *jtext(f, "message_en"))
                fprintf(fp, "    %s\n", jtext(f, "message_en"));
        }
    }
    fprintf(fp, "%.0f finding(s) 项发现 in %zu table(s) 张表\n",
            jnum(doc, "finding_count"), json_array_size(tables));
    return ferror(fp) ? -1 : 0;
}

/* ---- audit ---------------------------------------------------------------- */

int cmd_audit(cli_ctx *ctx, int argc, char **argv)
{
    const char *all;
    audit_opts o = {0};
    const char **pos = NULL;
    const zj_table **tables = NULL;
    const zj_data *data;
    size_t npos, n, i;
    json_t *doc = NULL;
    zj_error err;
    int rc;

    pos = malloc((size_t)(argc > 0 ? argc : 1) * sizeof *pos);
    if (!pos)
        return out_nomem(ctx);
    rc = args_parse(ctx, &cli_cmd_audit, argc, argv, &o, pos, (size_t)argc,
                    &npos);
    if (rc != 0) {
        rc = rc == ARGS_HELP ? CLI_EXIT_OK : rc;
        goto done;
    }
    all = o.all;
    if (all && npos > 0) {
        rc = OUT_USAGE(ctx, "audit", "--all",
                       ("--all 与表名只能选一个"),
                       ("give table names or --all, not both"));
        goto done;
    }
    rc = CLI_EXIT_ERROR;
    if (!(data = cli_data(ctx)))
        goto done;
    n = npos ? npos : zj_data_table_count(data);
    tables = malloc((n ? n : 1) * sizeof *tables);
    if (!tables) {
        out_nomem(ctx);
        goto done;
    }
    for (i = 0; i < n; i++) {
        if (npos == 0) {
            tables[i] = zj_data_table_at(data, i);
            continue;
        }
        zj_error_clear(&err);
        if (zj_data_table(data, pos[i], &tables[i], &err) != ZJ_OK) {
            rc = out_error(ctx, &err);
            goto done;
        }
    }
    if (!(doc = cli_audit_tables(ctx, data, tables, n)))
        goto done;
    if (cli_audit_print(ctx, doc, ctx->format, stdout) != 0)
        goto done;
    rc = json_integer_value(json_object_get(doc, "finding_count")) > 0
             ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
done:
    json_decref(doc);
    free(tables);
    free(pos);
    return rc;
}

/* ---- audit-csv ------------------------------------------------------------ */

typedef struct sums_reader {
    const cli_ctx *ctx;
    const char *path;
    const char *value_col;
    size_t n_keys;
    int has_kind;
    char **keys;          /* rows * n_keys copies */
    double *values;
    zj_row_kind *kinds;
    size_t *lines;
    size_t rows, cap;
} sums_reader;

static int sums_grow(sums_reader *s)
{
    size_t cap = s->cap ? s->cap * 2 : 64;
    char **k = realloc(s->keys, cap * (s->n_keys ? s->n_keys : 1) * sizeof *k);
    double *v;
    zj_row_kind *kd;
    size_t *l;

    if (!k)
        return -1;
    s->keys = k;
    if (!(v = realloc(s->values, cap * sizeof *v)))
        return -1;
    s->values = v;
    if (!(kd = realloc(s->kinds, cap * sizeof *kd)))
        return -1;
    s->kinds = kd;
    if (!(l = realloc(s->lines, cap * sizeof *l)))
        return -1;
    s->lines = l;
    s->cap = cap;
    return 0;
}

static int sums_row(void *ud, size_t line, const char *const *cells)
{
    sums_reader *s = ud;
    const char *value = cells[s->n_keys];
    zj_error err;
    char where[300];
    size_t k;

    if (s->rows == s->cap && sums_grow(s) != 0)
        goto nomem;
    snprintf(where, sizeof where, "%s:%zu", s->path, line);
    if (!args_cell_number(value, &s->values[s->rows]))
        return csv_not_number(s->ctx, where, line, s->value_col, value);
    s->kinds[s->rows] = ZJ_ROW_DETAIL;
    /* the words for kinds are the library's, as in R and Calc */
    if (s->has_kind &&
        zj_row_kind_parse(cells[s->n_keys + 1], where, &s->kinds[s->rows], &err) != ZJ_OK)
        return out_error(s->ctx, &err);
    for (k = 0; k < s->n_keys; k++) {
        size_t len = strlen(cells[k]);
        char *d = malloc(len + 1);
        if (!d) {
            while (k > 0)
                free(s->keys[s->rows * s->n_keys + --k]);
            goto nomem;
        }
        memcpy(d, cells[k], len + 1);
        s->keys[s->rows * s->n_keys + k] = d;
    }
    s->lines[s->rows++] = line;
    return 0;
nomem:
    return out_nomem(s->ctx);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

int cmd_audit_csv(cli_ctx *ctx, int argc, char **argv)
{
    const char *keys, *value, *kind, *table, *encoding;
    audit_csv_opts o = {0};
    const char *pos[1], **names = NULL;
    char **key_names = NULL;
    size_t npos, nk = 0, i;
    sums_reader s;
    zj_encoding enc;
    zj_findings f;
    zj_error err;
    json_t *doc = NULL;
    int rc;

    memset(&s, 0, sizeof s);
    zj_findings_init(&f);
    rc = args_parse(ctx, &cli_cmd_audit_csv, argc, argv, &o, pos, 1, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    keys = o.keys;
    value = o.value;
    kind = o.kind_column;
    table = o.table;
    encoding = o.encoding;
    if (npos != 1 || !keys || !value)
        return OUT_USAGE(ctx, "audit-csv", npos != 1 ? NULL : !keys ? "--keys" : "--value",
                         ("须给出 FILE.csv、--keys 与 --value"),
                         ("give FILE.csv, --keys and --value"));
    if (args_encoding(ctx, encoding, &enc) ||
        args_name_list(ctx, "audit-csv", "--keys", keys, &key_names, &nk))
        return CLI_EXIT_ERROR;
    rc = CLI_EXIT_ERROR;
    names = malloc((nk + 2) * sizeof *names);
    if (!names) {
        out_nomem(ctx);
        goto done;
    }
    for (i = 0; i < nk; i++)
        names[i] = key_names[i];
    names[nk] = value;
    names[nk + 1] = kind;
    s.ctx = ctx;
    s.path = pos[0];
    s.value_col = value;
    s.n_keys = nk;
    s.has_kind = kind != NULL;
    if ((rc = args_read_columns(ctx, "audit-csv", pos[0], enc, names,
                                nk + (kind ? 2 : 1), nk + (kind ? 2 : 1),
                                sums_row, &s)) != 0)
        goto done;
    rc = CLI_EXIT_ERROR;
    if (!table)
        table = base_name(pos[0]);
    zj_error_clear(&err);
    if (zj_audit_sums(table, value, (const char *const *)s.keys, nk,
                      kind ? s.kinds : NULL, s.values, s.lines, s.rows, &f,
                      &err) != ZJ_OK) {
        rc = out_error(ctx, &err);
        goto done;
    }
    doc = doc_new();
    doc_add(doc, table, s.rows, &f);
    if (cli_audit_print(ctx, doc, ctx->format, stdout) != 0)
        goto done;
    rc = f.count > 0 ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
done:
    json_decref(doc);
    zj_findings_free(&f);
    for (i = 0; i < s.rows * s.n_keys; i++)
        free(s.keys[i]);
    free(s.keys);
    free(s.values);
    free(s.kinds);
    free(s.lines);
    free(names);
    args_free_list(key_names);
    return rc;
}
