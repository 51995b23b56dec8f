/* csv_read.c — a pull reader over libcsv's push parser.
 *
 * Input is read in 64 KiB chunks, converted to UTF-8 when it is GB18030,
 * and fed to libcsv one physical line at a time, so that we always know
 * which line a record starts on (libcsv's callbacks do not say where
 * they are).  Completed records are copied into an arena and handed out
 * one by one; the arena is reused once they have all been handed out, so
 * memory stays bounded by a chunk's worth of records plus the record
 * being parsed, whatever the file size.
 *
 * Fields are kept byte for byte, as RFC 4180 and Excel have it: libcsv's
 * trimming of spaces and tabs around fields is turned off.  A line that
 * holds nothing but blanks (or a lone "") is a blank line and skipped. */
#include <csv.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "zhijiao/csv.h"
#include "encoding.h"
#include "error_internal.h"
#include "strbuf.h"
#include "utf8.h"

#define CHUNK_BYTES (64 * 1024)
/* Guards against hostile or broken input (e.g. an unclosed quote that
 * swallows the rest of a huge file). */
#define MAX_FIELD_BYTES (1024 * 1024)
#define MAX_FIELDS 10000
#define MAX_RECORD_BYTES (64 * 1024 * 1024)
/* libcsv grows its field buffer linearly by this much. */
#define CSV_BLOCK 16384
/* libcsv's parser state while it collects a field (FIELD_BEGUN in
 * libcsv.c; the state is public in struct csv_parser, its names are not). */
#define CSV_IN_FIELD 2

typedef struct rec_ref {
    size_t first;       /* index into foff of the first field */
    size_t n;
    size_t line;
} rec_ref;

/* What a libcsv callback ran into; callbacks cannot return errors. */
typedef enum cb_problem {
    CB_OK = 0,
    CB_NOMEM,
    CB_TOO_MANY_FIELDS,
    CB_FIELD_TOO_LONG,
    CB_RECORD_TOO_LONG
} cb_problem;

struct zj_csv_reader {
    /* the source: a file or a caller's buffer */
    FILE *fp;
    int own_fp;
    const char *mem;
    size_t mem_len, mem_pos;
    char *name;             /* for messages: the path, <stdin>, <memory> */
    char *inbuf;            /* a file chunk */
    const char *first;      /* the first chunk, read at open to detect */
    size_t first_len;
    int have_first, eof;
    size_t offset;          /* source bytes before the current chunk */

    /* decoding */
    zj_encoding enc;
    int detected;           /* enc was guessed (GB18030): watch for UTF-8 */
    zj__utf8_stream utf8;
    zj__gb18030_conv *conv;
    zj__strbuf conv_out;
    int at_start;           /* nothing fed yet, so a BOM may follow */

    /* parsing */
    struct csv_parser parser;
    int parser_ready;
    size_t line;            /* the line of the next byte to be fed */
    int prev_cr;
    size_t rec_start;       /* line the record being parsed began on; 0 none */
    size_t quote_line;      /* line an open quoted field began on; 0 none */
    cb_problem problem;

    /* records parsed and not yet handed out, in an arena of NUL-terminated
     * fields (offsets, since the arena moves when it grows) */
    char *arena;
    size_t arena_len, arena_cap;
    size_t *foff;
    size_t nfoff, foff_cap;
    size_t cur_first, cur_n;    /* fields of the record being parsed */
    rec_ref *recs;
    size_t nrecs, recs_cap, next_rec;
    const char **ptrs;          /* what zj_csv_next hands out */
    size_t ptrs_cap;
    size_t last_line;

    int finished;           /* all input parsed */
    zj_code status;         /* a failure, repeated by every later call */
    zj_error error;
};

/* ---- encoding names ------------------------------------------------------ */

