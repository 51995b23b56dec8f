/* rule_schema_list.h — every rule and parameter the checks read, once (an
 * X-macro list, included repeatedly: no include guard).
 *
 * Included by rule_ids.h (enums of ids) and rule_schema.c (the table the
 * loader verifies each rule file against).  A check reads a parameter by
 * its id (zj__param_num(rules, ZJ_P_ADMISSION_MIN)), so a misspelt id does
 * not compile; a rule file that lacks a rule or a parameter, gives it the
 * wrong type or a value out of range does not load.
 *
 * ZJ_RULE(ID, programme, "rule id", "checks that read it")
 * ZJ_PARAM(ID, RULE_ID, "key", type, lo, hi)
 *   type NUM: a number in [lo, hi]; INT: a whole number in [lo, hi];
 *   STR: a non-empty string; BOOL: true or false; LIST: an array of lo to
 *   hi non-empty strings; WINDOWS: an array of lo to hi "g<1-3>-<1|2>".
 * ZJ_LE(A, B): parameter A must not exceed parameter B (same file). */

/* gtpy — 贯通培养 (Beijing).  Scores are on a 中考 scale of at most 1000
 * points (660 in 2023, 670 in 2024). */
ZJ_RULE(ADMISSION_QUALIFICATION, "gtpy", "admission.qualification", "gtpy.admission")
ZJ_RULE(ADMISSION_HUKOU, "gtpy", "admission.hukou", "gtpy.admission")
ZJ_RULE(ADMISSION_MIN_SCORE, "gtpy", "admission.min_score", "gtpy.admission")
ZJ_PARAM(ADMISSION_MIN, ADMISSION_MIN_SCORE, "min", NUM, 0, 1000)
ZJ_RULE(ADMISSION_SCORE_SCALE, "gtpy", "admission.score_scale", "gtpy.admission, gtpy.transfer")
ZJ_PARAM(ADMISSION_TOTAL, ADMISSION_SCORE_SCALE, "total", NUM, 1, 1000)
ZJ_LE(ADMISSION_MIN, ADMISSION_TOTAL)

ZJ_RULE(EXIT_VOLUNTARY, "gtpy", "exit.voluntary", "gtpy.exit")
ZJ_RULE(SUSPENSION_RESUME, "gtpy", "suspension.resume", "gtpy.suspension")

ZJ_RULE(TRANSFER_MAX, "gtpy", "transfer.max", "gtpy.transfer")
ZJ_PARAM(TRANSFER_MAX_TRANSFERS, TRANSFER_MAX, "max_transfers", INT, 0, 10)
ZJ_RULE(TRANSFER_SCORE, "gtpy", "transfer.score", "gtpy.transfer")
ZJ_RULE(TRANSFER_SPECIAL_ADMISSION, "gtpy", "transfer.special_admission", "gtpy.transfer")
ZJ_RULE(TRANSFER_PROCEDURE, "gtpy", "transfer.procedure", "gtpy.transfer")
ZJ_RULE(TRANSFER_XUEJI_CONDITIONS, "gtpy", "transfer.xueji_conditions", "gtpy.transfer")

/* gtpy.zhiyuan reads at most 64 choices of at most 16 majors each. */
ZJ_RULE(ZHIYUAN_ADVANCE, "gtpy", "zhiyuan.advance", "gtpy.zhiyuan")
ZJ_PARAM(ZHIYUAN_ADVANCE_MAX_CHOICES, ZHIYUAN_ADVANCE, "max_choices", INT, 1, 64)
ZJ_PARAM(ZHIYUAN_ADVANCE_MAX_MAJORS, ZHIYUAN_ADVANCE, "max_majors", INT, 1, 16)
ZJ_RULE(ZHIYUAN_UNIFIED, "gtpy", "zhiyuan.unified", "gtpy.zhiyuan")
ZJ_PARAM(ZHIYUAN_UNIFIED_MAX_CHOICES, ZHIYUAN_UNIFIED, "max_choices", INT, 1, 64)
ZJ_PARAM(ZHIYUAN_UNIFIED_MAX_MAJORS, ZHIYUAN_UNIFIED, "max_majors", INT, 1, 16)
ZJ_RULE(ZHIYUAN_PLAN, "gtpy", "zhiyuan.plan", "gtpy.zhiyuan")
ZJ_PARAM(ZHIYUAN_PLAN_PROGRAMMES, ZHIYUAN_PLAN, "programmes", LIST, 1, 16)
/* The schools recruiting that year, by programme, and the programmes whose
 * per-major plan is published in full (a major of such a programme's school
 * that is not in the plan is not offered). */
