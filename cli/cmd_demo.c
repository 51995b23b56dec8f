/* cmd_demo.c — `zhijiao demo`: what the toolkit does, on the bundled data
 * alone.  Audits every bundled table, computes the 2024 indicators with
 * confidence intervals from the published figures, runs gtpy.admission on
 * the synthetic sample, and writes it all to one folder.
 *
 * The inputs are read from the tables by column name (report_figures_2024
 * by id), never written here: a corrected table gives corrected output.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "args.h"
#include "csv_out.h"
#include "output.h"

typedef struct demo_opts {
    const char *out;
} demo_opts;

static const cli_option demo_options[] = {
    CLI_OPTK(demo_opts, out, "out", "DIR",
             "the folder to write (created as needed)", CLI_K_DIR, NULL),
};

const cli_command cli_cmd_demo = {
    "demo", cmd_demo,
    "audit, indicators and checks on the bundled data alone (演示)",
    "demo [--out DIR]",
    "Runs the toolkit on the bundled data alone (演示) and writes to DIR\n"
    "(default ./zhijiao-demo-YYYYMMDD-HHMMSS):\n"
    "  audit.json, audit.csv        every bundled table audited (核对): sums,\n"
    "                               counts, achievable percentages\n"
    "  indicators.json, .csv        the 2024 indicators (指标), each with its\n"
    "                               design (data/tables.json): a sample gets\n"
    "                               a Wilson 95% interval, a census (普查,\n"
    "                               e.g. the monitoring of every new major)\n"
    "                               none, and the columns design, design_zh,\n"
    "                               design_en say which and why: each 满意度 row of\n"
    "                               satisfaction_2024, the English test pass\n"
    "                               and excellent rates, 综合高中 progression\n"
    "                               (升学) and plan completion, the\n"
    "                               monitoring grade distribution (等级分布)\n"
    "  candidates-result.csv        gtpy.admission on samples/candidates.csv\n"
    "  summary.txt                  the above in Chinese and English\n"
    "Published rates come as percentages of n; the count behind each is the\n"
    "nearest whole number to rate% * n / 100, an exact half going to the even\n"
    "count (GB/T 8170, 四舍六入五成双: zj_count_from_percent, as R and Calc),\n"
    "and the rounding is noted per row together with whether the printed\n"
    "percentage is achievable at all.\n"
    "\n",
    demo_options, CLI_NOPTS(demo_options),
    "Prints the folder's absolute path and a short summary.  Exit status 0\n"
    "when everything was written (findings and ineligible candidates are\n"
    "results, not failures), 2 when the data or the folder is unusable.\n",
    {CLI_K_NONE}, 0, NULL,
};

#define DEMO_YEAR 2024
#define DEMO_CONF 0.95
#define DEMO_METHOD ZJ_CI_WILSON

/* One indicator row of indicators.csv / .json. */
typedef struct ind {
    const char *group;
    char id[64];
    char zh[256], en[256];
    const char *published;   /* the printed percentage text, or NULL */
    double n, x_exact, x;
    zj_rate rate;            /* estimate, and the interval when has_ci */
    int has_ci;
    zj_table_design_info design;   /* what n is, from data/tables.json */
    char note[768];
} ind;

typedef struct demo {
    cli_ctx *ctx;
    const zj_data *data;
    ind *rows;
    size_t n, cap;
    zj_progression prog;
    zj_grade_distribution grades;
    zj_error err;            /* the first failure, reported by the caller */
} demo;

/* ---- the folder ----------------------------------------------------------- */

/* mkdir -p. */
static int make_dirs(const char *path)
{
    char buf[PATH_MAX];
    size_t i, len = strlen(path);

    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, path, len + 1);
    for (i = 1; i <= len; i++) {
        if (buf[i] != '/' && buf[i] != '\0')
            continue;
        buf[i] = '\0';
        if (mkdir(buf, 0777) != 0 && errno != EEXIST)
            return -1;
        buf[i] = i < len ? '/' : '\0';
    }
    return 0;
}

/* Each file is written beside its name and replaces an older one only
 * when complete (zhijiao/outfile.h). */
