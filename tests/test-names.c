/* Unit tests of the name patterns (src/names.c), on invented sentences. */
#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "names.h"

/* The candidates of l as "name[alias|alias]" with P or O, joined by "; ". */
static void
show(const struct nm_list *l, char *out, size_t cap)
{
	out[0] = '\0';
	for (size_t i = 0; i < l->n; i++) {
		size_t k = strlen(out);
		k += (size_t)snprintf(out + k, cap - k, "%s%c %s[", i ? "; " : "",
		    l->v[i].person ? 'P' : 'O', l->v[i].name);
		for (size_t a = 0; a < l->v[i].nalias; a++)
			k += (size_t)snprintf(out + k, cap - k, "%s%s", a ? "|" : "", l->v[i].alias[a]);
		snprintf(out + k, cap - k, "]");
	}
}

static void
expect_with(const char *const *texts, size_t nt, const char *want, bool latin)
{
	struct nm_list l;
	size_t lens[8];
	char got[1024];

	names_init(&l);
	for (size_t t = 0; t < nt; t++) {
		lens[t] = strlen(texts[t]);
		names_scan(&l, texts[t], lens[t]);
	}
	names_short_forms(&l, texts, lens, nt);
	if (latin)
		names_latin_orgs(&l, texts, lens, nt);
	assert_false(l.oom);
	show(&l, got, sizeof got);
	if (strcmp(got, want) != 0)
		fail_msg("want \"%s\", got \"%s\"", want, got);
	names_free(&l);
}

#define EXPECT(want, ...) do { \
	const char *const t_[] = { __VA_ARGS__ }; \
	expect_with(t_, sizeof t_ / sizeof *t_, want, false); \
} while (0)
#define EXPECT_LATIN(want, ...) do { \
	const char *const t_[] = { __VA_ARGS__ }; \
	expect_with(t_, sizeof t_ / sizeof *t_, want, true); \
} while (0)

static void
test_dotted_with_latin(void **state)
{
	(void)state;
	EXPECT("P 阿曼德·朱林[Armand Joulin]", "研究主管阿曼德·朱林(Armand Joulin)于5月离开");
	/* full-width parentheses, other dots */
	EXPECT("P 艾达·洛芙莱斯[Ada Lovelace]", "实验室主管艾达·洛芙莱斯（Ada Lovelace）说");
	EXPECT("P 查尔斯・巴贝奇[]", "工程师查尔斯・巴贝奇设计了机器");
	EXPECT("P 查尔斯•巴贝奇[]", "工程师查尔斯•巴贝奇设计了机器");
}

static void
test_dotted_alone(void **state)
{
	(void)state;
	EXPECT("P 约翰·卡马克[]", "VR大神约翰·卡马克辞去CTO一职");
	/* a dot between words that are not a transliteration */
	EXPECT("", "研究·开发");
}

static void
test_surname_and_latin(void **state)
{
	(void)state;
	EXPECT("P 杨立昆[Yann LeCun]", "2013年,法国科学家杨立昆(Yann LeCun)加入");
	EXPECT("P 王小明[Xiaoming Wang]", "记者王小明（Xiaoming Wang）报道");
}

static void
test_organizations(void **state)
{
	(void)state;
	EXPECT("O 自动化广告产品[Basement Advantage]",
	    "通过我们的自动化广告产品(Basement Advantage)销售");
	EXPECT("O 北京大学[Peking University]", "他毕业于北京大学(Peking University)");
	/* Latin before the parenthesis: a gloss, not a name */
	EXPECT("", "例如LAB(某公司的AI部门)研究主管");
	/* Latin that does not start with a capital */
	EXPECT("", "模型(internal)");
}

static void
test_short_forms(void **state)
{
	(void)state;
	EXPECT("P 马克·巴贝奇[Mark Babbage|巴贝奇]",
	    "马克·巴贝奇(Mark Babbage)贯彻原则", "如今巴贝奇仍然表示");
	/* the short form never alone: no alias */
	EXPECT("P 马克·巴贝奇[Mark Babbage]", "马克·巴贝奇(Mark Babbage)贯彻原则");
	/* two people with one surname: no alias for either */
	EXPECT("P 约翰·史密斯[]; P 安娜·史密斯[]", "约翰·史密斯和安娜·史密斯", "史密斯说");
	/* a Latin short form used alone */
	EXPECT("P 艾达·洛芙莱斯[Ada Lovelace|洛芙莱斯|Lovelace]",
	    "艾达·洛芙莱斯(Ada Lovelace)说", "洛芙莱斯和Lovelace");
}

static void
test_merge(void **state)
{
	(void)state;
	/* one name, two spellings of its Latin form */
	EXPECT("P 内特·米切尔[Nate Mitchell|Nate Michell]",
	    "高管内特·米切尔(Nate Mitchell)", "内特·米切尔(Nate Michell)");
}

static void
test_latin_orgs(void **state)
{
	(void)state;
	/* twice or more, on its own; a digit and a hyphen inside */
	EXPECT_LATIN("O Basement Lab[]; O Model-7 2[]",
	    "Basement Lab发布了Model-7 2。", "Basement Lab的Model-7 2很受欢迎。");
	/* once only; an abbreviation; a lowercase start */
	EXPECT_LATIN("", "Basement Lab的AI和VR,以及GPU。", "AI和VR都是iPhone和iPhone的。");
	/* part of a person's Latin name: not an organization */
	EXPECT_LATIN("P 艾达·洛芙莱斯[Ada Lovelace|Lovelace]",
	    "艾达·洛芙莱斯(Ada Lovelace)说", "Lovelace和Ada认为");
	/* more than four words: a sentence, not a name */
	EXPECT_LATIN("", "他说This Is Not A Name At All。", "This Is Not A Name At All。");
}

/* A candidate added again by any of its forms is the first that has it,
 * past the growth of the table of forms: a name, then the same name
 * with a Latin alias, which the second finding adds. */
static void
test_many_candidates(void **state)
{
	struct nm_list l;
	char name[32], text[96];

	(void)state;
	names_init(&l);
	for (unsigned i = 0; i < 3000; i++) {
		snprintf(name, sizeof name, "Name %u", i);
		assert_int_equal(names_add(&l, name, strlen(name), true, "test"), (long)i);
	}
	for (unsigned i = 0; i < 3000; i += 7) {
		snprintf(name, sizeof name, "Name %u", i);
		assert_int_equal(names_add(&l, name, strlen(name), false, "test"), (long)i);
	}
	/* 示例公司(Example Corp): a new candidate with an alias; the alias
	 * then finds it */
	snprintf(text, sizeof text, "示例公司(Example Corp)发布了。");
	names_scan(&l, text, strlen(text));
	assert_int_equal(l.n, 3001);
	assert_int_equal(names_add(&l, "Example Corp", strlen("Example Corp"), false, "test"), 3000);
	assert_int_equal(names_add(&l, "示例公司", strlen("示例公司"), false, "test"), 3000);
	assert_int_equal(names_add(&l, "Name 3000", strlen("Name 3000"), false, "test"), 3001);
	assert_false(l.oom);
	names_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dotted_with_latin),
		cmocka_unit_test(test_dotted_alone),
		cmocka_unit_test(test_surname_and_latin),
		cmocka_unit_test(test_organizations),
		cmocka_unit_test(test_short_forms),
		cmocka_unit_test(test_merge),
		cmocka_unit_test(test_latin_orgs),
		cmocka_unit_test(test_many_candidates),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
