#' zhijiao: rules and statistics of Chinese vocational education
#'
#' Every function of this package is a thin \code{.Call} into
#' \code{libzhijiao}, the C library behind the \code{zhijiao} command-line
#' tool and the Calc add-in: the three give the same answers, because no
#' rule, formula or table is re-implemented in R.
#'
#' \itemize{
#'   \item Rule decisions with reasons and sources: \code{\link{zj_check}},
#'     \code{\link{zj_checks}} and one wrapper per check, e.g.
#'     \code{\link{zj_gtpy_admission}}.
#'   \item Rates with confidence intervals: \code{\link{zj_rate}},
#'     \code{\link{zj_pooled}}, \code{\link{zj_rate_diff}}.
#'   \item Other indicators: \code{\link{zj_scores}},
#'     \code{\link{zj_completion}}, \code{\link{zj_progression}},
#'     \code{\link{zj_transfer_rate}}, \code{\link{zj_composite}},
#'     \code{\link{zj_grades}}.
#'   \item Audits of published tables: \code{\link{zj_audit}},
#'     \code{\link{zj_audit_components}}, \code{\link{zj_audit_percentage}},
#'     \code{\link{zj_audit_table}}.
#'   \item The bundled official tables: \code{\link{zj_tables}},
#'     \code{\link{zj_table}}, \code{\link{zj_plan}}.
#' }
#'
#' Errors are conditions of class \code{zhijiao_error} with fields
#' \code{code}, \code{where}, \code{message_zh} and \code{message_en}; the
#' condition's message holds both, Chinese first.
#' All text is returned as UTF-8.
#'
#' @section Options:
#' \describe{
#'   \item{\code{zhijiao.data_dir}}{the data directory (rule files and
#'     tables) used when a function's \code{data_dir} argument is
#'     \code{NULL}; see \code{\link{zj_data_dir}}.}
#' }
#' @keywords internal
#' @useDynLib zhijiao, .registration = TRUE
#' @importFrom utils globalVariables
"_PACKAGE"

.onUnload <- function(libpath) {
    .zj_close_all()
    library.dynam.unload("zhijiao", libpath)
}