ZJ_RULE(ZHIYUAN_SCHOOLS, "gtpy", "zhiyuan.schools", "gtpy.zhiyuan")
ZJ_PARAM(ZHIYUAN_SCHOOLS_GAOBEN, ZHIYUAN_SCHOOLS, "gaoben", LIST, 0, 64)
ZJ_PARAM(ZHIYUAN_SCHOOLS_ZHONGBEN, ZHIYUAN_SCHOOLS, "zhongben", LIST, 0, 64)
ZJ_PARAM(ZHIYUAN_SCHOOLS_PLAN_COMPLETE, ZHIYUAN_SCHOOLS, "plan_complete", LIST, 0, 2)

ZJ_RULE(ZHUANDUAN_PASS, "gtpy", "zhuanduan.pass", "gtpy.zhuanduan")
ZJ_RULE(ZHUANDUAN_MECH_ZHONGZHI_GAOZHI, "gtpy", "zhuanduan.mechanism.zhongzhi_gaozhi", "gtpy.zhuanduan")
ZJ_PARAM(ZHUANDUAN_MECH_ZHONGZHI_GAOZHI_TEXT_ZH, ZHUANDUAN_MECH_ZHONGZHI_GAOZHI, "text_zh", STR, 0, 0)
ZJ_PARAM(ZHUANDUAN_MECH_ZHONGZHI_GAOZHI_TEXT_EN, ZHUANDUAN_MECH_ZHONGZHI_GAOZHI, "text_en", STR, 0, 0)
ZJ_RULE(ZHUANDUAN_MECH_GAOZHI_BENKE, "gtpy", "zhuanduan.mechanism.gaozhi_benke", "gtpy.zhuanduan")
ZJ_PARAM(ZHUANDUAN_MECH_GAOZHI_BENKE_TEXT_ZH, ZHUANDUAN_MECH_GAOZHI_BENKE, "text_zh", STR, 0, 0)
ZJ_PARAM(ZHUANDUAN_MECH_GAOZHI_BENKE_TEXT_EN, ZHUANDUAN_MECH_GAOZHI_BENKE, "text_en", STR, 0, 0)
ZJ_RULE(ZHUANDUAN_REPEAT, "gtpy", "zhuanduan.repeat", "gtpy.zhuanduan")
ZJ_PARAM(ZHUANDUAN_MAX_REPEATS, ZHUANDUAN_REPEAT, "max_repeats", INT, 0, 10)

/* 学籍 at each stage of a 贯通 track: who holds it, under which regulation,
 * and which certificate is issued by whom (gtpy.xueji; gtpy.exit reads the
 * 中职 and 高职 stages). */
