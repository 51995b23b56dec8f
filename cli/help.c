/* help.c — `--help` and the man pages, both printed from the command
 * tables (options.h), so that neither is written a second time. */
#include <string.h>

#include "options.h"
#include "output.h"

#define HELP_WIDTH 79       /* text help is wrapped to this many columns */
#define HELP_LABEL_MAX 26   /* wider option labels put their help below */

/* ---- text help --------------------------------------------------------- */

/* Prints text wrapped at HELP_WIDTH, every line indented by `indent`
 * columns; the first line starts at column `col` (already printed). */
static void wrap(FILE *fp, const char *text, size_t indent, size_t col)
{
    const char *p = text;
    int first = 1;

    while (*p) {
        const char *e = p;
        char word[512];
        size_t len, w;

        while (*e && *e != ' ')
            e++;
        len = (size_t)(e - p);
        if (len >= sizeof word)
            len = sizeof word - 1;
        memcpy(word, p, len);
        word[len] = '\0';
        w = out_width(word);
        if (!first && col + 1 + w > HELP_WIDTH) {
            fprintf(fp, "\n%*s", (int)indent, "");
            col = indent;
        } else if (!first) {
            fputc(' ', fp);
            col++;
        }
        fputs(word, fp);
        col += w;
        first = 0;
        p = e;
        while (*p == ' ')
            p++;
    }
    fputc('\n', fp);
}

/* "--name VALUE" of an option. */
static const char *label(const cli_option *o, char *buf, size_t size)
{
    snprintf(buf, size, "--%s%s%s", o->name, o->value ? " " : "",
             o->value ? o->value : "");
    return buf;
}

static void print_options(const cli_option *opts, size_t n, FILE *fp)
{
    size_t i, col = 0;
    char b[128];

    for (i = 0; i < n; i++) {
        size_t w = out_width(label(&opts[i], b, sizeof b)) + 4;
        if (opts[i].flags & CLI_OPT_HIDDEN)
            continue;
        if (w <= HELP_LABEL_MAX && w > col)
            col = w;
    }
    for (i = 0; i < n; i++) {
        size_t w = out_width(label(&opts[i], b, sizeof b)) + 2;
        if (opts[i].flags & CLI_OPT_HIDDEN)
            continue;
        fprintf(fp, "  %s", b);
        if (w + 2 > col) {
            fprintf(fp, "\n%*s", (int)col, "");
        } else {
            fprintf(fp, "%*s", (int)(col - w), "");
        }
        wrap(fp, opts[i].help, col, col);
    }
}

/* One synopsis a line; a line starting with a space continues the one
 * before, aligned after the command name. */
static void print_synopsis(const cli_command *cmd, FILE *fp)
{
    const char *p = cmd->synopsis;
    int first = 1;

    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (*p == ' ') {
            while (len && *p == ' ')
                p++, len--;
            fprintf(fp, "%*s%.*s\n",
                    (int)(16 + (cmd == &cli_toplevel ? 0 : strlen(cmd->name))),
                    "", (int)len, p);
        } else {
            fprintf(fp, "%s zhijiao%s%.*s\n", first ? "Usage:" : "      ",
                    len ? " " : "", (int)len, p);
        }
        first = 0;
        p += len + (e != NULL);
    }
}

void help_print(const cli_command *cmd, FILE *fp)
{
    size_t i;

    print_synopsis(cmd, fp);
    if (cmd->description)
        fprintf(fp, "\n%s", cmd->description);
    if (cmd == &cli_toplevel) {
        fputs("\nCommands:\n", fp);
        for (i = 0; i < cli_command_count; i++)
            fprintf(fp, "  %-14s %s\n", cli_commands[i]->name,
                    cli_commands[i]->summary);
    }
    if (cmd->noptions) {
        fputs(cmd == &cli_toplevel ? "\nGlobal options:\n" : "\nOptions:\n",
              fp);
        print_options(cmd->options, cmd->noptions, fp);
    }
    if (cmd->notes)
        fprintf(fp, "\n%s", cmd->notes);
}

/* ---- man pages --------------------------------------------------------- */

/* Text for roff: backslashes escaped, hyphens of options as \-, and a
 * line never starting with a control character.  `opt` escapes every
 * '-' (option names, synopses). */
static void roff(FILE *fp, const char *s, size_t len, int opt)
{
    size_t i;

    for (i = 0; i < len; i++) {
        char c = s[i];
        if ((i == 0 || s[i - 1] == '\n') && (c == '.' || c == '\''))
            fputs("\\&", fp);
        if (c == '\\')
            fputs("\\e", fp);
        else if (c == '-' && (opt || (i + 1 < len && s[i + 1] == '-') ||
                              (i > 0 && s[i - 1] == '-') ||
                              ((i == 0 || s[i - 1] == ' ' || s[i - 1] == '[' ||
                                s[i - 1] == '(' || s[i - 1] == '`') &&
                               i + 1 < len && s[i + 1] != ' ')))
            fputs("\\-", fp);
        else
            fputc(c, fp);
    }
}

