#!/bin/sh
# run-calc-tests.sh — the Calc add-in in a real, headless LibreOffice.
#
# Builds zhijiao.oxt (plugin/build-oxt.sh), installs it into a throwaway
# profile, recalculates tests/calc's generated sheet (every cell a call of
# the add-in, the expected value the CLI's answer for the same input,
# including bad inputs that must be Err:502), saves it as .ods with
# formulas, strips the cached values, reopens it and compares again.
#
# Environment (set by `make check`): ZJ_TEST_SRCDIR, ZJ_CLI, ZHIJIAO_DATA,
# ZJ_BUILDDIR (the build tree holding core/.libs/libzhijiao.so.0).
# Exit 77 (skipped) when LibreOffice, its SDK or python3 is missing.
set -u
src=${ZJ_TEST_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
build=${ZJ_BUILDDIR:-$(pwd)}
cli=${ZJ_CLI:-$build/cli/zhijiao}
export ZHIJIAO_DATA=${ZHIJIAO_DATA:-$src/data}
PY=/usr/bin/python3
LOPROG=${LO_PROGRAM:-/usr/lib/libreoffice/program}

skip() { echo "SKIP: $*"; exit 77; }
command -v soffice >/dev/null 2>&1 || skip "soffice not found (Debian: libreoffice-calc)"
test -x "$LOPROG/unopkg" || skip "unopkg not found (Debian: libreoffice-calc)"
test -x /usr/lib/libreoffice/sdk/bin/unoidl-write || skip "LibreOffice SDK not found (Debian: libreoffice-dev)"
test -x "$PY" || skip "python3 not found"
# A sanitizer build (tests/run-all.sh's ASan stage) cannot be loaded into
# LibreOffice, which is not built with the sanitizer runtime; the
# add-in's own code is tested in the plain build.
if ldd "$build/core/.libs/libzhijiao.so.0" 2>/dev/null | grep -q 'libasan\|libtsan\|libubsan'; then
  skip "the library is built with a sanitizer; LibreOffice cannot load it"
fi

tmp=$(mktemp -d /tmp/zj-calc-tests.XXXXXX) || exit 2
trap '[ -n "${ZJ_KEEP_TMP:-}" ] && echo "# kept $tmp" || rm -rf "$tmp"' EXIT INT TERM
chmod 755 "$tmp"

# unopkg refuses per-user installs as root: run LibreOffice as nobody.
as_user=""
if [ "$(id -u)" = 0 ]; then
  command -v setpriv >/dev/null 2>&1 || skip "running as root and setpriv is missing"
  as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
run() { $as_user env HOME="$tmp/home" "$@" 2>&1 | grep -v javaldx; }
profile="file://$tmp/home/profile"

fails=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; fails=$((fails + 1)); }

# 1. build the .oxt
if ! sh "$src/plugin/build-oxt.sh" "$src" "$build" "$tmp/zhijiao.oxt" > "$tmp/build.log" 2>&1; then
  cat "$tmp/build.log"; echo "not ok - build-oxt"; exit 1
fi
ok "zhijiao.oxt built ($(wc -c < "$tmp/zhijiao.oxt") bytes)"
mkdir -p "$tmp/home" "$tmp/work"
[ -n "$as_user" ] && chown -R 65534:65534 "$tmp/home" "$tmp/work"
chmod 644 "$tmp/zhijiao.oxt"

# 2. a fresh profile, then the extension
t0=$(date +%s.%N)
run soffice --headless --terminate_after_init -env:UserInstallation="$profile" > "$tmp/init.log"
run "$LOPROG/unopkg" add -s -env:UserInstallation="$profile" "$tmp/zhijiao.oxt" > "$tmp/add.log"
if run "$LOPROG/unopkg" list -env:UserInstallation="$profile" | grep -q "is registered: yes"; then
  ok "unopkg add: registered"
