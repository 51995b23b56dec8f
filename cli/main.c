/* main.c — `zhijiao`: global options, then one command.
 *
 * Global options may come before or after the command; they are taken out
 * of argv here so that each command sees only its own arguments.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "args.h"
#include "cli.h"
#include "options.h"
#include "output.h"

const zj_data *cli_data(cli_ctx *ctx)
{
    zj_error err;
    size_t i;

    if (ctx->data)
        return ctx->data;
    zj_error_clear(&err);
    /* The bundled tables, with any refreshed snapshot (zhijiao refresh)
     * serving its tables in place of the bundled ones of the same name. */
    if (zj_data_open_with_snapshot(ctx->data_dir, NULL, &ctx->data, &err) != ZJ_OK) {
        ctx->data = NULL;
        out_error(ctx, &err);
        return NULL;
    }
    /* what the library skipped (a FIFO in rules/, ...): it never prints */
    for (i = 0; i < zj_data_note_count(ctx->data); i++) {
        const zj_error *n = zj_data_note_at(ctx->data, i);
        fprintf(stderr, "zhijiao: note at %s:\n  %s\n  %s\n", n->where, n->message_zh, n->message_en);
    }
    if (zj_data_warning(ctx->data))
        out_warning(zj_data_warning(ctx->data));
    return ctx->data;
}

/* The width of the terminal on standard output: TIOCGWINSZ, else
 * $COLUMNS; 0 (no limit) when the output is not a terminal. */
static size_t terminal_columns(void)
{
    struct winsize ws;
    const char *env;
    long n;

    if (!isatty(STDOUT_FILENO))
        return 0;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    env = getenv("COLUMNS");
    n = env ? strtol(env, NULL, 10) : 0;
    return n > 0 && n <= 100000 ? (size_t)n : 80;
}

/* Takes the global options (cli_toplevel's table) out of argv, in place;
 * returns 0, or the exit status when the options themselves end the run.
 * `--help` counts only before the command: after it, it is the
 * command's. */
static int take_globals(cli_ctx *ctx, int *argcp, char **argv,
                        cli_globals *g)
{
    int argc = *argcp, i, o = 1, seen_cmd = 0, only_pos = 0;

    for (i = 1; i < argc; i++) {
        char *a = argv[i];
        const cli_option *opt = NULL;
        const char *eq = NULL;

        if (only_pos || strcmp(a, "--") == 0) {
            only_pos = 1;
            argv[o++] = a;
            continue;
        }
        if (strncmp(a, "--", 2) == 0) {
            eq = strchr(a + 2, '=');
            opt = args_find_option(&cli_toplevel, a + 2,
                                   eq ? (size_t)(eq - a - 2) : strlen(a + 2));
        } else if (strcmp(a, "-h") == 0) {
            opt = args_find_option(&cli_toplevel, "help", 4);
        }
        if (opt && !opt->value && eq)
            opt = NULL;     /* `--verbose=x`: left to the command */
        if (opt && strcmp(opt->name, "help") == 0 && seen_cmd)
            opt = NULL;
        if (opt) {
            const char **slot = (const char **)((char *)g + opt->offset);
            if (!opt->value)
                *slot = "1";
            else if (eq)
                *slot = eq + 1;
            else if (i + 1 < argc)
                *slot = argv[++i];
            else
                return OUT_USAGE(ctx, NULL, a,
                                 ("选项 --%s 缺少值", opt->name),
                                 ("option --%s needs a value", opt->name));
            continue;
        }
        if (a[0] != '-')
            seen_cmd = 1;
        argv[o++] = a;
    }
    argv[o] = NULL;
    *argcp = o;

    ctx->data_dir = g->data ? g->data : ctx->data_dir;
    ctx->verbose = g->verbose != NULL;
    if (g->format) {
        if (strcmp(g->format, "table") == 0) ctx->format = CLI_FMT_TABLE;
        else if (strcmp(g->format, "csv") == 0) ctx->format = CLI_FMT_CSV;
        else if (strcmp(g->format, "json") == 0) ctx->format = CLI_FMT_JSON;
        else
            return OUT_USAGE(ctx, NULL, "--format",
                             ("未知的输出格式“%s”（可选 table、csv、json）", g->format),
                             ("unknown format '%s' (table, csv or json)", g->format));
    }
    if (g->width) {
        double w;
        if (args_number(ctx, NULL, "--width", g->width, &w) != 0)
            return CLI_EXIT_ERROR;
        if (w < 0 || w != floor(w) || w > 100000)
            return OUT_USAGE(ctx, NULL, "--width",
                             ("--width 须为 0 至 100000 的整数，而不是“%s”", g->width),
                             ("--width must be a whole number from 0 to 100000, not '%s'", g->width));
        out_set_columns((size_t)w);
    } else {
        out_set_columns(terminal_columns());
    }
    if (g->lang) {
        if (strcmp(g->lang, "both") == 0) ctx->lang = CLI_LANG_BOTH;
        else if (strcmp(g->lang, "zh") == 0) ctx->lang = CLI_LANG_ZH;
        else if (strcmp(g->lang, "en") == 0) ctx->lang = CLI_LANG_EN;
        else
            return OUT_USAGE(ctx, NULL, "--lang",
                             ("未知的语言“%s”（可选 zh、en、both）", g->lang),
                             ("unknown language '%s' (zh, en or both)", g->lang));
    }
    return 0;
}

