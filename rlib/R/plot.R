# Pictures of indicator results: estimates with their intervals.

.zj_plot_labels <- function(x, by) {
    if (!is.null(by)) {
        by <- .zj_string(by, "by")
        if (!by %in% names(x))
            .zj_arg_error("by", "\u7ed3\u679c\u4e2d\u7684\u5217",
                          sprintf("a column of the results (%s)", paste(names(x), collapse = ", ")))
        return(as.character(x[[by]]))
    }
    if (!is.null(x$group)) return(as.character(x$group))
    if (!is.null(x$x) && !is.null(x$n)) return(sprintf("%g/%g", x$x, x$n))
    as.character(seq_len(nrow(x)))
}

# The columns plot() and autoplot() need, from a zj_rates result whose
# columns may have been subset: a missing method or level is one method.
.zj_plot_data <- function(x, by, k) {
    n <- nrow(x)
    lab <- .zj_plot_labels(x, by)
    data.frame(label = lab, estimate = x$estimate * k,
               lower = if (is.null(x[["conf.low"]])) rep(NA_real_, n) else x[["conf.low"]] * k,
               upper = if (is.null(x[["conf.high"]])) rep(NA_real_, n) else x[["conf.high"]] * k,
               method = if (is.null(x$method)) rep("", n) else as.character(x$method),
               conf = if (is.null(x$conf.level)) rep(NA_real_, n) else x$conf.level,
               stringsAsFactors = FALSE)
}

#' Plot rates with their confidence intervals
#'
#' Draws each estimate as a point with its confidence interval as a bar,
#' one row per group (school, year, indicator), with base graphics; with
#' several methods, their intervals are drawn side by side.
#' \code{autoplot()} draws the same with \pkg{ggplot2} when it is installed.
#'
#' @param x,object a result of \code{\link{zj_rate}} or
#'   \code{\link{zj_pooled}}.
#' @param by the column that labels the rows (default: \code{group} when
#'   present, else \code{"x/n"}).
#' @param percent whether to show percentages rather than proportions.
#' @param main,xlab titles.
#' @param ... further arguments to \code{plot.default} (base) or ignored
#'   (\code{autoplot}).
#' @return \code{plot()}: invisibly, \code{x}.  \code{autoplot()}: a ggplot
#'   object.
#' @examples
#' r <- zj_rate(c(3138, 397), 3953, group = c("pass", "excellent"),
#'              method = c("wilson", "clopper-pearson"))
#' plot(r)
#' @export
plot.zj_rates <- function(x, by = NULL, percent = TRUE, main = NULL, xlab = NULL, ...) {
    percent <- .zj_flag(percent, "percent")
    if (is.null(x$estimate))
        .zj_arg_error("x", "\u542b estimate \u5217\u7684 zj_rates \u7ed3\u679c",
                      "a zj_rates result with its estimate column")
    k <- if (percent) 100 else 1
    d <- .zj_plot_data(x, by, k)
    groups <- unique(d$label)
    methods <- unique(d$method)
    nm <- length(methods)
    off <- if (nm > 1L) (seq_len(nm) - (nm + 1) / 2) * (0.6 / nm) else 0
    # first group at the top, as autoplot() draws it
    ypos <- length(groups) + 1 - match(d$label, groups) - off[match(d$method, methods)]
    rng <- range(c(d$lower, d$upper, d$estimate), na.rm = TRUE)
    if (!all(is.finite(rng))) rng <- c(0, k)
    if (is.null(xlab)) {
        lv <- unique(format(100 * d$conf[!is.na(d$conf)]))
        xlab <- if (length(lv))
            sprintf("%s (%s%% CI)", if (percent) "rate, %" else "rate", paste(lv, collapse = "/"))
        else if (percent) "rate, %" else "rate"
    }
    # the left margin fits the longest label (Chinese included): never clipped
    op <- graphics::par(no.readonly = TRUE)
    on.exit(graphics::par(op))
    left <- max(graphics::strwidth(groups, units = "inches", cex = graphics::par("cex.axis")))
    mai <- graphics::par("mai")
    graphics::par(mai = c(mai[1], left + 0.3, mai[3], mai[4]))
    col <- match(d$method, methods)
    graphics::plot.default(d$estimate, ypos, xlim = rng, ylim = c(0.5, length(groups) + 0.5),
                           yaxt = "n", pch = 19, col = col, xlab = xlab, ylab = "", main = main, ...)
    graphics::axis(2, at = rev(seq_along(groups)), labels = groups, las = 1)
    ok <- is.finite(d$lower) & is.finite(d$upper)
    graphics::segments(d$lower[ok], ypos[ok], d$upper[ok], ypos[ok], col = col[ok], lwd = 2)
    if (nm > 1L)
        graphics::legend("bottomright", legend = methods, col = seq_len(nm), pch = 19,
                         lwd = 2, bty = "n", cex = 0.8)
    invisible(x)
}

#' @rdname plot.zj_rates
#' @exportS3Method ggplot2::autoplot
autoplot.zj_rates <- function(object, by = NULL, percent = TRUE, ...) {
    if (!requireNamespace("ggplot2", quietly = TRUE))
        stop(.zj_condition("unsupported", "package ggplot2",
                           "\u9700\u8981\u5b89\u88c5 ggplot2 \u5305",
                           "autoplot() needs the ggplot2 package", call = sys.call()))
    percent <- .zj_flag(percent, "percent")
    k <- if (percent) 100 else 1
    d <- .zj_plot_data(object, by, k)
    d$label <- factor(d$label, levels = rev(unique(d$label)))
    one <- length(unique(d$method)) == 1L
    p <- ggplot2::ggplot(d, ggplot2::aes(x = estimate, y = label, colour = method,
                                         xmin = lower, xmax = upper)) +
        ggplot2::geom_pointrange(position = ggplot2::position_dodge(width = 0.5), na.rm = TRUE) +
        ggplot2::labs(x = if (percent) "rate, % (confidence interval)" else "rate (confidence interval)",
                      y = NULL, colour = "method")
    # one method: one meaning, so no legend
    if (one) p <- p + ggplot2::guides(colour = "none")
    p
}

# Columns named in aes() above.
utils::globalVariables(c("estimate", "label", "method", "lower", "upper"))
