# Score summaries, plain ratios, composites and grade distributions.

# Stacks one-row column lists (from .Call) into columns.
.zj_stack <- function(rows) {
    proto <- rows[[1L]]
    cols <- lapply(names(proto), function(k) unlist(lapply(rows, `[[`, k), use.names = FALSE))
    names(cols) <- names(proto)
    cols
}

#' Score summaries: pass and excellence rates
#'
#' Summarises test scores as the quality reports do: the number of valid and
#' missing scores (\code{NA} is a missing score, e.g. an absent candidate),
#' mean, standard deviation, range, and the pass and excellence rates at
#' the given marks (a score is a pass when \code{score >= pass_mark}).
#' With \code{by}, one row per group.  Add intervals with
#' \code{zj_rate(passed, valid)}.
#'
#' @param scores a numeric vector of scores.
#' @param pass_mark,excellent_mark the marks (defaults 60 and 85).
#' @param by optional grouping (a vector, or a data frame of columns) of
#'   the scores.
#' @return A data frame: the grouping columns (with \code{by}),
#'   \code{valid}, \code{missing}, \code{mean}, \code{sd}, \code{min},
#'   \code{max}, \code{passed}, \code{excellent}, \code{pass_rate},
#'   \code{excellent_rate}, \code{pass_mark}, \code{excellent_mark},
#'   \code{status}, \code{reason_zh}, \code{reason_en}.
#' @examples
#' zj_scores(c(45, 60, 72, 88, NA, 91))
#' zj_scores(c(45, 60, 72, 88, NA, 91), by = c(1, 1, 1, 2, 2, 2))
#' @export
zj_scores <- function(scores, pass_mark = 60, excellent_mark = 85, by = NULL) {
    scores <- .zj_num(scores, "scores")
    pass_mark <- .zj_number1(pass_mark, "pass_mark")
    excellent_mark <- .zj_number1(excellent_mark, "excellent_mark")
    groups <- .zj_groups(by, length(scores))
    rows <- lapply(groups, function(i)
        .Call(zjr_scores, scores[i], pass_mark, excellent_mark))
    cols <- if (length(rows)) .zj_stack(rows)
            else lapply(.Call(zjr_scores, double(), pass_mark, excellent_mark), `[`, 0L)
    .zj_df(c(.zj_group_labels(by, groups), cols))
}

#' Plan completion, progression and transfer rates
#'
#' Plain quotients of head counts, checked by the library: plan completion
#' (\code{actual / plan}, which may exceed 1),
#' \enc{升学}{progression} rates of a graduating cohort (to
#' \enc{专科}{zhuanke}, to \enc{本科}{benke}, and in total; the two may not
#' exceed the graduates), and the \enc{转段}{transfer} rate of a cohort.  All
#' arguments are recycled; an element that cannot be computed gives
#' \code{NA} with the reason.
#'
#' @param actual,plan actual and planned enrolment.
#' @return A data frame with the inputs, the rate(s), \code{status},
#'   \code{reason_zh} and \code{reason_en}.
#' @examples
#' zj_completion(928, 894)
#' zj_progression(497, 327, 166)
#' zj_transfer_rate(c(95, 40), c(100, 0))
#' @export
zj_completion <- function(actual, plan) {
    a <- .zj_recycle(list(actual = .zj_num(actual, "actual"), plan = .zj_num(plan, "plan")))
    .zj_df(c(a, .Call(zjr_completion, a$actual, a$plan)))
}

#' @rdname zj_completion
#' @param graduates,to_zhuanke,to_benke the cohort and those who went on to
#'   \enc{专科}{zhuanke} and to \enc{本科}{benke}.
#' @export
zj_progression <- function(graduates, to_zhuanke, to_benke) {
    a <- .zj_recycle(list(graduates = .zj_num(graduates, "graduates"),
                          to_zhuanke = .zj_num(to_zhuanke, "to_zhuanke"),
                          to_benke = .zj_num(to_benke, "to_benke")))
    .zj_df(c(a, .Call(zjr_progression, a$graduates, a$to_zhuanke, a$to_benke)))
}

