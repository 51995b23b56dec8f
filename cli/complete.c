/* complete.c — `zhijiao __complete WORD...`, what bash completion asks.
 *
 * Given the words of the command line after `zhijiao` (the last one being
 * completed, possibly empty), prints the candidates that start with it,
 * one a line: commands, options (from the tables), check, field and table
 * names (from the library at completion time), values of options with a
 * fixed set.  A line `@file` or `@dir` asks the shell to complete file or
 * directory names itself.  A word `--name=partial` completes the value
 * after the `=` (candidates keep the `--name=`).  Never prints an error: a completion that
 * cannot be answered offers nothing.
 */
#include <string.h>

#include "options.h"

typedef struct compl {
    const char *cur;        /* the word being completed */
    const char *data_dir;   /* --data, for table names */
    char prefix[64];        /* "--name=" when completing such a value */
} compl;

static void offer(const compl *c, const char *prefix, const char *word)
{
    size_t pl = strlen(prefix), cl = strlen(c->cur);

    /* Matches when prefix + word starts with cur. */
    if (cl <= pl ? strncmp(prefix, c->cur, cl) == 0
                 : strncmp(prefix, c->cur, pl) == 0 &&
                       strncmp(word, c->cur + pl, cl - pl) == 0)
        printf("%s%s\n", prefix, word);
}

static void offer_options(const compl *c, const cli_command *cmd)
{
    size_t i;

    for (i = 0; cmd && i < cmd->noptions; i++)
        if (!(cmd->options[i].flags & CLI_OPT_HIDDEN))
            offer(c, "--", cmd->options[i].name);
}

static void offer_kind(const compl *c, cli_kind kind, const char *words,
                       const zj_check_info *check)
{
    size_t i;
    const char *pre = c->prefix;

    switch (kind) {
    case CLI_K_FILE:
        puts("@file");
        break;
    case CLI_K_DIR:
        puts("@dir");
        break;
    case CLI_K_CHECK:
        for (i = 0; i < zj_check_count(); i++)
            offer(c, pre, zj_check_at(i)->name);
        break;
    case CLI_K_TABLE: {
        zj_data *data = NULL;
        zj_error err;
        zj_error_clear(&err);
        if (zj_data_open_with_snapshot(c->data_dir, NULL, &data, &err) != ZJ_OK)
            break;
        for (i = 0; i < zj_data_table_count(data); i++)
            offer(c, pre, zj_table_name(zj_data_table_at(data, i)));
        zj_data_close(data);
        break;
    }
    case CLI_K_FIELD:
        for (i = 0; check && i < check->n_fields; i++)
            offer(c, "--", check->fields[i].name);
        break;
    case CLI_K_WORDS:
        while (words && *words) {
            char w[64];
            size_t len = strcspn(words, " ");
            snprintf(w, sizeof w, "%.*s", (int)len, words);
            offer(c, pre, w);
            words += len;
            while (*words == ' ')
                words++;
        }
        break;
    case CLI_K_NONE:
        break;
    }
}

/* The values of a field of `check`: its choices, or yes/no words. */
static void offer_field_values(const compl *c, const zj_field_info *f)
{
    size_t i;
    const char *pre = c->prefix;

    if (f->type == ZJ_FIELD_CHOICE)
        for (i = 0; f->choices && f->choices[i]; i++)
            offer(c, pre, f->choices[i]);
    else if (f->type == ZJ_FIELD_BOOL)
        offer_kind(c, CLI_K_WORDS, "是 否", NULL);
}

/* The option named by word ("--name" or "--name=..."), in cmd or the
 * global table. */
static const cli_option *option_of(const cli_command *cmd, const char *word)
{
    const cli_option *o;
    size_t len;

    if (strncmp(word, "--", 2) != 0)
        return NULL;
    len = strcspn(word + 2, "=");
    o = args_find_option(cmd, word + 2, len);
    return o ? o : args_find_option(&cli_toplevel, word + 2, len);
}

