/* cmd_counts.c — the figures computed from a few counts given as
 * arguments: `completion`, `progression` and `transfer-rate`. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "output.h"

const cli_command cli_cmd_completion = {
    "completion", cmd_completion, "plan completion rate (计划完成率)",
    "completion ACTUAL PLAN",
    "Plan completion rate (计划完成率) = actual / plan, e.g. 实际招生 928 of\n"
    "计划招生 894.  Not a proportion: it can exceed 1.  PLAN must be > 0.\n",
    NULL, 0, NULL, {CLI_K_NONE}, 0, NULL,
};

const cli_command cli_cmd_progression = {
    "progression", cmd_progression,
    "progression to further study (升学率)",
    "progression GRADUATES TO_ZHUANKE TO_BENKE",
    "Progression to further study (升学率) of a graduating cohort (毕业生):\n"
    "the rate to junior college (专科), the rate to bachelor's programmes\n"
    "(本科) and the total.  TO_ZHUANKE + TO_BENKE must not exceed GRADUATES.\n",
    NULL, 0, NULL, {CLI_K_NONE}, 0, NULL,
};

const cli_command cli_cmd_transfer_rate = {
    "transfer-rate", cmd_transfer_rate, "stage-transfer rate of a cohort (转段率)",
    "transfer-rate TRANSFERRED COHORT",
    "Stage-transfer rate (转段率) of a \"3+2\" or 贯通 (integrated) cohort:\n"
    "students who passed the transfer to the next stage (转段) / the eligible\n"
    "cohort.  TRANSFERRED must not exceed COHORT.\n",
    NULL, 0, NULL, {CLI_K_NONE}, 0, NULL,
};


/* Parses exactly n positional numbers named names[]; 0 or an exit status
 * (ARGS_HELP is passed through). */
static int counts_args(cli_ctx *ctx, const cli_command *spec, int argc,
                       char **argv, const char *const *names, size_t n,
                       double *v)
{
    const char *pos[3], *cmd = spec->name;
    size_t npos, i;
    int rc = args_parse(ctx, spec, argc, argv, NULL, pos, n, &npos);

    if (rc != 0)
        return rc;
    if (npos != n) {
        char list[128];
        args_join(names, n, list, sizeof list);
        return OUT_USAGE(ctx, cmd, NULL,
                         ("须给出 %zu 个数：%s", n, list),
                         ("give %zu numbers: %s", n, list));
    }
    for (i = 0; i < n; i++)
        if (args_count(ctx, cmd, names[i], pos[i], &v[i]) != 0)
            return CLI_EXIT_ERROR;
    return 0;
}

/* Prints n numbers as a record; JSON keys[i] with out_jcount for the first
 * n_counts (inputs) and out_jreal for the rest (results). */
static int print_numbers(const cli_ctx *ctx, size_t n, size_t n_counts,
                         const char *const *keys, const char *const *labels,
                         const double *v)
{
    char b[8][64];
    const char *vals[8];
    size_t i;

    if (ctx->format == CLI_FMT_JSON) {
        json_t *j = json_object();
        for (i = 0; i < n; i++)
            json_object_set_new(j, keys[i], i < n_counts ? out_jcount(v[i])
                                                         : out_jreal(v[i]));
        return out_status(out_json(j, stdout));
    }
    for (i = 0; i < n; i++)
        vals[i] = out_num(ctx, v[i], b[i], sizeof b[i]);
    return out_status(out_record(ctx, n, keys, labels, vals));
}

int cmd_completion(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const names[] = {"ACTUAL", "PLAN"};
    static const char *const keys[] = {"actual", "plan", "completion"};
    static const char *const labels[] = {"actual 实际", "plan 计划",
                                         "completion 计划完成率"};
    double v[3];
    zj_error err;
    int rc = counts_args(ctx, &cli_cmd_completion, argc, argv, names, 2, v);

    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    zj_error_clear(&err);
    if (zj_completion_rate(v[0], v[1], &v[2], &err) != ZJ_OK)
        return out_error(ctx, &err);
    return print_numbers(ctx, 3, 2, keys, labels, v);
}

int cmd_progression(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const names[] = {"GRADUATES", "TO_ZHUANKE", "TO_BENKE"};
    static const char *const keys[] = {"graduates", "to_zhuanke", "to_benke",
                                       "zhuanke_rate", "benke_rate",
                                       "total_rate"};
    static const char *const labels[] = {
        "graduates 毕业生", "to_zhuanke 升入专科", "to_benke 升入本科",
        "zhuanke_rate 专科升学率", "benke_rate 本科升学率",
        "total_rate 本专科升学率"};
    double v[6];
    zj_progression p;
    zj_error err;
    int rc = counts_args(ctx, &cli_cmd_progression, argc, argv, names, 3, v);

    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    zj_error_clear(&err);
    if (zj_progression_rates(v[0], v[1], v[2], &p, &err) != ZJ_OK)
        return out_error(ctx, &err);
    v[3] = p.zhuanke_rate;
    v[4] = p.benke_rate;
    v[5] = p.total_rate;
    return print_numbers(ctx, 6, 3, keys, labels, v);
}

int cmd_transfer_rate(cli_ctx *ctx, int argc, char **argv)
{
    static const char *const names[] = {"TRANSFERRED", "COHORT"};
    static const char *const keys[] = {"transferred", "cohort", "rate"};
    static const char *const labels[] = {"transferred 转段人数",
                                         "cohort 应转段人数", "rate 转段率"};
    double v[3];
    zj_error err;
    int rc = counts_args(ctx, &cli_cmd_transfer_rate, argc, argv, names, 2, v);

    if (rc != 0)
        return rc == ARGS_HELP ? CLI_EXIT_OK : rc;
    zj_error_clear(&err);
    if (zj_transfer_rate(v[0], v[1], &v[2], &err) != ZJ_OK)
        return out_error(ctx, &err);
    return print_numbers(ctx, 3, 2, keys, labels, v);
}
