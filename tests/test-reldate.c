/* Unit tests of the date resolver (src/reldate.c): a table of texts and
 * publication dates, each with every expression found as "words=date"
 * ("words=?" when it cannot be resolved), in order. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "reldate.h"

struct row {
	const char *pub;           /* "" when unknown */
	const char *text;
	const char *want;
};

static const struct row rows[] = {
	/* Absolute, Chinese. */
	{ "2023-09", "2013年,杨立昆加入", "2013年=2013" },
	{ "2023-09", "2022年5月,FAIR发布", "2022年5月=2022-05" },
	{ "2023-09", "于2023年4月18日宣布", "2023年4月18日=2023-04-18" },
	{ "2023-09", "２０２１年３月上市", "２０２１年３月=2021-03" },
	{ "2023-09", "2021年第四季度增长", "2021年第四季度=2021" },
	{ "2023-09", "2022年底股价", "2022年底=2022" },
	{ "", "2013年和2014年", "2013年=2013; 2014年=2014" },
	{ "2023-09", "1990年代的互联网", "" },
	{ "2023-09", "2023年2月30日", "2023年2月=2023-02" },
	{ "2023-09", "175亿参数,12020年", "" },
	/* Leap years. */
	{ "2023-09", "2024年2月29日", "2024年2月29日=2024-02-29" },
	{ "2023-09", "1900年2月29日", "1900年2月=1900-02" },
	{ "2023-09", "2000年2月29日", "2000年2月29日=2000-02-29" },
	{ "2025-03-01", "三天前", "三天前=2025-02-26" },
	{ "2024-03-01", "三天前", "三天前=2024-02-27" },
	{ "2024-03-01", "昨天 yesterday", "yesterday=2024-02-29" },
	{ "2025-03-10", "去年2月29日", "去年2月29日=2024-02-29" },
	{ "2024-03-10", "去年2月29日", "去年2月29日=?" },
	/* Relative to the publication, across year and month boundaries. */
	{ "2023-09", "今年2月发表", "今年2月=2023-02" },
	{ "2023-09", "今年", "今年=2023" },
	{ "2023-09", "去年底,卡马克辞职", "去年底=2022" },
	{ "2023-01", "去年", "去年=2022" },
	{ "2023-09", "前年3月", "前年3月=2021-03" },
	{ "2024-01-05", "前年12月", "前年12月=2022-12" },
	{ "2023-09", "明年", "明年=2024" },
	{ "2023-09", "本月初", "本月初=2023-09" },
	{ "2023-01", "上个月", "上个月=2022-12" },
	{ "2023-01-31", "上月底", "上月底=2022-12" },
	{ "2023-12", "下个月", "下个月=2024-01" },
	{ "2023-09", "两个月前,Llama 2", "两个月前=2023-07" },
	{ "2023-02", "两个月前", "两个月前=2022-12" },
	{ "2023-01", "十二个月前", "十二个月前=2022-01" },
	{ "2023-09", "10年前,Facebook", "10年前=2013" },
	{ "2023-09", "三年前", "三年前=2020" },
	{ "2023", "两个月前", "两个月前=?" },
	{ "2023-09", "三天前", "三天前=?" },
	{ "", "去年底和两个月前", "去年底=?; 两个月前=?" },
	/* Anaphoric: from the date resolved last. */
	{ "2023-09", "2020年9月发布;次年3月上市", "2020年9月=2020-09; 次年3月=2021-03" },
	{ "2023-09", "2018年开始,那一年股价下跌", "2018年=2018; 那一年=2018" },
	{ "2023-09", "2014年,2016年,同年9月", "2014年=2014; 2016年=2016; 同年9月=2016-09" },
	{ "2023-09", "2014年;次年;同年5月;次年", "2014年=2014; 次年=2015; 同年5月=2015-05; 次年=2016" },
	{ "2023-09", "同年9月", "同年9月=?" },
	{ "2023-09", "次年", "次年=?" },
	{ "2023-09", "今年2月发表…于5月离开", "今年2月=2023-02; 5月=2023-05" },
	{ "2023-09", "7月底公布财报", "7月底=2023-07" },
	{ "", "7月底", "7月底=?" },
	{ "2023-09", "2019年12月,翌年1月", "2019年12月=2019-12; 翌年1月=2020-01" },
	{ "2023-09", "14位作者,5个月,十多年", "" },
	/* 5日前 is "before the 5th" as often as "five days ago": neither */
	{ "2023-09-10", "在5日前提交", "" },
	/* English. */
	{ "2023-09", "In May 2023 the lab", "May 2023=2023-05" },
	{ "2023-09", "on 18 April 2023, and", "18 April 2023=2023-04-18" },
	{ "2023-09", "April 18, 2023", "April 18, 2023=2023-04-18" },
	{ "2023-09", "Sept. 2021", "Sept. 2021=2021-09" },
	{ "2023-09", "In 2013 the lab, 2,014 people, 2013%", "2013=2013" },
	{ "2023-09", "Last year and this year", "Last year=2022; this year=2023" },
	{ "2023-01", "last month", "last month=2022-12" },
	{ "2023-09", "three years ago, 2 months ago", "three years ago=2020; 2 months ago=2023-07" },
	{ "2023-09", "In 2019; the following year; that year", "2019=2019; the following year=2020; that year=2020" },
	{ "2023-09", "in June it grew", "June=2023-06" },
	{ "2023-09", "They may go. Mayhem", "" },
	{ "", "last year", "last year=?" },
	/* after a date that cannot be resolved, no anaphora either */
	{ "", "2013年,去年底,次年3月,5月", "2013年=2013; 去年底=?; 次年3月=?; 5月=?" },
	{ "", "去年,2015年,次年", "去年=?; 2015年=2015; 次年=2016" },
};

