# One interpretation for every surface: numbers from text, the count behind
# a percentage, method names, years (issue 9, "Divergences seen").

test_that("the count behind a percentage is the library's, halves to even", {
    # 95.00 % of 8830 is 8388.5: round() in floating point gave 8388 here
    # and the CLI 8389; the library decides (GB/T 8170)
    expect_identical(zj_count_from_percent(95.00, 8830), 8388)
    expect_identical(zj_count_from_percent(95.00, 8850), 8408)
    expect_identical(zj_count_from_percent(c(10.06, NA), 3953), c(398, NA))
    expect_arg_error(zj_count_from_percent(95.005, 100), "percent")
    expect_arg_error(zj_count_from_percent(50, 0), "n")
})

test_that("zj_count_from_percent agrees with zhijiao demo on every published rate", {
    cli <- Sys.getenv("ZJ_CLI")
    skip_if(!nzchar(cli) || !file.exists(cli), "ZJ_CLI (the built CLI) not given")
    out <- tempfile()
    on.exit(unlink(out, recursive = TRUE))
    status <- system2(cli, c("demo", "--out", shQuote(out)), stdout = FALSE, stderr = FALSE,
                      env = paste0("ZHIJIAO_DATA=", shQuote(zj_data_dir())))
    expect_identical(status, 0L)
    ind <- read.csv(file.path(out, "indicators.csv"), encoding = "UTF-8",
                    colClasses = "character", na.strings = character())
    pub <- ind[nzchar(ind$published_pct), ]
    dec <- nchar(sub("^[^.]*\\.?", "", pub$published_pct))
    k <- zj_count_from_percent(as.numeric(pub$published_pct), as.numeric(pub$n), dec)
    expect_identical(k, as.numeric(pub$x))
    expect_true(any(pub$published_pct == "95.00" & pub$n == "8830" & pub$x == "8388"))
})

test_that("text cells are read as the CLI and Calc read them", {
    r <- zj_check("gtpy.admission", jurisdiction = "beijing", year = u(0xFF12, 0xFF10, 0xFF12, 0xFF14),
                  has_qualification = u(0x662F), beijing_hukou = "true",
                  score = c(u(0xFF15, 0xFF12, 0xFF10), "0x1F4", paste0(" 520", u(0x3000)), "670.0001"),
                  list_column = FALSE)
    expect_identical(r$eligible, c(TRUE, NA, TRUE, NA))
    expect_identical(r$status, c("ok", "argument", "ok", "argument"))
    # the value as given, not rounded to six digits
    expect_match(r$reasons_en[4], "670.0001", fixed = TRUE)
})

test_that("interval method names and aliases are the library's", {
    expect_identical(zj_rate(5, 10, method = "prop.test")$method, "wilson-cc")
    expect_identical(zj_rate(5, 10, method = "ASYMPTOTIC")$method, "wald")
    # an invalid byte gives a zhijiao_error, not a base "invalid multibyte string"
    e <- tryCatch(zj_rate(5, 10, method = "wil\xffson"), error = function(e) e)
    expect_s3_class(e, "zhijiao_error")
    expect_identical(e$code, "argument")
})

test_that("plan years outside 1900-9999 are refused as in the CLI and Calc", {
    p <- zj_plan(1800, "a", "b")
    expect_match(p$reason_en, "1900", fixed = TRUE)
})

test_that("columns that are no field are reported, as by zhijiao batch", {
    d <- data.frame(jurisdiction = "beijing", year = 2024, a = "x", b = "520")
    names(d)[3:4] <- c(u(0x6237, 0x53E3), u(0x5206, 0x6570))   # 户口, 分数
    expect_warning(r <- zj_check("gtpy.admission", d, list_column = FALSE),
                   "no column supplies the field(s) has_qualification", fixed = TRUE)
    expect_identical(r$outcome, "undetermined")
    # every field supplied: no warning, whatever else the frame carries;
    # optional fields left out: said row by row, no warning
    expect_silent(zj_check("gtpy.admission", jurisdiction = "beijing", year = 2024,
                           has_qualification = TRUE, beijing_hukou = TRUE, score = 520,
                           id = "c1", list_column = FALSE))
    expect_silent(zj_check("gtpy.admission", jurisdiction = "beijing", year = 2024,
                           score = 520, list_column = FALSE))
    # a field given twice: the library's words, as the CLI's
    e <- expect_arg_error(zj_check("gtpy.admission", list(score = 1, score = 2)), "data")
    expect_match(e$message_en, "field score is given twice (columns 1 and 2)", fixed = TRUE)
})

test_that("row kinds are read as the CLI reads them (Chinese words, any case)", {
    t <- data.frame(k = c("a", "b", NA), v = c(1, 2, 4))
    t$kind <- c(u(0x660E, 0x7EC6), "Detail", u(0x5408, 0x8BA1))   # 明细, Detail, 合计
    f <- zj_audit(t, "k", "v", kind = "kind")
    expect_identical(f$kind, "sum_mismatch")
    t$kind[2] <- "item"
    e <- expect_arg_error(zj_audit(t, "k", "v", kind = "kind"), "kind")
    expect_match(e$message_en, "kind[2]: kind 'item' is not detail, subtotal or total", fixed = TRUE)
})

test_that("messages give Chinese first, then English, as the CLI does", {
    e <- tryCatch(zj_rate("a", 10), zhijiao_error = function(e) e)
    expect_identical(conditionMessage(e), paste0(e$message_zh, "\n", e$message_en))
    d <- data.frame(jurisdiction = "beijing", year = 2024, a = "x")
    w <- tryCatch(zj_check("gtpy.admission", d), warning = function(w) w)
    expect_match(conditionMessage(w), paste0("^", u(0x6CA1, 0x6709)))   # 没有 ...
    expect_match(conditionMessage(w), "\nno column supplies", fixed = TRUE)
    w <- tryCatch(zj_rate(1:3, c(10, 10)), warning = function(w) w)
    expect_match(conditionMessage(w), "\nlonger argument not a multiple", fixed = TRUE)
})