zj_code zj_encoding_parse(const char *name, zj_encoding *out, zj_error *err)
{
    static const struct { const char *name; zj_encoding enc; } names[] = {
        { "auto", ZJ_ENC_AUTO }, { "utf-8", ZJ_ENC_UTF8 },
        { "utf8", ZJ_ENC_UTF8 }, { "gb18030", ZJ_ENC_GB18030 },
        { "gbk", ZJ_ENC_GB18030 }, { "gb2312", ZJ_ENC_GB18030 },
        { "utf-16le", ZJ_ENC_UTF16LE }, { "utf-16be", ZJ_ENC_UTF16BE },
        { "utf-32le", ZJ_ENC_UTF32LE }, { "utf-32be", ZJ_ENC_UTF32BE }
    };
    size_t i, len;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if (!name)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument name",
                       ("编码名 name 不能为 NULL"),
                       ("the encoding name must not be NULL"));
    for (i = 0; i < sizeof names / sizeof names[0]; i++) {
        if (zj__ascii_ieq(name, names[i].name)) {
            *out = names[i].enc;
            return ZJ_OK;
        }
    }
    /* Quote the name only as far as it is UTF-8, so the message is. */
    len = (size_t)zj__utf8_quotable(name, (size_t)-1);
    return ZJ_FAIL(err, ZJ_ERR_ARG, "argument name",
                   ("未知的编码“%.*s”；可用：auto、utf-8、gb18030（或 gbk、gb2312）、"
                    "utf-16le、utf-16be、utf-32le、utf-32be", (int)len, name),
                   ("unknown encoding \"%.*s\"; expected auto, utf-8, "
                    "gb18030 (also gbk, gb2312), utf-16le, utf-16be, utf-32le "
                    "or utf-32be", (int)len, name));
}

const char *zj_encoding_name(zj_encoding enc)
{
    switch (enc) {
    case ZJ_ENC_AUTO: return "auto";
    case ZJ_ENC_UTF8: return "utf-8";
    case ZJ_ENC_GB18030: return "gb18030";
    case ZJ_ENC_UTF16LE: return "utf-16le";
    case ZJ_ENC_UTF16BE: return "utf-16be";
    case ZJ_ENC_UTF32LE: return "utf-32le";
    case ZJ_ENC_UTF32BE: return "utf-32be";
    }
    return "unknown";
}

/* ---- failures -------------------------------------------------------------- */

/* "name:line" for zj_error.where. */
static void where_line(const zj_csv_reader *r, size_t line, char *buf,
                       size_t size)
{
    snprintf(buf, size, "%s:%zu", r->name, line);
}

/* Records the first failure; the reader repeats it from then on. */
static zj_code reader_fail_code(zj_csv_reader *r, zj_code code)
{
    r->status = code;
    r->error.code = code;
    return code;
}

static zj_code fail_nomem(zj_csv_reader *r)
{
    ZJ_FAIL(&r->error, ZJ_ERR_NOMEM, r->name,
            ("读取 CSV 时内存不足"),
            ("out of memory while reading CSV"));
    return reader_fail_code(r, ZJ_ERR_NOMEM);
}

static zj_code fail_problem(zj_csv_reader *r)
{
    char where[ZJ_ERROR_WHERE_MAX];
    size_t line = r->rec_start ? r->rec_start : r->line;

    switch (r->problem) {
    case CB_OK:
    case CB_NOMEM:
        break;
    case CB_TOO_MANY_FIELDS:
        where_line(r, line, where, sizeof where);
        ZJ_FAIL(&r->error, ZJ_ERR_PARSE, where,
                ("第 %zu 行开始的记录超过 %d 个字段", line, MAX_FIELDS),
                ("the record starting on line %zu has more than %d fields", line, MAX_FIELDS));
        return reader_fail_code(r, ZJ_ERR_PARSE);
    case CB_FIELD_TOO_LONG:
        if (r->quote_line) {
            where_line(r, r->quote_line, where, sizeof where);
            return reader_fail_code(r, ZJ_FAIL(&r->error, ZJ_ERR_PARSE, where,
                ("第 %zu 行开始的带引号字段超过 %d 字节：引号未闭合？", r->quote_line, MAX_FIELD_BYTES),
                ("the quoted field starting on line %zu is longer than %d bytes: an unclosed quote?",
                 r->quote_line, MAX_FIELD_BYTES)));
        }
        where_line(r, r->line, where, sizeof where);
        ZJ_FAIL(&r->error, ZJ_ERR_PARSE, where,
                ("第 %zu 行的字段超过 %d 字节（是否有未闭合的引号？）", r->line, MAX_FIELD_BYTES),
                ("a field on line %zu is longer than %d bytes (an unclosed "
                 "quote?)", r->line, MAX_FIELD_BYTES));
        return reader_fail_code(r, ZJ_ERR_PARSE);
    case CB_RECORD_TOO_LONG:
        where_line(r, line, where, sizeof where);
        ZJ_FAIL(&r->error, ZJ_ERR_PARSE, where,
                ("第 %zu 行开始的记录超过 %d 字节", line, MAX_RECORD_BYTES),
                ("the record starting on line %zu is longer than %d bytes", line, MAX_RECORD_BYTES));
        return reader_fail_code(r, ZJ_ERR_PARSE);
    }
    return fail_nomem(r);
}

