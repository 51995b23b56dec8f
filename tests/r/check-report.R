# check-report.R — `make report`'s test: both documents were produced,
# carry the key figures, and the figures are those of `zhijiao demo`.
#
#   Rscript tests/r/check-report.R REPORT_DIR ZHIJIAO_CLI
#
# REPORT_DIR holds zhijiao-report.html, zhijiao-report.docx and
# report-figures.csv (written by samples/report.Rmd).  Exit 0 when all
# agree, 1 listing what does not.
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
cli <- args[2]
bad <- character()
fail <- function(...) bad <<- c(bad, sprintf(...))

html <- file.path(dir, "zhijiao-report.html")
docx <- file.path(dir, "zhijiao-report.docx")
for (f in c(html, docx)) if (!file.exists(f) || file.size(f) < 1000) fail("missing or empty: %s", f)
if (length(bad)) { writeLines(bad); quit(status = 1) }

text_of_docx <- function(f) {
    tmp <- tempfile()
    utils::unzip(f, "word/document.xml", exdir = tmp)
    x <- paste(readLines(file.path(tmp, "word", "document.xml"), warn = FALSE, encoding = "UTF-8"),
               collapse = "")
    gsub("<[^>]+>", "", x)
}
text_of_html <- function(f) gsub("<[^>]+>", "", paste(readLines(f, warn = FALSE, encoding = "UTF-8"),
                                                      collapse = "\n"))
unescape <- function(x) gsub("&amp;", "&", gsub("&gt;", ">", gsub("&lt;", "<", x, fixed = TRUE),
                                                 fixed = TRUE), fixed = TRUE)
docs <- list(html = unescape(text_of_html(html)), docx = unescape(text_of_docx(docx)))
# pandoc wraps HTML lines: compare with runs of blanks as one space
docs <- lapply(docs, function(x) gsub("[[:space:]]+", " ", x))

# The report's numbers against the demo's.
out <- tempfile("demo")
status <- system2(cli, c("demo", "--out", shQuote(out)), stdout = FALSE)
if (status != 0) fail("zhijiao demo failed (%d)", status)
demo <- read.csv(file.path(out, "indicators.csv"), stringsAsFactors = FALSE, encoding = "UTF-8")
rep <- read.csv(file.path(dir, "report-figures.csv"), stringsAsFactors = FALSE, encoding = "UTF-8")
m <- match(rep$id, demo$id)
if (anyNA(m)) fail("report figures not in the demo: %s", paste(rep$id[is.na(m)], collapse = ", "))
d <- demo[m, ]
same <- function(a, b) (is.na(a) & is.na(b)) | (!is.na(a) & !is.na(b) & abs(a - b) <= 1e-12)
for (k in c("x", "n", "rate", "lower", "upper"))
    for (i in which(!same(rep[[k]], d[[k]])))
        fail("%s %s: report %s, demo %s", rep$id[i], k, format(rep[[k]][i], digits = 15),
             format(d[[k]][i], digits = 15))
for (i in which(rep$design != d$design))
    fail("%s design: report %s, demo %s", rep$id[i], rep$design[i], d$design[i])
if (!any(rep$design == "census") || !any(rep$design == "sample"))
    fail("the report should have census and sample figures")

# The key figures as printed, in both documents.
pct <- function(p) formatC(100 * p, format = "f", digits = 2)
want <- c(ifelse(rep$design == "sample",
                 paste0(pct(rep$lower), "\uff5e", pct(rep$upper)), NA),
          "\u666e\u67e5\uff0c\u65e0\u62bd\u6837\u533a\u95f4",  # 普查，无抽样区间
          "95.00", "8389", "79.38", "84.00", "p < 0.001", "+30")
want <- unique(want[!is.na(want)])
for (nm in names(docs))
    for (w in want)
        if (!grepl(w, docs[[nm]], fixed = TRUE)) fail("%s lacks \"%s\"", nm, w)
for (nm in names(docs))
    for (id in c("rate_pct", "percent_unachievable", "sum_mismatch"))
        if (grepl(id, docs[[nm]], fixed = TRUE)) fail("%s shows the id %s instead of words", nm, id)

if (length(bad)) {
    writeLines(c("check-report: FAILED", bad))
    quit(status = 1)
}
cat(sprintf("check-report: both documents carry the %d figures of zhijiao demo\n", nrow(rep)))