static FILE *open_out(demo *d, const char *dir, const char *name, zj_outfile **of)
{
    char path[PATH_MAX + 64];

    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (zj_outfile_open(path, of, &d->err) != ZJ_OK)
        return NULL;
    return zj_outfile_stream(*of);
}

/* Commits the file when ok (the writer succeeded), else discards it. */
static int close_out(demo *d, zj_outfile *of, int ok, const char *name)
{
    if (!ok) {
        zj_outfile_abort(of);
        zj_error_set(&d->err, ZJ_ERR_IO, name, "写文件失败", "writing the file failed");
        return -1;
    }
    return zj_outfile_commit(of, &d->err) == ZJ_OK ? 0 : -1;
}

/* ---- reading the tables by column name ------------------------------------ */

static int table(demo *d, const char *name, const zj_table **t)
{
    return zj_data_table(d->data, name, t, &d->err) == ZJ_OK ? 0 : -1;
}

static int col(demo *d, const zj_table *t, const char *name, size_t *c)
{
    return zj_table_col_index(t, name, c, &d->err) == ZJ_OK ? 0 : -1;
}

/* A cell as a number; an empty or non-numeric cell is an error naming it. */
static int cell_number(demo *d, const zj_table *t, size_t r, size_t c,
                       double *out)
{
    const char *s = zj_table_cell(t, r, c);
    char where[256];

    if (s && args_cell_number(s, out) && !isnan(*out))
        return 0;
    snprintf(where, sizeof where, "%s:%zu, column %s", zj_table_name(t),
             zj_table_line(t, r), zj_table_col_name(t, c));
    {
        char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
        zj_error_set(&d->err, ZJ_ERR_PARSE, where,
                     cli_fmt(zh, sizeof zh, "需要一个数字，而单元格是“%s”", s ? s : ""),
                     cli_fmt(en, sizeof en, "a number is needed, the cell is '%s'", s ? s : ""));
    }
    return -1;
}

/* The row of report_figures_2024 with this id: value, texts, row index. */
typedef struct figure {
    double value;
    const char *text, *zh, *en;
    size_t row;
} figure;

static int get_figure(demo *d, const zj_table *t, const char *id, figure *f)
{
    size_t cid, cval, czh, cen, r;

    if (col(d, t, "id", &cid) || col(d, t, "value", &cval) ||
        col(d, t, "indicator_zh", &czh) || col(d, t, "indicator_en", &cen))
        return -1;
    for (r = 0; r < zj_table_rows(t); r++)
        if (strcmp(zj_table_cell(t, r, cid), id) == 0) {
            f->text = zj_table_cell(t, r, cval);
            f->zh = zj_table_cell(t, r, czh);
            f->en = zj_table_cell(t, r, cen);
            f->row = r;
            return cell_number(d, t, r, cval, &f->value);
        }
    {
        char zh[CLI_MSG_MAX], en[CLI_MSG_MAX];
        zj_error_set(&d->err, ZJ_ERR_NOT_FOUND, zj_table_name(t),
                     cli_fmt(zh, sizeof zh, "表中没有 id 为“%s”的行", id),
                     cli_fmt(en, sizeof en, "the table has no row with id '%s'", id));
    }
    return -1;
}

/* ---- indicator rows -------------------------------------------------------- */

static ind *add_row(demo *d, const char *group, const char *id,
                    const char *zh, const char *en)
{
    ind *r;

    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 32;
        ind *p = realloc(d->rows, cap * sizeof *p);
        if (!p) {
            zj_error_set(&d->err, ZJ_ERR_NOMEM, "", "内存不足",
                     "out of memory");
            return NULL;
        }
        d->rows = p;
        d->cap = cap;
    }
    r = &d->rows[d->n++];
    memset(r, 0, sizeof *r);
    r->group = group;
    snprintf(r->id, sizeof r->id, "%s", id);
    snprintf(r->zh, sizeof r->zh, "%s", zh ? zh : "");
    snprintf(r->en, sizeof r->en, "%s", en ? en : "");
    r->x_exact = NAN;
    return r;
}