#' @rdname zj_completion
#' @param transferred,cohort those who transferred and the eligible cohort.
#' @export
zj_transfer_rate <- function(transferred, cohort) {
    a <- .zj_recycle(list(transferred = .zj_num(transferred, "transferred"),
                          cohort = .zj_num(cohort, "cohort")))
    .zj_df(c(a, .Call(zjr_transfer, a$transferred, a$cohort)))
}

#' Weighted composite scores
#'
#' The weighted sum of component scores, row by row, e.g. the 30/30/10/30
#' \enc{转段}{transfer} evaluation.  Weights must be finite, non-negative and
#' sum to 1 (within 1e-9), otherwise the call fails with a
#' \code{zhijiao_error}; a row with a missing component gives \code{NA} with
#' the reason.
#'
#' @param scores a numeric matrix or data frame, one column per component.
#' @param weights the weights, one per column.
#' @return A data frame: \code{composite}, \code{status}, \code{reason_zh},
#'   \code{reason_en}.
#' @examples
#' s <- data.frame(theory = c(80, 90), skill = c(70, NA),
#'                 conduct = c(95, 90), project = c(60, 88))
#' zj_composite(s, c(0.3, 0.3, 0.1, 0.3))
#' @export
zj_composite <- function(scores, weights) {
    if (is.data.frame(scores)) {
        ok <- vapply(scores, function(x) is.numeric(x) || (is.logical(x) && all(is.na(x))), NA)
        if (!all(ok))
            .zj_arg_error("scores", "\u53ea\u542b\u6570\u503c\u5217",
                          "numeric columns only")
        scores <- as.matrix(scores)
    }
    if (is.numeric(scores) && is.null(dim(scores)))
        scores <- matrix(scores, nrow = 1L)
    if (!(is.numeric(scores) || is.logical(scores)) || length(dim(scores)) != 2L)
        .zj_arg_error("scores", "\u6570\u503c\u77e9\u9635\u6216\u6570\u636e\u6846",
                      "a numeric matrix or data frame")
    storage.mode(scores) <- "double"
    weights <- .zj_num(weights, "weights")
    if (length(weights) != ncol(scores))
        .zj_arg_error("weights", sprintf("%d \u4e2a\u6743\u91cd\uff08\u6bcf\u5217\u4e00\u4e2a\uff09", ncol(scores)),
                      sprintf("%d weights, one per column of scores", ncol(scores)))
    .zj_df(.Call(zjr_composite, scores, weights))
}

#' Grade distributions
#'
#' Counts the monitoring grades (\code{A+} ... \code{C-}) and the conclusions
#' (\enc{通过}{pass} and \enc{黄牌}{yellow card}) of a table such as the
#' 2021--2023 new-major monitoring results.  Unknown text is an error of the
#' group, reported in \code{reason_*}; \code{NA} or \code{""} is missing.
#'
#' @param grade a character vector of grades.
#' @param conclusion an optional character vector of conclusions.
#' @param by optional grouping (a vector, or a data frame of columns).
#' @return A data frame: the grouping columns (with \code{by}), one count
#'   per grade (\code{A+} ... \code{C-}), \code{passed}, \code{yellow},
#'   \code{missing}, \code{total}, \code{pass_share} (passed / (passed +
#'   yellow)), \code{status}, \code{reason_zh}, \code{reason_en}.
#' @examples
#' m <- zj_table("majors_monitoring_2024")
#' zj_grades(m$grade, m$conclusion)
#' @export
zj_grades <- function(grade, conclusion = NULL, by = NULL) {
    grade <- .zj_chr(grade, "grade")
    if (!is.null(conclusion)) {
        conclusion <- .zj_chr(conclusion, "conclusion")
        if (length(conclusion) != length(grade))
            .zj_arg_error("conclusion", "\u6bcf\u4e2a\u7b49\u7ea7\u4e00\u4e2a\u7ed3\u8bba",
                          "one conclusion per grade")
    }
    groups <- .zj_groups(by, length(grade))
    rows <- lapply(groups, function(i)
        .Call(zjr_grades, grade[i], if (is.null(conclusion)) NULL else conclusion[i]))
    cols <- if (length(rows)) .zj_stack(rows)
            else lapply(.Call(zjr_grades, character(), NULL), `[`, 0L)
    .zj_df(c(.zj_group_labels(by, groups), cols))
}
