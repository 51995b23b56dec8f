/* cmd_check.c — `zhijiao checks` (the catalogue) and `zhijiao check`
 * (one decision with its reasons and sources). */
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

const cli_command cli_cmd_checks = {
    "checks", cmd_checks, "list the checks (检查) and their fields",
    "checks",
    "Lists the checks (检查) the library can decide, with their titles and\n"
    "input fields (字段): programmatic name (also the CSV header for `batch`),\n"
    "Chinese name (also accepted as header), type, whether required (必填),\n"
    "and help.  `zhijiao check NAME --help` shows one check in full.\n",
    NULL, 0, NULL, {CLI_K_NONE}, 0, NULL,
};

/* The options of `check` are the fields of the check named first: they
 * come from the library (zj_check_find), not from a table here. */
const cli_command cli_cmd_check = {
    "check", cmd_check,
    "decide one case: eligibility (资格) with reasons and sources",
    "check NAME --FIELD VALUE ...",
    "Decides one case with check NAME (see `zhijiao checks`) and prints the\n"
    "outcome (结论) with every reason (理由): whether each condition is met,\n"
    "a message in Chinese and English, and the source document and clause\n"
    "(依据).  Fields are given as --FIELD VALUE or --FIELD=VALUE, by\n"
    "programmatic or Chinese name; values are text that the library parses\n"
    "(numbers; booleans as 是/否, yes/no, 1/0; choices by id or Chinese).\n"
    "\n"
    "Example:\n"
    "  zhijiao check gtpy.admission --jurisdiction beijing --year 2024 \\\n"
    "      --has_qualification 是 --beijing_hukou 是 --score 520\n",
    NULL, 0,
    "`zhijiao check NAME --help` lists the fields of NAME with their help.\n"
    "Exit status: 0 eligible (符合) or undetermined, 1 not eligible (不符合),\n"
    "2 bad input, unknown check or field, or no rules for the year.\n",
    {CLI_K_CHECK}, 0, NULL,
};

/* "id (中文), id (中文)" of a choice field into buf. */
static const char *choices_text(const zj_field_info *f, char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    if (f->type != ZJ_FIELD_CHOICE || !f->choices)
        return buf;
    for (i = 0; f->choices[i] && len + 1 < size; i++) {
        const char *zh = f->choices_zh ? f->choices_zh[i] : NULL;
        int w = snprintf(buf + len, size - len, "%s%s%s%s%s", i ? ", " : "",
                         f->choices[i], zh ? " (" : "", zh ? zh : "",
                         zh ? ")" : "");
        if (w < 0)
            break;
        len += (size_t)w;
    }
    return buf;
}

static const char *field_names(const zj_check_info *c, char *buf, size_t size)
{
    size_t i, len = 0;

    buf[0] = '\0';
    for (i = 0; i < c->n_fields && len + 1 < size; i++) {
        int w = snprintf(buf + len, size - len, "%s--%s (%s)", i ? ", " : "",
                         c->fields[i].name, c->fields[i].name_zh);
        if (w < 0)
            break;
        len += (size_t)w;
    }
    return buf;
}

static const char *check_names(char *buf, size_t size)
{
    size_t i, len = 0, n = zj_check_count();

    buf[0] = '\0';
    for (i = 0; i < n && len + 1 < size; i++) {
        int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
                         zj_check_at(i)->name);
        if (w < 0)
            break;
        len += (size_t)w;
    }
    return buf;
}

/* ---- checks --------------------------------------------------------------- */