static int decimals_of(const char *text)
{
    const char *dot = strchr(text, '.');
    int n = 0;

    if (!dot)
        return 0;
    while (dot[1 + n] >= '0' && dot[1 + n] <= '9')
        n++;
    return n;
}

/* The rate x of n of row `id` of table t under the design the manifest
 * declares (a census gets no interval); a table that declares none is
 * treated as a sample, and says so. */
static int design_rate(demo *d, const zj_table *t, const char *id, ind *r)
{
    zj_rate_options o;

    if (!zj_table_design(t, id, &r->design)) {
        r->design.design = ZJ_DESIGN_SAMPLE;
        r->design.population = NAN;
        r->design.why_zh = "数据清单未声明抽样设计，按抽样处理";
        r->design.why_en = "the manifest declares no design; treated as a sample";
    }
    zj_rate_options_init(&o);
    o.conf = DEMO_CONF;
    o.method = DEMO_METHOD;
    o.design = r->design.design;
    o.population = r->design.population;
    if (zj_rate_ci_design(r->x, r->n, &o, &r->rate, &d->err) != ZJ_OK)
        return -1;
    r->has_ci = r->rate.design != ZJ_DESIGN_CENSUS;
    return 0;
}

/* A published percentage of n: the implied count, its interval, and a note
 * on the rounding and on whether the percentage can be k/n at all. */
static int add_published(demo *d, const char *group, const char *id,
                         const char *zh, const char *en, const zj_table *t,
                         size_t row, const char *pct_col, const char *pct_text,
                         double pct, double n)
{
    ind *r = add_row(d, group, id, zh, en);
    zj_findings f;
    int achievable = 1;
    size_t len;

    if (!r)
        return -1;
    r->published = pct_text;
    r->n = n;
    /* The count and its rounding rule are the library's: R and Calc
     * derive the same count from the same published figure. */
    if (zj_count_from_percent(pct, decimals_of(pct_text), n, &r->x, &r->x_exact,
                              &d->err) != ZJ_OK)
        return -1;
    if (design_rate(d, t, id, r) != 0)
        return -1;
    zj_findings_init(&f);
    if (zj_audit_percentage(zj_table_name(t), pct_col, zj_table_line(t, row),
                            pct, n, decimals_of(pct_text), &achievable, &f,
                            &d->err) != ZJ_OK) {
        zj_findings_free(&f);
        return -1;
    }
    zj_findings_free(&f);
    snprintf(r->note, sizeof r->note,
             "x = round(%s%% × %.0f) = round(%.4f) = %.0f → %.4f%%",
             pct_text, n, r->x_exact, r->x, 100.0 * r->rate.estimate);
    len = strlen(r->note);
    if (!achievable) {
        char why_zh[200], why_en[200];
        snprintf(r->note + len, sizeof r->note - len, "; %s / %s (audit.json)",
                 cli_fmt(why_zh, sizeof why_zh, "%s%% 不能由整数 k/%.0f 得到", pct_text, n),
                 cli_fmt(why_en, sizeof why_en, "%s%% is not achievable as k/%.0f", pct_text,
                         n));
    }
    return 0;
}

static int satisfaction_rows(demo *d)
{
    const zj_table *t;
    size_t cid, czh, cen, cpct, cn, r;

    if (table(d, "satisfaction_2024", &t) || col(d, t, "id", &cid) ||
        col(d, t, "indicator_zh", &czh) || col(d, t, "indicator_en", &cen) ||
        col(d, t, "rate_pct", &cpct) || col(d, t, "respondents", &cn))
        return -1;
    for (r = 0; r < zj_table_rows(t); r++) {
        double pct, n;
        if (cell_number(d, t, r, cpct, &pct) || cell_number(d, t, r, cn, &n) ||
            add_published(d, "satisfaction", zj_table_cell(t, r, cid),
                          zj_table_cell(t, r, czh), zj_table_cell(t, r, cen), t,
                          r, "rate_pct", zj_table_cell(t, r, cpct), pct, n))
            return -1;
    }
    return 0;
}

