/* cmd_batch.c — `zhijiao batch`: every row of a CSV decided by one check.
 *
 * Built for files of a million rows: rows are read into one reusable
 * arena and decided 4096 at a time with zj_check_batch; output goes
 * through one large buffer (csv_out).  Nothing is allocated per row here,
 * and nothing is flushed per row.
 */
#include <errno.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "csv_in.h"
#include "csv_out.h"
#include "output.h"
#include "xlsx_out.h"

#define BATCH_CHUNK 4096
/* ... but at most this many cells, so that a file of 10,000 columns keeps
 * the arena and its offsets at a few MiB like any other. */
#define BATCH_CHUNK_CELLS 65536
/* Invalid rows are explained on stderr up to this many; the rest counted. */
#define BATCH_ERRORS_SHOWN 5

typedef struct batch_opts {
    const char *output, *encoding, *bom, *sheet, *output_encoding;
} batch_opts;

static const cli_option batch_options[] = {
    CLI_OPTK(batch_opts, output, "output", "OUT",
             "write there instead of standard output: CSV, or an Excel "
             "workbook when OUT ends in .xlsx (header in the --lang language)",
             CLI_K_FILE, NULL),
    CLI_OPT(batch_opts, sheet, "sheet", "N|NAME",
            "of a workbook: the N-th worksheet holding data (default 1), or "
            "the .xlsx worksheet of that name"),
    CLI_OPTK(batch_opts, encoding, "encoding", "E",
             "the CSV input's encoding: auto (default), utf-8, gb18030, "
             "utf-16le, utf-16be", CLI_K_WORDS, CSV_ENCODING_WORDS),
    CLI_OPTK(batch_opts, output_encoding, "output-encoding", "E",
             "utf-8-bom (default for an --output file: Chinese Excel and WPS "
             "read CSV without the mark as GBK) or utf-8 (default on standard "
             "output)", CLI_K_WORDS, "utf-8-bom utf-8"),
    CLI_OPT(batch_opts, bom, "bom", NULL,
            "start standard output with the UTF-8 mark too"),
};

const cli_command cli_cmd_batch = {
    "batch", cmd_batch, "decide every row of a CSV or Excel file (批量判定)",
    "batch NAME INPUT [--output OUT] [--sheet N|NAME] [--encoding E] [--output-encoding E] [--bom]",
    "Decides every row of INPUT (.csv, .xlsx or .xls) with check NAME (see\n"
    "`zhijiao checks`) and writes one output row per input row (批量判定):\n"
    "all input columns unchanged, then\n"
    "  eligible      1 eligible (符合), 0 not (不符合), empty undetermined or invalid\n"
    "  outcome       the outcome code (for an invalid row: its status)\n"
    "  outcome_zh    the outcome in Chinese\n"
    "  reason_codes  the decisive reasons' codes, joined with \" | \"\n"
    "  reasons_zh    their messages in Chinese, joined likewise\n"
    "  reasons_en    their messages in English, joined likewise\n"
    "  sources       their sources (依据: document, clause, date), joined likewise\n"
    "\n"
    "The header row names the fields, by programmatic or Chinese name\n"
    "(e.g. score or 中招录取总分); other columns (an id, a name) are carried\n"
    "through.  An empty cell is a missing value.  A CSV INPUT may be UTF-8\n"
    "(with or without BOM), GB18030 (GBK) or UTF-16 with BOM, detected\n"
    "automatically (a file mixing UTF-8 and GBK is refused, naming the line);\n"
    "an Excel/WPS workbook (.xlsx, .xls) is read directly.  \"-\" reads CSV\n"
    "from standard input.\n"
    "\n"
    "With --format json the output is JSON Lines: one object per row with its\n"
    "line, its cells and the decision as `check` gives it.  Text beginning\n"
    "with = + - @ is written to CSV as '= ... (quoted), so spreadsheets show\n"
    "it instead of running it as a formula.\n",
    batch_options, CLI_NOPTS(batch_options),
    "A summary `N rows: A eligible, B not eligible, C undetermined, D invalid`\n"
    "goes to stderr when it is a terminal, or with --verbose.\n"
    "Exit status: 0 every row was decided (whatever the outcome); 2 some rows\n"
    "were invalid (bad input, no rules for the year), the file is ragged\n"
    "(a row with more or fewer fields than the header), or it cannot be read.\n"
    "An --output file is written beside its name and replaces it only when\n"
    "complete: on any failure an existing file is left as it was.\n",
    {CLI_K_CHECK, CLI_K_FILE}, 0, NULL,
};