static json_t *check_json(const zj_check_info *c)
{
    json_t *fields = json_array();
    size_t i, k;

    for (i = 0; i < c->n_fields; i++) {
        const zj_field_info *f = &c->fields[i];
        json_t *choices = json_null();
        if (f->type == ZJ_FIELD_CHOICE && f->choices) {
            choices = json_array();
            for (k = 0; f->choices[k]; k++)
                json_array_append_new(
                    choices,
                    json_pack("{s:o,s:o}", "id", out_jstr(f->choices[k]), "zh",
                              out_jstr(f->choices_zh ? f->choices_zh[k] : NULL)));
        }
        json_array_append_new(
            fields, json_pack("{s:o,s:o,s:s,s:b,s:o,s:o,s:o}",
                              "name", out_jstr(f->name),
                              "name_zh", out_jstr(f->name_zh),
                              "type", zj_field_type_name(f->type),
                              "required", f->required,
                              "help_zh", out_jstr(f->help_zh),
                              "help_en", out_jstr(f->help_en),
                              "choices", choices));
    }
    return json_pack("{s:o,s:o,s:o,s:o,s:o,s:o,s:o}",
                     "name", out_jstr(c->name),
                     "programme", out_jstr(c->programme),
                     "title_zh", out_jstr(c->title_zh),
                     "title_en", out_jstr(c->title_en),
                     "help_zh", out_jstr(c->help_zh),
                     "help_en", out_jstr(c->help_en),
                     "fields", fields);
}

static int checks_csv(void)
{
    static const char *const cols[] = {
        "check", "title_zh", "title_en", "field", "field_zh", "type",
        "required", "help_zh", "help_en", "choices"};
    out_table t;
    size_t i, k;
    int rc = 0;

    if (out_table_init(&t, 10, cols) != 0)
        return -1;
    for (i = 0; i < zj_check_count() && rc == 0; i++) {
        const zj_check_info *c = zj_check_at(i);
        for (k = 0; k < c->n_fields && rc == 0; k++) {
            const zj_field_info *f = &c->fields[k];
            char choices[1024];
            const char *cells[10];
            cells[0] = c->name;
            cells[1] = c->title_zh;
            cells[2] = c->title_en;
            cells[3] = f->name;
            cells[4] = f->name_zh;
            cells[5] = zj_field_type_name(f->type);
            cells[6] = f->required ? "1" : "0";
            cells[7] = f->help_zh;
            cells[8] = f->help_en;
            cells[9] = choices_text(f, choices, sizeof choices);
            rc = out_table_add(&t, cells);
        }
    }
    if (rc == 0)
        rc = out_table_print(&t, CLI_FMT_CSV, stdout);
    out_table_free(&t);
    return rc;
}

/* The fields of one check as an aligned table, help in --lang. */
static int fields_table(const cli_ctx *ctx, const zj_check_info *c)
{
    static const char *const cols[] = {"field", "字段", "type", "required",
                                       "help 说明"};
    out_table t;
    size_t k;
    int rc = 0;

    if (out_table_init(&t, 5, cols) != 0)
        return -1;
    for (k = 0; k < c->n_fields && rc == 0; k++) {
        const zj_field_info *f = &c->fields[k];
        char help[2048];
        const char *cells[5];
        cells[0] = f->name;
        cells[1] = f->name_zh;
        cells[2] = zj_field_type_name(f->type);
        cells[3] = f->required ? "yes 必填" : "no 选填";
        cells[4] = out_lang(ctx, f->help_zh, f->help_en, help, sizeof help);
        rc = out_table_add(&t, cells);
    }
    if (rc == 0)
        rc = out_table_print(&t, CLI_FMT_TABLE, stdout);
    out_table_free(&t);
    return rc;
}

int cmd_checks(cli_ctx *ctx, int argc, char **argv)
{
    const char *pos[1];
    size_t npos, i, n = zj_check_count();
    int rc = args_parse(ctx, &cli_cmd_checks, argc, argv, NULL, pos, 0, &npos);

    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    if (ctx->format == CLI_FMT_JSON) {
        json_t *arr = json_array();
        for (i = 0; i < n; i++)
            json_array_append_new(arr, check_json(zj_check_at(i)));
        return out_json(arr, stdout) ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    }
    if (ctx->format == CLI_FMT_CSV)
        return checks_csv() ? CLI_EXIT_ERROR : CLI_EXIT_OK;
    for (i = 0; i < n && rc == 0; i++) {
        const zj_check_info *c = zj_check_at(i);
        char title[1024];
        printf("%s%s  %s\n", i ? "\n" : "", c->name,
               out_lang(ctx, c->title_zh, c->title_en, title, sizeof title));
        rc = fields_table(ctx, c);
    }
    return rc ? CLI_EXIT_ERROR : CLI_EXIT_OK;
}

