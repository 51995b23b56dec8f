/* cmd_batch.c — `zhijiao batch`: every row of a CSV decided by one check.
 *
 * Built for files of a million rows: rows are read into one reusable
 * arena and decided 4096 at a time with zj_check_batch; output goes
 * through one large buffer (csv_out).  Nothing is allocated per row here,
 * and nothing is flushed per row.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "csv_out.h"
#include "output.h"

#define BATCH_CHUNK 4096
/* Invalid rows are explained on stderr up to this many; the rest counted. */
#define BATCH_ERRORS_SHOWN 5

static const char batch_help[] =
    "Usage: zhijiao batch NAME INPUT.csv [--output OUT.csv] [--encoding E] [--bom]\n"
    "\n"
    "Decides every row of INPUT.csv with check NAME (see `zhijiao checks`)\n"
    "and writes one output row per input row (批量判定): all input columns\n"
    "unchanged, then\n"
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
    "through.  An empty cell is a missing value.  INPUT.csv may be UTF-8\n"
    "(with or without BOM) or GB18030 (GBK), detected automatically; \"-\"\n"
    "reads standard input.\n"
    "\n"
    "Options:\n"
    "  --output OUT.csv  write there instead of standard output (UTF-8)\n"
    "  --encoding E      auto (default), utf-8 or gb18030\n"
    "  --bom             start the output with a UTF-8 BOM (for Excel)\n"
    "\n"
    "A summary `N rows: A eligible, B not eligible, C undetermined, D invalid`\n"
    "goes to stderr when it is a terminal, or with --verbose.\n"
    "Exit status: 0 every row was decided (whatever the outcome); 2 some rows\n"
    "were invalid (bad input, no rules for the year), the file is ragged\n"
    "(a row with more or fewer fields than the header; the output is then\n"
    "incomplete and an --output file is removed), or it cannot be read.\n";

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
    size_t *col_of;           /* [nk] input column of each field column */
    const char **names;       /* [nk] programmatic field names */
    bytes arena;              /* the chunk's cells, NUL-terminated */
    size_t *offs;             /* [CHUNK * ncols + 1] cell offsets into arena */
    size_t lines[BATCH_CHUNK];
    zj_value *cells;          /* [CHUNK * nk] */
    zj_decision *dec;         /* [CHUNK] */
    zj_summarizer *sum;       /* the joined reason columns, from the library */
    csv_out out;
    size_t *counts;           /* eligible, not, undetermined, invalid */
    size_t errors_shown;
    int quiet;                /* no messages for single invalid rows */
} batch;

/* The decision columns of one row: the reasons joined as the library
 * sums them up (zj_decision_summarize), as R and Calc show them. */
