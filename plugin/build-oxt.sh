#!/bin/sh
# build-oxt.sh SRCDIR BUILDDIR [OUT.oxt] — builds zhijiao.oxt, the Calc add-in.
#
# Needs libreoffice-dev (SDK headers, unoidl-write, -luno_cppu -luno_sal) and
# a built libzhijiao (BUILDDIR/core/.libs).  Steps: the IDL of the functions'
# interface is generated from plugin/functions.c and the check catalogue
# (gen_idl), compiled to zhijiao.rdb; the add-in is compiled as C against the
# binary UNO API; the .oxt carries the add-in, libzhijiao.so.0 (found
# through rpath $ORIGIN) and the bundled data/.
#
# ZJ_OXT_SYSTEM_LIB=1 (the Debian package libreoffice-zhijiao): the add-in
# links the installed libzhijiao.so.0 instead, and neither the library nor
# data/ goes into the .oxt (the package links data/ to the installed data).
# ZJ_OXT_CFLAGS / ZJ_OXT_LDFLAGS are added to the compile and link (the
# distribution's hardening flags).
set -eu
src=$(cd "$1" && pwd); build=$(cd "$2" && pwd); out=${3:-$build/zhijiao.oxt}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac
CC=${CC:-cc}
LO=${LO_PROGRAM:-/usr/lib/libreoffice/program}
SDK=${LO_SDK:-/usr/lib/libreoffice/sdk}
LOINC=${LO_INCLUDE:-/usr/include/libreoffice}
CFLAGS_W="-Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
w=$(dirname "$out")/plugin-work
rm -rf "$w"; mkdir -p "$w/stage/META-INF" "$w/stage/description"
zjlib=$build/core/.libs
test -f "$zjlib/libzhijiao.so.0" || { echo "build-oxt: $zjlib/libzhijiao.so.0 missing: run make first" >&2; exit 2; }
version=$(sed -n 's/^AC_INIT(\[zhijiao\], \[\([^]]*\)\].*/\1/p' "$src/configure.ac")

# 1. the add-in, C against binary UNO
objs=""
for f in addin_object addin_names addin_args fn_rates fn_scores fn_plan fn_audit fn_checks fn_explain fn_tables fn_deadlines \
         functions uno_object uno_util component refresh_command refresh_ui; do
  # shellcheck disable=SC2086
  $CC $CFLAGS_W -O2 ${ZJ_OXT_CFLAGS:-} -fPIC -fvisibility=hidden -DUNX -DGCC -DLINUX -I"$LOINC" \
      -I"$src/core/include" -I"$src/plugin" -c "$src/plugin/$f.c" -o "$w/$f.o"
  objs="$objs $w/$f.o"
done
uno_libs="-L$zjlib -lzhijiao -L$SDK/lib -luno_cppu -luno_sal -lpthread -lm"

# 2. the interface, from the one table (which binds each function to its
#    handler, so the generator links the add-in's objects)
# shellcheck disable=SC2086
$CC $CFLAGS_W -I"$src/core/include" -I"$src/plugin" "$src/plugin/gen_idl.c" $objs $uno_libs \
    -Wl,-rpath,"$zjlib" -Wl,-rpath,"$LO" -o "$w/gen_idl"
"$w/gen_idl" > "$w/zhijiao.idl"
"$SDK/bin/unoidl-write" "$LO/types.rdb" "$LO/types/offapi.rdb" "$w/zhijiao.idl" "$w/stage/zhijiao.rdb"

bundle="libzhijiao.so.0 data"; rpath="-Wl,-rpath,\$ORIGIN"
if [ "${ZJ_OXT_SYSTEM_LIB:-0}" = 1 ]; then bundle=""; rpath=""; fi
# shellcheck disable=SC2086
$CC -shared -o "$w/stage/zhijiao_calc.uno.so" $objs ${ZJ_OXT_LDFLAGS:-} $uno_libs \
    $rpath -Wl,--no-undefined -Wl,-z,defs

# 3. the package
cp "$src/plugin/oxt/manifest.xml" "$w/stage/META-INF/manifest.xml"
cp "$src/plugin/oxt/zhijiao.components" "$src/plugin/oxt/Addons.xcu" "$w/stage/"
sed "s/@VERSION@/$version/" "$src/plugin/oxt/description.xml.in" > "$w/stage/description.xml"
cp "$src/plugin/oxt/description-en.txt" "$src/plugin/oxt/description-zh.txt" \
   "$src/plugin/oxt/license.txt" "$w/stage/description/"
if [ -n "$bundle" ]; then
  cp "$zjlib/libzhijiao.so.0" "$w/stage/libzhijiao.so.0"
  mkdir -p "$w/stage/data"
  (cd "$src/data" && cp -R rules tables tables.json samples "$w/stage/data/")
fi
rm -f "$out"
# shellcheck disable=SC2086
(cd "$w/stage" && zip -qrX "$out" META-INF description.xml description zhijiao.rdb \
    zhijiao.components Addons.xcu zhijiao_calc.uno.so $bundle)
echo "build-oxt: $out"
