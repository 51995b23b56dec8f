#' Refresh the official plan data from the education bureau's sites
#'
#' Runs the core's refresh pipeline (the same as \code{zhijiao refresh}):
#' it walks the notice lists of jw.beijing.gov.cn and bjeea.cn (or of a
#' mirror given in \code{base_url}), reads the 贯通培养 plans and "3+2"
#' project lists attached to them, normalizes and audits the tables, and
#' shows the rows added, removed and changed against the current snapshot.
#' Unless \code{dry_run} is \code{TRUE} it then replaces the snapshot
#' atomically (the previous version is kept); every function of this
#' package reads the refreshed tables after \code{zj_reload()}.
#'
#' TLS verification is always on, only the official hosts, the hosts of
#' \code{base_url} and \code{allow_hosts} are contacted, robots.txt is
#' honoured and requests are rate-limited per host.
#'
#' @param base_url Character: the roots of the sites (default: the two
#'   official sites); a mirror such as \code{"http://127.0.0.1:8080/jw"}.
#' @param allow_hosts Character: further hosts that may be contacted.
#' @param snapshot_dir,cache_dir \code{NULL} (the defaults: see
#'   \code{ZHIJIAO_SNAPSHOT} and \code{XDG_CACHE_HOME}) or a directory.
#' @param dry_run \code{TRUE} to compare only.
#' @param offline \code{TRUE} to use the download cache only.
#' @param rate_limit Requests per second per host; 0 for the default (2).
#' @return A list: \code{tables} (a data frame of the imported tables with
#'   their source URL, retrieval time and number of audit findings),
#'   \code{changes} (a data frame: \code{kind}, \code{table}, \code{key},
#'   \code{before}, \code{after}), \code{warnings} (pages or attachments
#'   that could not be used), \code{committed}, \code{version} and the
#'   request counts.
#' @examples
#' \dontrun{
#' r <- zj_refresh(dry_run = TRUE)
#' r$changes
#' }
#' @export
zj_refresh <- function(base_url = character(), allow_hosts = character(),
                       snapshot_dir = NULL, cache_dir = NULL,
                       dry_run = FALSE, offline = FALSE, rate_limit = 0) {
    base_url <- .zj_chr(base_url, "base_url")
    allow_hosts <- .zj_chr(allow_hosts, "allow_hosts")
    if (!is.null(snapshot_dir)) snapshot_dir <- .zj_string(snapshot_dir, "snapshot_dir")
    if (!is.null(cache_dir)) cache_dir <- .zj_string(cache_dir, "cache_dir")
    res <- .Call(zjr_refresh, base_url, allow_hosts, snapshot_dir, cache_dir,
                 .zj_flag(dry_run, "dry_run"), .zj_flag(offline, "offline"),
                 .zj_number1(rate_limit, "rate_limit"))
    if (isTRUE(res$committed)) zj_reload()
    res
}
