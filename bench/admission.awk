# The 贯通 admission rule written directly in awk — the "obvious
# alternative" `make bench` measures zhijiao against.  Same input columns,
# same output columns and decisions as `zhijiao batch gtpy.admission`
# (bench/run-bench.sh checks that the decisions agree), with the rule
# parameters hard-coded instead of read from the rule files.
BEGIN {
    FS = ","; OFS = ","
    min_score = 490
    scale[2023] = 660; scale[2024] = 670
    src[2023] = "京教职成〔2023〕6号 三(一)1 (2023-04-07)"
    src_score[2023] = "京教职成〔2023〕6号 三(一)2 (2023-04-07)"
    src[2024] = "《2024年贯通培养 10校招生 1375人》（北京教育报，2024年4月） 第5段 (2024-04)"
    src_score[2024] = src[2024]
    yes["是"]; yes["1"]; yes["true"]; yes["yes"]; yes["y"]
    no["否"]; no["0"]; no["false"]; no["no"]; no["n"]
}
function flag(v, what_zh, what_en, code, s) {
    if (v == "") { unknown++; add(code, "未提供是否具有" what_zh "，无法判定", "not stated whether the candidate has " what_en, s, "u"); return }
    if (v in yes) { add(code, "具有" what_zh, "has " what_en, s, "m"); return }
    if (v in no) { unmet++; add(code, "不具有" what_zh "，不能报考", "does not have " what_en ", so may not apply", s, "x"); return }
    bad = bad "“" what_zh "”应为是/否；"
}
function add(code, zh, en, s, m) { n++; C[n] = code; Z[n] = zh; E[n] = en; S[n] = s; M[n] = m }
NR == 1 { print $0, "eligible,outcome,outcome_zh,reason_codes,reasons_zh,reasons_en,sources"; next }
{
    n = 0; unmet = 0; unknown = 0; bad = ""
    year = $3; score = $6
    if (!(year in scale)) { print $0, ",no_rules,无适用规则,RULES.NOT_FOUND,没有该年份的规则,no rules for that year,"; next }
    if (score != "" && score !~ /^[0-9]+(\.[0-9]+)?$/) bad = bad "中招录取总分应为数字；"
    else if (score != "" && (score + 0 < 0 || score + 0 > scale[year])) bad = bad "中招录取总分超出中考总分范围；"
    if (bad == "") {
        flag($4, "当年中考升学资格", "the year's 中考 progression qualification", "GTPY.ADMISSION.QUALIFICATION", src[year])
        flag($5, "本市正式户籍", "a formal Beijing household registration (本市正式户籍)", "GTPY.ADMISSION.HUKOU", src[year])
    }
    if (bad != "") { print $0, ",invalid_input,输入有误,INPUT," bad ",invalid input,"; next }
    if (score == "") { unknown++; add("GTPY.ADMISSION.MIN_SCORE", "未提供中招录取总分", "no score given", src_score[year], "u") }
    else if (score + 0 >= min_score) add("GTPY.ADMISSION.MIN_SCORE", sprintf("中招录取总分 %g 分，达到最低录取分数线 %g 分（%d 年中考总分 %g 分）", score, min_score, year, scale[year]), sprintf("score %g reaches the minimum of %g (%d scale: %g points)", score, min_score, year, scale[year]), src_score[year], "m")
    else { unmet++; add("GTPY.ADMISSION.MIN_SCORE", sprintf("中招录取总分 %g 分，低于最低录取分数线 %g 分（%d 年中考总分 %g 分）", score, min_score, year, scale[year]), sprintf("score %g is below the minimum of %g (%d scale: %g points)", score, min_score, year, scale[year]), src_score[year], "x") }
    if (unmet) { el = 0; oc = "ineligible"; ozh = "不符合报考条件"; keep = "x" }
    else if (unknown) { el = ""; oc = "undetermined"; ozh = "无法判定"; keep = "xu" }
    else { el = 1; oc = "eligible"; ozh = "符合报考条件"; keep = "mxu" }
    codes = zh = en = ss = ""
    for (i = 1; i <= n; i++) if (index(keep, M[i])) {
        sep = (codes == "") ? "" : " | "
        codes = codes sep C[i]; zh = zh sep Z[i]; en = en sep E[i]; ss = ss sep S[i]
    }
    print $0, el, oc, ozh, codes, "\"" zh "\"", "\"" en "\"", "\"" ss "\""
}
