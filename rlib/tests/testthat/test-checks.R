cand_file <- function() system.file("extdata", "samples", "candidates.csv", package = "zhijiao")
read_cand <- function() read.csv(cand_file(), encoding = "UTF-8", colClasses = "character",
                                 na.strings = character())

test_that("the catalogue lists every check with its fields", {
    ck <- zj_checks()
    expect_true(nrow(ck) >= 11)
    expect_true("gtpy.admission" %in% ck$name)
    expect_false(anyNA(ck$title_zh))
    f <- zj_check_fields()
    expect_identical(sum(ck$fields), nrow(f))
    a <- zj_check_fields("gtpy.admission")
    expect_identical(a$field, c("jurisdiction", "year", "has_qualification",
                                "beijing_hukou", "score"))
    expect_identical(a$required, c(TRUE, TRUE, FALSE, FALSE, FALSE))
    expect_identical(Encoding(a$name_zh[5]), "UTF-8")
    e <- tryCatch(zj_check_fields("no.such"), zhijiao_error = function(e) e)
    expect_identical(e$code, "not_found")
    expect_arg_error(zj_check_fields(1), "check")
})

test_that("every wrapper matches the catalogue (rerun tools/gen-wrappers.R if not)", {
    ck <- zj_checks()
    f <- zj_check_fields()
    ns <- asNamespace("zhijiao")
    for (i in seq_len(nrow(ck))) {
        expect_true(exists(ck$wrapper[i], envir = ns), info = ck$wrapper[i])
        expect_true(ck$wrapper[i] %in% getNamespaceExports("zhijiao"), info = ck$wrapper[i])
        fm <- formals(get(ck$wrapper[i], envir = ns))
        fi <- f[f$check == ck$name[i], ]
        expect_identical(names(fm), c(fi$field, "list_column", "data_dir"), info = ck$name[i])
        req <- vapply(fm[fi$field], function(x) identical(x, quote(expr = )), NA)
        expect_identical(unname(req), fi$required, info = ck$name[i])
    }
})

test_that("gtpy.admission decides the bundled sample with reasons and sources", {
    cand <- read_cand()
    r <- zj_check("gtpy.admission", cand)
    expect_s3_class(r, "zj_decisions")
    expect_identical(nrow(r), nrow(cand))
    # the input columns are kept in front, as `zhijiao batch` writes them
    expect_named(r, c(names(cand), "eligible", "outcome", "outcome_zh", "outcome_en", "status",
                      "ruleset", "reason_codes", "reasons_zh", "reasons_en", "sources", "reasons"))
    expect_identical(r$id, cand$id)
    s <- zj_check("gtpy.admission", data.frame(status = "x", jurisdiction = "beijing", year = 2024,
                                               score = 500))
    expect_identical(s$status.input, "x")
    expect_identical(s$status, "ok")
    c1 <- r[cand$id == "C001", ]
    expect_true(c1$eligible)
    expect_identical(c1$outcome, "eligible")
    expect_identical(c1$ruleset, "beijing/gtpy/2024")
    expect_match(c1$reasons_en, "score 520 reaches the minimum of 490", fixed = TRUE)
    expect_false(r$eligible[cand$id == "C003"])
    rs <- r$reasons[[which(cand$id == "C003")]]
    expect_s3_class(rs, "data.frame")
    expect_named(rs, c("code", "met", "decisive", "message_zh", "message_en", "source"))
    expect_identical(rs$met[rs$code == "GTPY.ADMISSION.MIN_SCORE"], FALSE)
    expect_true(all(nzchar(rs$source[!is.na(rs$source)])))
    # year 2025 has no rules: not found, NA, with a reason listing the years
    nr <- r[cand$year == "2025", ]
    expect_true(all(nr$status == "not_found") && all(is.na(nr$eligible)))
    expect_true(all(nzchar(nr$reasons_en)))
    expect_identical(sort(unique(r$status)), c("argument", "not_found", "ok"))
})

test_that("zj_check gives the same answers as `zhijiao batch`", {
    cli <- Sys.getenv("ZJ_CLI")
    skip_if(!nzchar(cli) || !file.exists(cli), "ZJ_CLI (the built CLI) not given")
    out <- tempfile(fileext = ".csv")
    on.exit(unlink(out))
    status <- system2(cli, c("batch", "gtpy.admission", shQuote(cand_file()), "--output",
                             shQuote(out)), stdout = FALSE, stderr = FALSE,
                      env = paste0("ZHIJIAO_DATA=", shQuote(zj_data_dir())))
    expect_true(file.exists(out))
    b <- read.csv(out, encoding = "UTF-8", colClasses = "character", na.strings = character())
    r <- zj_check("gtpy.admission", read_cand(), list_column = FALSE)
    el <- ifelse(is.na(r$eligible), "", ifelse(r$eligible, "1", "0"))
    expect_identical(el, b$eligible)
    expect_identical(r$outcome, b$outcome)
    expect_identical(ifelse(is.na(r$outcome_zh), "", r$outcome_zh), b$outcome_zh)
    expect_identical(r$reason_codes, b$reason_codes)
    expect_identical(r$reasons_zh, b$reasons_zh)
    expect_identical(r$reasons_en, b$reasons_en)
    expect_identical(r$sources, b$sources)
})