static const char *const decision_cols[] = {
    "eligible", "outcome", "outcome_zh", "reason_codes", "reasons_zh",
    "reasons_en", "sources"};

/* A growable byte buffer, reused for the whole run. */
typedef struct bytes {
    char *p;
    size_t len, cap;
} bytes;

static int bytes_reserve(bytes *b, size_t more)
{
    if (b->len + more > b->cap) {
        size_t cap = b->cap ? b->cap : 1 << 16;
        char *p;
        while (cap < b->len + more)
            cap *= 2;
        p = realloc(b->p, cap);
        if (!p)
            return -1;
        b->p = p;
        b->cap = cap;
    }
    return 0;
}

static int bytes_add(bytes *b, const char *s, size_t n)
{
    if (bytes_reserve(b, n) != 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

/* Everything one run needs; allocated once. */
typedef struct batch {
    cli_ctx *ctx;
    const zj_check_info *check;
    const zj_data *data;
    const char *in_path;
    size_t ncols;             /* input columns */
    size_t nk;                /* columns that are fields of the check */
    size_t chunk;             /* rows decided at a time */
    size_t *col_of;           /* [nk] input column of each field column */
    const char **names;       /* [nk] programmatic field names */
    bytes arena;              /* the chunk's cells, NUL-terminated */
    size_t *offs;             /* [CHUNK * ncols + 1] cell offsets into arena */
    size_t lines[BATCH_CHUNK];
    zj_value *cells;          /* [CHUNK * nk] */
    zj_decision *dec;         /* [CHUNK] */
    zj_summarizer *sum;       /* the joined reason columns, from the library */
    csv_out out;
    enum { OUT_CSV, OUT_JSONL, OUT_XLSX } kind;
    xlsx_out *xlsx;
    char **header;            /* [ncols] copies of the input's header */
    int header_done;
    size_t *counts;           /* eligible, not, undetermined, invalid */
    size_t errors_shown;
    int quiet;                /* no messages for single invalid rows */
} batch;

/* One cell of the current row: s[0 .. n), NUL-terminated at s[n]. */
static void put_field(batch *b, const char *s, size_t n)
{
    if (b->kind == OUT_XLSX)
        xlsx_out_text(b->xlsx, s, n);
    else
        csv_out_field_nz(&b->out, s, n);
}

static void put_str(batch *b, const char *s)
{
    put_field(b, s ? s : "", s ? strlen(s) : 0);
}

/* The decision columns of one row: the reasons joined as the library
 * sums them up (zj_decision_summarize), as R and Calc show them. */
static int write_decision(batch *b, const zj_decision *d)
{
    zj_decision_summary sm;

    if (zj_decision_summarize(b->sum, d, &sm, NULL) != ZJ_OK)
        return -1;
    if (b->kind == OUT_XLSX && d->status == ZJ_OK && (d->eligible == 1 || d->eligible == 0))
        xlsx_out_number(b->xlsx, d->eligible);
    else
        put_str(b, d->status != ZJ_OK ? "" : d->eligible == 1 ? "1" : d->eligible == 0 ? "0" : "");
    put_str(b, d->outcome && *d->outcome ? d->outcome : zj_code_name(d->status));
    put_str(b, d->outcome_zh);
    put_field(b, sm.codes, sm.codes_len);
    put_field(b, sm.reasons_zh, sm.reasons_zh_len);
    put_field(b, sm.reasons_en, sm.reasons_en_len);
    put_field(b, sm.sources, sm.sources_len);
    if (b->kind == OUT_XLSX)
        xlsx_out_end_row(b->xlsx);
    else
        csv_out_end_row(&b->out);
    return 0;
}

/* One decision as a line of JSON (JSON Lines): the input line, the row
 * by its header, then the decision as `zhijiao check --format json`
 * gives it. */
static int write_json_row(batch *b, size_t r, const zj_decision *d)
{
    json_t *row = json_object(), *o, *dec = NULL;
    zj_decision_summary sm;
    char *text;
    size_t j;

    for (j = 0; row && j < b->ncols; j++)
        json_object_set_new(row, b->header[j], out_jstr(b->arena.p + b->offs[r * b->ncols + j]));
    o = json_pack("{s:I,s:o}", "line", (json_int_t)b->lines[r], "row", row);
    if (zj_decision_summarize(b->sum, d, &sm, NULL) == ZJ_OK)
        dec = cli_decision_json(b->check, d, &sm);
    if (!o || !dec || json_object_update(o, dec) != 0) {
        json_decref(o);
        json_decref(dec);
        return -1;
    }
    json_decref(dec);
    text = json_dumps(o, JSON_COMPACT | JSON_REAL_PRECISION(15));
    json_decref(o);
    if (!text)
        return -1;
    csv_out_raw(&b->out, text, strlen(text));
    csv_out_raw(&b->out, "\n", 1);
    free(text);
    return 0;
}

/* The decision columns' headers: programmatic names in CSV (scripts read
 * them), the --lang language in a workbook (people read it). */
static const struct {
    const char *zh, *en;
    double width;
} decision_heads[] = {
    {"是否符合", "eligible", 10}, {"结果代码", "outcome", 16}, {"结果", "outcome_zh", 16},
    {"理由代码", "reason_codes", 36}, {"理由", "reasons_zh", 60},
    {"理由（英文）", "reasons_en", 60}, {"依据", "sources", 50},
};

/* The header row, written when the first rows are known: a workbook's
 * input columns are as wide as their header and their first rows. */
static void write_header(batch *b, size_t rows)
{
    size_t j, r;
    char buf[256];

    b->header_done = 1;
    if (b->kind == OUT_JSONL)
        return;
    if (b->kind == OUT_CSV) {
        for (j = 0; j < b->ncols; j++)
            csv_out_field(&b->out, b->header[j]);
        for (j = 0; j < 7; j++)
            csv_out_field(&b->out, decision_cols[j]);
        csv_out_end_row(&b->out);
        return;
    }
    for (j = 0; j < b->ncols; j++) {
        size_t w = out_width(b->header[j]);
        for (r = 0; r < rows; r++) {
            size_t cw = out_width(b->arena.p + b->offs[r * b->ncols + j]);
            if (cw > w)
                w = cw;
        }
        xlsx_out_width(b->xlsx, j, w < 6 ? 8 : w > 40 ? 42 : (double)w + 2);
    }
    for (j = 0; j < 7; j++)
        xlsx_out_width(b->xlsx, b->ncols + j, decision_heads[j].width);
    for (j = 0; j < b->ncols; j++)
        xlsx_out_header(b->xlsx, b->header[j]);
    for (j = 0; j < 7; j++)
        xlsx_out_header(b->xlsx, out_lang(b->ctx, decision_heads[j].zh, decision_heads[j].en,
                                          buf, sizeof buf));
    xlsx_out_end_row(b->xlsx);
}

static void report_invalid(batch *b, const zj_decision *d, size_t line)
{
    zj_error err;
    char where[300];
    size_t i;

    b->errors_shown++;
    if (b->quiet || b->errors_shown > BATCH_ERRORS_SHOWN)
        return;
    snprintf(where, sizeof where, "%s:%zu", b->in_path, line);
    zj_error_set(&err, d->status, where, "该行无法判定", "the row cannot be decided");
    for (i = 0; i < d->n_reasons; i++)
        if (zj_reason_is_decisive(d, i)) {
            zj_error_set(&err, d->status, where, d->reasons[i].message_zh,
                         d->reasons[i].message_en);
            break;
        }
    out_error(NULL, &err);
}

/* Decides the rows in the arena and writes them out. */
static int flush_chunk(batch *b, size_t rows)
{
    size_t r, k, j;
    zj_error err;

    for (r = 0; r < rows; r++)
        for (k = 0; k < b->nk; k++) {
            size_t g = r * b->ncols + b->col_of[k];
            const char *s = b->arena.p + b->offs[g];
            b->cells[r * b->nk + k] = *s ? zj_value_text(s) : zj_value_missing();
        }
    zj_error_clear(&err);
    if (zj_check_batch(b->data, b->check->name, b->names, b->nk, b->cells,
                       rows, b->dec, &err) != ZJ_OK)
        return out_error(b->ctx, &err);
    if (!b->header_done)
        write_header(b, rows);
    for (r = 0; r < rows; r++) {
        const zj_decision *d = &b->dec[r];

        if (d->status != ZJ_OK) {
            b->counts[3]++;
            report_invalid(b, d, b->lines[r]);
        } else {
            b->counts[d->eligible == 1 ? 0 : d->eligible == 0 ? 1 : 2]++;
        }
        if (b->kind == OUT_JSONL) {
            if (write_json_row(b, r, d) != 0) {
                zj_decisions_free(b->dec, rows);
                return out_nomem(b->ctx);
            }
            continue;
        }
        for (j = 0; j < b->ncols; j++) {
            size_t g = r * b->ncols + j;
            put_field(b, b->arena.p + b->offs[g], b->offs[g + 1] - b->offs[g] - 1);
        }
        if (write_decision(b, d) != 0) {
            zj_decisions_free(b->dec, rows);
            return out_nomem(b->ctx);
        }
    }
    zj_decisions_free(b->dec, rows);
    return 0;
}

/* Maps the header to the check's fields.  Returns 0 or an exit status.
 * A field given twice and columns that are no field are the library's
 * findings (zj_check_columns), worded as R and Calc word them. */
static int map_header(batch *b, const char *const *header, size_t n)
{
    size_t i, k;
    char list[2048];
    zj_column_report rep;
    zj_error err;

    b->ncols = n;
    b->col_of = malloc(n * sizeof *b->col_of);
    b->names = malloc(n * sizeof *b->names);
    if (!b->col_of || !b->names)
        return out_nomem(b->ctx);
    if (zj_check_columns(b->check->name, header, n, &rep, &err) != ZJ_OK)
        return out_usage_error(b->ctx, "batch", &err);
    if (rep.warn && !b->quiet && rep.n_missing < b->check->n_fields) {
        fflush(stdout);
        fprintf(stderr, "zhijiao: warning: %s\n  %s\n  %s\n", b->in_path, rep.message_zh,
                rep.message_en);
    }
    zj_column_report_free(&rep);
    b->nk = 0;
    for (i = 0; i < n; i++) {
        int idx = zj_check_field_index(b->check, header[i]);
        if (idx < 0)
            continue;
        b->col_of[b->nk] = i;
        b->names[b->nk] = b->check->fields[idx].name;
        b->nk++;
    }
    if (b->nk == 0) {
        size_t len = 0;
        list[0] = '\0';
        for (k = 0; k < b->check->n_fields && len + 1 < sizeof list; k++) {
            int w = snprintf(list + len, sizeof list - len, "%s%s (%s)",
                             k ? ", " : "", b->check->fields[k].name,
                             b->check->fields[k].name_zh);
            if (w < 0)
                break;
            len += (size_t)w;
        }
        return OUT_USAGE(b->ctx, "batch", b->in_path,
                         ("表头中没有检查 %s 的任何字段；字段有：%s", b->check->name, list),
                         ("the header names no field of check %s; its fields are: %s",
                          b->check->name, list));
    }
    return 0;
}

/* Whether the output would overwrite the input: compared by what the
 * files are (device and inode), so that "-" is standard input whatever it
 * was redirected from, and a link or another name of the input is
 * caught. */
static int same_file(const char *in, const char *out)
{
    struct stat si, so;

    if (stat(out, &so) != 0)
        return 0;
    if (strcmp(in, "-") == 0 ? fstat(STDIN_FILENO, &si) != 0 : stat(in, &si) != 0)
        return 0;
    return S_ISREG(so.st_mode) && si.st_dev == so.st_dev && si.st_ino == so.st_ino;
}

/* Whether path names an .xlsx file (by its ending, any case). */
static int is_xlsx_path(const char *path)
{
    size_t n = path ? strlen(path) : 0;

    return n > 5 && strcasecmp(path + n - 5, ".xlsx") == 0;
}

/* Opens the input and reads its header row; 0 or an exit status. */
static int open_input(batch *b, const cli_batch_opts *o, zj_rows_reader **r,
                      const char *const **fields, size_t *nf)
{
    zj_error err;

    zj_error_clear(&err);
    if (zj_rows_open(b->in_path, o->enc, o->sheet, r, &err) != ZJ_OK ||
        zj_rows_next(*r, fields, nf, &err) != ZJ_OK)
        return out_error(b->ctx, &err);
    if (!*fields) {
        zj_error_set(&err, ZJ_ERR_PARSE, b->in_path, "文件为空，没有表头行",
                     "the file is empty: no header row");
        return out_error(b->ctx, &err);
    }
    return 0;
}

int cli_batch_file(cli_ctx *ctx, const char *check, const char *in_path,
                   const cli_batch_opts *o, size_t counts[4])
{
    batch b;
    zj_rows_reader *r = NULL;
    zj_error err;
    const char *const *fields;
    size_t nf, rows = 0, j;
    FILE *fp = NULL;
    zj_outfile *of = NULL;
    const char *out_path = o->out_path;
    int to_file = out_path && strcmp(out_path, "-") != 0;
    int rc = CLI_EXIT_ERROR, out_open = 0;

    memset(&b, 0, sizeof b);
    memset(counts, 0, 4 * sizeof *counts);
    b.ctx = ctx;
    b.in_path = in_path;
    b.counts = counts;
    b.quiet = o->quiet;
    b.kind = to_file && is_xlsx_path(out_path) ? OUT_XLSX
             : ctx->format == CLI_FMT_JSON     ? OUT_JSONL
                                               : OUT_CSV;
    b.check = zj_check_find(check);
    if (!b.check) {
        return out_no_check(ctx, check);
    }
    if (!(b.data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    zj_error_clear(&err);
    if ((rc = open_input(&b, o, &r, &fields, &nf)) != 0) {
        zj_rows_close(r);
        return rc;
    }
    if ((rc = map_header(&b, fields, nf)) != 0)
        goto done;
    rc = CLI_EXIT_ERROR;
    b.chunk = BATCH_CHUNK_CELLS / b.ncols;
    if (b.chunk > BATCH_CHUNK)
        b.chunk = BATCH_CHUNK;
    if (b.chunk == 0)
        b.chunk = 1;
    b.offs = malloc((b.chunk * b.ncols + 1) * sizeof *b.offs);
    b.cells = malloc(b.chunk * b.nk * sizeof *b.cells);
    b.dec = malloc(BATCH_CHUNK * sizeof *b.dec);
    b.header = calloc(nf, sizeof *b.header);
    b.sum = zj_summarizer_new(b.data, ZJ_SUMMARY_COLUMNS);
    if (!b.offs || !b.cells || !b.dec || !b.header || !b.sum || bytes_reserve(&b.arena, 1 << 20)) {
        out_nomem(ctx);
        goto done;
    }
    /* The header outlives the reader's next row. */
    for (j = 0; j < nf; j++)
        if (!(b.header[j] = strdup(fields[j]))) {
            out_nomem(ctx);
            goto done;
        }
    if (to_file && same_file(in_path, out_path)) {
        rc = OUT_USAGE(ctx, "batch", out_path,
                       ("输出文件不能是输入文件本身"),
                       ("the output file must not be the input file"));
        goto done;
    }
    /* A file is written beside its final name and replaces it only when
     * complete: a failure leaves the old file as it was. */
    if (to_file && zj_outfile_open(out_path, &of, &err) != ZJ_OK) {
        out_error(ctx, &err);
        goto done;
    }
    fp = to_file ? zj_outfile_stream(of) : stdout;
    if (b.kind == OUT_XLSX) {
        if (!(b.xlsx = xlsx_out_open(zj_outfile_temp_path(of), "zhijiao", &err))) {
            out_error(ctx, &err);
            goto done;
        }
    } else {
        if (csv_out_init(&b.out, fp, 1 << 20) != 0) {
            out_nomem(ctx);
            goto done;
        }
        out_open = 1;
        /* Excel and WPS in Chinese read a CSV file without a mark as
         * GB18030: a file gets the UTF-8 mark unless asked otherwise. */
        if (b.kind == OUT_CSV && (o->bom > 0 || (o->bom < 0 && to_file)))
            csv_out_raw(&b.out, "\xEF\xBB\xBF", 3);
    }

    for (;;) {
        if (zj_rows_next(r, &fields, &nf, &err) != ZJ_OK) {
            out_error(ctx, &err);
            goto done;
        }
        if (!fields)
            break;
        if (nf != b.ncols) {
            csv_ragged_row(ctx, in_path, zj_rows_line(r), nf, b.ncols);
            goto done;
        }
        if (rows == 0) {
            b.arena.len = 0;
            b.offs[0] = 0;
        }
        for (j = 0; j < nf; j++) {
            size_t g = rows * b.ncols + j;
            if (bytes_add(&b.arena, fields[j], strlen(fields[j]) + 1) != 0) {
                out_nomem(ctx);
                goto done;
            }
            b.offs[g + 1] = b.arena.len;
        }
        b.lines[rows++] = zj_rows_line(r);
        if (rows == b.chunk) {
            if (flush_chunk(&b, rows) != 0)
                goto done;
            rows = 0;
        }
    }
    if (rows > 0 && flush_chunk(&b, rows) != 0)
        goto done;
    if (!b.header_done)
        write_header(&b, 0);
    if (!b.quiet && b.errors_shown > BATCH_ERRORS_SHOWN) {
        size_t more = b.errors_shown - BATCH_ERRORS_SHOWN;
        char zh[64], en[64];
        fprintf(stderr, "zhijiao: %s / %s\n", cli_fmt(zh, sizeof zh, "另有 %zu 行无法判定", more),
                cli_fmt(en, sizeof en, "... %zu more invalid rows", more));
    }
    rc = CLI_EXIT_OK;
done:
    if (out_open && csv_out_finish(&b.out) != 0 && rc != CLI_EXIT_ERROR) {
        zj_error_set(&err, ZJ_ERR_IO, to_file ? out_path : "stdout", "写输出失败",
                     "writing the output failed");
        rc = out_error(ctx, &err);
    }
    if (b.xlsx && xlsx_out_close(b.xlsx, &err) != 0 && rc == CLI_EXIT_OK)
        rc = out_error(ctx, &err);
    if (of) {
        if (rc != CLI_EXIT_OK)
            zj_outfile_abort(of);
        else if (zj_outfile_commit(of, &err) != ZJ_OK)
            rc = out_error(ctx, &err);
    }
    zj_rows_close(r);
    if (b.header)
        for (j = 0; j < b.ncols; j++)
            free(b.header[j]);
    free(b.header);
    free(b.col_of);
    free(b.names);
    free(b.arena.p);
    free(b.offs);
    free(b.cells);
    free(b.dec);
    zj_summarizer_free(b.sum);
    return rc;
}

int cmd_batch(cli_ctx *ctx, int argc, char **argv)
{
    const char *output, *encoding, *bom, *sheet, *out_enc;
    batch_opts opts = {0};
    const char *pos[2];
    size_t npos, counts[4];
    cli_batch_opts o;
    int rc;

    rc = args_parse(ctx, &cli_cmd_batch, argc, argv, &opts, pos, 2, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    output = opts.output;
    encoding = opts.encoding;
    bom = opts.bom;
    sheet = opts.sheet;
    out_enc = opts.output_encoding;
    if (npos != 2)
        return OUT_USAGE(ctx, "batch", NULL,
                         ("须给出检查名称和输入文件"),
                         ("give the check name and the input file"));
    memset(&o, 0, sizeof o);
    if (args_encoding(ctx, encoding, &o.enc))
        return CLI_EXIT_ERROR;
    o.sheet = sheet;
    o.out_path = output;
    o.bom = bom ? 1 : -1;
    if (out_enc) {
        if (strcasecmp(out_enc, "utf-8-bom") == 0 || strcasecmp(out_enc, "utf8-bom") == 0)
            o.bom = 1;
        else if (strcasecmp(out_enc, "utf-8") == 0 || strcasecmp(out_enc, "utf8") == 0)
            o.bom = bom ? 1 : 0;
        else
            return OUT_USAGE(ctx, "batch", "--output-encoding",
                             ("未知的输出编码“%s”；可用：utf-8-bom（写入文件时的默认）、utf-8", out_enc),
                             ("unknown output encoding '%s'; expected utf-8-bom (the default for a file) "
                              "or utf-8", out_enc));
    }
    if (ctx->format == CLI_FMT_JSON && is_xlsx_path(output))
        return OUT_USAGE(ctx, "batch", "--format",
                         ("--format json 写 JSON Lines，不能写入 .xlsx 文件"),
                         ("--format json writes JSON Lines, which cannot go to an .xlsx file"));
    rc = cli_batch_file(ctx, pos[0], pos[1], &o, counts);
    if (rc != CLI_EXIT_OK)
        return rc;
    if (ctx->verbose || isatty(STDERR_FILENO))
        fprintf(stderr,
                "%zu rows: %zu eligible, %zu not eligible, %zu undetermined, %zu invalid\n",
                counts[0] + counts[1] + counts[2] + counts[3], counts[0],
                counts[1], counts[2], counts[3]);
    /* Rows that could not be decided are bad input data. */
    return counts[3] ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}