/* A usage error for an unknown command, with the nearest one. */
static int unknown_command(const cli_ctx *ctx, const char *name)
{
    const char *names[64];
    char zh[600], en[600];
    size_t i, n = 0;
    out_near near;
    zj_error err;

    for (i = 0; i < cli_command_count && n < 63; i++)
        names[n++] = cli_commands[i]->name;
    names[n++] = "help";
    out_suggestion(zj_suggest(name, names, n), 1, &near);
    snprintf(zh, sizeof zh, "未知命令“%s”%s", name, near.zh);
    snprintf(en, sizeof en, "unknown command '%s'%s", name, near.en);
    zj_error_set(&err, ZJ_ERR_ARG, name, zh, en);
    return out_usage_error(ctx, NULL, &err);
}

int main(int argc, char **argv)
{
    static char help_opt[] = "--help";
    char *help_argv[3];
    cli_ctx ctx;
    cli_globals g;
    const cli_command *cmd;
    int help_first, rc;

    memset(&ctx, 0, sizeof ctx);
    memset(&g, 0, sizeof g);
    ctx.data_dir = zj_data_default_dir();
    /* Hidden modes for the build and the shell, not in --help: the man
     * pages (`--help-man [CMD]`) and completion (`__complete WORD...`). */
    if (argc >= 2 && strcmp(argv[1], "--help-man") == 0) {
        cmd = argc >= 3 ? cli_command_find(argv[2]) : &cli_toplevel;
        if (!cmd)
            return unknown_command(&ctx, argv[2]);
        help_man(cmd, stdout);
        return fflush(stdout) == 0 ? CLI_EXIT_OK : CLI_EXIT_ERROR;
    }
    if (argc >= 2 && strcmp(argv[1], "__complete") == 0)
        return complete_words(&ctx, argc - 2, argv + 2);
    rc = take_globals(&ctx, &argc, argv, &g);
    if (rc != 0)
        return rc;
    help_first = g.help != NULL;
    if (g.version) {
        printf("zhijiao %s (libzhijiao %s)\n", ZJ_VERSION_STRING, zj_version());
        return CLI_EXIT_OK;
    }
    if (argc < 2) {
        help_print(&cli_toplevel, help_first ? stdout : stderr);
        return help_first ? CLI_EXIT_OK : CLI_EXIT_ERROR;
    }
    if (strcmp(argv[1], "help") == 0) {
        if (argc < 3) {
            help_print(&cli_toplevel, stdout);
            return CLI_EXIT_OK;
        }
        /* `zhijiao help CMD` is `zhijiao CMD --help`. */
        argv++;
        argc--;
        help_first = 1;
    }
    cmd = cli_command_find(argv[1]);
    if (!cmd) {
        if (argv[1][0] == '-')
            return args_unknown_option(&ctx, NULL, argv[1]);
        return unknown_command(&ctx, argv[1]);
    }
    if (help_first) {
        /* `zhijiao --help CMD`: the command's help. */
        help_argv[0] = argv[1];
        help_argv[1] = help_opt;
        help_argv[2] = NULL;
        rc = cmd->fn(&ctx, 2, help_argv);
    } else {
        rc = cmd->fn(&ctx, argc - 1, argv + 1);
    }
    zj_data_close(ctx.data);
    /* A failed write the command has not reported yet (printf to a full
     * disk, a closed pipe). */
    if ((fflush(stdout) != 0 || ferror(stdout)) && rc != CLI_EXIT_ERROR) {
        zj_error err;
        zj_error_set(&err, ZJ_ERR_IO, "stdout", "写标准输出失败",
                     "writing standard output failed");
        return out_error(NULL, &err);
    }
    return rc;
}