else
  cat "$tmp/init.log" "$tmp/add.log"; notok "unopkg add"; exit 1
fi

# 3. the test sheet, and the CLI's answers
if ! ZJ_CLI="$cli" ZJ_TEST_SRCDIR="$src" "$PY" "$src/tests/calc/calc_cases.py" gen \
     "$tmp/work/cases.fods" "$tmp/work/expect.json"; then
  notok "generating the test sheet"; exit 1
fi
[ -n "$as_user" ] && chown -R 65534:65534 "$tmp/work"

csv_filter='csv:Text - txt - csv (StarCalc):44,34,76'
convert() {  # convert IN FILTER
  run soffice --headless -env:UserInstallation="$profile" --convert-to "$2" --outdir "$tmp/work" "$1" \
    > "$tmp/convert.log"
}

convert "$tmp/work/cases.fods" "$csv_filter"
if [ -s "$tmp/work/cases.csv" ] && "$PY" "$src/tests/calc/calc_cases.py" compare "$tmp/work/expect.json" "$tmp/work/cases.csv"; then
  ok "every cell equals the CLI's answer"
else
  cat "$tmp/convert.log"; notok "cells differ from the CLI"
fi
t1=$(date +%s.%N)
echo "# install + evaluation: $(echo "$t1 - $t0" | bc) s"

# 4. save as .ods with formulas; drop the cached values; reopen; same values
convert "$tmp/work/cases.fods" ods
if [ -s "$tmp/work/cases.ods" ] && "$PY" - "$tmp/work/cases.ods" "$tmp/work/nocache.ods" <<'EOF'
import re, sys, zipfile
src, dst = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(src) as z:
    content = z.read("content.xml").decode("utf-8")
    n = content.count('table:formula="of:=ORG.ZHIJIAO.CALC.ZHIJIAO.')
    if n < 100:
        sys.exit("only %d add-in formulas stored under their programmatic names" % n)
    # formula cells lose their cached results, so opening must recalculate
    def strip(m):
        cell = m.group(0)
        cell = re.sub(r' office:(value|string-value|boolean-value|value-type|date-value)="[^"]*"', "", cell)
        cell = re.sub(r' calcext:value-type="[^"]*"', "", cell)
        return cell
    content = re.sub(r'<table:table-cell [^>]*table:formula="[^"]*"[^>]*>', strip, content)
    content = re.sub(r'(<table:table-cell [^>]*table:formula="[^"]*"[^>/]*>)<text:p>.*?</text:p>', r"\1", content)
    with zipfile.ZipFile(dst, "w") as out:
        out.writestr(zipfile.ZipInfo("mimetype"), z.read("mimetype"))
        for i in z.infolist():
            if i.filename == "mimetype":
                continue
            out.writestr(i, content if i.filename == "content.xml" else z.read(i.filename))
print("# %d formulas stored as ORG.ZHIJIAO.CALC.ZHIJIAO.*" % n)
EOF
then
  chmod a+r "$tmp/work/nocache.ods"
  rm -f "$tmp/work/nocache.csv"
  convert "$tmp/work/nocache.ods" "$csv_filter"
  if [ -s "$tmp/work/nocache.csv" ] && "$PY" "$src/tests/calc/calc_cases.py" compare "$tmp/work/expect.json" "$tmp/work/nocache.csv"; then
    ok "saved as .ods, reopened without cached values: same values"
  else
    notok "the .ods round trip"
  fi
else
  notok "saving as .ods"
fi

# 5. names and help in both languages (a script inside LibreOffice)
mkdir -p "$tmp/home/profile/user/Scripts/python"
cp "$src/tests/calc/names_check.py" "$tmp/home/profile/user/Scripts/python/"
[ -n "$as_user" ] && chown -R 65534:65534 "$tmp/home/profile/user/Scripts"
run env ZJ_NAMES_OUT="$tmp/work/names.txt" timeout 120 soffice --headless --norestore \
  -env:UserInstallation="$profile" 'vnd.sun.star.script:names_check.py$check_names?language=Python&location=user' \
  > "$tmp/names.log"
