# r-bench.R — `make bench-r`: the R package against base R.
#
#  (1) gtpy.admission with reasons for BENCH_ROWS (default 1,000,000)
#      candidates: zj_check() against the best vectorised base-R version of
#      the same rule that produces the same columns (checked equal);
#      goal >= 3x.
#  (2) Wilson intervals for BENCH_GROUPS (default 100,000) groups: zj_rate()
#      against prop.test() per group (goal >= 100x; timed on a subset of
#      PROPTEST_GROUPS groups and scaled, since the full loop takes minutes)
#      and against a vectorised base-R Wilson formula (goal: not slower).
#
# Timings are the median of BENCH_REPEAT runs (default 5) with bench::mark
# when the bench package is installed, else the median of system.time().
suppressPackageStartupMessages(library(zhijiao))
rows <- as.integer(Sys.getenv("BENCH_ROWS", "1000000"))
groups <- as.integer(Sys.getenv("BENCH_GROUPS", "100000"))
pt_groups <- as.integer(Sys.getenv("PROPTEST_GROUPS", "5000"))
repeat_n <- as.integer(Sys.getenv("BENCH_REPEAT", "5"))
have_bench <- requireNamespace("bench", quietly = TRUE)

timeit <- function(f) {
    if (have_bench) {
        m <- bench::mark(f(), iterations = repeat_n, check = FALSE, memory = FALSE,
                         filter_gc = FALSE)
        as.numeric(m$median)
    } else {
        median(replicate(repeat_n, system.time(f())[["elapsed"]]))
    }
}

# ---- (1) eligibility with reasons -------------------------------------------
# Candidates drawn like bench/gen-candidates.awk: both years, 北京 and
# beijing, 是/否/1/empty flags, scores 380-679 (half points, one "缺考",
# and scores above the 2023 scale).
set.seed(20240417)
r <- sample.int(1000L, rows, replace = TRUE) - 1L
cand <- data.frame(
    jurisdiction = ifelse(r %% 11L == 0L, "\u5317\u4eac", "beijing"),
    year = ifelse(r %% 2L == 1L, "2024", "2023"),
    has_qualification = ifelse(r %% 17L == 0L, "\u5426", ifelse(r %% 53L == 0L, "", "\u662f")),
    beijing_hukou = ifelse(r %% 13L == 0L, "\u5426", ifelse(r %% 5L == 0L, "1", "\u662f")),
    score = ifelse(r == 999L, "\u7f3a\u8003",
                   as.character(380 + sample.int(300L, rows, replace = TRUE) - 1 +
                                ifelse(r %% 97L == 0L, 0.5, 0))),
    stringsAsFactors = FALSE)

