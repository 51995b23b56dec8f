# Audits of published tables.

.zj_findings <- function(cols) .zj_df(cols, class = "zj_findings")

#' Do the parts of a table add up?
#'
#' \code{zj_audit()} checks a hierarchical table: every aggregate row
#' (subtotal or total) against the sum of the detail rows that share its
#' leading non-empty keys.  A missing detail that its total implies is
#' reported as \code{"derived"} with the implied value (the data is never
#' changed); other missing details are \code{"unresolved"}.
#'
#' When \code{kind} is \code{NULL}, a row with every key filled is a detail
#' and any other row an aggregate (the layout of a pivot table).
#'
#' @param data a data frame.
#' @param keys the key columns, outermost first (e.g.
#'   \code{c("programme", "school", "major")}).
#' @param value the value column (numeric, or text holding numbers; an
#'   empty cell or \code{NA} is missing).
#' @param kind optional: the name of a column holding \code{"detail"},
#'   \code{"subtotal"} or \code{"total"} (any case) or \enc{明细}{mingxi},
#'   \enc{小计}{xiaoji}, \enc{总计}{zongji} / \enc{合计}{heji} for each row.
#' @param table a name for the table, used in the findings.
#' @param row_numbers optional row numbers to report (e.g. CSV lines);
#'   default \code{seq_len(nrow(data))}.
#' @return A data frame of class \code{zj_findings}, one row per finding:
#'   \code{table}, \code{row}, \code{column}, \code{kind}
#'   (\code{"sum_mismatch"}, \code{"derived"}, \code{"unresolved"},
#'   \code{"count_mismatch"}, \code{"percent_unachievable"},
#'   \code{"orphan_total"}, \code{"weighted_mean_mismatch"},
#'   \code{"parts_not_all_stated"}), \code{expected}, \code{found},
#'   \code{message_zh}, \code{message_en}.  No rows: the table adds up.
#' @examples
#' plan <- zj_table("gtpy_plan_2023")
#' zj_audit(plan, c("programme", "school", "major"), "places",
#'          kind = "row_kind", table = "gtpy_plan_2023")[, c("row", "kind", "expected")]
#' @export
zj_audit <- function(data, keys, value, kind = NULL, table = "", row_numbers = NULL) {
    if (!is.data.frame(data))
        .zj_arg_error("data", sprintf("\u6570\u636e\u6846\uff08\u73b0\u4e3a %s\uff09", .zj_type(data)),
                      sprintf("a data frame (got %s)", .zj_type(data)))
    keys <- .zj_chr(keys, "keys")
    value <- .zj_string(value, "value")
    table <- .zj_string(table, "table")
    miss <- setdiff(c(keys, value, kind), names(data))
    if (length(miss) || !length(keys))
        .zj_arg_error(if (length(miss) && !miss[1L] %in% keys) "value" else "keys",
                      sprintf("data \u4e2d\u7684\u5217\uff08\u7f3a\u5c11\uff1a%s\uff09",
                              paste(miss, collapse = ", ")),
                      sprintf("columns of data (missing: %s)", paste(miss, collapse = ", ")))
    v <- data[[value]]
    if (is.character(v) || is.factor(v)) {
        v <- as.character(v)
        num <- suppressWarnings(as.double(v))
        bad <- !is.na(v) & nzchar(trimws(v)) & is.na(num)
        if (any(bad))
            .zj_arg_error("value", sprintf("\u5217 %s \u4e3a\u6570\u5b57\uff08\u7b2c %d \u884c\u4e3a\u201c%s\u201d\uff09",
                                  value, which(bad)[1L], v[bad][1L]),
                          sprintf("numbers in column %s (row %d is \"%s\")",
                                           value, which(bad)[1L], v[bad][1L]))
        v <- num
    } else {
        v <- .zj_num(v, "value")
    }
    key_cols <- lapply(keys, function(k) {
        x <- .zj_chr(data[[k]], "keys")
        x[is.na(x)] <- ""
        x
    })
    kinds <- NULL
    if (!is.null(kind)) {
        kind <- .zj_string(kind, "kind")
        # read by the library (zj_row_kind_parse), as the CLI and Calc read them
        kinds <- enc2utf8(as.character(data[[kind]]))
    }
    if (!is.null(row_numbers)) {
        row_numbers <- .zj_int(row_numbers, "row_numbers")
        if (length(row_numbers) != nrow(data))
            .zj_arg_error("row_numbers", "\u6bcf\u884c\u4e00\u4e2a\u884c\u53f7",
                          "one number per row of data")
    }
    .zj_findings(.Call(zjr_audit_sums, table, value, key_cols, kinds, v, row_numbers))
}

