/* checkutil.h — helpers shared by the check tests: run one row of a
 * check, find a reason, and assert what every decision must satisfy
 * (codes, both messages, a citation on every decided reason). */
#ifndef ZJ_CHECKUTIL_H
#define ZJ_CHECKUTIL_H

#include <stdarg.h>
#include <string.h>

#include "testutil.h"

static zj_data *data;

#define MAXV 16

/* Runs one row: run(check, "field", "value", ..., NULL).  A NULL value is a
 * missing cell. */
static zj_decision run(const char *check, ...)
{
    const char *names[MAXV];
    zj_value vals[MAXV];
    size_t n = 0;
    const char *name;
    va_list ap;
    zj_decision d;
    zj_error err;

    va_start(ap, check);
    while ((name = va_arg(ap, const char *)) != NULL && n < MAXV) {
        const char *v = va_arg(ap, const char *);
        names[n] = name;
        vals[n] = v ? zj_value_text(v) : zj_value_missing();
        n++;
    }
    va_end(ap);
    memset(&d, 0, sizeof d);
    assert_int_equal(zj_check_run(data, check, names, vals, n, &d, &err), ZJ_OK);
    return d;
}

static const zj_reason *reason(const zj_decision *d, const char *code)
{
    size_t i;

    for (i = 0; i < d->n_reasons; i++)
        if (strcmp(d->reasons[i].code, code) == 0)
            return &d->reasons[i];
    print_error("no reason %s in the decision (outcome %s)\n", code, d->outcome);
    for (i = 0; i < d->n_reasons; i++)
        print_error("  %s %d %s\n", d->reasons[i].code, d->reasons[i].met, d->reasons[i].message_zh);
    fail();
    return NULL;
}


/* Both messages of the reason contain `zh` and `en` respectively. */
static void says(const zj_reason *r, const char *zh, const char *en)
{
    if (zh && !strstr(r->message_zh, zh)) {
        print_error("%s: \"%s\" not in \"%s\"\n", r->code, zh, r->message_zh);
        fail();
    }
    if (en && !strstr(r->message_en, en)) {
        print_error("%s: \"%s\" not in \"%s\"\n", r->code, en, r->message_en);
        fail();
    }
}

/* Decided reasons cite a document and a clause; messages are in their
 * language (no Chinese sentence punctuation in English, no English
 * sentence in Chinese). */
static void well_formed(const zj_decision *d)
{
    size_t i;

    for (i = 0; i < d->n_reasons; i++) {
        const zj_reason *r = &d->reasons[i];

        assert_non_null(r->code);
        assert_non_null(r->message_zh);
        assert_non_null(r->message_en);
        assert_true(r->message_zh[0] && r->message_en[0]);
        if (strstr(r->message_en, "，") || strstr(r->message_en, "。") || strstr(r->message_en, "未提供") ||
            strstr(r->message_zh, " the ") || strstr(r->message_zh, "not given")) {
            print_error("%s: language mix-up:\n  zh %s\n  en %s\n", r->code, r->message_zh, r->message_en);
            fail();
        }
        if (d->status == ZJ_OK && r->met != ZJ_UNKNOWN) {
            if (!r->source || !r->source->document || !r->source->clause) {
                print_error("%s: decided reason without a citation\n", r->code);
                fail();
            }
        }
    }
}

static void expect(zj_decision *d, zj_code status, int eligible, const char *outcome)
{
    if (d->status != status || d->eligible != eligible || strcmp(d->outcome, outcome) != 0) {
        size_t i;
        print_error("got status %d eligible %d outcome %s; expected %d %d %s\n", d->status,
                    d->eligible, d->outcome, status, eligible, outcome);
        for (i = 0; i < d->n_reasons; i++)
            print_error("  %s %d %s | %s\n", d->reasons[i].code, d->reasons[i].met,
                        d->reasons[i].message_zh, d->reasons[i].message_en);
        fail();
    }
    assert_non_null(d->outcome_zh);
    assert_non_null(d->outcome_en);
    well_formed(d);
}

static int group_setup(void **state)
{
    zj_error err;

    (void)state;
    if (zj_data_open(zj_test_path("data"), &data, &err) != ZJ_OK) {
        fprintf(stderr, "cannot open data: %s: %s\n", err.where, err.message_en);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    zj_data_close(data);
    return 0;
}

#endif
