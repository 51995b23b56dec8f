/* test_checks_gtpy.c — the 贯通 (gtpy.*) checks against the bundled rules.
 *
 * Every outcome and every reason code of each check; the boundaries of the
 * rules (490 on both scales, 665/671 above the scales, transfers 0/1, the
 * batch limits); a batch of mixed rows; Chinese field names and choice
 * labels; years and jurisdictions without rules; and the citation of every
 * decided reason. */
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "testutil.h"

#include "checkutil.h"

static size_t count_code(const zj_decision *d, const char *code, int met)
{
    size_t i, k = 0;

    for (i = 0; i < d->n_reasons; i++)
        if (strcmp(d->reasons[i].code, code) == 0 && (int)d->reasons[i].met == met)
            k++;
    return k;
}

/* ---- gtpy.admission: the boundaries on both scales ---------------------- */

static void admission(const char *year, const char *score, zj_code status, int eligible,
                      const char *outcome)
{
    zj_decision d = run("gtpy.admission", "jurisdiction", "beijing", "year", year,
                        "has_qualification", "1", "beijing_hukou", "是", "score", score, NULL);
    expect(&d, status, eligible, outcome);
    if (status == ZJ_ERR_ARG) {
        says(reason(&d, "INPUT.OUT_OF_RANGE"), score, score);
    } else {
        says(reason(&d, "GTPY.ADMISSION.MIN_SCORE"), score, score);
        says(reason(&d, "GTPY.ADMISSION.MIN_SCORE"), "490", "490");
    }
    zj_decision_free(&d);
}

static void test_admission_boundaries(void **state)
{
    (void)state;
    admission("2023", "489", ZJ_OK, 0, "ineligible");
    admission("2023", "490", ZJ_OK, 1, "eligible");
    admission("2023", "490.5", ZJ_OK, 1, "eligible");
    admission("2023", "660", ZJ_OK, 1, "eligible");
    admission("2023", "665", ZJ_ERR_ARG, -1, "invalid_input");
    admission("2024", "489", ZJ_OK, 0, "ineligible");
    admission("2024", "490", ZJ_OK, 1, "eligible");
    admission("2024", "490.5", ZJ_OK, 1, "eligible");
    admission("2024", "670", ZJ_OK, 1, "eligible");
    admission("2024", "671", ZJ_ERR_ARG, -1, "invalid_input");
}

/* ---- gtpy.zhiyuan -------------------------------------------------------- */

static zj_decision zhiyuan(const char *year, const char *batch, const char *form)
{
    return run("gtpy.zhiyuan", "jurisdiction", "beijing", "year", year, "batch", batch, "choices", form, NULL);
}

static void test_zhiyuan_valid(void **state)
{
    zj_decision d;

    (void)state;
    /* the example of the help text, in the unified batch: 2 majors allowed */
    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务,物流服务与管理；北京市昌平职业学校:航空服务");
    expect(&d, ZJ_OK, 1, "valid");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "2 个志愿", "2 choice");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "12", "12");
    assert_int_equal(count_code(&d, "GTPY.ZHIYUAN.IN_PLAN", ZJ_MET), 3);
    assert_int_equal(reason(&d, "GTPY.ZHIYUAN.EMPTY_CHOICE")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.ZHIYUAN.MAX_MAJORS")->met, ZJ_MET);
    says(reason(&d, "GTPY.ZHIYUAN.IN_PLAN"), "北京物资学院", "30 places");
    assert_string_equal(reason(&d, "GTPY.ZHIYUAN.IN_PLAN")->source->clause, "附件");
    zj_decision_free(&d);

    /* full-width and other separators, spaces, CRLF, a trailing separator; Chinese batch label */
    d = zhiyuan("2023", "统一招生",
                " 北京市商业学校：电子商务、物流服务与管理\r\n北京电子科技职业学院 : 机电一体化技术 ， 电气自动化技术;"
                "北京城市学院:学前教育；\n");
    expect(&d, ZJ_OK, 1, "valid");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "3 个志愿", "3 choice");
    assert_int_equal(count_code(&d, "GTPY.ZHIYUAN.IN_PLAN", ZJ_MET), 5);
    zj_decision_free(&d);

    /* 2024: the 中本贯通 plan is bundled, so these are found */
    d = zhiyuan("2024", "advance", "北京市商业学校:电子商务;北京市昌平职业学校:航空服务");
    expect(&d, ZJ_OK, 1, "valid");
    says(reason(&d, "GTPY.ZHIYUAN.IN_PLAN"), "25 人", "25 places");
    assert_string_equal(reason(&d, "GTPY.ZHIYUAN.IN_PLAN")->source->clause, "表1-5-2");
    zj_decision_free(&d);
}