# The same rule in vectorised base R, parameters hard-coded (as
# bench/admission.awk does), producing the CLI's/zj_check()'s columns.
# Written for speed as a careful R programmer would: no nested ifelse()
# (index assignment and lookup vectors instead), and paste0() only on the
# rows whose text it makes.  (An earlier version built every text for
# every row with nested ifelse() and took 1.5 to 2 times as long for the
# same output, which flattered zhijiao.)  Neither side deduplicates
# input rows: both decide every row.
base_admission <- function(d) {
    n <- nrow(d)
    min_score <- 490
    y24 <- d$year == "2024"
    yi <- y24 + 1L                       # 1 = 2023, 2 = 2024
    scale <- c(660, 670)[yi]
    total <- c("660", "670")[yi]
    src24 <- "\u300a2024\u5e74\u8d2f\u901a\u57f9\u517b 10\u6821\u62db\u751f 1375\u4eba\u300b\uff08\u5317\u4eac\u6559\u80b2\u62a5\uff0c2024\u5e744\u6708\uff09 \u7b2c4\u6bb5 (2024-04)"
    src_flag <- c("\u4eac\u6559\u804c\u6210\u30142023\u30156\u53f7 \u4e09(\u4e00)1 (2023-04-07)", src24)[yi]
    src_score <- c("\u4eac\u6559\u804c\u6210\u30142023\u30156\u53f7 \u4e09(\u4e00)2 (2023-04-07)", src24)[yi]
    yes <- c("\u662f", "1", "true", "yes", "y")
    flag <- function(v) {
        r <- as.integer(v %in% yes)
        r[v == ""] <- NA_integer_
        r
    }
    q <- flag(d$has_qualification)
    h <- flag(d$beijing_hukou)
    s <- suppressWarnings(as.numeric(d$score))
    s_missing <- d$score == ""
    not_num <- !s_missing & is.na(s)
    oor <- !s_missing & !not_num & (s < 0 | s > scale)
    invalid <- not_num | oor
    st <- as.character(s)
    # a flag's message: lookup by NA / 0 / 1
    flag_msg <- function(v, what_zh, what_en) {
        i <- v + 2L
        i[is.na(i)] <- 1L
        list(met = v,
             zh = c(paste0("\u672a\u63d0\u4f9b\u662f\u5426\u5177\u6709", what_zh, "\uff0c\u65e0\u6cd5\u5224\u5b9a"),
                    paste0("\u4e0d\u5177\u6709", what_zh, "\uff0c\u4e0d\u80fd\u62a5\u8003"),
                    paste0("\u5177\u6709", what_zh))[i],
             en = c(paste0("not stated whether the candidate has ", what_en),
                    paste0("does not have ", what_en, ", so may not apply"),
                    paste0("has ", what_en))[i])
    }
    rq <- flag_msg(q, "\u5f53\u5e74\u4e2d\u8003\u5347\u5b66\u8d44\u683c", "the year's \u4e2d\u8003 progression qualification")
    rh <- flag_msg(h, "\u672c\u5e02\u6b63\u5f0f\u6237\u7c4d", "a formal Beijing household registration (\u672c\u5e02\u6b63\u5f0f\u6237\u7c4d)")
    sm <- as.integer(s >= min_score)
    sm[s_missing] <- NA_integer_
    rs_zh <- rs_en <- character(n)
    w <- which(s_missing)
    rs_zh[w] <- paste0("\u672a\u63d0\u4f9b\u4e2d\u62db\u5f55\u53d6\u603b\u5206\uff0c\u65e0\u6cd5\u5224\u5b9a\u662f\u5426\u8fbe\u5230 490 \u5206\uff08", d$year[w], " \u5e74\u603b\u5206 ", total[w], " \u5206\uff09")
    rs_en[w] <- paste0("no score given: cannot tell whether it reaches 490 (of ", d$year[w], "'s ", total[w], "-point scale)")
    w <- which(!s_missing)
    reach <- (sm[w] == 1L) + 1L
    rs_zh[w] <- paste0("\u4e2d\u62db\u5f55\u53d6\u603b\u5206 ", st[w], " \u5206\uff0c", c("\u4f4e\u4e8e", "\u8fbe\u5230")[reach],
                       "\u6700\u4f4e\u5f55\u53d6\u5206\u6570\u7ebf 490 \u5206\uff08", d$year[w], " \u5e74\u4e2d\u8003\u603b\u5206 ", total[w], " \u5206\uff09")
    rs_en[w] <- paste0("score ", st[w], c(" is below", " reaches")[reach], " the minimum of 490 (",
                       d$year[w], " scale: ", total[w], " points)")
    rs <- list(met = sm, zh = rs_zh, en = rs_en)
    unmet <- (rq$met %in% 0L) | (rh$met %in% 0L) | (rs$met %in% 0L)
    unknown <- is.na(rq$met) | is.na(rh$met) | is.na(rs$met)
    # 1 invalid_input, 2 ineligible, 3 undetermined, 4 eligible
    oc <- rep(4L, n)
    oc[unknown] <- 3L
    oc[unmet] <- 2L
    oc[invalid] <- 1L
    eligible <- c(NA, FALSE, NA, TRUE)[oc]
    outcome <- c("invalid_input", "ineligible", "undetermined", "eligible")[oc]
    outcome_zh <- c("\u8f93\u5165\u6709\u8bef", "\u4e0d\u7b26\u5408\u62a5\u8003\u6761\u4ef6", "\u65e0\u6cd5\u5224\u5b9a",
                    "\u7b26\u5408\u62a5\u8003\u6761\u4ef6")[oc]
    # decisive reasons: all when eligible, the unmet when not, the unknown when undetermined
    keep <- function(m) {
        k <- is.na(m)
        k[oc == 4L] <- TRUE
        i <- oc == 2L
        k[i] <- m[i] %in% 0L
        k
    }
    kq <- keep(rq$met); kh <- keep(rh$met); ks <- keep(rs$met)
    join <- function(a, b, c) {
        a <- rep_len(a, n); b <- rep_len(b, n); c <- rep_len(c, n)
        out <- character(n)
        out[kq] <- a[kq]
        i <- which(kh); after <- kq[i]
        out[i[after]] <- paste0(out[i[after]], " | ", b[i[after]])
        out[i[!after]] <- b[i[!after]]
        i <- which(ks); after <- kq[i] | kh[i]
        out[i[after]] <- paste0(out[i[after]], " | ", c[i[after]])
        out[i[!after]] <- c[i[!after]]
        out
    }
    codes <- join("GTPY.ADMISSION.QUALIFICATION", "GTPY.ADMISSION.HUKOU", "GTPY.ADMISSION.MIN_SCORE")
    rzh <- join(rq$zh, rh$zh, rs$zh)
    ren <- join(rq$en, rh$en, rs$en)
    srcs <- join(src_flag, src_flag, src_score)
    # invalid rows: the input error alone
    codes[not_num] <- "INPUT.NOT_A_NUMBER"
    rzh[not_num] <- paste0("\u201c\u4e2d\u62db\u5f55\u53d6\u603b\u5206\u201d\uff08score\uff09\u5e94\u4e3a\u6570\u5b57\uff0c\u5b9e\u9645\u4e3a\u201c", d$score[not_num], "\u201d")
    ren[not_num] <- paste0("field \u4e2d\u62db\u5f55\u53d6\u603b\u5206 (score) must be a number, got \"", d$score[not_num], "\"")
    codes[oor] <- "INPUT.OUT_OF_RANGE"
    rzh[oor] <- paste0("\u4e2d\u62db\u5f55\u53d6\u603b\u5206 ", st[oor], " \u8d85\u51fa ", d$year[oor], " \u5e74\u4e2d\u8003\u603b\u5206\u8303\u56f4\uff080\u2013", total[oor], " \u5206\uff09")
    ren[oor] <- paste0("score ", st[oor], " is outside the ", d$year[oor], " \u4e2d\u8003 scale (0\u2013", total[oor], " points)")
    srcs[invalid] <- ""
    data.frame(eligible = eligible, outcome = outcome, outcome_zh = outcome_zh,
               reason_codes = codes, reasons_zh = rzh, reasons_en = ren, sources = srcs,
               stringsAsFactors = FALSE)
}