int complete_words(cli_ctx *ctx, int argc, char **argv)
{
    const cli_command *cmd = NULL;
    const zj_check_info *check = NULL;
    compl c;
    size_t npos = 0;
    int i, help = 0, only_pos = 0;

    c.cur = argc > 0 ? argv[argc - 1] : "";
    c.data_dir = ctx->data_dir;
    c.prefix[0] = '\0';
    for (i = 0; i + 1 < argc; i++) {
        const char *w = argv[i];
        const cli_option *o;

        if (!only_pos && strcmp(w, "--") == 0) {
            only_pos = 1;
            continue;
        }
        if (!only_pos && w[0] == '-' && w[1]) {
            o = option_of(cmd, w);
            if (o && o->value && !strchr(w, '=') && i + 2 < argc) {
                if (strcmp(o->name, "data") == 0 && !cmd)
                    c.data_dir = argv[i + 1];
                i++;   /* its value */
            } else if (!o && check && i + 2 < argc && !strchr(w, '=')) {
                i++;   /* a field of `check` and its value */
            }
            continue;
        }
        if (!cmd && !help && strcmp(w, "help") == 0) {
            help = 1;
            continue;
        }
        if (!cmd) {
            cmd = cli_command_find(w);
            if (!cmd || help)
                return CLI_EXIT_OK;
            continue;
        }
        if (cmd == &cli_cmd_check && npos == 0)
            check = zj_check_find(w);
        npos++;
    }

    /* The value of the option before the current word. */
    if (argc >= 2 && !only_pos) {
        const char *prev = argv[argc - 2];
        const cli_option *o = option_of(cmd, prev);
        if (o && o->value && !strchr(prev, '=')) {
            offer_kind(&c, o->kind, o->words, NULL);
            return CLI_EXIT_OK;
        }
        if (!o && check && strncmp(prev, "--", 2) == 0 && !strchr(prev, '=')) {
            int k = zj_check_field_index(check, prev + 2);
            if (k >= 0)
                offer_field_values(&c, &check->fields[k]);
            return CLI_EXIT_OK;
        }
    }
    /* The value of `--name=partial`. */
    if (!only_pos && strncmp(c.cur, "--", 2) == 0 && strchr(c.cur, '=')) {
        const cli_option *o = option_of(cmd, c.cur);
        size_t len = (size_t)(strchr(c.cur, '=') - c.cur) + 1;
        if (len < sizeof c.prefix)
            snprintf(c.prefix, sizeof c.prefix, "%.*s", (int)len, c.cur);
        if (o && o->value && len < sizeof c.prefix)
            offer_kind(&c, o->kind, o->words, NULL);
        else if (!o && check && len < sizeof c.prefix) {
            char name[64];
            int k;
            snprintf(name, sizeof name, "%.*s", (int)(len - 3), c.cur + 2);
            k = zj_check_field_index(check, name);
            if (k >= 0)
                offer_field_values(&c, &check->fields[k]);
        }
        return CLI_EXIT_OK;
    }
    if (!only_pos && c.cur[0] == '-') {
        if (check)
            offer_kind(&c, CLI_K_FIELD, NULL, check);
        offer_options(&c, cmd);
        offer_options(&c, &cli_toplevel);
        return CLI_EXIT_OK;
    }
    if (!cmd) {
        for (i = 0; (size_t)i < cli_command_count; i++)
            offer(&c, "", cli_commands[i]->name);
        if (!help)
            offer(&c, "", "help");
        return CLI_EXIT_OK;
    }
    if (npos < 3 && cmd->positional[npos] != CLI_K_NONE)
        offer_kind(&c, cmd->positional[npos], NULL, check);
    else if (cmd->positional_repeat && npos > 0) {
        size_t last = 0;
        while (last + 1 < 3 && cmd->positional[last + 1] != CLI_K_NONE)
            last++;
        if (npos > last)
            offer_kind(&c, cmd->positional[last], NULL, check);
    }
    return CLI_EXIT_OK;
}
