# Chinese text goes in and comes out as UTF-8, whatever the locale.

test_that("all Chinese text comes back marked UTF-8", {
    t <- zj_tables()
    zh <- t$title_zh[t$name == "gtpy_plan_2023"]
    expect_identical(Encoding(zh), "UTF-8")
    expect_true(validUTF8(zh))
    expect_true(grepl(u(0x8d2f, 0x901a), zh))           # 贯通
    plan <- zj_table("gtpy_plan_2023")
    expect_true(all(Encoding(plan$school[!is.na(plan$school)]) == "UTF-8"))
    r <- zj_gtpy_admission("beijing", 2024, TRUE, TRUE, 520)
    expect_identical(Encoding(r$outcome_zh), "UTF-8")
    expect_identical(Encoding(r$reasons[[1]]$message_zh[1]), "UTF-8")
    e <- tryCatch(zj_rate(1, 2, conf.level = 7), zhijiao_error = function(e) e)
    expect_identical(Encoding(e$message_zh), "UTF-8")
})

test_that("Chinese strings round-trip through a plan look-up", {
    plan <- zj_table("gtpy_plan_2024")
    d <- plan[plan$row_kind == "detail", ][1, ]
    p <- zj_plan(2024, d$school, d$major)
    expect_identical(p$school, d$school)
    expect_identical(p$major, d$major)
    # the same text written from code points, and in another marked encoding
    s <- intToUtf8(utf8ToInt(d$school))
    expect_identical(zj_plan(2024, s, d$major)$places, p$places)
    lat <- iconv("caf\u00e9", "UTF-8", "latin1")
    expect_identical(Encoding(lat), "latin1")
    expect_identical(zj_plan(2024, lat, "x")$school, "caf\u00e9")
})

test_that("Chinese values of fields are understood: 北京, 是/否", {
    r <- zj_gtpy_admission(u(0x5317, 0x4eac), 2024, u(0x662f), u(0x5426), 520)
    expect_false(r$eligible)
    expect_identical(r$ruleset, "beijing/gtpy/2024")
})

test_that("bytes-encoded text is refused with a zhijiao_error", {
    b <- "\xb1\xb1\xbe\xa9"       # GBK bytes of 北京
    Encoding(b) <- "bytes"
    expect_arg_error(zj_gtpy_admission(b, 2024), "data")
    expect_arg_error(zj_plan(2024, b, "x"), "school")
})