/* ---- libcsv callbacks -------------------------------------------------- */

static int grow(void **p, size_t *cap, size_t need, size_t elem)
{
    size_t n = *cap ? *cap : 64;
    void *q;

    if (need <= *cap)
        return 1;
    while (n < need) {
        if (n > (size_t)-1 / 2 / elem)
            return 0;
        n *= 2;
    }
    q = realloc(*p, n * elem);
    if (!q)
        return 0;
    *p = q;
    *cap = n;
    return 1;
}

static void on_field(void *s, size_t len, void *data)
{
    zj_csv_reader *r = data;
    size_t rec_bytes;

    if (r->problem)
        return;
    if (r->cur_n >= MAX_FIELDS) {
        r->problem = CB_TOO_MANY_FIELDS;
        return;
    }
    if (len > MAX_FIELD_BYTES) {
        r->problem = CB_FIELD_TOO_LONG;
        return;
    }
    rec_bytes = r->cur_n ? r->arena_len - r->foff[r->cur_first] : 0;
    if (rec_bytes + len + 1 > MAX_RECORD_BYTES) {
        r->problem = CB_RECORD_TOO_LONG;
        return;
    }
    if (!grow((void **)&r->arena, &r->arena_cap, r->arena_len + len + 1, 1) ||
        !grow((void **)&r->foff, &r->foff_cap, r->nfoff + 1,
              sizeof *r->foff)) {
        r->problem = CB_NOMEM;
        return;
    }
    if (len)
        memcpy(r->arena + r->arena_len, s, len);
    r->arena[r->arena_len + len] = '\0';
    r->foff[r->nfoff++] = r->arena_len;
    r->arena_len += len + 1;
    r->cur_n++;
}

/* A record that is one field of spaces and tabs (or nothing) came from
 * a blank line: libcsv no longer drops those once trimming is off. */
static int is_blank_record(const zj_csv_reader *r)
{
    const char *s;

    if (r->cur_n != 1)
        return 0;
    for (s = r->arena + r->foff[r->cur_first]; *s; s++)
        if (*s != ' ' && *s != '\t')
            return 0;
    return 1;
}

static void on_record(int c, void *data)
{
    zj_csv_reader *r = data;
    rec_ref *rr;

    (void)c;
    if (r->problem)
        return;
    if (r->cur_n == 0 || is_blank_record(r)) {
        if (r->cur_n) {
            r->arena_len = r->foff[r->cur_first];
            r->nfoff = r->cur_first;
        }
    } else {
        if (!grow((void **)&r->recs, &r->recs_cap, r->nrecs + 1,
                  sizeof *r->recs)) {
            r->problem = CB_NOMEM;
            return;
        }
        rr = &r->recs[r->nrecs++];
        rr->first = r->cur_first;
        rr->n = r->cur_n;
        rr->line = r->rec_start ? r->rec_start : r->line;
    }
    r->cur_first = r->nfoff;
    r->cur_n = 0;
    r->rec_start = 0;
}

