/* ci_method.c — names of the confidence-interval methods.
 *
 * The names are part of the interface (CLI options, CSV columns, the R and
 * Calc clients), so they never change; parsing is lenient only in case and
 * in accepting the aliases of binom::binom.confint and R: "exact"
 * (Clopper-Pearson), "asymptotic" (Wald) and "prop.test" (Wilson with
 * continuity correction, prop.test's default).  Every client passes names
 * through here, so an alias works everywhere or nowhere. */
#include <stddef.h>

#include "zhijiao/indicators.h"
#include "zhijiao/text.h"
#include "error_internal.h"
#include "utf8.h"

/* Indexed by zj_ci_method. */
static const char *const method_names[] = {
    "wilson", "wilson-cc", "clopper-pearson", "agresti-coull", "jeffreys",
    "wald"
};

#define METHOD_COUNT (sizeof method_names / sizeof method_names[0])

static const struct {
    const char *name;
    zj_ci_method method;
} aliases[] = {
    { "exact", ZJ_CI_CLOPPER_PEARSON },
    { "asymptotic", ZJ_CI_WALD },
    { "prop.test", ZJ_CI_WILSON_CC },
};

#define ALIAS_COUNT (sizeof aliases / sizeof aliases[0])

/* The error for a name we do not know, quoting it only when it is
 * well-formed UTF-8 (the message must stay UTF-8) and cut at a whole
 * character. */
static zj_code unknown_method(const char *name, zj_error *err)
{
    const char *alias_names[ALIAS_COUNT];
    size_t len = (size_t)zj__utf8_quotable(name, (size_t)-1), i;
    const char *near = NULL;

    for (i = 0; i < ALIAS_COUNT; i++)
        alias_names[i] = aliases[i].name;
    if (len > 0 || !*name) {   /* a name that is not UTF-8 is neither quoted nor matched */
        near = zj_suggest(name, method_names, METHOD_COUNT);
        if (!near)
            near = zj_suggest(name, alias_names, ALIAS_COUNT);
    }
    if (near)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument name",
                       ("name 为未知的区间方法“%.*s”，是不是 %s？可用：wilson、"
                        "wilson-cc、clopper-pearson（或 exact）、agresti-coull、"
                        "jeffreys、wald（或 asymptotic）", (int)len, name, near),
                       ("name is an unknown interval method \"%.*s\"; did you "
                        "mean %s? Expected one of wilson, wilson-cc, "
                        "clopper-pearson (or exact), agresti-coull, jeffreys, "
                        "wald (or asymptotic)", (int)len, name, near));
    return ZJ_FAIL(err, ZJ_ERR_ARG, "argument name",
                   ("name 为未知的区间方法“%.*s”；可用：wilson、wilson-cc、"
                    "clopper-pearson（或 exact）、agresti-coull、jeffreys、wald（或 asymptotic）",
                    (int)len, name),
                   ("name is an unknown interval method \"%.*s\"; expected "
                    "one of wilson, wilson-cc, clopper-pearson (or exact), "
                    "agresti-coull, jeffreys, wald (or asymptotic)",
                    (int)len, name));
}

const char *zj_ci_method_name(zj_ci_method m)
{
    /* An out-of-range enum is a caller bug; "unknown" (as zj_code_name
     * does) keeps a careless printf("%s") from crashing. */
    if ((unsigned)m >= METHOD_COUNT)
        return "unknown";
    return method_names[m];
}

zj_code zj_ci_method_parse(const char *name, zj_ci_method *out, zj_error *err)
{
    size_t i;

    if (!out)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument out",
                       ("out 不能为 NULL"),
                       ("out must not be NULL"));
    if (!name)
        return ZJ_FAIL(err, ZJ_ERR_ARG, "argument name",
                       ("区间方法名 name 不能为 NULL"),
                       ("the interval method name must not be NULL"));
    for (i = 0; i < METHOD_COUNT; i++) {
        if (zj__ascii_ieq(name, method_names[i])) {
            *out = (zj_ci_method)i;
            return ZJ_OK;
        }
    }
    for (i = 0; i < ALIAS_COUNT; i++) {
        if (zj__ascii_ieq(name, aliases[i].name)) {
            *out = aliases[i].method;
            return ZJ_OK;
        }
    }
    return unknown_method(name, err);
}