/* A percentage figure of report_figures_2024 against a count figure. */
static int figure_rate(demo *d, const zj_table *t, const char *group,
                       const char *pct_id, const figure *n, double *x)
{
    figure p;

    if (get_figure(d, t, pct_id, &p) ||
        add_published(d, group, pct_id, p.zh, p.en, t, p.row, "value", p.text,
                      p.value, n->value))
        return -1;
    if (x)
        *x = d->rows[d->n - 1].x;
    return 0;
}

static int figure_rows(demo *d)
{
    const zj_table *t;
    figure students, grads, plan, actual;
    double to_zhuanke, to_benke;
    ind *r;

    if (table(d, "report_figures_2024", &t) ||
        get_figure(d, t, "english_students", &students) ||
        figure_rate(d, t, "english", "english_pass_pct", &students, NULL) ||
        figure_rate(d, t, "english", "english_excellent_pct", &students, NULL) ||
        get_figure(d, t, "zonghe_graduates", &grads) ||
        figure_rate(d, t, "zonghe", "zonghe_zhuanke_pct", &grads, &to_zhuanke) ||
        figure_rate(d, t, "zonghe", "zonghe_benke_pct", &grads, &to_benke) ||
        figure_rate(d, t, "zonghe", "zonghe_total_pct", &grads, NULL))
        return -1;
    /* The library's 升学 figures from the implied counts: their total
     * rate is what 99.19 % should have been. */
    if (zj_progression_rates(grads.value, to_zhuanke, to_benke, &d->prog,
                             &d->err) != ZJ_OK)
        return -1;
    r = &d->rows[d->n - 1];
    {
        size_t len = strlen(r->note);
        snprintf(r->note + len, sizeof r->note - len,
                 "; 由专科 %.0f + 本科 %.0f 人得 / from %.0f + %.0f graduates: %.4f%%",
                 to_zhuanke, to_benke, to_zhuanke, to_benke,
                 100.0 * d->prog.total_rate);
    }
    if (get_figure(d, t, "zonghe_plan", &plan) ||
        get_figure(d, t, "zonghe_actual", &actual) ||
        !(r = add_row(d, "zonghe", "zonghe_completion", "综合高中班招生计划完成率",
                      "Plan completion of comprehensive classes")))
        return -1;
    r->n = plan.value;
    r->x = actual.value;
    if (zj_completion_rate(actual.value, plan.value, &r->rate.estimate,
                           &d->err) != ZJ_OK)
        return -1;
    r->rate.lower = r->rate.upper = NAN;
    if (!zj_table_design(t, "zonghe_completion", &r->design)) {
        r->design.design = ZJ_DESIGN_SAMPLE;
        r->design.why_zh = r->design.why_en = "";
    }
    snprintf(r->note, sizeof r->note,
             "实际/计划，不是比例（可大于 1），无置信区间 / actual / plan: not a "
             "proportion (can exceed 1), no interval");
    return 0;
}

static int grade_rows(demo *d)
{
    const zj_table *t;
    size_t cg, cc, r, n;
    const char **g = NULL, **c = NULL;
    int rc = -1;

    if (table(d, "majors_monitoring_2024", &t) || col(d, t, "grade", &cg) ||
        col(d, t, "conclusion", &cc))
        return -1;
    n = zj_table_rows(t);
    g = malloc((n ? n : 1) * sizeof *g);
    c = malloc((n ? n : 1) * sizeof *c);
    if (!g || !c) {
        zj_error_set(&d->err, ZJ_ERR_NOMEM, "", "内存不足",
                     "out of memory");
        goto done;
    }
    for (r = 0; r < n; r++) {
        g[r] = zj_table_cell(t, r, cg);
        c[r] = zj_table_cell(t, r, cc);
    }
    if (zj_grade_distribution_count(g, c, n, &d->grades, &d->err) != ZJ_OK)
        goto done;
    for (r = 0; r < ZJ_GRADE_SCALE_SIZE; r++) {
        char id[32], zh[64], en[64];
        ind *row;
        snprintf(id, sizeof id, "grade_%s", zj_grade_label(r));
        snprintf(zh, sizeof zh, "新增专业监测等级 %s 占比", zj_grade_label(r));
        snprintf(en, sizeof en, "Share of monitored new majors graded %s",
                 zj_grade_label(r));
        if (!(row = add_row(d, "monitoring", id, zh, en)))
            goto done;
        row->x = (double)d->grades.counts[r];
        row->n = (double)d->grades.total;
        if (design_rate(d, t, NULL, row) != 0)
            goto done;
        snprintf(row->note, sizeof row->note, "n = 全部监测专业 / all monitored majors");
    }
    {
        ind *row = add_row(d, "monitoring", "pass_share", "通过监测评价的占比",
                           "Share of monitored majors that passed (通过)");
        if (!row)
            goto done;
        row->x = (double)d->grades.passed;
        row->n = (double)(d->grades.passed + d->grades.yellow);
        if (design_rate(d, t, NULL, row) != 0)
            goto done;
        snprintf(row->note, sizeof row->note,
                 "通过 / (通过 + 黄牌) / passed / (passed + yellow card)");
    }
    rc = 0;
done:
    free(g);
    free(c);
    return rc;
}