/* RFC 4180: spaces are part of a field. */
static int never_space(unsigned char c)
{
    (void)c;
    return 0;
}

/* ---- feeding the parser ------------------------------------------------ */

/* The end of the physical line starting at s: just past the first CR or
 * LF, or len. */
static size_t line_end(const char *s, size_t len)
{
    const char *nl = memchr(s, '\n', len);
    size_t lim = nl ? (size_t)(nl - s) : len;
    const char *cr = memchr(s, '\r', lim);

    if (cr)
        return (size_t)(cr - s) + 1;
    return nl ? lim + 1 : len;
}

/* Feeds UTF-8 text to libcsv a line at a time.  With trimming off,
 * libcsv outside a record skips only CR and LF, so a record starts
 * exactly at the first byte of a piece that is not a line break, which
 * is how rec_start stays exact even for quoted fields spanning lines. */
static zj_code feed(zj_csv_reader *r, const char *s, size_t len)
{
    size_t i = 0, end, n;
    char last;

    if (r->at_start && len) {
        r->at_start = 0;
        /* A file saved twice through a tool that adds a mark has two:
         * none of them is text. */
        while (zj__utf8_bom_len(s + i, len - i))
            i += 3;
    }
    while (i < len) {
        end = i + line_end(s + i, len - i);
        n = end - i;
        if (!r->rec_start && s[i] != '\n' && s[i] != '\r')
            r->rec_start = r->line;
        if (csv_parse(&r->parser, s + i, n, on_field, on_record, r) != n &&
            !r->problem)
            r->problem = CB_NOMEM;
        /* entry_pos (public in csv.h) is the length of the field libcsv
         * is still collecting: check it here, before it can grow by more
         * than a chunk past the limit. */
        if (!r->problem && r->parser.entry_pos > MAX_FIELD_BYTES)
            r->problem = CB_FIELD_TOO_LONG;
        if (r->problem)
            return fail_problem(r);
        /* libcsv is inside a quoted field (opened, not yet closed): note
         * where it opened, for the error if it never closes. */
        if (r->parser.quoted && r->parser.pstate == CSV_IN_FIELD) {
            if (!r->quote_line)
                r->quote_line = r->line;
        } else {
            r->quote_line = 0;
        }
        last = s[end - 1];
        if (last == '\r' || (last == '\n' && !(n == 1 && r->prev_cr)))
            r->line++;
        r->prev_cr = last == '\r';
        i = end;
    }
    return ZJ_OK;
}

static zj_code fail_unclosed_quote(zj_csv_reader *r)
{
    char where[ZJ_ERROR_WHERE_MAX];
    size_t line = r->quote_line ? r->quote_line : r->rec_start ? r->rec_start : r->line;

    where_line(r, line, where, sizeof where);
    return reader_fail_code(r, ZJ_FAIL(&r->error, ZJ_ERR_PARSE, where,
        ("第 %zu 行开始的带引号字段直到文件末尾都没有闭合的引号：此后各行都被读进了这一个字段。"
         "请补上右引号（字段内的引号要写成两个 \"\"）", line),
        ("the quoted field starting on line %zu has no closing quote before the end of the file, "
         "so every line after it would be read into that one field; add the closing quote (a quote "
         "inside a field is written twice: \"\")", line)));
}

/* The line on which offset (into s, whose first byte is on line `first`)
 * lies. */
static size_t line_at(const char *s, size_t offset, size_t first)
{
    size_t i, line = first;

    for (i = 0; i < offset; i++)
        if (s[i] == '\n')
            line++;
    return line;
}

