#!/bin/sh
# No path of the build tree is kept in the program (debug information and
# __FILE__ included): only the configured data and locale directories,
# which may lie inside the tree (make distcheck installs there).  TAP.

: "${top_srcdir:=.}" "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"

if test -z "$PREFIX_MAP_CFLAGS"; then
	echo "1..0 # SKIP the compiler has no -ffile-prefix-map"
	exit 0
fi
echo "1..1"
found=$(LC_ALL=C strings -a "$DOSSIER" |
	grep -F -e "$(cd "$top_srcdir" && pwd)" -e "$(cd "$top_builddir" && pwd)" |
	grep -v -F -e "$pkgdatadir" -e "$localedir")
if test -z "$found"; then
	echo "ok 1 - no build path in $DOSSIER"
else
	echo "not ok 1 - build paths in $DOSSIER"
	echo "$found" | head -10 | sed 's/^/# /'
fi
