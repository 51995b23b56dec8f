/* functions.c — the table of the add-in's functions (see functions.h). */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "functions.h"

#define A_X { "x", "x", "x", "number of successes (a whole number ≥ 0)", "成功数（非负整数）", ZJC_REQUIRED_ZERO }
#define A_N { "n", "n", "n", "number of trials (a whole number > 0, ≥ x)", "总数（正整数，不小于 x）", 0 }
#define A_METHOD { "ciMethod", "method", "方法", \
    "interval method: wilson (default), wilson-cc, clopper-pearson (exact), agresti-coull, jeffreys, wald", \
    "置信区间方法：wilson（默认）、wilson-cc、clopper-pearson（exact）、agresti-coull、jeffreys、wald", 1 }
#define A_CONF { "level", "conf", "置信水平", "confidence level, 0 < conf < 1 (default 0.95)", \
    "置信水平，0 与 1 之间（默认 0.95）", 1 }
#define A_XS { "xs", "x_range", "成功数区域", "successes of each group (a range)", "各组成功数（区域）", 0 }
#define A_NS { "ns", "n_range", "总数区域", "trials of each group (a range of the same size)", "各组总数（同样大小的区域）", 0 }
#define A_SCORES { "scores", "scores", "分数区域", "the marks (a range; empty cells are missing)", "分数（区域；空单元格为缺考）", 0 }
#define A_YEAR { "year", "year", "年份", "plan year, e.g. 2023", "计划年份，如 2023", 0 }
#define A_SCHOOL { "school", "school", "学校", "school, exactly as in the plan", "学校名称（与计划表一致）", 0 }
#define A_MAJOR { "major", "major", "专业", "major, exactly as in the plan (its parenthesised direction included)", "专业名称（与计划表一致，含括号内方向）", 0 }
#define A_OSCHOOL { "school", "school", "学校", "school (optional: any)", "学校名称（可省略：全部）", 1 }
#define A_OMAJOR { "major", "major", "专业", "major (optional: any)", "专业名称（可省略：全部）", 1 }
#define A_CHECK { "checkName", "check", "检查", "name of the check, e.g. gtpy.admission", "检查名称，如 gtpy.admission", 0 }
#define A_NAMES { "fieldNames", "fields", "字段名", "field names (a range of one row), by programmatic or Chinese name", "字段名（一行区域），英文或中文名", 0 }
#define A_VALUES { "fieldValues", "values", "字段值", "the values (a range of the same shape)", "字段值（与字段名同形的区域）", 0 }
#define A_LANG { "lang", "lang", "语言", "zh or en (default: the language of the user interface)", "zh 或 en（默认：界面语言）", 1 }

