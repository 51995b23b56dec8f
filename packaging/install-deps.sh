#!/bin/sh
# Installs every Debian 12 package zhijiao needs to build, test and
# benchmark.  Run as root (or through sudo).  Each package is here for a
# reason, given beside it; README.md explains the same list.
set -eu

BUILD="
  build-essential
  autoconf automake libtool pkg-config
  libjansson-dev
  libcsv-dev
  r-mathlib
  libcurl4-openssl-dev libxml2-dev libzip-dev libfreexl-dev
  libxlsxwriter-dev
"
# build-essential ... pkg-config : compiler and the autotools build
# libjansson-dev  : JSON rule files, the table manifest, the CLI's JSON output
# libcsv-dev      : RFC 4180 CSV parsing (quoted fields, embedded newlines)
# r-mathlib       : R's qbeta/qnorm/pchisq, so intervals match R to rounding
# libcurl4-openssl-dev : HTTP(S) for `zhijiao refresh` (multi interface, TLS verification)
# libxml2-dev     : the education sites' HTML pages and the XML inside .xlsx/.docx
# libzip-dev      : the .xlsx/.docx containers of official attachments
# libfreexl-dev   : legacy .xls attachments
# libxlsxwriter-dev : `zhijiao batch --output result.xlsx` (results as an Excel workbook, written
#                   row by row in constant memory)

TEST="
  libcmocka-dev
  r-base-core
  clang libclang-rt-14-dev
  valgrind
  gawk bc time
  lighttpd
  libreoffice-writer
  man-db
"
# libcmocka-dev   : the C unit-test framework
# r-base-core     : Rscript recomputes the reference intervals independently
# clang, libclang-rt-14-dev : libFuzzer and the ASan/UBSan runtime
# valgrind        : leak checks of the CLI
# gawk, bc        : the awk baseline and the arithmetic of `make bench`
# time            : /usr/bin/time -f %M, the peak memory `make bench-fetch` reports
# lighttpd        : serves the fixture mirror of the education sites on 127.0.0.1
#                   in tests/fetch/run-fetch-tests.sh (python3 runs the fault server)
# libreoffice-writer : `zhijiao refresh` converts .doc/.wps attachments with soffice --headless;
#                   tests/fetch makes real .doc/.wps/.pdf fixtures with it and reads them back
# man-db          : man --warnings and lexgrog check the generated man pages
#                   (tests/cli/check-man.sh; groff comes with it)

# R package (rlib/): building, checking, testing, the report and bench-r.
R_PKGS="
  r-base-dev
  r-cran-testthat
  r-cran-knitr r-cran-rmarkdown pandoc
  fonts-noto-cjk
  r-cran-ggplot2
  r-cran-survey
  r-cran-roxygen2
  r-cran-bench
  qpdf
  devscripts
"
# r-base-dev        : R's headers and R CMD INSTALL/build/check for the package
# r-cran-testthat   : the package's test suite (make check, make rcheck)
# r-cran-knitr, r-cran-rmarkdown, pandoc : the vignette and `make report`
# fonts-noto-cjk    : Chinese glyphs for the report's and vignette's figures (PNG through
#                     cairo/fontconfig) and its .docx rendered to PDF; without it every
#                     Chinese axis title and label is a row of empty boxes
# r-cran-ggplot2    : autoplot() and the report's figures (optional at run time)
# r-cran-survey     : the tests compare intervals with survey::svyciprop
# r-cran-roxygen2   : regenerates man/ and NAMESPACE (rlib/tools/document.sh)
# r-cran-bench      : timings of `make bench-r`
# qpdf              : R CMD check --as-cran checks PDF sizes with it
# devscripts        : checkbashisms, which R CMD check runs on configure/cleanup

# Calc add-in (plugin/, `make oxt`, tests/calc in make check).
CALC_PKGS="
  libreoffice-calc
  libreoffice-dev
  libreoffice-script-provider-python
  libreoffice-l10n-zh-cn
  zip
"
# libreoffice-calc  : soffice and unopkg: the headless tests install zhijiao.oxt and recalculate sheets
# libreoffice-dev   : the SDK: binary UNO C headers, unoidl-write, -luno_cppu -luno_sal
# libreoffice-script-provider-python : runs samples/make-officer-workbook.py inside LibreOffice
# libreoffice-l10n-zh-cn : the Chinese UI: tests/calc checks the Chinese function names in it
# zip               : packs zhijiao.oxt

# Debian packaging (debian/, packaging/install.sh, tests/run-all.sh's Debian stage).
DEB_PKGS="
  debhelper dpkg-dev fakeroot
  dh-r
  lintian
  unzip
  curl
"
# debhelper, dpkg-dev, fakeroot : dpkg-buildpackage with dh (compat 13, autoreconf)
# dh-r              : builds r-cran-zhijiao with Debian's R helpers (${R:Depends})
# lintian           : the packages' policy check (the Debian stage fails on errors)
# unzip             : debian/rules unpacks the add-in into the bundled-extension folder
# curl              : the tests wait for the loopback mirror with it
# (devscripts, above, is Debian's packaging toolbox as well)

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        exec sudo "$0" "$@"
    fi
    echo "install-deps.sh: run as root (or install sudo)" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
# Only refresh the package lists when something is missing: keeps re-runs fast.
missing=""
for p in $BUILD $TEST $R_PKGS $CALC_PKGS $DEB_PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    apt-get update -qq
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing
fi
echo "install-deps.sh: all packages present"