/* ---- writing --------------------------------------------------------------- */

static const char *const ind_cols[] = {
    "group", "id", "indicator_zh", "indicator_en", "published_pct", "n",
    "x_exact", "x", "rate", "lower", "upper", "method", "conf", "design",
    "design_zh", "design_en", "note"};

static json_t *ind_json(const ind *r)
{
    double pub = NAN;

    if (r->published)
        args_cell_number(r->published, &pub);
    return json_pack("{s:s,s:s,s:s,s:s,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:o,s:s,s:s,s:s,s:s}",
                     "group", r->group, "id", r->id, "indicator_zh", r->zh,
                     "indicator_en", r->en, "published_pct", out_jreal(pub),
                     "n", out_jcount(r->n), "x_exact", out_jreal(r->x_exact),
                     "x", out_jcount(r->x), "rate", out_jreal(r->rate.estimate),
                     "lower", out_jreal(r->has_ci ? r->rate.lower : NAN),
                     "upper", out_jreal(r->has_ci ? r->rate.upper : NAN),
                     "method", r->has_ci ? out_jstr(zj_ci_method_name(r->rate.method))
                                         : json_null(),
                     "conf", r->has_ci ? out_jreal(r->rate.conf) : json_null(),
                     "design", zj_design_name(r->design.design),
                     "design_zh", r->design.why_zh ? r->design.why_zh : "",
                     "design_en", r->design.why_en ? r->design.why_en : "",
                     "note", r->note);
}

static int write_indicators_json(demo *d, FILE *fp)
{
    json_t *rows = json_array(), *counts = json_object(), *j;
    size_t i;

    for (i = 0; i < d->n; i++)
        json_array_append_new(rows, ind_json(&d->rows[i]));
    for (i = 0; i < ZJ_GRADE_SCALE_SIZE; i++)
        json_object_set_new(counts, zj_grade_label(i),
                            json_integer((json_int_t)d->grades.counts[i]));
    j = json_pack(
        "{s:i,s:s,s:o,s:s,s:o,s:{s:o,s:o,s:o,s:o,s:o,s:o},"
        "s:{s:o,s:o,s:o,s:o,s:o,s:o}}",
        "year", DEMO_YEAR, "method", zj_ci_method_name(DEMO_METHOD),
        "conf", json_real(DEMO_CONF),
        "rounding", "x = published_pct * n / 100 to the nearest whole number, halves to even (GB/T 8170)",
        "indicators", rows,
        "progression",
        "graduates", out_jcount(d->prog.graduates),
        "to_zhuanke", out_jcount(d->prog.to_zhuanke),
        "to_benke", out_jcount(d->prog.to_benke),
        "zhuanke_rate", out_jreal(d->prog.zhuanke_rate),
        "benke_rate", out_jreal(d->prog.benke_rate),
        "total_rate", out_jreal(d->prog.total_rate),
        "grades",
        "counts", counts,
        "passed", json_integer((json_int_t)d->grades.passed),
        "yellow", json_integer((json_int_t)d->grades.yellow),
        "missing", json_integer((json_int_t)d->grades.missing),
        "total", json_integer((json_int_t)d->grades.total),
        "pass_share", out_jreal(d->grades.pass_share));
    return out_json(j, fp);
}