/* ---- check ---------------------------------------------------------------- */

/* `zhijiao check NAME --help`: the check and its fields, both languages. */
static void check_field_help(const zj_check_info *c)
{
    size_t k;
    char buf[1024];

    printf("Usage: zhijiao check %s --FIELD VALUE ...\n\n", c->name);
    printf("%s\n%s\n", c->title_zh, c->title_en);
    if (c->help_zh && *c->help_zh)
        printf("\n%s\n", c->help_zh);
    if (c->help_en && *c->help_en)
        printf("%s\n", c->help_en);
    printf("\nFields (字段):\n");
    for (k = 0; k < c->n_fields; k++) {
        const zj_field_info *f = &c->fields[k];
        printf("  --%s, --%s  (%s, %s)\n", f->name, f->name_zh,
               zj_field_type_name(f->type), f->required ? "required 必填"
                                                     : "optional 选填");
        if (f->help_zh && *f->help_zh)
            printf("      %s\n", f->help_zh);
        if (f->help_en && *f->help_en)
            printf("      %s\n", f->help_en);
        if (f->type == ZJ_FIELD_CHOICE)
            printf("      choices 可选值: %s\n",
                   choices_text(f, buf, sizeof buf));
    }
}

/* The outputs below take decisiveness and citations from the library's
 * summary of the decision (zj_decision_summarize), as batch, R and Calc. */
json_t *cli_decision_json(const zj_check_info *c, const zj_decision *d,
                          const zj_decision_summary *sm)
{
    json_t *reasons = json_array();
    size_t i;

    for (i = 0; i < d->n_reasons; i++) {
        const zj_reason *r = &d->reasons[i];
        json_array_append_new(
            reasons,
            json_pack("{s:o,s:o,s:b,s:o,s:o,s:o,s:o}",
                      "code", out_jstr(r->code),
                      "met", out_jbool3(r->met == ZJ_MET ? 1
                                        : r->met == ZJ_UNMET ? 0 : -1),
                      "decisive", (int)sm->decisive[i],
                      "message_zh", out_jstr(r->message_zh),
                      "message_en", out_jstr(r->message_en),
                      "source", out_jsource(r->source),
                      "citation", out_jstr(sm->citations[i])));
    }
    return json_pack("{s:o,s:o,s:s,s:o,s:o,s:o,s:o,s:o}",
                     "check", out_jstr(c->name),
                     "ruleset", out_jstr(d->ruleset),
                     "status", zj_code_name(d->status),
                     "eligible", out_jbool3(d->eligible),
                     "outcome", out_jstr(d->outcome),
                     "outcome_zh", out_jstr(d->outcome_zh),
                     "outcome_en", out_jstr(d->outcome_en),
                     "reasons", reasons);
}

static int decision_csv(const zj_check_info *c, const zj_decision *d,
                        const zj_decision_summary *sm)
{
    static const char *const cols[] = {
        "check", "ruleset", "status", "eligible", "outcome", "outcome_zh",
        "outcome_en", "code", "met", "decisive", "message_zh", "message_en",
        "citation"};
    out_table t;
    size_t i;
    int rc = 0;

    if (out_table_init(&t, 13, cols) != 0)
        return -1;
    /* One row per reason; a decision without reasons still gets a row. */
    for (i = 0; i < (d->n_reasons ? d->n_reasons : 1) && rc == 0; i++) {
        const zj_reason *r = d->n_reasons ? &d->reasons[i] : NULL;
        const char *cells[13];
        cells[0] = c->name;
        cells[1] = d->ruleset;
        cells[2] = zj_code_name(d->status);
        cells[3] = d->eligible == 1 ? "1" : d->eligible == 0 ? "0" : "";
        cells[4] = d->outcome;
        cells[5] = d->outcome_zh;
        cells[6] = d->outcome_en;
        cells[7] = r ? r->code : "";
        cells[8] = r ? zj_met_name(r->met) : "";
        cells[9] = r ? (sm->decisive[i] ? "1" : "0") : "";
        cells[10] = r ? r->message_zh : "";
        cells[11] = r ? r->message_en : "";
        cells[12] = r && sm->citations[i] ? sm->citations[i] : "";
        rc = out_table_add(&t, cells);
    }
    if (rc == 0)
        rc = out_table_print(&t, CLI_FMT_CSV, stdout);
    out_table_free(&t);
    return rc;
}