/* The first chunk is not UTF-8 but holds UTF-8 Chinese: refuses to guess. */
static zj_code fail_mixed(zj_csv_reader *r, const char *s, size_t len, size_t first_line)
{
    char where[ZJ_ERROR_WHERE_MAX];
    size_t bad = zj__utf8_valid_prefix(s, len, NULL);
    size_t good = zj__find_utf8_line(s, len, r->eof);
    size_t line = line_at(s, bad, first_line), col = 1, i;
    size_t uline = line_at(s, good, first_line);

    for (i = bad; i > 0 && s[i - 1] != '\n'; i--)
        col++;
    where_line(r, line, where, sizeof where);
    return reader_fail_code(r, ZJ_FAIL(&r->error, ZJ_ERR_ENCODING, where,
        ("文件混用了编码：第 %zu 行是 UTF-8 中文，而第 %zu 行第 %zu 个字节（0x%02X，文件偏移 %zu）"
         "不是 UTF-8（可能是粘贴进来的 GBK 文字）。按任何一种编码读都会使一部分文字变成乱码；"
         "请把整个文件另存为 UTF-8，或明确指定编码",
         uline, line, col, (unsigned char)s[bad], r->offset + bad),
        ("the file mixes encodings: line %zu is UTF-8 Chinese, but byte %zu of line %zu (0x%02X, "
         "file offset %zu) is not UTF-8 (GBK text pasted in?).  Read either way, part of the text "
         "would be garbled; save the whole file as UTF-8, or state its encoding explicitly",
         uline, col, line, (unsigned char)s[bad], r->offset + bad)));
}

static zj_code fail_encoding(zj_csv_reader *r, size_t offset, int nul)
{
    char where[ZJ_ERROR_WHERE_MAX];

    where_line(r, r->line, where, sizeof where);
    if (nul)
        ZJ_FAIL(&r->error, ZJ_ERR_ENCODING, where,
                ("第 %zu 行含有 NUL 字节（文件偏移 %zu）；文件可能是 UTF-16 编码，"
                 "请另存为 UTF-8 或 GB18030", r->line, offset),
                ("line %zu contains a NUL byte (file offset %zu); the file may "
                 "be UTF-16: save it as UTF-8 or GB18030", r->line, offset));
    else if (r->enc == ZJ_ENC_UTF8)
        ZJ_FAIL(&r->error, ZJ_ERR_ENCODING, where,
                ("第 %zu 行含有不是 UTF-8 的字节（文件偏移 %zu）；若文件为 "
                 "GB18030/GBK 编码，请明确指定", r->line, offset),
                ("line %zu contains bytes that are not valid UTF-8 (file offset "
                 "%zu); if the file is GB18030/GBK, say so explicitly",
                 r->line, offset));
    else if (r->enc == ZJ_ENC_GB18030 && r->detected)
        ZJ_FAIL(&r->error, ZJ_ERR_ENCODING, where,
                ("第 %zu 行不是有效的文本（文件偏移 %zu）：文件既不是 UTF-8（开头就有非 UTF-8 "
                 "字节），也不是有效的 GB18030/GBK；文件可能已损坏，或是其他编码", r->line, offset),
                ("line %zu is not valid text (file offset %zu): the file is neither UTF-8 (it has "
                 "bytes that are not UTF-8 near its start) nor valid GB18030/GBK; it may be "
                 "damaged, or in another encoding", r->line, offset));
    else
        (void)ZJ_FAIL(&r->error, ZJ_ERR_ENCODING, where,
                ("第 %zu 行不是有效的 %s 文本（文件偏移 %zu）", r->line,
                 zj__encoding_iconv_name(r->enc), offset),
                ("line %zu is not valid %s text (file offset %zu)", r->line,
                 zj__encoding_iconv_name(r->enc), offset));
    return reader_fail_code(r, ZJ_ERR_ENCODING);
}

static zj_code process_utf8(zj_csv_reader *r, const char *s, size_t len,
                            int last)
{
    size_t good = zj__utf8_stream_check(&r->utf8, s, len);
    zj_code rc = feed(r, s, good);

    if (rc)
        return rc;
    if (good < len)
        return fail_encoding(r, r->offset + good, 0);
    if (last && zj__utf8_stream_incomplete(&r->utf8))
        return fail_encoding(r, r->offset + len, 0);
    return ZJ_OK;
}