static int write_decision(batch *b, const zj_decision *d)
{
    zj_decision_summary sm;

    if (zj_decision_summarize(b->sum, d, &sm, NULL) != ZJ_OK)
        return -1;
    csv_out_field(&b->out, d->status != ZJ_OK ? ""
                           : d->eligible == 1 ? "1"
                           : d->eligible == 0 ? "0" : "");
    csv_out_field(&b->out, d->outcome && *d->outcome ? d->outcome
                                                     : zj_code_name(d->status));
    csv_out_field(&b->out, d->outcome_zh);
    csv_out_field_nz(&b->out, sm.codes, sm.codes_len);
    csv_out_field_nz(&b->out, sm.reasons_zh, sm.reasons_zh_len);
    csv_out_field_nz(&b->out, sm.reasons_en, sm.reasons_en_len);
    csv_out_field_nz(&b->out, sm.sources, sm.sources_len);
    csv_out_end_row(&b->out);
    return 0;
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
    for (r = 0; r < rows; r++) {
        const zj_decision *d = &b->dec[r];

        for (j = 0; j < b->ncols; j++) {
            size_t g = r * b->ncols + j;
            csv_out_field_nz(&b->out, b->arena.p + b->offs[g],
                             b->offs[g + 1] - b->offs[g] - 1);
        }
        if (d->status != ZJ_OK) {
            b->counts[3]++;
            report_invalid(b, d, b->lines[r]);
        } else {
            b->counts[d->eligible == 1 ? 0 : d->eligible == 0 ? 1 : 2]++;
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
        return out_usage(b->ctx, "batch", b->in_path,
                         "表头中没有检查 %s 的任何字段；字段有：%s",
                         "the header names no field of check %s; its fields are: %s",
                         b->check->name, list);
    }
    return 0;
}

/* Refuses to overwrite the input with the output. */
static int same_file(const char *a, const char *b)
{
    struct stat sa, sb;

    return strcmp(a, "-") != 0 && stat(a, &sa) == 0 && stat(b, &sb) == 0 &&
           sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

int cli_batch_file(cli_ctx *ctx, const char *check, const char *in_path,
                   zj_encoding enc, const char *out_path, int bom,
                   int quiet, size_t counts[4])
{
    batch b;
    zj_csv_reader *r = NULL;
    zj_error err;
    const char *const *fields;
    size_t nf, rows = 0, j;
    FILE *fp = NULL;
    int to_file = out_path && strcmp(out_path, "-") != 0;
    int rc = CLI_EXIT_ERROR, out_open = 0, removable = 0;
    struct stat st;

    memset(&b, 0, sizeof b);
    memset(counts, 0, 4 * sizeof *counts);
    b.ctx = ctx;
    b.in_path = in_path;
    b.counts = counts;
    b.quiet = quiet;
    b.check = zj_check_find(check);
    if (!b.check) {
        char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
        zj_error_set(&err, ZJ_ERR_NOT_FOUND, check,
                     cli_fmt(zh, sizeof zh, "没有名为“%s”的检查（见 zhijiao checks）", check),
                     cli_fmt(en, sizeof en, "no check named '%s' (see zhijiao checks)", check));
        return out_error(ctx, &err);
    }
    if (!(b.data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    zj_error_clear(&err);
    if ((rc = args_open_csv(ctx, in_path, enc, &r, &fields, &nf)) != 0)
        return rc;
    if ((rc = map_header(&b, fields, nf)) != 0)
        goto done;
    rc = CLI_EXIT_ERROR;
    b.offs = malloc((BATCH_CHUNK * b.ncols + 1) * sizeof *b.offs);
    b.cells = malloc(BATCH_CHUNK * b.nk * sizeof *b.cells);
    b.dec = malloc(BATCH_CHUNK * sizeof *b.dec);
    b.sum = zj_summarizer_new(b.data, ZJ_SUMMARY_COLUMNS);
    if (!b.offs || !b.cells || !b.dec || !b.sum || bytes_reserve(&b.arena, 1 << 20)) {
        out_nomem(ctx);
        goto done;
    }
    if (to_file && same_file(in_path, out_path)) {
        rc = out_usage(ctx, "batch", out_path, "输出文件不能是输入文件本身",
                       "the output file must not be the input file");
        goto done;
    }
    fp = to_file ? fopen(out_path, "wb") : stdout;
    /* Only a regular file may be removed on failure: never a device or a
     * pipe given as --output (/dev/stdout, a FIFO). */
    removable = fp && to_file && fstat(fileno(fp), &st) == 0 &&
                S_ISREG(st.st_mode);
    if (!fp) {
        char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
        const char *why = strerror(errno);
        zj_error_set(&err, ZJ_ERR_IO, out_path, cli_fmt(zh, sizeof zh, "无法写入输出文件（%s）", why),
                     cli_fmt(en, sizeof en, "cannot write the output file (%s)", why));
        out_error(ctx, &err);
        goto done;
    }
    if (csv_out_init(&b.out, fp, 1 << 20) != 0) {
        out_nomem(ctx);
        goto done;
    }
    out_open = 1;
    if (bom)
        csv_out_raw(&b.out, "\xEF\xBB\xBF", 3);
    for (j = 0; j < nf; j++)
        csv_out_field(&b.out, fields[j]);
    for (j = 0; j < 7; j++)
        csv_out_field(&b.out, decision_cols[j]);
    csv_out_end_row(&b.out);

    for (;;) {
        if (zj_csv_next(r, &fields, &nf, &err) != ZJ_OK) {
            out_error(ctx, &err);
            goto done;
        }
        if (!fields)
            break;
        if (nf != b.ncols) {
            char where[300];
            snprintf(where, sizeof where, "%s:%zu", in_path, zj_csv_line(r));
            char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
            zj_error_set(&err, ZJ_ERR_PARSE, where,
                         cli_fmt(zh, sizeof zh, "第 %zu 行有 %zu 个字段，而表头有 %zu 个",
                                 zj_csv_line(r), nf, b.ncols),
                         cli_fmt(en, sizeof en, "line %zu has %zu fields but the header has %zu",
                                 zj_csv_line(r), nf, b.ncols));
            out_error(ctx, &err);
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
        b.lines[rows++] = zj_csv_line(r);
        if (rows == BATCH_CHUNK) {
            if (flush_chunk(&b, rows) != 0)
                goto done;
            rows = 0;
        }
    }
    if (rows > 0 && flush_chunk(&b, rows) != 0)
        goto done;
    if (!quiet && b.errors_shown > BATCH_ERRORS_SHOWN)
        fprintf(stderr, "zhijiao: ... %zu more invalid rows (另有 %zu 行无法判定)\n",
                b.errors_shown - BATCH_ERRORS_SHOWN,
                b.errors_shown - BATCH_ERRORS_SHOWN);
    rc = CLI_EXIT_OK;
done:
    if (out_open && csv_out_finish(&b.out) != 0 && rc != CLI_EXIT_ERROR) {
        zj_error_set(&err, ZJ_ERR_IO, to_file ? out_path : "stdout", "写输出失败",
                     "writing the output failed");
        rc = out_error(ctx, &err);
    }
    if (to_file && fp) {
        if (fclose(fp) != 0 && rc != CLI_EXIT_ERROR) {
            zj_error_set(&err, ZJ_ERR_IO, out_path, "写输出文件失败",
                     "writing the output file failed");
            rc = out_error(ctx, &err);
        }
        /* A half-written result must not pass for a whole one. */
        if (rc != CLI_EXIT_OK && removable)
            remove(out_path);
    }
    zj_csv_close(r);
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
    const char *output = NULL, *encoding = NULL, *bom = NULL;
    const cli_opt opts[] = {
        {"output", 1, &output}, {"encoding", 1, &encoding}, {"bom", 0, &bom},
    };
    const char *pos[2];
    size_t npos, counts[4];
    zj_encoding enc;
    int rc;

    rc = args_parse(ctx, "batch", argc, argv, opts, 3, pos, 2, &npos);
    if (rc == ARGS_HELP) {
        fputs(batch_help, stdout);
        return CLI_EXIT_OK;
    }
    if (rc != 0)
        return rc;
    if (npos != 2)
        return out_usage(ctx, "batch", NULL, "须给出检查名称和输入 CSV 文件",
                         "give the check name and the input CSV file");
    if (args_encoding(ctx, encoding, &enc))
        return CLI_EXIT_ERROR;
    rc = cli_batch_file(ctx, pos[0], pos[1], enc, output, bom != NULL, 0,
                        counts);
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