static void decision_text(const cli_ctx *ctx, const zj_check_info *c,
                          const zj_decision *d, const zj_decision_summary *sm)
{
    char b1[1024], b2[1024];
    size_t i;

    printf("check 检查    %s  %s\n", c->name,
           out_lang(ctx, c->title_zh, c->title_en, b1, sizeof b1));
    printf("rules 规则    %s\n", d->ruleset && *d->ruleset ? d->ruleset : "-");
    printf("outcome 结论  %s  %s\n", d->outcome ? d->outcome : "-",
           out_lang(ctx, d->outcome_zh, d->outcome_en, b2, sizeof b2));
    if (d->status != ZJ_OK)
        printf("status 状态   %s\n", zj_code_name(d->status));
    if (d->n_reasons == 0)
        return;
    printf("\nreasons 理由 (* decisive 决定性):\n");
    for (i = 0; i < d->n_reasons; i++) {
        const zj_reason *r = &d->reasons[i];
        const char *mark = out_lang(ctx,
                                    zj_met_name_zh(r->met), zj_met_name(r->met),
                                    b1, sizeof b1);
        printf("%s [%s] %s\n", sm->decisive[i] ? "*" : " ", mark,
               r->code ? r->code : "");
        if (ctx->lang != CLI_LANG_EN && r->message_zh && *r->message_zh)
            printf("    %s\n", r->message_zh);
        if (ctx->lang != CLI_LANG_ZH && r->message_en && *r->message_en)
            printf("    %s\n", r->message_en);
        if (sm->citations[i])
            printf("    %s %s\n", out_lang(ctx, "依据", "source", b1, sizeof b1),
                   sm->citations[i]);
    }
}

/* A decision that could not be made is an error too: say so on stderr
 * with its first decisive reason, in both languages. */
static void decision_error(const zj_check_info *c, const zj_decision *d)
{
    zj_error err;
    size_t i;

    zj_error_set(&err, d->status, c->name, "无法判定", "could not decide");
    for (i = 0; i < d->n_reasons; i++)
        if (zj_reason_is_decisive(d, i)) {
            zj_error_set(&err, d->status, c->name, d->reasons[i].message_zh,
                         d->reasons[i].message_en);
            break;
        }
    out_error(NULL, &err);
}

/* A usage error for a field `check` does not have, with the nearest. */
static int no_field(const cli_ctx *ctx, const char *usage, const char *arg,
                    const zj_check_info *c, const char *field, char *buf,
                    size_t size)
{
    char zh[ZJ_ERROR_TEXT_MAX], en[ZJ_ERROR_TEXT_MAX];
    char opt[140];
    const char *f = zj_check_field_suggest(c, field);
    out_near near;
    zj_error err;

    field_names(c, buf, size);
    if (f) {
        snprintf(opt, sizeof opt, "--%s", f);
        out_suggestion(opt, 0, &near);
        snprintf(zh, sizeof zh, "检查 %s 没有字段“%s”%s字段有：%s", c->name,
                 field, near.zh, buf);
        snprintf(en, sizeof en, "check %s has no field '%s'%s Its fields are: %s",
                 c->name, field, near.en, buf);
    } else {
        snprintf(zh, sizeof zh, "检查 %s 没有字段“%s”；字段有：%s", c->name, field,
                 buf);
        snprintf(en, sizeof en, "check %s has no field '%s'; its fields are: %s",
                 c->name, field, buf);
    }
    zj_error_set(&err, ZJ_ERR_ARG, arg, zh, en);
    return out_usage_error(ctx, usage, &err);
}