#' Components against a stated total; achievable percentages
#'
#' \code{zj_audit_components()} checks that parts add up to a stated total
#' (e.g. \enc{应届}{new graduates} 6815 + \enc{三年内}{within three years}
#' 11191 against 17520 graduates).  \code{zj_audit_percentage()} checks
#' whether a published percentage with \code{decimals} places is achievable
#' as \eqn{100 k / n} for a whole \eqn{k} (either rounding convention),
#' vectorised over its arguments.
#'
#' @param parts the components (\code{NA} = missing: derived when it is the
#'   only one, otherwise unresolved).
#' @param total the stated total.
#' @param labels optional labels of the parts.
#' @param table,column names used in the findings.
#' @param row the row number reported in the findings.
#' @return \code{zj_audit_components()}: a \code{zj_findings} data frame
#'   (see \code{\link{zj_audit}}).  \code{zj_audit_percentage()}: a data
#'   frame with \code{percent}, \code{n}, \code{decimals},
#'   \code{achievable}, \code{status}, \code{reason_zh}, \code{reason_en},
#'   and the findings as attribute \code{"findings"}.
#' @examples
#' zj_audit_components(c(6815, 11191), 17520, labels = c("new", "3y"))
#' zj_audit_percentage(c(95.00, 96.79), c(8830, 17520))
#' @export
zj_audit_components <- function(parts, total, labels = NULL, table = "",
                                column = "", row = 0) {
    parts <- .zj_num(parts, "parts")
    total <- .zj_number1(total, "total")
    if (!is.null(labels)) {
        labels <- .zj_chr(labels, "labels")
        if (length(labels) != length(parts))
            .zj_arg_error("labels", "\u6bcf\u4e2a\u90e8\u5206\u4e00\u4e2a\u6807\u7b7e", "one label per part")
    }
    row <- .zj_int(.zj_number1(row, "row"), "row")
    .zj_findings(.Call(zjr_audit_components, .zj_string(table, "table"),
                       .zj_string(column, "column"), row, labels, parts, total))
}

#' @rdname zj_audit_components
#' @param percent published percentages (e.g. \code{95.26}).
#' @param n the numbers they are percentages of.
#' @param decimals decimal places of the published percentages.
#' @export
zj_audit_percentage <- function(percent, n, decimals = 2, table = "", column = "",
                                row = 0) {
    a <- .zj_recycle(list(percent = .zj_num(percent, "percent"), n = .zj_num(n, "n"),
                          decimals = .zj_int(decimals, "decimals"),
                          row = .zj_int(row, "row")))
    r <- .Call(zjr_audit_percentage, .zj_string(table, "table"), .zj_string(column, "column"),
               a$row, a$percent, a$n, a$decimals)
    out <- .zj_df(c(a[c("percent", "n", "decimals")], r[c("achievable", "status",
                                                          "reason_zh", "reason_en")]))
    attr(out, "findings") <- .zj_findings(r$findings)
    out
}

#' Audit a bundled table
#'
#' Runs every audit that the table manifest declares for a bundled table
#' (sums of plan tables, stated counts, achievable percentages, components
#' against totals), as \code{zhijiao audit} does.
#'
#' @param name table name(s); default every table of \code{\link{zj_tables}()}.
#' @param data_dir the data directory; \code{NULL} for \code{\link{zj_data_dir}()}.
#' @return A \code{zj_findings} data frame (see \code{\link{zj_audit}}) of
#'   all the tables' findings.
#' @examples
#' f <- zj_audit_table()
#' table(f$table, f$kind)
#' @export
zj_audit_table <- function(name = NULL, data_dir = NULL) {
    h <- .zj_handle(data_dir)
    if (is.null(name)) name <- .Call(zjr_tables, h)$name
    name <- .zj_chr(name, "name")
    if (anyNA(name))
        .zj_arg_error("name", "\u4e0d\u542b NA \u7684\u8868\u540d", "table names without NA")
    parts <- lapply(name, function(t) .Call(zjr_table_audit, h, t))
    cols <- if (length(parts)) .zj_stack(parts)
            else lapply(.zj_findings_empty(), identity)
    .zj_findings(cols)
}

.zj_findings_empty <- function() {
    list(table = character(), row = integer(), column = character(), kind = character(),
         expected = double(), found = double(), message_zh = character(),
         message_en = character())
}

#' @export
print.zj_findings <- function(x, ...) {
    if (!nrow(x)) {
        cat("No findings: the table adds up.\n")
        return(invisible(x))
    }
    print.data.frame(x, ...)
    invisible(x)
}