static int write_indicators_csv(demo *d, FILE *fp)
{
    out_table t;
    size_t i;
    int rc = 0;

    if (out_table_init(&t, 17, ind_cols) != 0)
        return -1;
    for (i = 0; i < d->n && rc == 0; i++) {
        const ind *r = &d->rows[i];
        char b[8][64];
        const char *cells[17];
        cells[0] = r->group;
        cells[1] = r->id;
        cells[2] = r->zh;
        cells[3] = r->en;
        cells[4] = r->published ? r->published : "";
        cells[5] = out_num_csv(r->n, b[0], 64);
        cells[6] = out_num_csv(r->x_exact, b[1], 64);
        cells[7] = out_num_csv(r->x, b[2], 64);
        cells[8] = out_num_csv(r->rate.estimate, b[3], 64);
        cells[9] = out_num_csv(r->has_ci ? r->rate.lower : NAN, b[4], 64);
        cells[10] = out_num_csv(r->has_ci ? r->rate.upper : NAN, b[5], 64);
        cells[11] = r->has_ci ? zj_ci_method_name(r->rate.method) : "";
        cells[12] = r->has_ci ? out_num_csv(r->rate.conf, b[6], 64) : "";
        cells[13] = zj_design_name(r->design.design);
        cells[14] = r->design.why_zh ? r->design.why_zh : "";
        cells[15] = r->design.why_en ? r->design.why_en : "";
        cells[16] = r->note;
        rc = out_table_add(&t, cells);
    }
    if (rc == 0)
        rc = out_table_print(&t, CLI_FMT_CSV, fp);
    out_table_free(&t);
    return rc;
}

static void write_summary(const demo *d, FILE *fp, const char *dir,
                          const json_t *audit, const size_t counts[4])
{
    const json_t *tables = json_object_get(audit, "tables"), *t;
    size_t i, total = counts[0] + counts[1] + counts[2] + counts[3];
    char stamp[64];
    time_t now = time(NULL);

    strftime(stamp, sizeof stamp, "%Y-%m-%d %H:%M:%S", localtime(&now));
    fprintf(fp, "zhijiao %s 演示 / demo — %d\n", ZJ_VERSION_STRING, DEMO_YEAR);
    fprintf(fp, "生成时间 / generated:       %s\n", stamp);
    fprintf(fp, "数据目录 / data directory:  %s\n", zj_data_dir(d->data));
    fprintf(fp, "输出目录 / output folder:   %s\n\n", dir);

    fprintf(fp, "1. 核对内置数据表 / Audit of the bundled tables (audit.json, audit.csv)\n");
    fprintf(fp, "   %zu 张表，%lld 项发现 / %zu tables, %lld findings\n",
            json_array_size(tables),
            (long long)json_integer_value(json_object_get(audit, "finding_count")),
            json_array_size(tables),
            (long long)json_integer_value(json_object_get(audit, "finding_count")));
    json_array_foreach(tables, i, t) {
        const json_t *f = json_object_get(t, "findings"), *x;
        size_t k;
        fprintf(fp, "   - %s: %zu\n", json_string_value(json_object_get(t, "table")),
                json_array_size(f));
        json_array_foreach(f, k, x) {
            fprintf(fp, "       %s\n", json_string_value(json_object_get(x, "message_zh")));
            fprintf(fp, "       %s\n", json_string_value(json_object_get(x, "message_en")));
        }
    }

    fprintf(fp, "\n2. %d 年指标 / %d indicators, %s %.0f%% 置信区间 / CI "
                "(indicators.json, indicators.csv)\n",
            DEMO_YEAR, DEMO_YEAR, zj_ci_method_name(DEMO_METHOD), 100 * DEMO_CONF);
    fprintf(fp, "   抽样（sample）的指标给出置信区间；普查（census）的指标没有抽样误差，不给区间。\n"
                "   Sample indicators have a confidence interval; census indicators have no\n"
                "   sampling error and no interval.\n");
    fprintf(fp, "   公布的百分比换算为人数 x = 百分比 × n / 100 取最近的整数，恰为 .5 时取偶数（GB/T 8170，四舍六入五成双）。\n"
                "   Published percentages are turned into counts x = pct × n / 100, to the nearest\n"
                "   whole number, an exact half to the even one (GB/T 8170).\n");
    for (i = 0; i < d->n; i++) {
        const ind *r = &d->rows[i];
        fprintf(fp, "   %s %s\n     ", r->zh, r->en);
        if (r->published)
            fprintf(fp, "%s%% of n = %.0f → x = %.0f: ", r->published, r->n, r->x);
        else
            fprintf(fp, "x = %.0f, n = %.0f: ", r->x, r->n);
        if (r->has_ci)
            fprintf(fp, "%.4f [%.4f, %.4f]\n", r->rate.estimate, r->rate.lower,
                    r->rate.upper);
        else
            fprintf(fp, "%.4f\n", r->rate.estimate);
        if (r->note[0])
            fprintf(fp, "     %s\n", r->note);
        /* what n is, and so why there is an interval or none: the
         * reason once for a run of rows that share it */
        fprintf(fp, "     design: %s\n", zj_design_name(r->design.design));
        if (r->design.why_zh && r->design.why_zh[0] &&
            (i + 1 == d->n || d->rows[i + 1].design.why_zh != r->design.why_zh))
            fprintf(fp, "     %s\n     %s\n     %s\n     %s\n",
                    zj_design_note_zh(r->design.design), r->design.why_zh,
                    zj_design_note_en(r->design.design), r->design.why_en);
    }

    fprintf(fp, "\n3. 贯通培养报考资格 / gtpy.admission on samples/candidates.csv "
                "(candidates-result.csv)\n");
    fprintf(fp, "   %zu 行：符合 %zu，不符合 %zu，待定 %zu，无法判定 %zu\n",
            total, counts[0], counts[1], counts[2], counts[3]);
    fprintf(fp, "   %zu rows: %zu eligible, %zu not eligible, %zu undetermined, "
                "%zu invalid\n", total, counts[0], counts[1], counts[2], counts[3]);
    fprintf(fp, "   样本为虚构数据 / the sample is synthetic (data/README.md).\n");
}

