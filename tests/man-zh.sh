#!/bin/sh
# dossier(1) in Chinese keeps in step with the program and the English
# page: the keys of its 按键 section are the key table and the options of
# its 选项 section those of --help (tests/man-keys.sh and
# tests/man-options.sh run on it), and it has the sections and subsections
# of man/dossier.1.in in the same order.  A key, option or section added
# to the program and the English page alone makes it fail.  TAP.

: "${top_srcdir:=.}" "${DOSSIER:=./src/dossier}"
en=$top_srcdir/man/dossier.1.in
zh=$top_srcdir/man/zh_CN/dossier.1.in
tmp=${TMPDIR:-/tmp}/man-zh.$$
trap 'rm -rf "$tmp"' 0
trap 'exit 129' HUP INT TERM
mkdir "$tmp" || exit 99

# Each heading of the English page and its Chinese name; NAME and SYNOPSIS
# stay in English (mandoc finds the page's name and lays out the synopsis
# by them).  The subsections of KEYS are the scopes as the help names them
# in Chinese (po/zh_CN.po).
cat >"$tmp/names" <<'NAMES'
Sh	NAME	NAME
Sh	SYNOPSIS	SYNOPSIS
Sh	DESCRIPTION	描述
Ss	Several articles	多篇文章
Sh	OPTIONS	选项
Sh	OUTPUT	输出
Sh	KEYS	按键
Ss	Global	全局
Ss	Timeline	时间线
Ss	People	人物
Ss	Article	正文
Ss	Overlay	浮层
Ss	Articles	文章列表
Ss	List	列表
Ss	Prompt	搜索输入
Ss	Mouse	鼠标
Sh	SEARCH	搜索
Sh	IMPORTING	导入
Ss	The article	文章
Ss	People and organizations	人物和机构
Ss	Dates	日期
Ss	Example	示例
Sh	STATE	状态
Sh	ENVIRONMENT	环境
Sh	FILES	文件
Sh	EXIT STATUS	退出状态
Sh	EXAMPLES	示例
Sh	SEE ALSO	参见
NAMES

scopes="全局=global 时间线=timeline 人物=people 正文=article 搜索输入=prompt 浮层=overlay 文章列表=articles 列表=list"

n=0
# Runs a TAP script on the Chinese page and passes its results on,
# numbered in this plan.
run() {   # script, then NAME=value settings for it
	script=$1
	shift
	env "$@" MAN_PAGE="$zh" sh "$top_srcdir/tests/$script" >"$tmp/out" 2>&1
	if ! grep -q '^1\.\.[1-9]' "$tmp/out"; then
		n=$((n + 1))
		echo "not ok $n - zh_CN: $script ran no test"
		sed 's/^/# /' "$tmp/out"
		return
	fi
	while IFS= read -r line; do
		case $line in
		"ok "*|"not ok "*)
			n=$((n + 1))
			echo "$line" | sed "s/^\\(\\(not \\)\\{0,1\\}ok\\) [0-9]*\\( - \\)\\{0,1\\}/\\1 $n - zh_CN: /" ;;
		"1.."*) ;;
		*) echo "$line" ;;
		esac
	done <"$tmp/out"
}

# The headings of a page, one a line: "Sh<TAB>NAME".
headings() {
	sed -n 's/^\.\(S[hs]\) \(.*\)$/\1	\2/p' "$1"
}

{
	run man-keys.sh MAN_KEYS=按键 MAN_SCOPES="$scopes"
	run man-options.sh MAN_OPTIONS=选项

	n=$((n + 1))
	headings "$en" | awk -F '\t' 'NR == FNR { zh[$1 "\t" $2] = $3; next }
		{ k = $1 "\t" $2; print $1 "\t" (k in zh ? zh[k] : "?(no Chinese name for " $2 ")") }' \
		"$tmp/names" - >"$tmp/want"
	headings "$zh" >"$tmp/got"
	if diff "$tmp/want" "$tmp/got" >"$tmp/diff"; then
		echo "ok $n - zh_CN: the sections and subsections of dossier(1), in order"
	else
		echo "not ok $n - zh_CN: the sections of dossier(1) in Chinese differ (- wanted, + found)"
		sed 's/^/# /' "$tmp/diff"
	fi
} >"$tmp/tap"
echo "1..$n"
cat "$tmp/tap"
