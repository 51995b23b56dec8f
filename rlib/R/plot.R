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
    sprintf("%g/%g", x$x, x$n)
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
    lab <- .zj_plot_labels(x, by)
    k <- if (percent) 100 else 1
    groups <- unique(lab)
    methods <- unique(x$method)
    nm <- length(methods)
    off <- if (nm > 1L) (seq_len(nm) - (nm + 1) / 2) * (0.6 / nm) else 0
    ypos <- match(lab, groups) + off[match(x$method, methods)]
    rng <- range(c(x$lower, x$upper) * k, na.rm = TRUE)
    if (!all(is.finite(rng))) rng <- c(0, k)
    if (is.null(xlab))
        xlab <- sprintf("%s (%s%% CI)", if (percent) "rate, %" else "rate",
                        paste(unique(format(100 * x$conf.level)), collapse = "/"))
    op <- graphics::par(mar = c(4.5, max(4, min(20, max(nchar(groups, "width")) * 0.6 + 1)), 2.5, 1))
    on.exit(graphics::par(op))
    graphics::plot.default(x$estimate * k, ypos, xlim = rng, ylim = c(0.5, length(groups) + 0.5),
                           yaxt = "n", pch = 19, col = match(x$method, methods),
                           xlab = xlab, ylab = "", main = main, ...)
    graphics::axis(2, at = seq_along(groups), labels = groups, las = 1)
    ok <- is.finite(x$lower) & is.finite(x$upper)
    graphics::segments(x$lower[ok] * k, ypos[ok], x$upper[ok] * k, ypos[ok],
                       col = match(x$method, methods)[ok], lwd = 2)
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
    d <- data.frame(label = .zj_plot_labels(object, by), estimate = object$estimate * k,
                    lower = object$lower * k, upper = object$upper * k,
                    method = object$method, stringsAsFactors = FALSE)
    d$label <- factor(d$label, levels = rev(unique(d$label)))
    ggplot2::ggplot(d, ggplot2::aes(x = estimate, y = label, colour = method,
                                    xmin = lower, xmax = upper)) +
        ggplot2::geom_pointrange(position = ggplot2::position_dodge(width = 0.5), na.rm = TRUE) +
        ggplot2::labs(x = if (percent) "rate, % (confidence interval)" else "rate (confidence interval)",
                      y = NULL, colour = "method")
}

# Columns named in aes() above.
utils::globalVariables(c("estimate", "label", "method", "lower", "upper"))