static void test_zhiyuan_limits(void **state)
{
    zj_decision d;
    const char *nine = "北京市商业学校:电子商务;北京市商业学校:物流服务与管理;北京市商业学校:金融事务;"
                       "北京市商业学校:云财务会计;北京市商业学校:幼儿保育;北京市商业学校:音乐教育;"
                       "北京市昌平职业学校:航空服务;北京市昌平职业学校:幼儿保育;北京市昌平职业学校:智慧农业技术";
    char buf[2048];
    const zj_reason *r;

    (void)state;
    /* advance: 8 choices × 1 major */
    d = zhiyuan("2023", "advance", nine);
    expect(&d, ZJ_OK, 0, "invalid");
    r = reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES");
    assert_int_equal(r->met, ZJ_UNMET);
    says(r, "9 个志愿", "9 choices");
    says(r, "8", "8");
    says(r, "提前招生", "advance");
    zj_decision_free(&d);

    /* 8 is the limit */
    snprintf(buf, sizeof buf, "%.*s", (int)(strrchr(nine, ';') - nine), nine);
    d = zhiyuan("2023", "advance", buf);
    expect(&d, ZJ_OK, 1, "valid");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "8 个志愿", "8 choice");
    zj_decision_free(&d);

    /* 2 majors in the advance batch */
    d = zhiyuan("2024", "advance", "北京市商业学校:电子商务,物流服务与管理");
    expect(&d, ZJ_OK, 0, "invalid");
    r = reason(&d, "GTPY.ZHIYUAN.MAX_MAJORS");
    assert_int_equal(r->met, ZJ_UNMET);
    says(r, "2 个专业", "2 majors");
    says(r, "最多 1 个", "maximum of 1");
    zj_decision_free(&d);

    /* unified: 12 choices fine, 13 too many; 3 majors too many */
    snprintf(buf, sizeof buf, "%s;%s", nine, "北京市丰台区职业教育中心学校:幼儿保育;北京国际职业教育学校:幼儿保育;"
             "北京铁路电气化学校:供用电技术");
    d = zhiyuan("2023", "unified", buf);
    expect(&d, ZJ_OK, 1, "valid");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "12 个志愿", "12 choice");
    zj_decision_free(&d);
    strcat(buf, ";北京城市学院:学前教育");
    d = zhiyuan("2023", "unified", buf);
    expect(&d, ZJ_OK, 0, "invalid");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "13 个志愿", "13 choices");
    zj_decision_free(&d);
    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务,物流服务与管理,金融事务");
    expect(&d, ZJ_OK, 0, "invalid");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_MAJORS"), "3 个专业", "3 majors");
    zj_decision_free(&d);
}

static void test_zhiyuan_empty_and_plan(void **state)
{
    zj_decision d;
    const zj_reason *r;

    (void)state;
    /* a blank choice between two, and a school without a major */
    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务;;北京城市学院:;北京市商业学校:金融事务");
    expect(&d, ZJ_OK, 0, "invalid");
    assert_int_equal(count_code(&d, "GTPY.ZHIYUAN.EMPTY_CHOICE", ZJ_UNMET), 2);
    says(reason(&d, "GTPY.ZHIYUAN.EMPTY_CHOICE"), "第 2 个志愿为空", "choice 2 is empty");
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "4 个志愿", "4 choice");
    zj_decision_free(&d);

    /* nothing but separators */
    d = zhiyuan("2023", "unified", ";");
    expect(&d, ZJ_OK, 0, "invalid");
    says(reason(&d, "GTPY.ZHIYUAN.EMPTY_CHOICE"), "未填报任何志愿", "no choice");
    zj_decision_free(&d);

    /* not in the complete 2023 plan: unmet */
    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务,航空服务");
    expect(&d, ZJ_OK, 0, "invalid");
    r = NULL;
    assert_int_equal(count_code(&d, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNMET), 1);
    assert_int_equal(count_code(&d, "GTPY.ZHIYUAN.IN_PLAN", ZJ_MET), 1);
    zj_decision_free(&d);

    /* 2024: a 高本贯通 major is not in the bundled (中本 only) plan: unknown, not invalid */
    d = zhiyuan("2024", "unified", "北京电子科技职业学院:机电一体化技术");
    expect(&d, ZJ_OK, -1, "undetermined");
    r = reason(&d, "GTPY.ZHIYUAN.IN_PLAN");
    assert_int_equal(r->met, ZJ_UNKNOWN);
    says(r, "未在种子文件中公布", "not published");
    says(r, "2024", "2024");
    zj_decision_free(&d);

    /* 2024: a 3+2 project of the same year is not a 贯通 major, and the
     * 中本贯通 plan (表1-5-2) is complete: invalid (issue 13) */
    d = zhiyuan("2024", "unified", "北京市昌平职业学校:设施农业生产技术");
    expect(&d, ZJ_OK, 0, "invalid");
    assert_int_equal(reason(&d, "GTPY.ZHIYUAN.IN_PLAN")->met, ZJ_UNMET);
    zj_decision_free(&d);

    /* no batch: the limits are unknown, the plan is still checked */
    d = zhiyuan("2023", NULL, "北京市商业学校:电子商务");
    expect(&d, ZJ_OK, -1, "undetermined");
    assert_int_equal(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES")->met, ZJ_UNKNOWN);
    assert_int_equal(reason(&d, "GTPY.ZHIYUAN.MAX_MAJORS")->met, ZJ_UNKNOWN);
    says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "batch", "batch");
    assert_int_equal(reason(&d, "GTPY.ZHIYUAN.IN_PLAN")->met, ZJ_MET);
    zj_decision_free(&d);
}