/* Paragraphs separated by blank lines become .PP; lines that start with
 * two spaces are kept as they are (.nf), the others are filled. */
static void man_prose(FILE *fp, const char *text)
{
    const char *p = text;
    int literal = 0, para = 1;

    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);

        if (len == 0) {
            para = 1;
        } else {
            int lit = len > 2 && p[0] == ' ' && p[1] == ' ';
            if (para || lit != literal) {
                if (literal)
                    fputs(".fi\n.RE\n", fp);
                if (para)
                    fputs(".PP\n", fp);
                if (lit)
                    fputs(".RS 2\n.nf\n", fp);
                literal = lit;
                para = 0;
            }
            if (lit) {
                p += 2;
                len -= 2;
            }
            roff(fp, p, len, 0);
            fputc('\n', fp);
        }
        p += len + (e != NULL);
    }
    if (literal)
        fputs(".fi\n.RE\n", fp);
}

static void man_options(FILE *fp, const cli_option *opts, size_t n)
{
    size_t i;

    for (i = 0; i < n; i++) {
        if (opts[i].flags & CLI_OPT_HIDDEN)
            continue;
        fputs(".TP\n\\fB", fp);
        roff(fp, "--", 2, 1);
        roff(fp, opts[i].name, strlen(opts[i].name), 1);
        fputs("\\fR", fp);
        if (opts[i].value) {
            fputs(" \\fI", fp);
            roff(fp, opts[i].value, strlen(opts[i].value), 1);
            fputs("\\fR", fp);
        }
        fputc('\n', fp);
        roff(fp, opts[i].help, strlen(opts[i].help), 0);
        fputc('\n', fp);
    }
}

static void man_upper(FILE *fp, const char *s)
{
    for (; *s; s++)
        fputc(*s >= 'a' && *s <= 'z' ? *s - 'a' + 'A' : *s, fp);
}

void help_man(const cli_command *cmd, FILE *fp)
{
    int top = cmd == &cli_toplevel;
    const char *p;
    size_t i;

    fputs(".\\\" Generated by `zhijiao --help-man` from the option tables.\n", fp);
    fputs(".TH ", fp);
    fputs(top ? "ZHIJIAO" : "ZHIJIAO-", fp);
    if (!top)
        man_upper(fp, cmd->name);
    fprintf(fp, " 1 \"\" \"zhijiao %s\" \"zhijiao manual\"\n", ZJ_VERSION_STRING);
    fputs(".SH NAME\n", fp);
    fprintf(fp, "zhijiao%s", top ? "" : "\\-");
    if (!top)
        roff(fp, cmd->name, strlen(cmd->name), 1);
    fputs(" \\- ", fp);
    roff(fp, cmd->summary, strlen(cmd->summary), 0);
    fputs("\n.SH SYNOPSIS\n.nf\n", fp);
    for (p = cmd->synopsis; *p;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (*p != ' ')
            fputs("\\fBzhijiao\\fR ", fp);
        else
            fputs("    ", fp);
        while (len && *p == ' ')
            p++, len--;
        roff(fp, p, len, 1);
        fputc('\n', fp);
        p += len + (e != NULL);
    }
    fputs(".fi\n.SH DESCRIPTION\n", fp);
    if (cmd->description)
        man_prose(fp, cmd->description);
    if (top) {
        fputs(".SH COMMANDS\n", fp);
        for (i = 0; i < cli_command_count; i++) {
            fputs(".TP\n\\fB", fp);
            roff(fp, cli_commands[i]->name, strlen(cli_commands[i]->name), 1);
            fputs("\\fR\n", fp);
            roff(fp, cli_commands[i]->summary,
                 strlen(cli_commands[i]->summary), 0);
            fputs("; see \\fBzhijiao\\-", fp);
            roff(fp, cli_commands[i]->name, strlen(cli_commands[i]->name), 1);
            fputs("\\fR(1).\n", fp);
        }
    }
    if (cmd->noptions) {
        fputs(top ? ".SH GLOBAL OPTIONS\n" : ".SH OPTIONS\n", fp);
        man_options(fp, cmd->options, cmd->noptions);
    }
    if (!top)
        fputs(".PP\nThe global options of \\fBzhijiao\\fR(1) apply too.\n", fp);
    if (cmd->notes) {
        fputs(".SH NOTES\n", fp);
        man_prose(fp, cmd->notes);
    }
    fputs(".SH SEE ALSO\n", fp);
    if (top) {
        for (i = 0; i < cli_command_count; i++) {
            fputs("\\fBzhijiao\\-", fp);
            roff(fp, cli_commands[i]->name, strlen(cli_commands[i]->name), 1);
            fprintf(fp, "\\fR(1)%s\n", i + 1 < cli_command_count ? "," : "");
        }
    } else {
        fputs("\\fBzhijiao\\fR(1)\n", fp);
    }
    fputs(".PP\nThe reference with output schemas and examples is docs/cli.md"
          " of the source distribution.\n", fp);
}