static void
run(const struct row *r, char *out, size_t cap)
{
	struct rd_ctx ctx;
	struct rd_match m;
	struct ds_date pub;
	size_t from = 0, n = strlen(r->text);

	out[0] = '\0';
	if (*r->pub) {
		assert_true(date_parse(r->pub, strlen(r->pub), &pub));
		reldate_init(&ctx, &pub);
	} else {
		reldate_init(&ctx, NULL);
	}
	while (reldate_next(&ctx, r->text, n, from, &m)) {
		char d[16];
		size_t k = strlen(out);
		assert_true(m.len > 0);
		if (m.resolved)
			reldate_format(&m.date, d);
		else
			strcpy(d, "?");
		snprintf(out + k, cap - k, "%s%.*s=%s", k ? "; " : "", (int)m.len,
		    r->text + m.start, d);
		from = m.start + m.len;
	}
}

static void
test_table(void **state)
{
	int bad = 0;

	(void)state;
	for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
		char got[512];
		run(&rows[i], got, sizeof got);
		if (strcmp(got, rows[i].want) != 0) {
			print_message("# \"%s\" published %s: want \"%s\", got \"%s\"\n",
			    rows[i].text, *rows[i].pub ? rows[i].pub : "(unknown)",
			    rows[i].want, got);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* The kind of each expression, and that an unresolved date is all zero. */
static void
test_kinds(void **state)
{
	static const char text[] = "2013年,去年,次年,2020年,同年";
	static const enum rd_kind want[] = { RD_ABSOLUTE, RD_RELATIVE, RD_ANAPHORIC,
		RD_ABSOLUTE, RD_ANAPHORIC };
	struct rd_ctx ctx;
	struct rd_match m;
	size_t from = 0, k = 0;

	(void)state;
	reldate_init(&ctx, NULL);
	while (reldate_next(&ctx, text, strlen(text), from, &m)) {
		assert_true(k < 5);
		assert_int_equal(m.kind, want[k]);
		/* 去年 has no publication date; 次年 follows it, so neither */
		if (k == 1 || k == 2) {
			assert_false(m.resolved);
			assert_int_equal(m.date.year, 0);
		} else {
			assert_true(m.resolved);
		}
		k++;
		from = m.start + m.len;
	}
	assert_int_equal(k, 5);
	assert_int_equal(ctx.last.year, 2020);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_kinds),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