/* Text in GB18030, UTF-16 or UTF-32, converted to UTF-8 and fed. */
static zj_code process_converted(zj_csv_reader *r, const char *s, size_t len,
                                 int last)
{
    size_t bad = 0, off;
    zj__conv_status st;
    zj_code rc;
    const char *nul;

    /* A guess of GB18030 is wrong when a later line is UTF-8 Chinese. */
    if (r->detected && (off = zj__find_utf8_line(s, len, last)) != (size_t)-1) {
        char where[ZJ_ERROR_WHERE_MAX];
        size_t line = line_at(s, off, r->line);
        where_line(r, line, where, sizeof where);
        return reader_fail_code(r, ZJ_FAIL(&r->error, ZJ_ERR_ENCODING, where,
            ("文件混用了编码：开头部分不是 UTF-8（按 GB18030/GBK 读取），而第 %zu 行是 UTF-8 中文。"
             "请把整个文件另存为一种编码，或明确指定编码", line),
            ("the file mixes encodings: its start is not UTF-8 (read as GB18030/GBK), but line %zu "
             "is UTF-8 Chinese; save the whole file in one encoding, or state its encoding "
             "explicitly", line)));
    }
    zj__strbuf_reset(&r->conv_out);
    st = zj__gb18030_feed(r->conv, s, len, last, &r->conv_out, &bad);
    if (st == ZJ_CONV_NOMEM || r->conv_out.failed)
        return fail_nomem(r);
    /* In UTF-16 a NUL is only found after conversion (U+0000). */
    nul = r->conv_out.len ? memchr(r->conv_out.data, '\0', r->conv_out.len) : NULL;
    /* On invalid input this is what came before the bad bytes, and
     * feeding it brings r->line to them. */
    rc = feed(r, r->conv_out.data, nul ? (size_t)(nul - r->conv_out.data) : r->conv_out.len);
    if (rc == ZJ_OK && nul)
        rc = fail_encoding(r, r->offset, 1);
    if (rc == ZJ_OK && st == ZJ_CONV_INVALID)
        rc = fail_encoding(r, bad, 0);
    return rc;
}

/* ---- reading the source -------------------------------------------------- */

static zj_code read_chunk(zj_csv_reader *r, const char **data, size_t *len)
{
    size_t n;

    if (!r->fp) {
        n = r->mem_len - r->mem_pos;
        if (n > CHUNK_BYTES)
            n = CHUNK_BYTES;
        *data = r->mem ? r->mem + r->mem_pos : "";
        *len = n;
        r->mem_pos += n;
        r->eof = r->mem_pos == r->mem_len;
        return ZJ_OK;
    }
    n = fread(r->inbuf, 1, CHUNK_BYTES, r->fp);
    if (n < CHUNK_BYTES) {
        if (ferror(r->fp)) {
            int e = errno;
            ZJ_FAIL(&r->error, ZJ_ERR_IO, r->name,
                    ("读取 %s 失败：%s", r->name, strerror(e)),
                    ("cannot read %s: %s", r->name, strerror(e)));
            return reader_fail_code(r, ZJ_ERR_IO);
        }
        r->eof = 1;
    }
    *data = r->inbuf;
    *len = n;
    return ZJ_OK;
}

/* Parses one more chunk of the source (and finishes at its end). */
static zj_code pump(zj_csv_reader *r)
{
    const char *data, *nul;
    size_t len, n;
    int last;
    zj_code rc;

    if (r->have_first) {
        data = r->first;
        len = r->first_len;
        r->have_first = 0;
    } else if ((rc = read_chunk(r, &data, &len)) != ZJ_OK) {
        return rc;
    }
    /* NUL is a byte of no GB18030 or UTF-8 character but itself, so the
     * raw bytes tell where it is. */
    nul = r->enc == ZJ_ENC_UTF8 || r->enc == ZJ_ENC_GB18030 ? memchr(data, '\0', len) : NULL;
    n = nul ? (size_t)(nul - data) : len;
    last = r->eof && !nul;
    rc = r->conv ? process_converted(r, data, n, last) : process_utf8(r, data, n, last);
    if (rc == ZJ_OK && nul)
        rc = fail_encoding(r, r->offset + n, 1);
    r->offset += len;
    if (rc)
        return rc;
    if (r->eof) {
        /* The last record may lack a line break; a quoted field still
         * open has swallowed everything after its quote. */
        if (r->parser.quoted && r->parser.pstate == CSV_IN_FIELD)
            return fail_unclosed_quote(r);
        csv_fini(&r->parser, on_field, on_record, r);
        if (r->problem)
            return fail_problem(r);
        r->finished = 1;
    }
    return ZJ_OK;
}