static int write_audit(demo *d, const char *dir, const json_t *doc)
{
    zj_outfile *of;
    FILE *fp;

    if (!(fp = open_out(d, dir, "audit.json", &of)) ||
        close_out(d, of, cli_audit_print(d->ctx, doc, CLI_FMT_JSON, fp) == 0, "audit.json") != 0)
        return -1;
    if (!(fp = open_out(d, dir, "audit.csv", &of)) ||
        close_out(d, of, cli_audit_print(d->ctx, doc, CLI_FMT_CSV, fp) == 0, "audit.csv") != 0)
        return -1;
    return 0;
}

static int write_indicators(demo *d, const char *dir)
{
    zj_outfile *of;
    FILE *fp;

    if (!(fp = open_out(d, dir, "indicators.json", &of)) ||
        close_out(d, of, write_indicators_json(d, fp) == 0, "indicators.json") != 0)
        return -1;
    if (!(fp = open_out(d, dir, "indicators.csv", &of)) ||
        close_out(d, of, write_indicators_csv(d, fp) == 0, "indicators.csv") != 0)
        return -1;
    return 0;
}

static const char *const demo_files[] = {
    "audit.json", "audit.csv", "indicators.json", "indicators.csv",
    "candidates-result.csv", "summary.txt"};

static void print_short(const cli_ctx *ctx, const char *dir, const json_t *audit,
                        size_t n_ind, const size_t counts[4])
{
    size_t total = counts[0] + counts[1] + counts[2] + counts[3], i;
    long long nf = (long long)json_integer_value(json_object_get(audit, "finding_count"));
    size_t nt = json_array_size(json_object_get(audit, "tables"));

    if (ctx->format == CLI_FMT_JSON) {
        json_t *files = json_array();
        for (i = 0; i < 6; i++)
            json_array_append_new(files, json_string(demo_files[i]));
        out_json(json_pack("{s:s,s:o,s:{s:I,s:I},s:I,s:{s:I,s:I,s:I,s:I,s:I}}",
                           "dir", dir, "files", files,
                           "audit", "tables", (json_int_t)nt, "finding_count",
                           (json_int_t)nf,
                           "indicators", (json_int_t)n_ind,
                           "candidates", "rows", (json_int_t)total,
                           "eligible", (json_int_t)counts[0],
                           "not_eligible", (json_int_t)counts[1],
                           "undetermined", (json_int_t)counts[2],
                           "invalid", (json_int_t)counts[3]),
                 stdout);
        return;
    }
    printf("%s\n", dir);
    printf("audit 核对: %zu tables, %lld findings\n", nt, nf);
    printf("indicators 指标: %zu (%s %.0f%% CI)\n", n_ind,
           zj_ci_method_name(DEMO_METHOD), 100 * DEMO_CONF);
    printf("gtpy.admission 报考资格: %zu rows: %zu eligible, %zu not eligible, "
           "%zu undetermined, %zu invalid\n",
           total, counts[0], counts[1], counts[2], counts[3]);
    printf("files 文件:");
    for (i = 0; i < 6; i++)
        printf(" %s", demo_files[i]);
    printf("\n");
}