static void test_zhiyuan_bad_form(void **state)
{
    zj_decision d;

    (void)state;
    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务;北京市昌平职业学校 航空服务");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.BAD_FORMAT"), "第 2 个志愿", "choice 2");
    zj_decision_free(&d);

    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务:物流服务与管理");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.BAD_FORMAT"), "第 1 个志愿", "choice 1");
    zj_decision_free(&d);

    d = zhiyuan("2023", "unified", "北京市商业学校:电子商务；：航空服务");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.BAD_FORMAT"), "第 2 个志愿缺少学校", "choice 2 of the form has no school");
    zj_decision_free(&d);

    d = zhiyuan("2023", "unified", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.MISSING"), "choices", "choices");
    zj_decision_free(&d);

    /* limits of the parser: 64 choices (blank text after them is fine), 16 majors, 8191 bytes */
    {
        char big[9000];
        size_t i, len = 0;

        for (i = 0; i < 64; i++)
            len += (size_t)snprintf(big + len, sizeof big - len, "北京城市学院:学前教育;");
        snprintf(big + len, sizeof big - len, " ；\n");
        d = zhiyuan("2023", "unified", big);
        expect(&d, ZJ_OK, 0, "invalid");
        says(reason(&d, "GTPY.ZHIYUAN.MAX_CHOICES"), "64 个志愿", "64 choices");
        zj_decision_free(&d);
        snprintf(big + len, sizeof big - len, "北京城市学院:学前教育");
        d = zhiyuan("2023", "unified", big);
        expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
        says(reason(&d, "INPUT.OUT_OF_RANGE"), "64", "64");
        zj_decision_free(&d);

        len = (size_t)snprintf(big, sizeof big, "北京城市学院:");
        for (i = 0; i < 17; i++)
            len += (size_t)snprintf(big + len, sizeof big - len, "学前教育,");
        d = zhiyuan("2023", "unified", big);
        expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
        says(reason(&d, "INPUT.OUT_OF_RANGE"), "16", "16");
        zj_decision_free(&d);

        memset(big, 'a', 8500);
        big[8500] = '\0';
        d = zhiyuan("2023", "unified", big);
        expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
        says(reason(&d, "INPUT.OUT_OF_RANGE"), "8500", "8500");
        zj_decision_free(&d);
    }

    d = zhiyuan("2023", "late", "北京市商业学校:电子商务");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    reason(&d, "INPUT.NOT_A_CHOICE");
    zj_decision_free(&d);
}