/* Reuses the arena once every queued record has been handed out, keeping
 * the fields of the record still being parsed. */
static void compact(zj_csv_reader *r)
{
    size_t base, k;

    r->nrecs = r->next_rec = 0;
    if (!r->cur_n) {
        r->arena_len = r->nfoff = r->cur_first = 0;
        return;
    }
    base = r->foff[r->cur_first];
    memmove(r->arena, r->arena + base, r->arena_len - base);
    for (k = 0; k < r->cur_n; k++)
        r->foff[k] = r->foff[r->cur_first + k] - base;
    r->arena_len -= base;
    r->nfoff = r->cur_n;
    r->cur_first = 0;
}

/* ---- opening and closing ------------------------------------------------- */

static zj_code check_open_args(zj_encoding enc, zj_csv_reader **out,
                               zj_error *err)
{
    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    *out = NULL;
    if ((unsigned)enc > ZJ_ENC_UTF32BE)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument enc",
                       ("未知的编码值 %d", (int)enc),
                       ("unknown encoding value %d", (int)enc));
    return ZJ_OK;
}

static zj_csv_reader *reader_new(const char *name)
{
    zj_csv_reader *r = calloc(1, sizeof *r);

    if (!r)
        return NULL;
    r->name = zj__strdup(name);
    if (!r->name || csv_init(&r->parser, CSV_APPEND_NULL) != 0) {
        free(r->name);
        free(r);
        return NULL;
    }
    r->parser_ready = 1;
    csv_set_space_func(&r->parser, never_space);
    csv_set_blk_size(&r->parser, CSV_BLOCK);
    r->line = 1;
    r->at_start = 1;
    return r;
}

/* Reads the first chunk, decides the encoding and sets up conversion. */
static zj_code reader_start(zj_csv_reader *r, zj_encoding enc, zj_error *err)
{
    zj__conv_status st;

    if (read_chunk(r, &r->first, &r->first_len) != ZJ_OK) {
        if (err)
            *err = r->error;
        return r->status;
    }
    r->have_first = 1;
    r->enc = enc != ZJ_ENC_AUTO ? enc
                                : zj__detect_encoding(r->first, r->first_len,
                                                     r->eof);
    r->detected = enc == ZJ_ENC_AUTO && r->enc == ZJ_ENC_GB18030;
    if (r->detected && zj__find_utf8_line(r->first, r->first_len, r->eof) != (size_t)-1) {
        fail_mixed(r, r->first, r->first_len, 1);
        if (err)
            *err = r->error;
        return r->status;
    }
    if (!zj__encoding_iconv_name(r->enc))
        return ZJ_OK;
    r->conv = zj__conv_open(zj__encoding_iconv_name(r->enc), &st);
    if (r->conv)
        return ZJ_OK;
    if (st == ZJ_CONV_NOMEM)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, r->name,
                       ("内存不足"),
                       ("out of memory"));
    return ZJ_FAIL(err, ZJ_ERR_UNSUPPORTED, r->name,
                   ("本系统的 iconv 不支持 %s，无法读取 %s", zj__encoding_iconv_name(r->enc), r->name),
                   ("iconv on this system has no %s, so %s cannot be read",
                    zj__encoding_iconv_name(r->enc), r->name));
}

