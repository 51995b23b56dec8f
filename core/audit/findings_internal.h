/* findings_internal.h — adding to a zj_findings list (internal). */
#ifndef ZJ_FINDINGS_INTERNAL_H
#define ZJ_FINDINGS_INTERNAL_H

#include <stddef.h>

#include "zhijiao/audit.h"
#include "error_internal.h"
#include "strbuf.h"

/* Appends a finding, copying every string (NULL ones are stored as "").
 * ZJ_ERR_NOMEM leaves f unchanged. */
zj_code zj__findings_add(zj_findings *f, zj_finding_kind kind,
                        const char *table, size_t row, const char *column,
                        double expected, double found, const char *msg_zh,
                        const char *msg_en, zj_error *err);

/* The same with printf-style messages, each language formatted with its
 * own arguments (the compiler checks each):
 *     ZJ_FINDING(f, kind, table, row, column, expected, found, err,
 *                ("第 %zu 行 …", line), ("line %zu …", line));
 * The messages are built in temporary buffers that zj__findings_add_msg
 * frees; out of memory is ZJ_ERR_NOMEM. */
#define ZJ_FINDING(f, kind, table, row, column, expected, found, err, zh, en)         \
    zj__findings_add_msg((f), (kind), (table), (row), (column), (expected), (found), \
                        zj__strbuf_fmt(&(zj__strbuf)ZJ_STRBUF_INIT, ZJ__ARGS zh),     \
                        zj__strbuf_fmt(&(zj__strbuf)ZJ_STRBUF_INIT, ZJ__ARGS en), (err))

/* The same with messages built in zh and en (which it frees), failing
 * with ZJ_ERR_NOMEM if building them did. */
zj_code zj__findings_add_msg(zj_findings *f, zj_finding_kind kind,
                            const char *table, size_t row, const char *column,
                            double expected, double found, zj__strbuf *zh,
                            zj__strbuf *en, zj_error *err);

/* Frees the findings from index `count` on, so that an audit that fails
 * half-way can leave the list as it found it. */
void zj__findings_truncate(zj_findings *f, size_t count);

/* Checks the arguments every audit shares (out, table, column), failing
 * with ZJ_ERR_ARG. */
zj_code zj__audit_check_names(const char *table, const char *column,
                             const zj_findings *out, zj_error *err);

/* Starts a message pair with "表 T 第 R 行 C：" / "table T row R column
 * C: " (without the row when it is 0, the whole table). */
void zj__audit_msg_start(zj__strbuf *zh, zj__strbuf *en, const char *table,
                        size_t row, const char *column);

/* Whether a sum and a stated value agree: within 1e-9 relative (exactly,
 * for zeros).  A sum that overflowed (1e308 + 1e308) agrees with nothing:
 * inf - 5 <= 1e-9 * inf would otherwise pass. */
int zj__audit_agree(double sum, double stated);

/* A value as messages show it ("%.15g"), written into buf. */
#define ZJ_AUDIT_NUM_MAX 32
const char *zj__audit_num(double v, char *buf, size_t size);

#endif
