/* row_kind.c — what a row of an audited table is, from its text
 * (zj_row_kind_parse, zhijiao/audit.h). */
#include <string.h>

#include "zhijiao/audit.h"
#include "error_internal.h"
#include "utf8.h"

static const struct {
    const char *word;
    zj_row_kind kind;
} words[] = {
    { "detail", ZJ_ROW_DETAIL }, { "明细", ZJ_ROW_DETAIL },
    { "subtotal", ZJ_ROW_SUBTOTAL }, { "小计", ZJ_ROW_SUBTOTAL },
    { "total", ZJ_ROW_TOTAL }, { "总计", ZJ_ROW_TOTAL }, { "合计", ZJ_ROW_TOTAL },
};

zj_code zj_row_kind_parse(const char *text, const char *label, zj_row_kind *out,
                          zj_error *err)
{
    char buf[32];
    const char *t;
    size_t len, i, ql;

    t = zj__trim(text ? text : "", &len);
    if (len < sizeof buf) {
        memcpy(buf, t, len);
        buf[len] = '\0';
        for (i = 0; i < sizeof words / sizeof words[0]; i++)
            if (zj__ascii_ieq(buf, words[i].word)) {
                *out = words[i].kind;
                return ZJ_OK;
            }
    }
    label = label ? label : "kind";
    ql = (size_t)zj__utf8_quotable(text, (size_t)-1);
    return ZJ_FAIL(err, ZJ_ERR_ARG, label,
                   ("%s：类型“%.*s”不是 明细/小计/总计/合计（detail/subtotal/total）之一", label,
                    (int)ql, text ? text : ""),
                   ("%s: kind '%.*s' is not detail, subtotal or total (明细/小计/总计/合计)", label,
                    (int)ql, text ? text : ""));
}

const char *zj_row_kind_name(zj_row_kind kind)
{
    switch (kind) {
    case ZJ_ROW_DETAIL: return "detail";
    case ZJ_ROW_SUBTOTAL: return "subtotal";
    case ZJ_ROW_TOTAL: return "total";
    }
    return "unknown";
}