zj_code zj_csv_open_file(const char *path, zj_encoding enc,
                         zj_csv_reader **out, zj_error *err)
{
    zj_csv_reader *r;
    int is_stdin;
    zj_code rc = check_open_args(enc, out, err);

    if (rc)
        return rc;
    if (!path)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument path",
                       ("path 不能为 NULL"),
                       ("path must not be NULL"));
    is_stdin = strcmp(path, "-") == 0;
    r = reader_new(is_stdin ? "<stdin>" : path);
    if (!r || !(r->inbuf = malloc(CHUNK_BYTES))) {
        zj_csv_close(r);
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, path,
                       ("内存不足"),
                       ("out of memory"));
    }
    if (is_stdin) {
        r->fp = stdin;
    } else {
        r->fp = fopen(path, "rb");
        if (!r->fp) {
            int e = errno;
            zj_csv_close(r);
            return ZJ_FAIL(err, ZJ_ERR_IO, path,
                           ("无法打开 %s：%s", path, strerror(e)),
                           ("cannot open %s: %s", path, strerror(e)));
        }
        r->own_fp = 1;
    }
    rc = reader_start(r, enc, err);
    if (rc) {
        zj_csv_close(r);
        return rc;
    }
    *out = r;
    return ZJ_OK;
}

zj_code zj_csv_open_memory(const char *data, size_t len, zj_encoding enc,
                           zj_csv_reader **out, zj_error *err)
{
    zj_csv_reader *r;
    zj_code rc = check_open_args(enc, out, err);

    if (rc)
        return rc;
    if (!data && len)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument data",
                       ("data 为 NULL 而 len 为 %zu", len),
                       ("data is NULL but len is %zu", len));
    r = reader_new("<memory>");
    if (!r)
        return ZJ_FAIL(err, ZJ_ERR_NOMEM, "<memory>",
                       ("内存不足"),
                       ("out of memory"));
    r->mem = data ? data : "";
    r->mem_len = len;
    rc = reader_start(r, enc, err);
    if (rc) {
        zj_csv_close(r);
        return rc;
    }
    *out = r;
    return ZJ_OK;
}

void zj_csv_close(zj_csv_reader *r)
{
    if (!r)
        return;
    if (r->own_fp && r->fp)
        fclose(r->fp);
    if (r->parser_ready)
        csv_free(&r->parser);
    zj__gb18030_close(r->conv);
    zj__strbuf_free(&r->conv_out);
    free(r->inbuf);
    free(r->name);
    free(r->arena);
    free(r->foff);
    free(r->recs);
    free(r->ptrs);
    free(r);
}

/* ---- reading records ----------------------------------------------------- */

zj_code zj_csv_next(zj_csv_reader *r, const char *const **fields,
                    size_t *n_fields, zj_error *err)
{
    const rec_ref *rr;
    size_t k;

    if (fields)
        *fields = NULL;
    if (n_fields)
        *n_fields = 0;
    if (!r || !fields || !n_fields)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument r",
                       ("r、fields 和 n_fields 都不能为 NULL"),
                       ("r, fields and n_fields must not be NULL"));
    while (r->next_rec == r->nrecs) {
        if (r->status) {
            if (err)
                *err = r->error;
            return r->status;
        }
        if (r->finished)
            return ZJ_OK;
        compact(r);
        pump(r);
    }
    rr = &r->recs[r->next_rec++];
    if (!grow((void **)&r->ptrs, &r->ptrs_cap, rr->n, sizeof *r->ptrs)) {
        fail_nomem(r);
        if (err)
            *err = r->error;
        return r->status;
    }
    for (k = 0; k < rr->n; k++)
        r->ptrs[k] = r->arena + r->foff[rr->first + k];
    r->last_line = rr->line;
    *fields = (const char *const *)r->ptrs;
    *n_fields = rr->n;
    return ZJ_OK;
}

size_t zj_csv_line(const zj_csv_reader *r)
{
    return r ? r->last_line : 0;
}

zj_encoding zj_csv_encoding(const zj_csv_reader *r)
{
    return r ? r->enc : ZJ_ENC_AUTO;
}