/* A data directory with a 2025 rule set but no 2025 plan table. */
static char tmpdir[256];

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_zhiyuan_no_plan_table(void **state)
{
    char path[512], *text, *p;
    FILE *f;
    long len;
    zj_data *d2;
    zj_error err;
    zj_decision d;
    const char *names[] = { "jurisdiction", "year", "batch", "choices" };
    zj_value vals[4];

    (void)state;
    snprintf(tmpdir, sizeof tmpdir, "/tmp/zj-test-noplan-XXXXXX");
    assert_non_null(mkdtemp(tmpdir));
    snprintf(path, sizeof path, "%s/rules", tmpdir);
    assert_int_equal(mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/rules/beijing", tmpdir);
    assert_int_equal(mkdir(path, 0700), 0);
    f = fopen(zj_test_path("data/rules/beijing/gtpy-2024.json"), "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    text = malloc((size_t)len + 1);
    assert_non_null(text);
    assert_int_equal(fread(text, 1, (size_t)len, f), (size_t)len);
    text[len] = '\0';
    fclose(f);
    p = strstr(text, "\"year\": 2024");
    assert_non_null(p);
    memcpy(p, "\"year\": 2025", 12);
    snprintf(path, sizeof path, "%s/rules/beijing/gtpy-2025.json", tmpdir);
    write_file(path, text);
    free(text);
    snprintf(path, sizeof path, "%s/tables.json", tmpdir);
    write_file(path, "{\"schema\": \"zhijiao-tables/1\", \"plan_years\": {}, \"tables\": []}\n");

    assert_int_equal(zj_data_open(tmpdir, &d2, &err), ZJ_OK);
    vals[0] = zj_value_text("北京");
    vals[1] = zj_value_number(2025);
    vals[2] = zj_value_text("advance");
    vals[3] = zj_value_text("北京市商业学校:电子商务;北京市商业学校:金融事务");
    assert_int_equal(zj_check_run(d2, "gtpy.zhiyuan", names, vals, 4, &d, &err), ZJ_OK);
    expect(&d, ZJ_OK, -1, "undetermined");
    /* one reason for the whole form, not one per major */
    assert_int_equal(count_code(&d, "GTPY.ZHIYUAN.IN_PLAN", ZJ_UNKNOWN), 1);
    says(reason(&d, "GTPY.ZHIYUAN.IN_PLAN"), "没有 2025 年", "no 贯通 enrolment plan table for 2025");
    zj_decision_free(&d);
    zj_data_close(d2);

    snprintf(path, sizeof path, "%s/rules/beijing/gtpy-2025.json", tmpdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/tables.json", tmpdir);
    unlink(path);
    snprintf(path, sizeof path, "%s/rules/beijing", tmpdir);
    rmdir(path);
    snprintf(path, sizeof path, "%s/rules", tmpdir);
    rmdir(path);
    rmdir(tmpdir);
}

/* ---- gtpy.transfer ------------------------------------------------------- */

static zj_decision transfer(const char *year, const char *used, const char *score, const char *target,
                            const char *special, const char *applied, const char *out_ok,
                            const char *in_ok, const char *approved)
{
    return run("gtpy.transfer", "jurisdiction", "beijing", "year", year, "transfers_used", used,
               "score", score, "target_admission_score", target, "special_admission_agreement", special,
               "change", "major", "xueji_conditions_met", "是", "applied", applied, "out_school_consents", out_ok, "in_school_consents", in_ok,
               "authority_approved", approved, NULL);
}

static void test_transfer_outcomes(void **state)
{
    zj_decision d;
    const zj_reason *r;

    (void)state;
    d = transfer("2023", "0", "520", "510", "0", "1", "1", "1", "1");
    expect(&d, ZJ_OK, 1, "eligible");
    says(reason(&d, "GTPY.TRANSFER.COUNT"), "已转 0 次", "0 time");
    says(reason(&d, "GTPY.TRANSFER.SCORE"), "520", "520");
    says(reason(&d, "GTPY.TRANSFER.SCORE"), "510", "510");
    says(reason(&d, "GTPY.TRANSFER.SCORE"), "660", "660");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.SPECIAL_ADMISSION")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.APPLIED")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.OUT_SCHOOL_CONSENT")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.IN_SCHOOL_CONSENT")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.APPROVAL")->met, ZJ_MET);
    assert_string_equal(reason(&d, "GTPY.TRANSFER.COUNT")->source->clause, "三(三)5");
    zj_decision_free(&d);

    /* procedure not stated: substantive conditions hold */
    d = transfer("2024", "0", "520", "510", "否", NULL, NULL, NULL, NULL);
    expect(&d, ZJ_OK, -1, "eligible_pending_procedure");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.APPLIED")->met, ZJ_UNKNOWN);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.APPROVAL")->met, ZJ_UNKNOWN);
    /* 2024 cites the news */
    r = reason(&d, "GTPY.TRANSFER.COUNT");
    assert_non_null(strstr(r->source->document, "北京教育报"));
    assert_string_equal(r->source->clause, "第5段");
    zj_decision_free(&d);

    /* a substantive condition unknown: undetermined even with the procedure done */
    d = transfer("2024", NULL, "520", "510", "0", "1", "1", "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.COUNT")->met, ZJ_UNKNOWN);
    says(reason(&d, "GTPY.TRANSFER.COUNT"), "transfers_used", "transfers_used");
    zj_decision_free(&d);

    /* one chance only */
    d = transfer("2023", "1", "520", "510", "0", "1", "1", "1", "1");
    expect(&d, ZJ_OK, 0, "ineligible");
    r = reason(&d, "GTPY.TRANSFER.COUNT");
    assert_int_equal(r->met, ZJ_UNMET);
    says(r, "已转 1 次", "1 time");
    zj_decision_free(&d);

    /* special admission with an agreement */
    d = transfer("2023", "0", "520", "510", "1", "1", "1", "1", "1");
    expect(&d, ZJ_OK, 0, "ineligible");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.SPECIAL_ADMISSION")->met, ZJ_UNMET);
    zj_decision_free(&d);

    /* a school refuses */
    d = transfer("2023", "0", "520", "510", "0", "1", "0", "1", "1");
    expect(&d, ZJ_OK, 0, "ineligible");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.OUT_SCHOOL_CONSENT")->met, ZJ_UNMET);
    zj_decision_free(&d);
    d = transfer("2023", "0", "520", "510", "0", "0", "1", "0", "0");
    expect(&d, ZJ_OK, 0, "ineligible");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.APPLIED")->met, ZJ_UNMET);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.IN_SCHOOL_CONSENT")->met, ZJ_UNMET);
    assert_int_equal(reason(&d, "GTPY.TRANSFER.APPROVAL")->met, ZJ_UNMET);
    zj_decision_free(&d);
}

static void score_case(const char *year, const char *score, const char *target, zj_code status,
                       int eligible, const char *outcome)
{
    zj_decision d = transfer(year, "0", score, target, "0", "1", "1", "1", "1");
    expect(&d, status, eligible, outcome);
    if (status == ZJ_OK) {
        says(reason(&d, "GTPY.TRANSFER.SCORE"), score, score);
        says(reason(&d, "GTPY.TRANSFER.SCORE"), target, target);
    } else {
        reason(&d, "INPUT.OUT_OF_RANGE");
    }
    zj_decision_free(&d);
}

