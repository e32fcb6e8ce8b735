#!/bin/sh
# The program's messages in Chinese (LANGUAGE=zh_CN under C.UTF-8, the
# catalogue of the build tree through DOSSIER_LOCALEDIR): --help with the
# option names as they are typed and no line wider than 80 columns, --keys
# with its help in Chinese and its scopes and keys as they are, and error
# messages whose FILE:LINE: prefix stays as tools parse it.  TAP.

: "${top_builddir:=.}"
: "${DOSSIER:=$top_builddir/src/dossier}"
: "${DOSSIER_LOCALEDIR:=$top_builddir/tests/locale}"
export DOSSIER_LOCALEDIR

if ! test -f "$DOSSIER_LOCALEDIR/zh_CN/LC_MESSAGES/dossier.mo"; then
	echo "1..0 # SKIP no zh_CN catalogue in $DOSSIER_LOCALEDIR (built without NLS?)"
	exit 0
fi
zh() { LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$DOSSIER" "$@"; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
echo "1..7"

zh --help >"$tmp/help"
if grep -q '^用法：dossier ' "$tmp/help" && grep -q '显示此帮助信息后退出' "$tmp/help"; then
	echo "ok 1 - --help is in Chinese"
else
	echo "not ok 1 - --help is not in Chinese"
	head -5 "$tmp/help" | sed 's/^/# /'
fi

missing=
for opt in -f,\ --file=FILE -c,\ --check -l,\ --list=WHAT -s,\ --search=QUERY \
    -i,\ --import=ARTICLE -p,\ --published=DATE -o,\ --output=OUT -k,\ --keys \
    --state-dir=DIR --no-state -h,\ --help -V,\ --version; do
	grep -q -F -e "$opt " "$tmp/help" || missing="$missing '$opt'"
done
if test -z "$missing"; then
	echo "ok 2 - every option keeps its name in the Chinese --help"
else
	echo "not ok 2 - options missing from the Chinese --help:$missing"
fi

# wc -L counts display columns (a Chinese character is two) in C.UTF-8.
# The line naming the installed data file is as long as the configured
# prefix makes it (make distcheck's is long): it is measured without it.
wide=$(grep -v 'meta-ai\.rec' "$tmp/help" | LC_ALL=C.UTF-8 wc -L)
if test "$wide" -le 80; then
	echo "ok 3 - the Chinese --help fits 80 columns ($wide)"
else
	echo "not ok 3 - the Chinese --help is $wide columns wide"
fi

printf '%%rec: Foo\n\nId: x\n' >"$tmp/bad.rec"
zh --check "$tmp/bad.rec" 2>"$tmp/err"
rc=$?
if test $rc = 65 && grep -q -x -F "$tmp/bad.rec:1: 未知的记录类型 'Foo'" "$tmp/err"; then
	echo "ok 4 - a data error in Chinese keeps its FILE:LINE: prefix"
else
	echo "not ok 4 - data error in Chinese (exit $rc)"
	sed 's/^/# /' "$tmp/err"
fi

# More errors than are shown: the count in a sentence of its own.
{ printf '%%rec: Dossier\n\nTitle: t\n'; i=0
  while test $i -lt 25; do printf '\n%%rec: Foo%d\n' $i; i=$((i + 1)); done; } >"$tmp/many.rec"
zh --check "$tmp/many.rec" 2>"$tmp/err"
if grep -q -x -F "$tmp/many.rec: 另有 5 个错误未显示" "$tmp/err"; then
	echo "ok 5 - the count of errors not shown is in Chinese"
else
	echo "not ok 5 - the count of errors not shown"
	tail -2 "$tmp/err" | sed 's/^/# /'
fi

zh --no-such-option 2>"$tmp/err"
rc=$?
if test $rc = 64 && grep -q -x -F "dossier: 无法识别的选项 '--no-such-option'" "$tmp/err" &&
    grep -q -F "'dossier --help'" "$tmp/err"; then
	echo "ok 6 - a usage error in Chinese names the option as typed"
else
	echo "not ok 6 - usage error in Chinese (exit $rc)"
	sed 's/^/# /' "$tmp/err"
fi

# --keys: the same scopes and key names, one line each, the help translated.
LC_ALL=C.UTF-8 "$DOSSIER" --keys | cut -f1,2 >"$tmp/keys.en"
zh --keys >"$tmp/keys.zh"
if cut -f1,2 "$tmp/keys.zh" | cmp -s - "$tmp/keys.en" &&
    grep -q -x -F "$(printf 'global\tq\t退出')" "$tmp/keys.zh" &&
    ! cut -f3 "$tmp/keys.zh" | grep -q '^[a-z][a-z ]*$'; then
	echo "ok 7 - --keys in Chinese: the help translated, scopes and keys as they are"
else
	echo "not ok 7 - --keys in Chinese"
	head -3 "$tmp/keys.zh" | sed 's/^/# /'
fi