int cmd_demo(cli_ctx *ctx, int argc, char **argv)
{
    const char *out;
    demo_opts o = {0};
    const char *pos[1];
    const zj_table **tables = NULL;
    char defdir[64], abs[PATH_MAX], sample[PATH_MAX], result[PATH_MAX + 32];
    size_t npos, i, nt, counts[4] = {0, 0, 0, 0};
    json_t *audit = NULL;
    demo d;
    cli_batch_opts bo;
    zj_outfile *of;
    FILE *fp;
    int rc;

    rc = args_parse(ctx, &cli_cmd_demo, argc, argv, &o, pos, 0, &npos);
    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    out = o.out;
    memset(&d, 0, sizeof d);
    d.ctx = ctx;
    if (!(d.data = cli_data(ctx)))
        return CLI_EXIT_ERROR;
    if (!out) {
        time_t now = time(NULL);
        strftime(defdir, sizeof defdir, "zhijiao-demo-%Y%m%d-%H%M%S",
                 localtime(&now));
        out = defdir;
    }
    if (make_dirs(out) != 0 || !realpath(out, abs)) {
        zj_error_set(&d.err, ZJ_ERR_IO, out, "无法创建输出目录",
                     "cannot create the output folder");
        return out_error(ctx, &d.err);
    }
    rc = CLI_EXIT_ERROR;

    /* 1. audit every bundled table */
    nt = zj_data_table_count(d.data);
    if (!(tables = malloc((nt ? nt : 1) * sizeof *tables))) {
        out_nomem(ctx);
        goto done;
    }
    for (i = 0; i < nt; i++)
        tables[i] = zj_data_table_at(d.data, i);
    if (!(audit = cli_audit_tables(ctx, d.data, tables, nt)))
        goto done;
    if (write_audit(&d, abs, audit) != 0)
        goto fail;

    /* 2. the indicators */
    if (satisfaction_rows(&d) || figure_rows(&d) || grade_rows(&d) ||
        write_indicators(&d, abs))
        goto fail;

    /* 3. gtpy.admission on the synthetic sample */
    snprintf(sample, sizeof sample, "%s/samples/candidates.csv",
             zj_data_dir(d.data));
    snprintf(result, sizeof result, "%s/candidates-result.csv", abs);
    memset(&bo, 0, sizeof bo);
    bo.out_path = result;
    bo.bom = -1;
    bo.quiet = 1;
    if (cli_batch_file(ctx, "gtpy.admission", sample, &bo, counts) != CLI_EXIT_OK)
        goto done;

    if (!(fp = open_out(&d, abs, "summary.txt", &of)))
        goto fail;
    write_summary(&d, fp, abs, audit, counts);
    if (close_out(&d, of, !ferror(fp), "summary.txt") != 0)
        goto fail;
    print_short(ctx, abs, audit, d.n, counts);
    rc = CLI_EXIT_OK;
    goto done;
fail:
    rc = out_error(ctx, &d.err);
done:
    json_decref(audit);
    free(tables);
    free(d.rows);
    return rc;
}