static void test_transfer_scores(void **state)
{
    zj_decision d;

    (void)state;
    /* strictly higher: equal is not enough */
    score_case("2023", "490", "490", ZJ_OK, 0, "ineligible");
    score_case("2023", "490.5", "490", ZJ_OK, 1, "eligible");
    score_case("2023", "489", "490", ZJ_OK, 0, "ineligible");
    score_case("2024", "490", "490", ZJ_OK, 0, "ineligible");
    score_case("2024", "490.5", "490", ZJ_OK, 1, "eligible");
    score_case("2024", "489", "490", ZJ_OK, 0, "ineligible");
    /* the scales: 660 in 2023, 670 in 2024 */
    score_case("2023", "660", "650", ZJ_OK, 1, "eligible");
    score_case("2023", "665", "650", ZJ_ERR_ARG, -1, "invalid_input");
    score_case("2023", "600", "665", ZJ_ERR_ARG, -1, "invalid_input");
    score_case("2024", "670", "665", ZJ_OK, 1, "eligible");
    score_case("2024", "671", "600", ZJ_ERR_ARG, -1, "invalid_input");
    score_case("2024", "-1", "600", ZJ_ERR_ARG, -1, "invalid_input");

    d = transfer("2024", "0", "671", "600", "0", "1", "1", "1", "1");
    says(reason(&d, "INPUT.OUT_OF_RANGE"), "671", "671");
    says(reason(&d, "INPUT.OUT_OF_RANGE"), "670", "670");
    zj_decision_free(&d);

    d = transfer("2024", "-1", "500", "490", "0", "1", "1", "1", "1");
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.OUT_OF_RANGE"), "-1", "-1");
    zj_decision_free(&d);

    /* one score missing: unknown naming it */
    d = transfer("2023", "0", NULL, "490", "0", "1", "1", "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.TRANSFER.SCORE"), "score", "score");
    zj_decision_free(&d);
    d = transfer("2023", "0", "500", NULL, "0", "1", "1", "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.TRANSFER.SCORE"), "target_admission_score", "target_admission_score");
    zj_decision_free(&d);
    d = transfer("2023", "0", NULL, NULL, "0", "1", "1", "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    zj_decision_free(&d);
    d = transfer("2023", "0", "500", "490", NULL, "1", "1", "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    assert_int_equal(reason(&d, "GTPY.TRANSFER.SPECIAL_ADMISSION")->met, ZJ_UNKNOWN);
    zj_decision_free(&d);
}

/* ---- gtpy.zhuanduan ------------------------------------------------------ */

static zj_decision zhuanduan(const char *stage, const char *passed, const char *repeated,
                             const char *meets, const char *similar)
{
    return run("gtpy.zhuanduan", "jurisdiction", "beijing", "year", "2023", "stage", stage,
               "passed", passed, "repeated_before", repeated, "meets_repeat_conditions", meets,
               "similar_major_next_cohort", similar, NULL);
}

static void test_zhuanduan(void **state)
{
    zj_decision d;
    const zj_reason *r;

    (void)state;
    d = zhuanduan("zhongzhi_to_gaozhi", "1", NULL, NULL, NULL);
    expect(&d, ZJ_OK, 1, "advance");
    r = reason(&d, "GTPY.ZHUANDUAN.MECHANISM");
    says(r, "各院校", "each institution");
    assert_string_equal(r->source->clause, "三(四)2");
    assert_string_equal(reason(&d, "GTPY.ZHUANDUAN.PASSED")->source->clause, "三(四)1");
    zj_decision_free(&d);

    d = zhuanduan("高职转本科", "是", NULL, NULL, NULL);
    expect(&d, ZJ_OK, 1, "advance");
    says(reason(&d, "GTPY.ZHUANDUAN.MECHANISM"), "专升本", "专升本");
    zj_decision_free(&d);

    d = zhuanduan("zhongzhi_to_gaozhi", "0", "0", "1", "1");
    expect(&d, ZJ_OK, 0, "repeat");
    assert_int_equal(reason(&d, "GTPY.ZHUANDUAN.SIMILAR_MAJOR")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.ZHUANDUAN.MAX_REPEATS")->met, ZJ_MET);
    says(reason(&d, "GTPY.ZHUANDUAN.MAX_REPEATS"), "1 次", "1 repeat");
    assert_string_equal(reason(&d, "GTPY.ZHUANDUAN.SIMILAR_MAJOR")->source->clause, "三(四)3");
    zj_decision_free(&d);

    /* failed again after repeating once */
    d = zhuanduan("gaozhi_to_benke", "0", "1", "1", "1");
    expect(&d, ZJ_OK, 0, "graduate_current_stage");
    assert_int_equal(reason(&d, "GTPY.ZHUANDUAN.MAX_REPEATS")->met, ZJ_UNMET);
    zj_decision_free(&d);

    /* meets the conditions but no similar major next year */
    d = zhuanduan("zhongzhi_to_gaozhi", "0", "0", "1", "0");
    expect(&d, ZJ_OK, 0, "graduate_current_stage");
    assert_int_equal(reason(&d, "GTPY.ZHUANDUAN.SIMILAR_MAJOR")->met, ZJ_UNMET);
    zj_decision_free(&d);

    d = zhuanduan("zhongzhi_to_gaozhi", "0", "0", "0", NULL);
    expect(&d, ZJ_OK, 0, "handled_by_stage_rules");
    says(reason(&d, "GTPY.ZHUANDUAN.REPEAT_CONDITIONS"), "学籍管理规定", "student-status rules");
    zj_decision_free(&d);

    /* missing inputs are named */
    d = zhuanduan("zhongzhi_to_gaozhi", "0", NULL, "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.ZHUANDUAN.MAX_REPEATS"), "repeated_before", "repeated_before");
    zj_decision_free(&d);
    d = zhuanduan("zhongzhi_to_gaozhi", "0", "0", NULL, "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.ZHUANDUAN.REPEAT_CONDITIONS"), "meets_repeat_conditions", "meets_repeat_conditions");
    zj_decision_free(&d);
    d = zhuanduan("zhongzhi_to_gaozhi", "0", "0", "1", NULL);
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.ZHUANDUAN.SIMILAR_MAJOR"), "similar_major_next_cohort", "similar_major_next_cohort");
    zj_decision_free(&d);

    /* passed is required */
    d = zhuanduan("zhongzhi_to_gaozhi", NULL, NULL, NULL, NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.MISSING"), "passed", "passed");
    zj_decision_free(&d);
    d = zhuanduan("benke_to_master", "1", NULL, NULL, NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    zj_decision_free(&d);

    /* 2024: the news */
    d = run("gtpy.zhuanduan", "地区", "北京", "年份", "2024", "转段阶段", "中职转高职", "通过转段考核", "否",
            "已留级", "否", "符合留级条件", "是", "下一届开设相同或相近专业", "是", NULL);
    expect(&d, ZJ_OK, 0, "repeat");
    assert_string_equal(reason(&d, "GTPY.ZHUANDUAN.SIMILAR_MAJOR")->source->clause, "第7段");
    zj_decision_free(&d);
}

/* ---- gtpy.suspension ----------------------------------------------------- */

static zj_decision suspension(const char *meets, const char *gtpy_next, const char *similar)
{
    return run("gtpy.suspension", "jurisdiction", "beijing", "year", "2023",
               "meets_resume_conditions", meets, "school_runs_gtpy_next_cohort", gtpy_next,
               "similar_major_next_cohort", similar, NULL);
}

static void test_suspension(void **state)
{
    zj_decision d;

    (void)state;
    d = suspension("1", "1", "1");
    expect(&d, ZJ_OK, 1, "resume_next_cohort");
    assert_string_equal(reason(&d, "GTPY.SUSPENSION.SIMILAR_MAJOR")->source->clause, "三(四)4");
    assert_int_equal(reason(&d, "GTPY.SUSPENSION.RESUME_CONDITIONS")->met, ZJ_MET);
    assert_int_equal(reason(&d, "GTPY.SUSPENSION.GTPY_NEXT_COHORT")->met, ZJ_MET);
    zj_decision_free(&d);

    d = suspension("1", "0", NULL);
    expect(&d, ZJ_OK, 0, "lose_gtpy_status");
    assert_int_equal(reason(&d, "GTPY.SUSPENSION.GTPY_NEXT_COHORT")->met, ZJ_UNMET);
    zj_decision_free(&d);

    d = suspension("0", "1", "1");
    expect(&d, ZJ_OK, 0, "handled_by_stage_rules");
    assert_int_equal(reason(&d, "GTPY.SUSPENSION.RESUME_CONDITIONS")->met, ZJ_UNMET);
    zj_decision_free(&d);

    d = suspension(NULL, "1", "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.SUSPENSION.RESUME_CONDITIONS"), "meets_resume_conditions", "meets_resume_conditions");
    zj_decision_free(&d);
    d = suspension("1", NULL, "1");
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.SUSPENSION.GTPY_NEXT_COHORT"), "school_runs_gtpy_next_cohort", "school_runs_gtpy_next_cohort");
    zj_decision_free(&d);
    d = suspension("1", "1", NULL);
    expect(&d, ZJ_OK, -1, "undetermined");
    says(reason(&d, "GTPY.SUSPENSION.SIMILAR_MAJOR"), "similar_major_next_cohort", "similar_major_next_cohort");
    zj_decision_free(&d);

    /* the case the notice leaves open */
    d = suspension("1", "1", "0");
    expect(&d, ZJ_OK, -1, "undetermined");
    assert_int_equal(reason(&d, "GTPY.SUSPENSION.SIMILAR_MAJOR")->met, ZJ_UNMET);
    assert_int_equal(reason(&d, "GTPY.SUSPENSION.NOT_COVERED")->met, ZJ_UNKNOWN);
    zj_decision_free(&d);
}

/* ---- gtpy.exit and gtpy.xueji --------------------------------------------- */

static void test_exit(void **state)
{
    zj_decision d;
    const zj_reason *r;

    (void)state;
    d = run("gtpy.exit", "jurisdiction", "beijing", "year", "2023", "programme_type", "gaoben",
            "completed_stage", "zhongzhi", NULL);
    expect(&d, ZJ_OK, 1, "exit_with_certificate");
    r = reason(&d, "GTPY.EXIT.CERTIFICATE");
    says(r, "中职毕业证书", "中职 (secondary vocational) diploma");
    says(r, "高职院校", "高职 school");
    assert_non_null(strstr(r->source->clause, "三(三)1"));
    assert_string_equal(reason(&d, "GTPY.EXIT.STAGE_COMPLETED")->source->clause, "三(三)4");
    says(reason(&d, "GTPY.EXIT.STATUS_ENDS"), "不再具有贯通培养资格", "no longer holds");
    zj_decision_free(&d);

    d = run("gtpy.exit", "jurisdiction", "beijing", "year", "2023", "programme_type", "gaoben",
            "completed_stage", "gaozhi", NULL);
    expect(&d, ZJ_OK, 1, "exit_with_certificate");
    says(reason(&d, "GTPY.EXIT.CERTIFICATE"), "专科学历证书", "专科");
    says(reason(&d, "GTPY.EXIT.CERTIFICATE"), "由学籍所在学校高职院校颁发", "the 高职 school");
    zj_decision_free(&d);

    d = run("gtpy.exit", "地区", "京", "年份", "2024", "项目类型", "中本贯通", "已完成学段", "中职", NULL);
    expect(&d, ZJ_OK, 1, "exit_with_certificate");
    says(reason(&d, "GTPY.EXIT.CERTIFICATE"), "中职学校颁发中职毕业证书", "中职 school");
    assert_string_equal(reason(&d, "GTPY.EXIT.STAGE_COMPLETED")->source->clause, "第9段");
    zj_decision_free(&d);

    d = run("gtpy.exit", "jurisdiction", "beijing", "year", "2023", "programme_type", "zhongben",
            "completed_stage", "gaozhi", NULL);
    expect(&d, ZJ_OK, 1, "exit_with_certificate");
    says(reason(&d, "GTPY.EXIT.CERTIFICATE"), "合作本科高校颁发专科学历证书", "partner university");
    zj_decision_free(&d);

    d = run("gtpy.exit", "jurisdiction", "beijing", "year", "2023", "programme_type", "zhongben",
            "completed_stage", "未完成", NULL);
    expect(&d, ZJ_OK, 0, "not_allowed");
    assert_int_equal(reason(&d, "GTPY.EXIT.STAGE_COMPLETED")->met, ZJ_UNMET);
    zj_decision_free(&d);

    d = run("gtpy.exit", "jurisdiction", "beijing", "year", "2023", "programme_type", "zhongben", NULL);
    expect(&d, ZJ_ERR_ARG, -1, "invalid_input");
    says(reason(&d, "INPUT.MISSING"), "completed_stage", "completed_stage");
    zj_decision_free(&d);
}

static void xueji(const char *year, const char *type, const char *stage, const char *inst_zh,
                  const char *reg_zh, const char *cert_zh, const char *issuer_zh)
{
    zj_decision d = run("gtpy.xueji", "jurisdiction", "beijing", "year", year, "programme_type", type,
                        "stage", stage, NULL);
    expect(&d, ZJ_OK, 1, "registered");
    says(reason(&d, "GTPY.XUEJI.INSTITUTION"), inst_zh, NULL);
    says(reason(&d, "GTPY.XUEJI.REGULATION"), reg_zh, NULL);
    says(reason(&d, "GTPY.XUEJI.CERTIFICATE"), cert_zh, NULL);
    says(reason(&d, "GTPY.XUEJI.CERTIFICATE"), issuer_zh, NULL);
    /* 2024 中本贯通: the quality report 6.2.3 restates 京教职成〔2024〕7号 (issue 13) */
    assert_string_equal(reason(&d, "GTPY.XUEJI.INSTITUTION")->source->document,
                        strcmp(year, "2024") == 0 && (strstr(type, "zhong") || strstr(type, "中本"))
                            ? "京教职成〔2024〕7号" : "京教职成〔2023〕6号");
    zj_decision_free(&d);
}

static void test_xueji(void **state)
{
    (void)state;
    xueji("2023", "gaoben", "zhongzhi", "注册为所在高职院校学籍", "中等职业学校学生学籍管理办法", "中职毕业证书",
          "高职院校");
    xueji("2023", "gaoben", "gaozhi", "注册为所在高职院校学籍", "普通高等学校学生管理规定", "专科学历证书",
          "由高职院校颁发");
    xueji("2023", "gaoben", "benke", "注册为合作本科高校学籍", "普通高等学校学生管理规定", "本科学历证书",
          "由合作本科高校颁发");
    xueji("2023", "zhongben", "zhongzhi", "注册为所在中职学校学籍", "中等职业学校学生学籍管理办法", "中职毕业证书",
          "由中职学校颁发");
    xueji("2023", "zhongben", "gaozhi", "注册为合作本科高校学籍", "普通高等学校学生管理规定", "专科学历证书",
          "由合作本科高校颁发");
    xueji("2024", "中本贯通", "本科", "注册为合作本科高校学籍", "普通高等学校学生管理规定", "本科学历证书",
          "由合作本科高校颁发");
}

/* ---- batches, names, missing rules -------------------------------------- */

static void test_batch_mixed(void **state)
{
    const char *names[] = { "id", "地区", "年份", "中招录取总分", "本市正式户籍", "中考升学资格" };
    zj_value cells[5 * 6];
    zj_decision out[5];
    zj_error err;
    size_t r;
    static const char *const rows[5][6] = {
        { "A", "beijing", "2024", "500", "是", "是" },
        { "B", "北京", "2024", "671", "是", "是" },        /* above the 2024 scale */
        { "C", "北京市", "2023", "489", "1", "yes" },
        { "D", "beijing", "2025", "500", "1", "1" },        /* no rules */
        { "E", "beijing", "2024", "abc", "1", "1" },        /* not a number */
    };

    (void)state;
    for (r = 0; r < 5; r++) {
        size_t k;
        for (k = 0; k < 6; k++)
            cells[r * 6 + k] = zj_value_text(rows[r][k]);
    }
    assert_int_equal(zj_check_batch(data, "gtpy.admission", names, 6, cells, 5, out, &err), ZJ_OK);
    expect(&out[0], ZJ_OK, 1, "eligible");
    expect(&out[1], ZJ_ERR_ARG, -1, "invalid_input");
    expect(&out[2], ZJ_OK, 0, "ineligible");
    expect(&out[3], ZJ_ERR_NOT_FOUND, -1, "no_rules");
    expect(&out[4], ZJ_ERR_ARG, -1, "invalid_input");
    assert_string_equal(out[0].ruleset, "beijing/gtpy/2024");
    assert_string_equal(out[2].ruleset, "beijing/gtpy/2023");
    {
        /* outcome_only: the same decisions, reasons without messages */
        zj_batch_options opt = { 1 };
        zj_decision fast[5];
        size_t i;
        assert_int_equal(zj_check_batch_opt(data, "gtpy.admission", names, 6, cells, 5, &opt, fast, &err), ZJ_OK);
        for (r = 0; r < 5; r++) {
            assert_int_equal(fast[r].status, out[r].status);
            assert_int_equal(fast[r].eligible, out[r].eligible);
            assert_string_equal(fast[r].outcome, out[r].outcome);
            assert_int_equal(fast[r].n_reasons, out[r].n_reasons);
            for (i = 0; i < fast[r].n_reasons; i++) {
                assert_string_equal(fast[r].reasons[i].code, out[r].reasons[i].code);
                assert_int_equal(fast[r].reasons[i].met, out[r].reasons[i].met);
                assert_string_equal(fast[r].reasons[i].message_zh, "");
                assert_string_equal(fast[r].reasons[i].message_en, "");
                assert_true(out[r].reasons[i].message_en[0] != '\0');
            }
        }
        zj_decisions_free(fast, 5);
    }
    zj_decisions_free(out, 5);
}

static void test_no_rules(void **state)
{
    zj_decision d;
    const zj_reason *r;
    static const char *const checks[] = { "gtpy.admission", "gtpy.zhiyuan", "gtpy.transfer",
                                          "gtpy.zhuanduan", "gtpy.suspension", "gtpy.exit",
                                          "gtpy.xueji", NULL };
    size_t i;

    (void)state;
    for (i = 0; checks[i]; i++) {
        /* year 2025: the message lists the years that exist */
        d = run(checks[i], "jurisdiction", "beijing", "year", "2025", "choices", "北京市商业学校:电子商务",
                "stage", "zhongzhi", "passed", "1", "programme_type", "gaoben", "completed_stage", "none", NULL);
        if (strcmp(checks[i], "gtpy.zhuanduan") == 0) {
            zj_decision_free(&d);
            d = run(checks[i], "jurisdiction", "beijing", "year", "2025", "stage", "zhongzhi_to_gaozhi",
                    "passed", "1", NULL);
        }
        expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
        r = reason(&d, "RULES.NOT_FOUND");
        says(r, "2023, 2024", "2023, 2024");
        says(r, "2025", "2025");
        assert_string_equal(d.ruleset, "");
        zj_decision_free(&d);
    }

    /* a jurisdiction without 贯通 rules */
    d = run("gtpy.exit", "jurisdiction", "shanghai", "year", "2024", "programme_type", "gaoben",
            "completed_stage", "gaozhi", NULL);
    expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
    says(reason(&d, "RULES.NOT_FOUND"), "shanghai", "shanghai");
    says(reason(&d, "RULES.NOT_FOUND"), "beijing 2023", "beijing 2023");
    zj_decision_free(&d);
    /* Shandong has 普职互转 rules but no 贯通 rules */
    d = run("gtpy.exit", "jurisdiction", "山东", "year", "2026", "programme_type", "gaoben",
            "completed_stage", "gaozhi", NULL);
    expect(&d, ZJ_ERR_NOT_FOUND, -1, "no_rules");
    zj_decision_free(&d);
}

static void test_catalogue(void **state)
{
    static const char *const checks[] = { "gtpy.zhiyuan", "gtpy.transfer", "gtpy.zhuanduan",
                                          "gtpy.suspension", "gtpy.exit", "gtpy.xueji", NULL };
    size_t i, k;

    (void)state;
    for (i = 0; checks[i]; i++) {
        const zj_check_info *c = zj_check_find(checks[i]);

        assert_non_null(c);
        assert_string_equal(c->programme, "gtpy");
        assert_true(c->n_fields >= 3);
        assert_string_equal(c->fields[0].name, "jurisdiction");
        assert_string_equal(c->fields[1].name, "year");
        for (k = 0; k < c->n_fields; k++) {
            const zj_field_info *f = &c->fields[k];
            assert_non_null(f->name_zh);
            assert_non_null(f->help_zh);
            assert_non_null(f->help_en);
            assert_int_equal(zj_check_field_index(c, f->name), (int)k);
            assert_int_equal(zj_check_field_index(c, f->name_zh), (int)k);
            if (f->type == ZJ_FIELD_CHOICE) {
                size_t j;
                assert_non_null(f->choices);
                assert_non_null(f->choices_zh);
                for (j = 0; f->choices[j]; j++)
                    assert_non_null(f->choices_zh[j]);
            }
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_admission_boundaries),
        cmocka_unit_test(test_zhiyuan_valid),
        cmocka_unit_test(test_zhiyuan_limits),
        cmocka_unit_test(test_zhiyuan_empty_and_plan),
        cmocka_unit_test(test_zhiyuan_bad_form),
        cmocka_unit_test(test_zhiyuan_no_plan_table),
        cmocka_unit_test(test_transfer_outcomes),
        cmocka_unit_test(test_transfer_scores),
        cmocka_unit_test(test_zhuanduan),
        cmocka_unit_test(test_suspension),
        cmocka_unit_test(test_exit),
        cmocka_unit_test(test_xueji),
        cmocka_unit_test(test_batch_mixed),
        cmocka_unit_test(test_no_rules),
        cmocka_unit_test(test_catalogue),
    };

    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