cols <- c("eligible", "outcome", "outcome_zh", "reason_codes", "reasons_zh", "reasons_en", "sources")
zj_out <- as.data.frame(zj_check("gtpy.admission", cand, list_column = FALSE))[cols]
base_out <- base_admission(cand)
same <- identical(unname(as.list(zj_out)), unname(as.list(base_out)))
if (!same) {
    bad <- which(Reduce(`|`, Map(function(a, b) !(a %in% b & b %in% a) | a != b | is.na(a) != is.na(b),
                                 zj_out, base_out)))
    cat("bench-r: base R and zhijiao disagree on", length(bad), "rows, e.g.\n")
    print(rbind(zj_out[bad[1], ], base_out[bad[1], ]))
    quit(status = 1)
}
t_zj <- timeit(function() zj_check("gtpy.admission", cand, list_column = FALSE))
t_zj_list <- timeit(function() zj_check("gtpy.admission", cand))
t_base <- timeit(function() base_admission(cand))
cat(sprintf("(1) gtpy.admission with reasons, %d rows (outcomes: %s)\n", rows,
            paste(sprintf("%s %d", names(table(zj_out$outcome)), table(zj_out$outcome)), collapse = ", ")))
cat(sprintf("    zj_check(list_column = FALSE)  %7.3f s\n", t_zj))
cat(sprintf("    zj_check(), with the list col  %7.3f s\n", t_zj_list))
cat(sprintf("    base R, vectorised             %7.3f s  (same output: yes)\n", t_base))
cat(sprintf("    base R / zhijiao:              %7.2fx  (goal >= 3x)\n", t_base / t_zj))