test_that("inputs: native R types, Chinese field names, recycling, NA", {
    r <- zj_check("gtpy.admission", jurisdiction = "beijing", year = 2024L,
                  has_qualification = c(TRUE, FALSE, NA), beijing_hukou = 1, score = 500)
    expect_identical(r$eligible, c(TRUE, FALSE, NA))
    expect_identical(r$outcome[3], "undetermined")
    zh <- list(u(0x5317, 0x4eac), 2024, u(0x662f), u(0x662f), 480)
    names(zh) <- c(u(0x5730, 0x533a), u(0x5e74, 0x4efd), u(0x4e2d, 0x8003, 0x5347, 0x5b66, 0x8d44, 0x683c),
                   u(0x672c, 0x5e02, 0x6b63, 0x5f0f, 0x6237, 0x7c4d),
                   u(0x4e2d, 0x62db, 0x5f55, 0x53d6, 0x603b, 0x5206))
    z <- zj_check("gtpy.admission", zh)
    expect_false(z$eligible)
    expect_match(z$reasons_en, "480")
    w <- zj_gtpy_admission("beijing", 2024, score = c(480, 520, NA))
    expect_identical(w$outcome, c("ineligible", "undetermined", "undetermined"))
    d <- data.frame(id = 1:2, jurisdiction = factor("beijing"), year = 2023, score = c(489, 491))
    expect_identical(zj_check("gtpy.admission", d, has_qualification = TRUE,
                              beijing_hukou = TRUE)$eligible, c(FALSE, TRUE))
    expect_identical(nrow(zj_check("gtpy.admission", d[0, ])), 0L)
    expect_warning(zj_check("gtpy.admission", jurisdiction = "beijing", year = c(2023, 2024),
                            score = c(1, 2, 3)), "multiple")
    bad <- zj_gtpy_admission("beijing", 2024, score = 999)
    expect_identical(bad$status, "argument")
    expect_true(is.na(bad$eligible))
    expect_match(bad$reasons_en, "999")
    nl <- zj_gtpy_admission("beijing", 2024, list_column = FALSE)
    expect_false("reasons" %in% names(nl))
})

test_that("every check decides a row of missing values without failing", {
    ck <- zj_checks()
    for (i in seq_len(nrow(ck))) {
        jur <- if (grepl("^pzhz", ck$name[i])) "shandong" else "beijing"
        yr <- if (grepl("^pzhz", ck$name[i])) 2026 else 2024
        r <- zj_check(ck$name[i], jurisdiction = jur, year = yr)
        expect_identical(nrow(r), 1L, info = ck$name[i])
        expect_true(r$status %in% c("ok", "argument", "not_found"), info = ck$name[i])
        expect_true(nzchar(r$outcome), info = ck$name[i])
        expect_true(nrow(r$reasons[[1]]) >= 1L, info = ck$name[i])
        w <- get(ck$wrapper[i], envir = asNamespace("zhijiao"))
        req <- zj_check_fields(ck$name[i])
        args <- rep(list(NA), sum(req$required))
        names(args) <- req$field[req$required]
        args$jurisdiction <- jur
        args$year <- yr
        expect_identical(do.call(w, args)$outcome, r$outcome, info = ck$name[i])
    }
})

test_that("zj_check: bad arguments", {
    expect_arg_error(zj_check(1, list()), "check")
    expect_arg_error(zj_check(c("a", "b"), list()), "check")
    e <- tryCatch(zj_check("no.such"), zhijiao_error = function(e) e)
    expect_identical(e$code, "not_found")
    expect_arg_error(zj_check("gtpy.admission", "beijing"), "data")
    expect_arg_error(zj_check("gtpy.admission", list(1, 2)), "data")
    expect_arg_error(zj_check("gtpy.admission", NULL, "beijing"), "...")
    expect_arg_error(zj_check("gtpy.admission", list(score = list(1))), "data")
    two <- list(1, 2)
    names(two) <- c("score", u(0x4e2d, 0x62db, 0x5f55, 0x53d6, 0x603b, 0x5206))
    expect_arg_error(zj_check("gtpy.admission", two), "data")
    expect_arg_error(zj_check("gtpy.admission", list(score = as.raw(1))), "data")
    expect_arg_error(zj_check("gtpy.admission", list(score = 1), list_column = NA), "list_column")
    expect_arg_error(zj_check("gtpy.admission", list(score = 1), data_dir = 1), "data_dir")
})

test_that("printing a decision frame shows the number of reasons", {
    r <- zj_gtpy_admission("beijing", 2024, TRUE, TRUE, 520)
    expect_output(print(r), "<3 reasons>")
})

# issue 12: a long zj_check() must answer setTimeLimit() (and Ctrl-C)
# between chunks, not only after the whole .Call returns.  The interrupted
# run is compared with a full run of the same data: with a limit of a
# tenth of it, a .Call that never checked would still run to the end (the
# limit then fires afterwards), so anything well short of a full run shows
# the check; the margin is wide because the machine may be loaded.
test_that("zj_check() can be interrupted between chunks", {
  n <- 200000
  d <- data.frame(jurisdiction = "beijing", year = 2024,
                  has_qualification = "\u662f", beijing_hukou = "\u662f",
                  score = rep(c(520, 480), length.out = n))
  full <- system.time(res <- zj_check("gtpy.admission", d))[["elapsed"]]
  expect_equal(nrow(res), n)
  t0 <- proc.time()[["elapsed"]]
  err <- tryCatch({
    setTimeLimit(elapsed = full / 10, transient = TRUE)
    zj_check("gtpy.admission", d)
    NULL
  }, error = function(e) e, finally = setTimeLimit(elapsed = Inf))
  spent <- proc.time()[["elapsed"]] - t0
  expect_s3_class(err, "error")
  expect_match(conditionMessage(err), "time limit")
  expect_lt(spent, 0.8 * full)
})