const zjc_func zjc_static_funcs[] = {
    { "rateEstimate", "ZJ.RATE", "比率", "The rate x/n.", "比率 x/n。",
      ZJC_RET_DOUBLE, zjc_fn_rate_estimate, 4, { A_X, A_N, A_METHOD, A_CONF } },
    { "rateLower", "ZJ.RATE.LOWER", "比率下限", "Lower bound of the confidence interval of the rate x/n.",
      "比率 x/n 置信区间的下限。", ZJC_RET_DOUBLE, zjc_fn_rate_lower, 4, { A_X, A_N, A_METHOD, A_CONF } },
    { "rateUpper", "ZJ.RATE.UPPER", "比率上限", "Upper bound of the confidence interval of the rate x/n.",
      "比率 x/n 置信区间的上限。", ZJC_RET_DOUBLE, zjc_fn_rate_upper, 4, { A_X, A_N, A_METHOD, A_CONF } },
    { "rateCI", "ZJ.RATE.CI", "比率区间", "The rate x/n with its confidence interval: a 1×3 array (rate, lower, upper).",
      "比率 x/n 及其置信区间：1×3 数组（比率、下限、上限）。", ZJC_RET_ARRAY, zjc_fn_rate_ci, 4,
      { A_X, A_N, A_METHOD, A_CONF } },
    { "pooledRate", "ZJ.POOLED", "合并率",
      "Pooled rate Σx/Σn of the groups with its interval: a 1×3 array (rate, lower, upper).",
      "各组合并率 Σx/Σn 及其置信区间：1×3 数组（比率、下限、上限）。", ZJC_RET_ARRAY, zjc_fn_pooled, 4,
      { A_XS, A_NS, A_METHOD, A_CONF } },
    { "meanOfRates", "ZJ.MEANOFRATES", "各组率均值",
      "Unweighted mean of the group rates x/n (not a proportion; no interval).",
      "各组比率 x/n 的简单平均（不是比例，没有置信区间）。", ZJC_RET_DOUBLE, zjc_fn_mean_of_rates, 2,
      { A_XS, A_NS } },
    { "rateDiff", "ZJ.DIFF", "率差",
      "Difference p1 − p2 of two rates with its interval, as R prop.test: a 1×3 array (difference, lower, upper).",
      "两个比率之差 p1 − p2 及其置信区间（同 R prop.test）：1×3 数组（差、下限、上限）。",
      ZJC_RET_ARRAY, zjc_fn_diff, 6,
      { { "x1", "x1", "x1", "successes of the first group", "第一组成功数", ZJC_REQUIRED_ZERO },
        { "n1", "n1", "n1", "trials of the first group", "第一组总数", 0 },
        { "x2", "x2", "x2", "successes of the second group", "第二组成功数", ZJC_REQUIRED_ZERO },
        { "n2", "n2", "n2", "trials of the second group", "第二组总数", 0 },
        A_CONF,
        { "correct", "correct", "连续性校正", "Yates' continuity correction, TRUE (default) or FALSE",
          "是否作连续性校正，TRUE（默认）或 FALSE", 1 } } },
    { "rateDiffP", "ZJ.DIFF.PVALUE", "率差P值",
      "Two-sided p-value of the test of equal rates (chi-square, as R prop.test).",
      "两个比率相等的双侧检验 P 值（卡方检验，同 R prop.test）。", ZJC_RET_DOUBLE, zjc_fn_diff_p, 5,
      { { "x1", "x1", "x1", "successes of the first group", "第一组成功数", ZJC_REQUIRED_ZERO },
        { "n1", "n1", "n1", "trials of the first group", "第一组总数", 0 },
        { "x2", "x2", "x2", "successes of the second group", "第二组成功数", ZJC_REQUIRED_ZERO },
        { "n2", "n2", "n2", "trials of the second group", "第二组总数", 0 },
        { "correct", "correct", "连续性校正", "Yates' continuity correction, TRUE (default) or FALSE",
          "是否作连续性校正，TRUE（默认）或 FALSE", 1 } } },
    { "passRate", "ZJ.PASSRATE", "合格率", "Share of the valid scores that reach the pass mark.",
      "达到合格分数线的有效分数所占比例。", ZJC_RET_DOUBLE, zjc_fn_pass_rate, 2,
      { A_SCORES, { "mark", "pass_mark", "合格线", "pass mark (default 60)", "合格分数线（默认 60）", 1 } } },
    { "excellentRate", "ZJ.EXCELLENTRATE", "优秀率", "Share of the valid scores that reach the excellence mark.",
      "达到优秀分数线的有效分数所占比例。", ZJC_RET_DOUBLE, zjc_fn_excellent_rate, 2,
      { A_SCORES, { "mark", "excellent_mark", "优秀线", "excellence mark (default 85)", "优秀分数线（默认 85）", 1 } } },
    { "scoreMean", "ZJ.SCOREMEAN", "平均分", "Mean of the valid scores (empty cells are missing).",
      "有效分数的平均分（空单元格为缺考）。", ZJC_RET_DOUBLE, zjc_fn_score_mean, 1, { A_SCORES } },
    { "completionRate", "ZJ.COMPLETION", "完成率", "Plan completion actual/plan (may exceed 1).",
      "计划完成率 实际数/计划数（可大于 1）。", ZJC_RET_DOUBLE, zjc_fn_completion, 2,
      { { "actual", "actual", "实际数", "actual number", "实际完成数", ZJC_REQUIRED_ZERO },
        { "plan", "plan", "计划数", "planned number (> 0)", "计划数（大于 0）", 0 } } },
    { "progressionRate", "ZJ.PROGRESSION", "升学率",
      "升学 rate of a graduating cohort: total (default), zhuanke or benke.",
      "毕业生升学率：total（合计，默认）、zhuanke（专科）或 benke（本科）。", ZJC_RET_DOUBLE, zjc_fn_progression, 4,
      { { "graduates", "graduates", "毕业生数", "graduates", "毕业生数", 0 },
        { "toZhuanke", "to_zhuanke", "升专科数", "graduates going on to 专科", "升入专科人数", ZJC_REQUIRED_ZERO },
        { "toBenke", "to_benke", "升本科数", "graduates going on to 本科", "升入本科人数", ZJC_REQUIRED_ZERO },
        { "which", "which", "口径", "total, zhuanke or benke (default total)", "total、zhuanke 或 benke（默认 total）", 1 } } },
    { "transferRate", "ZJ.TRANSFERRATE", "转段率", "转段 rate: transferred / cohort.",
      "转段率：转段人数/应转段人数。", ZJC_RET_DOUBLE, zjc_fn_transfer, 2,
      { { "transferred", "transferred", "转段人数", "students who transferred", "转段人数", ZJC_REQUIRED_ZERO },
        { "cohort", "cohort", "应转段人数", "the eligible cohort", "应转段人数", 0 } } },
    { "compositeScore", "ZJ.COMPOSITE", "综合分", "Weighted composite of component scores (weights sum to 1).",
      "各分项成绩的加权综合分（权重之和为 1）。", ZJC_RET_DOUBLE, zjc_fn_composite, 2,
      { { "scores", "scores", "分项成绩", "component scores (a range)", "分项成绩（区域）", 0 },
        { "weights", "weights", "权重", "weights (a range of the same size, summing to 1)", "权重（同样大小的区域，和为 1）", 0 } } },
    { "percentCount", "ZJ.PERCENT.COUNT", "百分比人数",
      "The count behind a published percentage of n: the nearest whole number to percent × n / 100, an exact half to the even count (GB/T 8170).",
      "公布的百分比对应的人数：最接近 百分比 × n / 100 的整数，恰为 .5 时取偶数（GB/T 8170）。",
      ZJC_RET_DOUBLE, zjc_fn_percent_count, 3,
      { { "percent", "percent", "百分比", "the published percentage, 0 to 100 (95.26 for 95.26 %)", "公布的百分比，0 至 100（95.26 % 写作 95.26）", 0 },
        { "n", "n", "总数", "the number it is a percentage of (a whole number > 0)", "百分比的基数（正整数）", 0 },
        { "places", "decimals", "小数位数", "decimal places it was published with, 0 to 6 (default 2)", "公布时的小数位数，0 至 6（默认 2）", 1 } } },
    { "planPlaces", "ZJ.PLAN.PLACES", "计划数", "Planned places of a school's major in a year's plan.",
      "某年计划中某校某专业的招生计划数。", ZJC_RET_DOUBLE, zjc_fn_plan_places, 3, { A_YEAR, A_SCHOOL, A_MAJOR } },
    { "planPartner", "ZJ.PLAN.PARTNER", "合作院校", "Partner institution of a school's major in a year's plan.",
      "某年计划中某校某专业的合作院校。", ZJC_RET_STRING, zjc_fn_plan_partner, 3, { A_YEAR, A_SCHOOL, A_MAJOR } },
    { "planPartnerMajor", "ZJ.PLAN.PARTNERMAJOR", "合作专业", "Partner major of a school's major in a year's plan.",
      "某年计划中某校某专业的合作专业。", ZJC_RET_STRING, zjc_fn_plan_partner_major, 3, { A_YEAR, A_SCHOOL, A_MAJOR } },
    { "planTable", "ZJ.PLAN.TABLE", "招生计划表",
      "The plan rows of a year (optionally of one school and/or major) as an array with a header row.",
      "某年的招生计划（可限定学校、专业），带表头的数组。", ZJC_RET_ARRAY, zjc_fn_plan_table, 3,
      { A_YEAR, A_OSCHOOL, A_OMAJOR } },
    { "deadlines", "ZJ.DEADLINES", "截止日期",
      "What is due, from the rule files, in due order, as an array with a header row: due (Beijing time), status on the date (in the sheet's language), what, rule set, source.",
      "规则文件中的截止日期，按截止先后，带表头的数组：截止时间（北京时间）、到该日期的状态（界面语言）、事项、规则、来源。",
      ZJC_RET_ARRAY, zjc_fn_deadlines, 3,
      { { "year", "year", "年份", "only the rule files of this year (optional: every year)", "只列该年份的规则文件（可省略：全部年份）", 1 },
        { "date", "date", "日期", "the day to compare with, as text YYYY-MM-DD, e.g. TEXT(A1;\"YYYY-MM-DD\") (optional: no status)",
          "用来比较的日期，文字 YYYY-MM-DD，如 TEXT(A1;\"YYYY-MM-DD\")（可省略：不判断状态）", 1 },
        A_LANG } },
    { "bundledTable", "ZJ.TABLE", "数据表", "A bundled table as published, with its header row.",
      "按原样返回一张内置数据表（含表头）。", ZJC_RET_ARRAY, zjc_fn_table, 1,
      { { "tableName", "table", "表名", "table name, e.g. satisfaction_2024", "表名，如 satisfaction_2024", 0 } } },
    { "auditRange", "ZJ.AUDIT", "表格审核",
      "Sum audit of a selected table: rows whose key cells are all filled are details, the others subtotals/totals. Returns the findings (row, kind, expected, found, message) as an array.",
      "审核所选表格的合计：键列全部填写的行为明细，其余为小计/合计。以数组返回发现的问题（行、类型、应为、实为、说明）。",
      ZJC_RET_ARRAY, zjc_fn_audit, 4,
      { { "keys", "keys", "键列", "the key columns (a range)", "键列（区域）", 0 },
        { "values", "values", "数值列", "the value column (a range with the same rows)", "数值列（行数相同的区域）", 0 },
        A_LANG,
        { "firstRow", "first_row", "首行号", "the sheet's row number of the range's first row, e.g. ROW(A4), so findings name the sheet's rows (default 1: rows counted from the range)",
          "区域首行在工作表中的行号，如 ROW(A4)，使发现的问题用工作表自己的行号（默认 1：从区域起算）", 1 } } },
    { "checkOutcome", "ZJ.CHECK", "规则检查",
      "Any rule check by name: TRUE/FALSE, or the outcome text when undetermined.",
      "按名称进行任一规则检查：TRUE/FALSE；无法判定时返回结论文字。", ZJC_RET_ANY, zjc_fn_check, 3,
      { A_CHECK, A_NAMES, A_VALUES } },
    { "checkReasons", "ZJ.CHECK.REASONS", "规则检查依据",
      "The decisive reasons of any rule check, with their sources, or what was wrong with the input.",
      "任一规则检查的决定性理由及其依据，或输入的问题。", ZJC_RET_STRING, zjc_fn_check_reasons, 4,
      { A_CHECK, A_NAMES, A_VALUES, A_LANG } },
    { "checkTable", "ZJ.CHECK.TABLE", "规则检查表",
      "A whole table decided in one call: the candidates with a header row of field names (English or Chinese, as zhijiao batch) give an array of a header and a row per candidate: eligible (1, 0, or empty when undetermined or invalid), outcome, reasons with sources. Blank cells are missing. Enter as an array formula over as many rows as the table.",
      "一次判定整张表：首行为字段名（中文或英文，同 zhijiao batch）、每行一名考生的表格，返回数组：表头和每名考生一行——符合（1、0，无法判定或输入有误时为空）、结论、理由与依据。空白单元格为缺失。以数组公式输入，行数与表格相同。",
      ZJC_RET_ARRAY, zjc_fn_check_table, 4,
      { A_CHECK,
        { "table", "table", "表格", "the candidates: a header row of field names and one row per candidate",
          "考生表：首行为字段名，每行一名考生", 0 },
        { "columns", "columns", "列",
          "columns to return, comma-separated: eligible, outcome, reasons, codes (default eligible, outcome, reasons, codes; eligible alone is fastest)",
          "返回的列，以逗号分隔：符合、结论、理由、代码（默认全部；只要 符合 最快）", 1 },
        A_LANG } },
    { "rateTable", "ZJ.RATE.TABLE", "比率表",
      "The rate and its interval for every row of two count columns: an array of a row per row (rate, lower, upper, or the columns asked for); a row with a blank or bad count says why in its first column.",
      "两列计数的每一行的比率及其置信区间：每行一行的数组（比率、下限、上限，或所选的列）；计数为空或有误的行在第一列说明原因。",
      ZJC_RET_ARRAY, zjc_fn_rate_table, 5,
      { { "xs", "x_range", "成功数区域", "successes, one per row (a range; blank cells are missing)", "各行成功数（区域；空白为缺失）", 0 },
        { "ns", "n_range", "总数区域", "trials, one per row (a range of the same size)", "各行总数（同样大小的区域）", 0 },
        A_METHOD, A_CONF,
        { "columns", "columns", "列", "columns to return, comma-separated: estimate, lower, upper (default all)",
          "返回的列，以逗号分隔：比率、下限、上限（默认全部）", 1 } } },
    { "rateDesign", "ZJ.RATE.DESIGN", "比率设计",
      "The rate x/n under a design: sample (an interval), census (n is everybody: no sampling interval, lower and upper empty) or finite (a sample from a population of N: the finite-population correction). A 1×3 array (rate, lower, upper).",
      "按抽样设计计算比率 x/n：sample（抽样，有置信区间）、census（普查，n 即全体：没有抽样区间，下限、上限为空）或 finite（从 N 人的有限总体中抽样：有限总体校正）。1×3 数组（比率、下限、上限）。",
      ZJC_RET_ARRAY, zjc_fn_rate_design, 6,
      { A_X, A_N,
        { "design", "design", "设计", "sample, census or finite", "sample（抽样）、census（普查）或 finite（有限总体）", 0 },
        { "population", "population", "总体数", "N of the finite design (a whole number ≥ n); N = n is a census",
          "有限总体设计的总体数 N（不小于 n 的整数）；N = n 即普查", 1 },
        A_METHOD, A_CONF } },
    { "clusterRates", "ZJ.CLUSTER", "整群比率",
      "School-level counts with schools as clusters: a 1×6 array (pooled rate Σx/Σn, its cluster-robust lower and upper as R survey::svyciprop(method = \"beta\"), the mean of the school rates, its lower and upper as t.test).",
      "以学校为群的各校计数：1×6 数组（合并率 Σx/Σn 及其整群稳健下限、上限（同 R survey::svyciprop(method = \"beta\")），各校比率均值及其下限、上限（同 t.test））。",
      ZJC_RET_ARRAY, zjc_fn_cluster, 3,
      { { "xs", "x_range", "成功数区域", "successes of each school (a range, at least two schools)", "各校成功数（区域，至少两所学校）", 0 },
        A_NS, A_CONF } },
    { "rateChange", "ZJ.RATE.CHANGE", "普查率变化",
      "The exact change p1 − p2 between two years that both count everybody (a census): no interval, there is no sampling error.",
      "两年均为普查（全体计数）时比率的确切变化 p1 − p2：没有抽样误差，故无置信区间。",
      ZJC_RET_DOUBLE, zjc_fn_rate_change, 4,
      { { "x1", "x1", "x1", "successes of the later year", "后一年成功数", ZJC_REQUIRED_ZERO },
        { "n1", "n1", "n1", "everybody counted in the later year", "后一年普查总数", 0 },
        { "x2", "x2", "x2", "successes of the earlier year", "前一年成功数", ZJC_REQUIRED_ZERO },
        { "n2", "n2", "n2", "everybody counted in the earlier year", "前一年普查总数", 0 } } },
    { "explain", "ZJ.EXPLAIN", "错误说明",
      "Why a zhijiao function gives an error (Err:502): =ZJ.EXPLAIN(\"ZJ.RATE\"; the same arguments) returns the sentence in the language of the user interface, or \"no error\".",
      "说明职教函数为何出错（Err:502）：=错误说明(\"比率\"; 相同的参数) 以界面语言返回原因，无错误时返回“没有错误”。",
      ZJC_RET_STRING, zjc_fn_explain, 2,
      { { "functionName", "function", "函数", "the function's name, e.g. ZJ.RATE or 比率", "函数名，如 比率 或 ZJ.RATE", 0 },
        { "arguments", "arguments", "参数", "the function's arguments, as in its own cell",
          "该函数的参数，与原单元格相同", ZJC_VARARGS } } },
};