# ---- (2) Wilson intervals ----------------------------------------------------
n <- sample(20:5000, groups, replace = TRUE)
x <- vapply(n, function(k) sample.int(k + 1L, 1L) - 1, numeric(1))
# The score interval as a careful R programmer vectorises it: z^2/n once,
# clipping by index, and the data frame made directly (data.frame() checks
# its arguments at some cost).  An earlier version recomputed z^2/n and
# went through pmax()/pmin() and data.frame(), about a quarter slower
# (which flattered zhijiao).
wilson_base <- function(x, n, conf.level = 0.95) {
    z <- qnorm(1 - (1 - conf.level) / 2)
    z2n <- z^2 / n
    p <- x / n
    den <- 1 + z2n
    centre <- (p + z2n / 2) / den
    half <- z * sqrt(p * (1 - p) / n + z2n / (4 * n)) / den
    lower <- centre - half
    lower[lower < 0] <- 0
    upper <- centre + half
    upper[upper > 1] <- 1
    structure(list(x = x, n = n, estimate = p, lower = lower, upper = upper),
              class = "data.frame", row.names = c(NA, -length(x)))
}
prop_loop <- function(x, n) {
    ci <- vapply(seq_along(x), function(i) prop.test(x[i], n[i], correct = FALSE)$conf.int,
                 numeric(2))
    data.frame(x = x, n = n, estimate = x / n, lower = ci[1, ], upper = ci[2, ])
}
z <- zj_rate(x, n)
wb <- wilson_base(x, n)
sub <- seq_len(min(pt_groups, groups))
pl <- suppressWarnings(prop_loop(x[sub], n[sub]))
stopifnot(isTRUE(all.equal(z$conf.low, wb$lower, tolerance = 1e-9)),
          isTRUE(all.equal(z$conf.low[sub], pl$lower, tolerance = 1e-9)),
          isTRUE(all.equal(z$conf.high[sub], pl$upper, tolerance = 1e-9)))
t_rate <- timeit(function() zj_rate(x, n))
t_wb <- timeit(function() wilson_base(x, n))
t_pt <- median(replicate(max(1L, repeat_n %/% 2L),
                         system.time(suppressWarnings(prop_loop(x[sub], n[sub])))[["elapsed"]])) *
        groups / length(sub)
cat(sprintf("(2) Wilson intervals, %d groups\n", groups))
cat(sprintf("    zj_rate()                      %7.4f s\n", t_rate))
cat(sprintf("    base R Wilson formula          %7.4f s\n", t_wb))
cat(sprintf("    prop.test() per group          %7.2f s  (%d groups timed, scaled)\n", t_pt, length(sub)))
cat(sprintf("    prop.test loop / zhijiao:      %7.0fx  (goal >= 100x)\n", t_pt / t_rate))
cat(sprintf("    base formula / zhijiao:        %7.2fx  (goal >= 1x: not slower)\n", t_wb / t_rate))
cat(sprintf("timing: %s, median of %d runs\n", if (have_bench) "bench::mark" else "system.time", repeat_n))