#define ZJ_XUEJI(R, id, checks)                                                \
    ZJ_RULE(R, "gtpy", id, checks)                                             \
    ZJ_PARAM(R##_INSTITUTION_ZH, R, "institution_zh", STR, 0, 0)              \
    ZJ_PARAM(R##_INSTITUTION_EN, R, "institution_en", STR, 0, 0)              \
    ZJ_PARAM(R##_REGULATION_ZH, R, "regulation_zh", STR, 0, 0)                \
    ZJ_PARAM(R##_REGULATION_EN, R, "regulation_en", STR, 0, 0)                \
    ZJ_PARAM(R##_CERTIFICATE_ZH, R, "certificate_zh", STR, 0, 0)              \
    ZJ_PARAM(R##_CERTIFICATE_EN, R, "certificate_en", STR, 0, 0)              \
    ZJ_PARAM(R##_ISSUER_ZH, R, "issuer_zh", STR, 0, 0)                        \
    ZJ_PARAM(R##_ISSUER_EN, R, "issuer_en", STR, 0, 0)
ZJ_XUEJI(XUEJI_GAOBEN_ZHONGZHI, "xueji.gaoben.zhongzhi", "gtpy.xueji, gtpy.exit")
ZJ_XUEJI(XUEJI_GAOBEN_GAOZHI, "xueji.gaoben.gaozhi", "gtpy.xueji, gtpy.exit")
ZJ_XUEJI(XUEJI_GAOBEN_BENKE, "xueji.gaoben.benke", "gtpy.xueji")
ZJ_XUEJI(XUEJI_ZHONGBEN_ZHONGZHI, "xueji.zhongben.zhongzhi", "gtpy.xueji, gtpy.exit")
ZJ_XUEJI(XUEJI_ZHONGBEN_GAOZHI, "xueji.zhongben.gaozhi", "gtpy.xueji, gtpy.exit")
ZJ_XUEJI(XUEJI_ZHONGBEN_BENKE, "xueji.zhongben.benke", "gtpy.xueji")
#undef ZJ_XUEJI
/* 二(一): a few 高本贯通 projects are run in every stage by the university
 * itself; the schools known to do so (it then holds the 学籍 throughout). */
ZJ_RULE(XUEJI_SELF_RUN, "gtpy", "xueji.self_run", "gtpy.xueji, gtpy.exit, gtpy.institution")
ZJ_PARAM(XUEJI_SELF_RUN_SCHOOLS, XUEJI_SELF_RUN, "schools", LIST, 0, 64)
ZJ_RULE(INSTITUTION_GAOBEN, "gtpy", "institution.gaoben", "gtpy.institution")
ZJ_RULE(INSTITUTION_ZHONGBEN, "gtpy", "institution.zhongben", "gtpy.institution")
ZJ_RULE(INSTITUTION_TEACHERS, "gtpy", "institution.teachers_sent", "gtpy.institution")

/* pzhz — 普职互转: windows at the end of a term of grade 10, 11 or 12. */
ZJ_RULE(WINDOW_ZHONGZHI_TO_PUTONG, "pzhz", "window.zhongzhi_to_putong", "pzhz.window")
ZJ_PARAM(WINDOW_ZHONGZHI_TO_PUTONG_WINDOWS, WINDOW_ZHONGZHI_TO_PUTONG, "windows", WINDOWS, 0, 6)
ZJ_PARAM(WINDOW_ZHONGZHI_TO_PUTONG_KNOWN, WINDOW_ZHONGZHI_TO_PUTONG, "windows_known", BOOL, 0, 0)
ZJ_RULE(WINDOW_PUTONG_TO_ZHONGZHI, "pzhz", "window.putong_to_zhongzhi", "pzhz.window")
ZJ_PARAM(WINDOW_PUTONG_TO_ZHONGZHI_WINDOWS, WINDOW_PUTONG_TO_ZHONGZHI, "windows", WINDOWS, 0, 6)
ZJ_PARAM(WINDOW_PUTONG_TO_ZHONGZHI_KNOWN, WINDOW_PUTONG_TO_ZHONGZHI, "windows_known", BOOL, 0, 0)

/* 3plus2 — 3+2 中高职衔接 (Beijing). */
ZJ_RULE(APPLICATIONS_MAX, "3plus2", "applications.max", "3plus2.applications")
ZJ_PARAM(APPLICATIONS_MAX_MAX, APPLICATIONS_MAX, "max", INT, 1, 100)
ZJ_RULE(PARTNER_MEETINGS, "3plus2", "partner.meetings", "3plus2.partner")
ZJ_PARAM(PARTNER_MEETINGS_MIN, PARTNER_MEETINGS, "min", INT, 0, 1000)
ZJ_RULE(PARTNER_RESEARCH, "3plus2", "partner.research_activities", "3plus2.partner")
ZJ_PARAM(PARTNER_RESEARCH_MIN, PARTNER_RESEARCH, "min", INT, 0, 1000)
ZJ_RULE(PARTNER_TEACHERS, "3plus2", "partner.teachers_sent", "3plus2.partner")
ZJ_PARAM(PARTNER_TEACHERS_MIN, PARTNER_TEACHERS, "min", INT, 0, 1000)
ZJ_RULE(WUYI_GAOBEN_CONFLICT, "3plus2", "wuyi.gaoben_conflict", "3plus2.wuyi")
ZJ_RULE(PROJECT_APPLICANT, "3plus2", "project.applicant", "3plus2.project")
ZJ_RULE(PROJECT_PARTNER, "3plus2", "project.partner", "3plus2.project")
ZJ_RULE(PROJECT_STATUS_DATA, "3plus2", "project.status_data", "3plus2.project")
ZJ_RULE(PROJECT_REVOCATION, "3plus2", "project.revocation", "3plus2.project")

/* majors — 中职 major setting and teaching-quality monitoring (Beijing). */
ZJ_RULE(MAJORS_NO_ENROLMENT, "majors", "setting.no_enrolment", "majors.setting")
ZJ_RULE(MAJORS_ENROLMENT_MIN, "majors", "setting.enrolment_min", "majors.setting")
ZJ_PARAM(MAJORS_ENROLMENT_MIN_MIN, MAJORS_ENROLMENT_MIN, "min", INT, 1, 1000)
ZJ_RULE(MAJORS_MONITORING, "majors", "setting.monitoring", "majors.setting")
ZJ_RULE(MAJORS_GROUPS_PER_YEAR, "majors", "quality.groups_per_year", "majors.teaching_quality")
ZJ_PARAM(MAJORS_GROUPS_PER_YEAR_MAX, MAJORS_GROUPS_PER_YEAR, "max", INT, 1, 100)
ZJ_RULE(MAJORS_C_MINUS, "majors", "quality.c_minus", "majors.teaching_quality")