if grep -q '^ok ' "$tmp/work/names.txt" 2>/dev/null; then
  ok "display names, descriptions and argument help in en and zh ($(cut -d' ' -f2 "$tmp/work/names.txt") function/locale pairs); ZJ.RATE typed in the English UI is stored as ORG.ZHIJIAO.CALC.ZHIJIAO.RATEESTIMATE"
else
  notok "names and help"; head -20 "$tmp/work/names.txt" "$tmp/names.log" 2>/dev/null
fi

# 6. the sample workbook recalculates without errors
for sample in "$src"/samples/*.fods; do
  [ -f "$sample" ] || continue
  name=$(basename "$sample" .fods)
  cp "$sample" "$tmp/work/$name.fods"; chmod a+r "$tmp/work/$name.fods"
  rm -f "$tmp/work/$name"-*.csv
  # every sheet to its own CSV (the 12th CSV filter token, -1)
  convert "$tmp/work/$name.fods" "$csv_filter,1,,0,false,true,false,false,false,-1"
  nsheets=$(ls "$tmp/work/$name"-*.csv 2>/dev/null | wc -l)
  if [ "$nsheets" -gt 0 ] && ! cat "$tmp/work/$name"-*.csv | grep -q 'Err:\|#NAME?\|#VALUE!\|#REF!\|#N/A'; then
    ok "sample $name: $nsheets sheets recalculate without errors"
  else
    notok "sample $name: errors after recalculation ($nsheets sheets)"
    grep -n 'Err:\|#NAME?\|#VALUE!\|#REF!\|#N/A' "$tmp/work/$name"-*.csv | head -5
  fi
done

# 7. Tools > Add-Ons > refresh, against the fixture mirror on 127.0.0.1
LIGHTTPD=$(command -v lighttpd || ls /usr/sbin/lighttpd 2>/dev/null || true)
if [ -z "$LIGHTTPD" ]; then
  notok "the refresh command needs lighttpd to serve the fixture mirror (Debian: lighttpd)"
elif ! "$PY" "$src/tests/fetch/gen-site.py" "$src" "$tmp/site" > "$tmp/site.log" 2>&1; then
  cat "$tmp/site.log"; notok "gen-site.py"
else
  port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  cat > "$tmp/lighttpd.conf" <<EOF
server.document-root = "$tmp/site"
server.bind = "127.0.0.1"
server.port = $port
server.errorlog = "$tmp/lighttpd-error.log"
mimetype.assign = (".html" => "text/html", ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".pdf" => "application/pdf", ".doc" => "application/msword", ".txt" => "text/plain")
EOF
  "$LIGHTTPD" -D -f "$tmp/lighttpd.conf" & httpd=$!
  for _ in $(seq 1 50); do curl -s -o /dev/null "http://127.0.0.1:$port/robots.txt" && break; sleep 0.1; done
  printf '# the fixture mirror (refresh_check.py moves it one year on)\nbase-url = http://127.0.0.1:%s/jw\nrate-limit = 0\n' "$port" \
    > "$tmp/home/refresh.conf"
  mkdir -p "$tmp/home/snap"
  cp "$src/tests/calc/refresh_check.py" "$tmp/home/profile/user/Scripts/python/"
  [ -n "$as_user" ] && chown -R 65534:65534 "$tmp/home" "$tmp/work"
  run env ZJ_REFRESH_OUT="$tmp/work/refresh.txt" ZHIJIAO_CONFIG="$tmp/home/refresh.conf" \
    ZHIJIAO_SNAPSHOT="$tmp/home/snap" no_proxy=127.0.0.1 http_proxy= https_proxy= \
    timeout 300 soffice --headless --norestore -env:UserInstallation="$profile" \
    'vnd.sun.star.script:refresh_check.py$check_refresh?language=Python&location=user' > "$tmp/refresh.log"
  kill "$httpd" 2>/dev/null; wait "$httpd" 2>/dev/null
  if [ "$(grep -c '' "$tmp/work/refresh.txt" 2>/dev/null)" != 8 ]; then
    notok "refresh command: the script stopped early"; cat "$tmp/refresh.log" "$tmp/work/refresh.txt" 2>/dev/null
  fi
  if [ -s "$tmp/work/refresh.txt" ]; then
    while IFS= read -r line; do
      case $line in "ok "*) ok "refresh command: ${line#ok }" ;; *) notok "refresh command: ${line#not ok }" ;; esac
    done < "$tmp/work/refresh.txt"
  else
    notok "refresh command: the script wrote nothing"; cat "$tmp/refresh.log"
  fi
fi

# 8. the Chinese UI (language pack libreoffice-l10n-zh-cn): Chinese names in
#    the Function Wizard and in typed formulas; the file opens in English
ui_locale() {  # ui_locale LOCALE: the profile's UI language, for the next start
  "$PY" - "$tmp/home/profile/user/registrymodifications.xcu" "$1" <<'EOF'
import re, sys
path, loc = sys.argv[1], sys.argv[2]
xcu = open(path, encoding="utf-8").read()
xcu = re.sub(r'<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale".*?</item>\n?', "", xcu)
item = ('<item oor:path="/org.openoffice.Office.Linguistic/General"><prop oor:name="UILocale" '
        'oor:op="fuse"><value>%s</value></prop></item>\n' % loc)
open(path, "w", encoding="utf-8").write(xcu.replace("</oor:items>", item + "</oor:items>"))
EOF
}
if ! ls /usr/lib/libreoffice/program/resource/zh_CN >/dev/null 2>&1; then
  notok "the Chinese UI needs the language pack (Debian: libreoffice-l10n-zh-cn)"
else
  cp "$src/tests/calc/locale_check.py" "$tmp/home/profile/user/Scripts/python/"
  rm -f "$tmp/work/locale.txt"
  [ -n "$as_user" ] && chown -R 65534:65534 "$tmp/home" "$tmp/work"
  for step in zh-CN:in_chinese en-US:in_english; do
    ui_locale "${step%%:*}"
    run env ZJ_LOCALE_OUT="$tmp/work/locale.txt" ZJ_LOCALE_ODS="$tmp/work/locale.ods" \
      timeout 120 soffice --headless --norestore -env:UserInstallation="$profile" \
      "vnd.sun.star.script:locale_check.py\$${step#*:}?language=Python&location=user" > "$tmp/locale.log"
  done
  ui_locale en-US
  if [ "$(grep -c '' "$tmp/work/locale.txt" 2>/dev/null)" != 6 ]; then
    notok "UI languages: the scripts stopped early"; cat "$tmp/locale.log" "$tmp/work/locale.txt" 2>/dev/null
  fi
  while IFS= read -r line; do
    case $line in "ok "*) ok "UI languages: ${line#ok }" ;; *) notok "UI languages: ${line#not ok }" ;; esac
  done < "$tmp/work/locale.txt"
fi

# 8b. whole tables in one call: ZJ.CHECK.TABLE equals zhijiao batch, row for row
mkdir -p "$tmp/work/tables"
if ! ZJ_CLI="$cli" ZJ_TEST_SRCDIR="$src" "$PY" "$src/tests/calc/table_cases.py" gen "$tmp/work/tables"; then
  notok "generating the whole-table sheets"
else
  [ -n "$as_user" ] && chown -R 65534:65534 "$tmp/work"
  for name in sample generated; do
    rm -f "$tmp/work/tables/$name.csv"
    run soffice --headless -env:UserInstallation="$profile" --convert-to "$csv_filter" \
      --outdir "$tmp/work/tables" "$tmp/work/tables/$name.fods" > "$tmp/convert.log"
    if [ -s "$tmp/work/tables/$name.csv" ] && "$PY" "$src/tests/calc/table_cases.py" compare \
         "$tmp/work/tables/$name.expect.json" "$tmp/work/tables/$name.csv" > "$tmp/table.log"; then
      ok "ZJ.CHECK.TABLE on the $name candidates: $(tail -1 "$tmp/table.log")"
    else
      cat "$tmp/table.log" "$tmp/convert.log" 2>/dev/null | head -12; notok "ZJ.CHECK.TABLE on the $name candidates"
    fi
  done
fi

# 9. bad and blank inputs of every function (bad_inputs.csv), in both UI
#    languages: each cell's result and ZJ.EXPLAIN's sentence
if ls /usr/lib/libreoffice/program/resource/zh_CN >/dev/null 2>&1; then
  cp "$src/tests/calc/sheet_eval.py" "$tmp/home/profile/user/Scripts/python/"
  if ! ZJ_CLI="$cli" "$PY" "$src/tests/calc/bad_inputs.py" gen "$tmp/work/bad.fods" "$tmp/work/bad.json"; then
    notok "generating the bad-input sheet"
  else
    [ -n "$as_user" ] && chown -R 65534:65534 "$tmp/home" "$tmp/work"
    cp "$src/tests/calc/workbook_check.py" "$tmp/home/profile/user/Scripts/python/"
    cp "$src/samples/zhijiao-officer.fods" "$tmp/work/officer.fods"; chmod a+r "$tmp/work/officer.fods"
    rm -f "$tmp/work/workbook.txt"
    [ -n "$as_user" ] && chown -R 65534:65534 "$tmp/home" "$tmp/work"
    for step in zh-CN:zh en-US:en; do
      ui_locale "${step%%:*}"
      # the officer's workbook: chart, formats, whole-table function, audit rows
      run env ZJ_WB_IN="$tmp/work/officer.fods" ZJ_WB_CHECK_OUT="$tmp/work/workbook.txt" ZJ_WB_LANG="${step%%:*}" \
        timeout 120 soffice --headless --norestore -env:UserInstallation="$profile" \
        'vnd.sun.star.script:workbook_check.py$check?language=Python&location=user' > "$tmp/wb.log"
      rm -f "$tmp/work/bad-cells.json"
      run env ZJ_EVAL_IN="$tmp/work/bad.fods" ZJ_EVAL_OUT="$tmp/work/bad-cells.json" \
        timeout 120 soffice --headless --norestore -env:UserInstallation="$profile" \
        'vnd.sun.star.script:sheet_eval.py$evaluate?language=Python&location=user' > "$tmp/eval.log"
      if [ -s "$tmp/work/bad-cells.json" ] && "$PY" "$src/tests/calc/bad_inputs.py" compare \
           "$tmp/work/bad.json" "$tmp/work/bad-cells.json" "${step#*:}" > "$tmp/bad.log"; then
        ok "bad and blank inputs, ${step%%:*} UI: $(tail -1 "$tmp/bad.log")"
      else
        cat "$tmp/bad.log" "$tmp/eval.log" 2>/dev/null | head -45; notok "bad and blank inputs, ${step%%:*} UI"
      fi
    done
    ui_locale en-US
    if [ "$(grep -c '' "$tmp/work/workbook.txt" 2>/dev/null)" != 14 ]; then
      notok "the workbook checks stopped early"; cat "$tmp/wb.log" "$tmp/work/workbook.txt" 2>/dev/null
    fi
    while IFS= read -r line; do
      case $line in "ok "*) ok "workbook: ${line#ok }" ;; *) notok "workbook: ${line#not ok }" ;; esac
    done < "$tmp/work/workbook.txt"
  fi
fi

echo "$fails failed"
[ "$fails" = 0 ]
