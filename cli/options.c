/* options.c — parsing a command's arguments against its option table. */
#include <ctype.h>
#include <string.h>

#include "options.h"
#include "output.h"

int args_wants_help(int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return 0;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return 1;
    }
    return 0;
}

/* "-" is standard input and "-1", "-.5" are numbers: positional. */
static int is_option(const char *a)
{
    if (a[0] != '-' || a[1] == '\0')
        return 0;
    if (a[1] == '-')
        return 1;
    return !(isdigit((unsigned char)a[1]) || a[1] == '.');
}

const cli_option *args_find_option(const cli_command *cmd, const char *name,
                                   size_t len)
{
    size_t i;

    for (i = 0; cmd && i < cmd->noptions; i++)
        if (strlen(cmd->options[i].name) == len &&
            strncmp(cmd->options[i].name, name, len) == 0)
            return &cmd->options[i];
    return NULL;
}

/* The visible option names of cmd and of the global table, as
 * "--name", into buf; their count. */
static size_t option_names(const cli_command *cmd, char (*buf)[40],
                           const char **names, size_t max)
{
    const cli_command *tables[2];
    size_t t, i, n = 0;

    tables[0] = cmd;
    tables[1] = &cli_toplevel;
    for (t = 0; t < 2; t++)
        for (i = 0; tables[t] && i < tables[t]->noptions && n < max; i++) {
            if (tables[t]->options[i].flags & CLI_OPT_HIDDEN)
                continue;
            snprintf(buf[n], sizeof buf[n], "--%s", tables[t]->options[i].name);
            names[n] = buf[n];
            n++;
        }
    return n;
}

int args_unknown_option(const cli_ctx *ctx, const cli_command *cmd,
                        const char *arg)
{
    const char *eq = strchr(arg, '=');
    int len = eq ? (int)(eq - arg) : (int)strlen(arg);
    char buf[64][40], given[64];
    const char *names[64];
    size_t n = option_names(cmd, buf, names, 64);
    char zh[400], en[400];
    out_near near;
    zj_error err;

    snprintf(given, sizeof given, "%.*s", len, arg);
    out_suggestion(zj_suggest(given, names, n), 0, &near);
    snprintf(zh, sizeof zh, "未知选项 %.*s%s", len, arg, near.zh);
    snprintf(en, sizeof en, "unknown option %.*s%s", len, arg, near.en);
    zj_error_set(&err, ZJ_ERR_ARG, arg, zh, en);
    return out_usage_error(ctx, cmd ? cmd->name : NULL, &err);
}

static int store(const cli_command *cmd, void *opts, const cli_option *o,
                 const char *arg, const char *value)
{
    if (cmd->on_option)
        return cmd->on_option(opts, o, arg, value);
    *(const char **)((char *)opts + o->offset) = value;
    return 0;
}

int args_parse(const cli_ctx *ctx, const cli_command *cmd, int argc,
               char **argv, void *opts, const char **pos, size_t maxpos,
               size_t *npos)
{
    int i, rc, only_pos = 0;

    *npos = 0;
    if (args_wants_help(argc, argv)) {
        help_print(cmd, stdout);
        return ARGS_HELP;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_pos && strcmp(a, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (!only_pos && is_option(a)) {
            const char *name = a + (a[1] == '-' ? 2 : 1);
            const char *eq = strchr(name, '=');
            size_t len = eq ? (size_t)(eq - name) : strlen(name);
            const cli_option *o =
                a[1] == '-' ? args_find_option(cmd, name, len) : NULL;

            if (!o)
                return args_unknown_option(ctx, cmd, a);
            if (!o->value) {
                if (eq)
                    return OUT_USAGE(ctx, cmd->name, a,
                                     ("选项 --%s 不带值", o->name),
                                     ("option --%s takes no value", o->name));
                rc = store(cmd, opts, o, a, "1");
            } else if (eq) {
                rc = store(cmd, opts, o, a, eq + 1);
            } else if (i + 1 < argc) {
                rc = store(cmd, opts, o, a, argv[++i]);
            } else {
                return OUT_USAGE(ctx, cmd->name, a,
                                 ("选项 --%s 缺少值", o->name),
                                 ("option --%s needs a value", o->name));
            }
            if (rc != 0)
                return rc;
            continue;
        }
        if (*npos >= maxpos)
            return OUT_USAGE(ctx, cmd->name, a,
                             ("多余的参数“%s”", a),
                             ("unexpected argument '%s'", a));
        pos[(*npos)++] = a;
    }
    return 0;
}
