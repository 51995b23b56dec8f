# The count behind a published percentage.

#' The count behind a published percentage
#'
#' Quality reports print percentages of a number of respondents, not the
#' counts: \enc{在校生满意度}{student satisfaction} 95.00 \% of 8830.  This
#' gives the whole number nearest to \code{percent * n / 100}, computed by
#' the library exactly (as \code{zhijiao demo} and the Calc add-in's
#' \code{ZJ.PERCENT.COUNT} do), an exact half going to the even count
#' (GB/T 8170, as \code{round()}; \code{zhijiao.h} explains why).  Use it
#' instead of \code{round(percent / 100 * n)}, whose floating-point product
#' can miss an exact half.
#'
#' @param percent published percentages (0 to 100).
#' @param n the numbers they are percentages of (counts > 0).
#' @param decimals the decimal places the percentages were printed with
#'   (0 to 6); a percentage with more places is an error.
#' @return A numeric vector of counts (\code{NA} where an input is
#'   \code{NA}); a bad element is an error of class \code{zhijiao_error}.
#' @examples
#' zj_count_from_percent(95.00, 8830)
#' sat <- zj_table("satisfaction_2024")
#' zj_count_from_percent(sat$rate_pct, sat$respondents)
#' @export
zj_count_from_percent <- function(percent, n, decimals = 2) {
    a <- .zj_recycle(list(percent = .zj_num(percent, "percent"),
                          n = .zj_num(n, "n"),
                          decimals = .zj_int(decimals, "decimals")))
    .Call(zjr_count_from_percent, a$percent, a$n, a$decimals)
}