const size_t zjc_static_count = sizeof zjc_static_funcs / sizeof zjc_static_funcs[0];

static size_t put(char *buf, size_t size, size_t at, char c)
{
    if (at + 1 < size)
        buf[at] = c;
    return at + 1;
}

size_t zjc_check_method(const char *check, int reasons, char *buf, size_t size)
{
    const char *prefix = reasons ? "reasons" : "check";
    size_t at = 0;
    const char *p;
    int upper = 1;

    /* UNO identifiers: camel case, no underscores (unoidl-write rejects
     * "check_gtpy_admission"): "checkGtpyAdmission". */
    for (p = prefix; *p; p++)
        at = put(buf, size, at, *p);
    for (p = check; *p; p++) {
        if (!isalnum((unsigned char)*p)) {
            upper = 1;
            continue;
        }
        at = put(buf, size, at, upper ? (char)toupper((unsigned char)*p) : *p);
        upper = 0;
    }
    if (size)
        buf[at < size ? at : size - 1] = '\0';
    return at;
}

size_t zjc_check_display_en(const char *check, int reasons, char *buf, size_t size)
{
    size_t at = 0;
    const char *p;

    for (p = "ZJ."; *p; p++)
        at = put(buf, size, at, *p);
    for (p = check; *p; p++)
        at = put(buf, size, at, (char)toupper((unsigned char)*p));
    if (reasons)
        for (p = ".REASONS"; *p; p++)
            at = put(buf, size, at, *p);
    if (size)
        buf[at < size ? at : size - 1] = '\0';
    return at;
}

const char *zjc_arg_idl_type(const zjc_func *fn, size_t k)
{
    switch (fn->args[k].optional) {
    case ZJC_REQUIRED: return "sequence< sequence< any > >";
    case ZJC_VARARGS: return "sequence< any >";
    default: return "any";
    }
}

const char *zjc_field_idl_type(int required)
{
    return required ? "sequence< sequence< any > >" : "any";
}