int cmd_check(cli_ctx *ctx, int argc, char **argv)
{
    const zj_check_info *c;
    const zj_data *data;
    const char **names = NULL;
    zj_value *values = NULL;
    zj_decision d;
    zj_summarizer *sum;
    zj_decision_summary sm;
    zj_error err;
    size_t n = 0;
    int i, rc, only_pos = 0;
    char buf[2048], usage[300];

    if (argc < 2 || argv[1][0] == '-') {
        if (args_wants_help(argc, argv)) {
            help_print(&cli_cmd_check, stdout);
            return CLI_EXIT_OK;
        }
        return OUT_USAGE(ctx, "check", NULL,
                         ("须给出检查名称；可选：%s", check_names(buf, sizeof buf)),
                         ("give the name of a check; one of: %s", check_names(buf, sizeof buf)));
    }
    c = zj_check_find(argv[1]);
    if (!c) {
        if (args_wants_help(argc, argv)) {
            help_print(&cli_cmd_check, stdout);
            return CLI_EXIT_OK;
        }
        return out_no_check(ctx, argv[1]);
    }
    if (args_wants_help(argc, argv)) {
        check_field_help(c);
        return CLI_EXIT_OK;
    }
    /* Usage errors point at this check's own help. */
    snprintf(usage, sizeof usage, "check %s", c->name);
    names = malloc((size_t)argc * sizeof *names);
    values = malloc((size_t)argc * sizeof *values);
    if (!names || !values) {
        rc = out_nomem(ctx);
        goto done;
    }
    for (i = 2; i < argc; i++) {
        const char *a = argv[i], *eq, *value;
        char field[256];
        size_t len;
        int idx;

        if (!only_pos && strcmp(a, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (only_pos || strncmp(a, "--", 2) != 0 || !a[2]) {
            rc = OUT_USAGE(ctx, usage, a,
                           ("多余的参数“%s”；字段须写成 --字段 值", a),
                           ("unexpected argument '%s'; give fields as --FIELD VALUE", a));
            goto done;
        }
        eq = strchr(a + 2, '=');
        len = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
        snprintf(field, sizeof field, "%.*s", (int)len, a + 2);
        idx = zj_check_field_index(c, field);
        if (idx < 0) {
            rc = no_field(ctx, usage, a, c, field, buf, sizeof buf);
            goto done;
        }
        if (eq)
            value = eq + 1;
        else if (i + 1 < argc)
            value = argv[++i];
        else {
            rc = OUT_USAGE(ctx, usage, a,
                           ("字段 --%s 缺少值", field),
                           ("field --%s needs a value", field));
            goto done;
        }
        /* a field given twice is refused by the library (zj_check_run) */
        names[n] = c->fields[idx].name;
        values[n] = *value ? zj_value_text(value) : zj_value_missing();
        n++;
    }
    if (!(data = cli_data(ctx))) {
        rc = CLI_EXIT_ERROR;
        goto done;
    }
    zj_error_clear(&err);
    if (zj_check_run(data, c->name, names, values, n, &d, &err) != ZJ_OK) {
        rc = out_error(ctx, &err);
        goto done;
    }
    sum = zj_summarizer_new(data, 0);
    if (!sum || zj_decision_summarize(sum, &d, &sm, &err) != ZJ_OK) {
        zj_summarizer_free(sum);
        zj_decision_free(&d);
        rc = out_nomem(ctx);
        goto done;
    }
    if (ctx->format == CLI_FMT_JSON)
        rc = out_json(cli_decision_json(c, &d, &sm), stdout);
    else if (ctx->format == CLI_FMT_CSV)
        rc = decision_csv(c, &d, &sm);
    else {
        decision_text(ctx, c, &d, &sm);
        rc = 0;
    }
    zj_summarizer_free(sum);
    if (rc != 0)
        rc = CLI_EXIT_ERROR;
    else if (d.status != ZJ_OK) {
        decision_error(c, &d);
        rc = CLI_EXIT_ERROR;
    } else
        rc = d.eligible == 0 ? CLI_EXIT_NEGATIVE : CLI_EXIT_OK;
    zj_decision_free(&d);
done:
    free(names);
    free(values);
    return rc;
}
