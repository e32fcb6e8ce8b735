/* Name patterns: candidates for people and organizations, from the way
 * Chinese news writes a foreign or Chinese name beside its Latin form. */
#include <config.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "strtrie.h"

/* Characters of the standard transliterations of foreign names (the
 * Xinhua tables' most frequent ones), minus those that are also common
 * words; a run of them beside a middle dot is a name. */
static const char translit[] =
	"阿埃艾爱安昂奥澳巴芭拜班邦鲍贝本比彼毕宾波伯泊博布查达戴丹德迪登蒂丁杜敦"
	"多厄恩尔法凡范菲斐费芬丰冯佛弗福夫富盖甘冈戈哥格根古瓜哈海汉豪赫亨洪胡怀"
	"霍基吉加佳贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里利莉丽"
	"列林琳玲留柳隆卢鲁路伦罗洛马玛迈麦曼芒梅门蒙米密敏缪莫默姆穆娜纳乃奈南楠"
	"内妮尼涅宁纽努诺欧帕派潘庞佩彭蓬皮珀普齐奇恰乔切钦琴丘屈萨塞赛桑瑟森沙莎"
	"尚绍舍申施什史斯松苏索塔泰坦汤唐陶特滕提廷汀图托瓦万旺威韦维温沃乌伍西希"
	"锡席夏谢辛欣休雅亚扬耶伊依因英尤约泽扎詹朱卓兹祖佐翰琼哲黛薇芙茜娅";

/* Common Chinese surnames: a two- or three-character name beside a Latin
 * full name starts with one. */
static const char surnames[] =
	"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁"
	"潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦"
	"邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤毕黄欧沈";

/* Characters that end the words before an organization's name. */
static const char stops[] = "的了在是和与及对把被将为从向由或等也都而又就并且其该这那于他她我你们";

/* Words in a Latin name that make it an organization's. */
static const char *const org_words[] = { "AI", "Inc", "Corp", "Co", "Ltd", "LLC",
	"Lab", "Labs", "Research", "University", "Institute", "Group", "Company",
	"Technologies", "Technology", "Foundation", "Bank", "News", "Times", "Post",
	"Capital", "Ventures", "Partners", "Analytica", "Systems", "Games", "Studios",
	"Media", "Network", "Press", "Agency", "Association", "Council", "Committee" };

/* The middle dots of names: U+00B7, U+30FB, U+2022, U+2027, U+FF65. */
static size_t
dot_len(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;

	if (n >= 2 && p[0] == 0xc2 && p[1] == 0xb7)
		return 2;
	if (n >= 3 && ((p[0] == 0xe3 && p[1] == 0x83 && p[2] == 0xbb) ||
	    (p[0] == 0xe2 && p[1] == 0x80 && (p[2] == 0xa2 || p[2] == 0xa7)) ||
	    (p[0] == 0xef && p[1] == 0xbd && p[2] == 0xa5)))
		return 3;
	return 0;
}

/* Byte length of the UTF-8 character ending at s[i] (exclusive), 0 at 0. */
static size_t
prev_len(const char *s, size_t i)
{
	size_t k = 0;

	while (k < i && k < 4) {
		k++;
		if (((unsigned char)s[i - k] & 0xc0) != 0x80)
			break;
	}
	return k;
}

static size_t
char_len(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];
	size_t k = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;

	return k <= n ? k : n;
}

/* Whether the character at s (k bytes) is one of set. */
static bool
in_set(const char *set, const char *s, size_t k)
{
	if (k < 3)
		return false;
	for (const char *p = set; *p; p += 3)
		if (memcmp(p, s, 3) == 0)
			return true;
	return false;
}

static bool
is_cjk(const char *s, size_t k)
{
	const unsigned char *p = (const unsigned char *)s;

	/* U+3400..U+9FFF */
	return k == 3 && ((p[0] >= 0xe4 && p[0] <= 0xe9) || (p[0] == 0xe3 && p[1] >= 0x90));
}

static char *
dup(const char *s, size_t n)
{
	char *d = malloc(n + 1);

	if (d) {
		memcpy(d, s, n);
		d[n] = '\0';
	}
	return d;
}

void
names_init(struct nm_list *l)
{
	memset(l, 0, sizeof *l);
}

void
names_free(struct nm_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].name);
		for (size_t a = 0; a < l->v[i].nalias; a++)
			free(l->v[i].alias[a]);
	}
	free(l->v);
	strmap_free(&l->forms);
	names_init(l);
}

bool
names_has_form(const struct nm_cand *c, const char *form, size_t n)
{
	if (strlen(c->name) == n && memcmp(c->name, form, n) == 0)
		return true;
	for (size_t a = 0; a < c->nalias; a++)
		if (strlen(c->alias[a]) == n && memcmp(c->alias[a], form, n) == 0)
			return true;
	return false;
}

/* The first candidate with the form s[0..n), or -1. */
static long
form_owner(const struct nm_list *l, const char *s, size_t n)
{
	long k = strmap_find(&l->forms, s, n);

	return k < 0 ? -1 : (long)l->forms.val[k];
}

/* Candidate c has a new form, s (its own copy). */
static void
note_form(struct nm_list *l, const char *s, size_t n, size_t c)
{
	long k = strmap_find(&l->forms, s, n);

	if (k >= 0) {
		if (c < l->forms.val[k])
			l->forms.val[k] = c;
	} else if (strmap_add(&l->forms, s, n, c) < 0) {
		l->oom = true;
	}
}

static void
add_alias(struct nm_list *l, struct nm_cand *c, const char *s, size_t n)
{
	if (!n || names_has_form(c, s, n) || c->nalias == NM_MAX_ALIAS)
		return;
	if (!(c->alias[c->nalias] = dup(s, n))) {
		l->oom = true;
		return;
	}
	note_form(l, c->alias[c->nalias], n, (size_t)(c - l->v));
	c->nalias++;
}

long
names_add(struct nm_list *l, const char *name, size_t n, bool person, const char *rule)
{
	long owner = form_owner(l, name, n);

	if (owner >= 0)
		return owner;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct nm_cand *v = realloc(l->v, cap * sizeof *v);
		if (!v)
			return l->oom = true, -1;
		l->v = v;
		l->cap = cap;
	}
	struct nm_cand *c = &l->v[l->n];
	memset(c, 0, sizeof *c);
	if (!(c->name = dup(name, n)))
		return l->oom = true, -1;
	c->person = person;
	c->rule = rule;
	note_form(l, c->name, n, l->n);
	return (long)l->n++;
}

/* The transliterated name around the dot at s[d]: its start and end. */
static bool
dotted_span(const char *s, size_t n, size_t d, size_t *from, size_t *to)
{
	size_t i = d, j = d, chars = 0, k;

	while (i > 0 && chars < 6 && (k = prev_len(s, i)) && in_set(translit, s + i - k, k)) {
		i -= k;
		chars++;
	}
	if (!chars)
		return false;
	for (;;) {
		size_t dl = dot_len(s + j, n - j), seg = 0;
		if (!dl)
			break;
		size_t e = j + dl;
		while (e < n && seg < 6 && (k = char_len(s + e, n - e)) && in_set(translit, s + e, k)) {
			e += k;
			seg++;
		}
		if (!seg)
			break;
		j = e;
	}
	if (j == d)
		return false;
	*from = i;
	*to = j;
	return true;
}

/* The Latin inside parentheses at s[i] ('(' or U+FF08): its bytes, and
 * the end of the closing parenthesis. */
static bool
latin_in_parens(const char *s, size_t n, size_t i, size_t *ls, size_t *le, size_t *end)
{
	size_t k;

	if (s[i] == '(')
		k = i + 1;
	else if (n - i >= 3 && memcmp(s + i, "（", 3) == 0)
		k = i + 3;
	else
		return false;
	if (k >= n || s[k] < 'A' || s[k] > 'Z')
		return false;
	*ls = k;
	for (; k < n && k - *ls < 80; k++) {
		unsigned char c = (unsigned char)s[k];
		if (c == ')' || (n - k >= 3 && memcmp(s + k, "）", 3) == 0)) {
			*le = k;
			while (*le > *ls && s[*le - 1] == ' ')
				--*le;
			*end = k + (c == ')' ? 1 : 3);
			return true;
		}
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && !(c >= '0' && c <= '9') &&
		    !strchr(" -.'&", c))
			return false;
	}
	return false;
}

/* Two or three words, each a capital then a lowercase letter somewhere,
 * none of them an organization's word. */
static bool
latin_person(const char *s, size_t n)
{
	size_t words = 0, i = 0;

	while (i < n) {
		size_t j = i;
		bool lower = false;
		while (j < n && s[j] != ' ') {
			lower |= s[j] >= 'a' && s[j] <= 'z';
			j++;
		}
		if (s[i] < 'A' || s[i] > 'Z' || !lower)
			return false;
		for (size_t w = 0; w < sizeof org_words / sizeof *org_words; w++)
			if (strlen(org_words[w]) == j - i && memcmp(org_words[w], s + i, j - i) == 0)
				return false;
		words++;
		i = j;
		while (i < n && s[i] == ' ')
			i++;
	}
	return words >= 2 && words <= 3;
}

/* The name before the parenthesis at s[p]: a dotted name, a Chinese
 * name of a common surname, or the words after the last stop. */
static bool
name_before(const char *s, size_t n, size_t p, const char *latin, size_t ln,
    size_t *from, bool *person, const char **rule)
{
	size_t k = prev_len(s, p), to, i, chars = 0;

	if (!k || !is_cjk(s + p - k, k))
		return false;
	/* a dotted name ending here */
	for (i = p; i > 0 && chars < 14; chars++) {
		k = prev_len(s, i);
		if (dot_len(s + i - k, k) == k && dotted_span(s, n, i - k, from, &to) && to == p) {
			*person = true;
			*rule = "a middle dot in the name";
			return true;
		}
		if (!in_set(translit, s + i - k, k) && !dot_len(s + i - k, k))
			break;
		i -= k;
	}
	if (latin_person(latin, ln)) {
		for (size_t want = 3; want >= 2; want--) {
			size_t j = p;
			for (chars = 0; chars < want && j > 0; chars++) {
				k = prev_len(s, j);
				if (!is_cjk(s + j - k, k))
					break;
				j -= k;
			}
			if (chars == want && in_set(surnames, s + j, 3)) {
				*from = j;
				*person = true;
				*rule = "a Chinese surname and a Latin full name";
				return true;
			}
		}
	}
	for (i = p, chars = 0; i > 0 && chars < 8; chars++) {
		k = prev_len(s, i);
		if (!is_cjk(s + i - k, k) || in_set(stops, s + i - k, k))
			break;
		i -= k;
	}
	if (chars < 2 || chars == 8)
		return false;
	*from = i;
	*person = false;
	*rule = "Chinese words with a Latin name that is not a person's";
	return true;
}

static void
add_found(struct nm_list *l, const char *name, size_t n, const char *latin,
    size_t ln, bool person, const char *rule)
{
	long c = names_add(l, name, n, person, rule);

	if (c >= 0 && latin)
		add_alias(l, &l->v[c], latin, ln);
}

void
names_scan(struct nm_list *l, const char *s, size_t n)
{
	size_t next;

	for (size_t i = 0; i < n; i = next) {
		size_t ls, le, end, from, to;
		bool person;
		const char *rule;

		next = i + char_len(s + i, n - i);
		if (latin_in_parens(s, n, i, &ls, &le, &end) &&
		    name_before(s, n, i, s + ls, le - ls, &from, &person, &rule)) {
			add_found(l, s + from, i - from, s + ls, le - ls, person, rule);
			next = end;
			continue;
		}
		if (dot_len(s + i, n - i) && dotted_span(s, n, i, &from, &to)) {
			add_found(l, s + from, to - from, NULL, 0, true, "a middle dot in the name");
			next = to;
		}
	}
}

/* The short form of a full name: after its last dot, or its last word. */
static bool
short_form(const char *full, const char **s, size_t *n)
{
	size_t len = strlen(full), i = len;

	while (i > 0) {
		size_t k = prev_len(full, i);
		if (dot_len(full + i - k, k) == k || full[i - 1] == ' ')
			break;
		i -= k;
	}
	if (i == 0 || i == len)
		return false;
	*s = full + i;
	*n = len - i;
	return true;
}

/* Each person's forms, full then short, and what a pass over the
 * article and over the candidates' forms tells of them. */
struct short_forms {
	struct ds_str *pats;       /* full, short, full, short ... */
	size_t n, cap;
	struct strtrie trie;
	size_t *count;             /* occurrences in the article */
	uint64_t *owners;          /* short ones: two candidates that have it in a
	                            * form, c + 1 in the low half, another in the
	                            * high one */
};

struct counting {
	struct short_forms *sf;
	size_t *next_free, base;
};

static bool
counted(void *arg, size_t at, size_t i)
{
	struct counting *x = arg;

	if (x->base + at >= x->next_free[i]) {
		x->sf->count[i]++;
		x->next_free[i] = x->base + at + x->sf->pats[i].n;
	}
	return true;
}

/* Counts, in the texts, each pattern without overlaps, as a search from
 * the end of the last one finds it: all in one pass. */
static bool
count_all(struct short_forms *sf, const char *const *texts, const size_t *lens, size_t nt)
{
	struct counting x = { sf, calloc(sf->n ? sf->n : 1, sizeof *x.next_free), 0 };

	if (!x.next_free)
		return false;
	for (size_t t = 0; t < nt; x.base += lens[t], t++)
		strtrie_each(&sf->trie, texts[t], lens[t], counted, &x);
	free(x.next_free);
	return true;
}

struct owning {
	struct short_forms *sf;
	size_t c;
};

static bool
owned(void *arg, size_t at, size_t i)
{
	struct owning *x = arg;
	uint64_t *o = &x->sf->owners[i];

	(void)at;
	if (!(i & 1))
		return true;
	if (!*o)
		*o = x->c + 1;
	else if ((*o & 0xffffffff) != x->c + 1 && (*o >> 32) == 0)
		*o |= (uint64_t)(x->c + 1) << 32;
	return true;
}

/* Candidate c has form s[0..n): the short forms in it have c as an
 * owner. */
static void
note_owner(struct short_forms *sf, const char *s, size_t n, size_t c)
{
	struct owning x = { sf, c };

	strtrie_each(&sf->trie, s, n, owned, &x);
}

/* Whether a candidate other than self has short form k in a form. */
static bool
owned_by_other(const struct short_forms *sf, size_t self, size_t k)
{
	uint64_t o = sf->owners[k];

	return o && ((o & 0xffffffff) != self + 1 || (o >> 32) != 0);
}

static bool
add_pattern(struct short_forms *sf, const char *s, size_t n)
{
	if (sf->n == sf->cap) {
		size_t cap = sf->cap ? 2 * sf->cap : 64;
		struct ds_str *v = realloc(sf->pats, cap * sizeof *v);
		if (!v)
			return false;
		sf->pats = v;
		sf->cap = cap;
	}
	sf->pats[sf->n++] = (struct ds_str){ s, n };
	return true;
}

/* The persons' forms, as they are before any short form is added: each
 * person's turn adds to itself only. */
static bool
short_forms_init(struct short_forms *sf, const struct nm_list *l,
    const char *const *texts, const size_t *lens, size_t nt)
{
	memset(sf, 0, sizeof *sf);
	for (size_t i = 0; i < l->n; i++)
		for (size_t f = 0; l->v[i].person && f < 1 + l->v[i].nalias; f++) {
			const char *full = f ? l->v[i].alias[f - 1] : l->v[i].name, *s;
			size_t sn;
			if (short_form(full, &s, &sn) &&
			    (!add_pattern(sf, full, strlen(full)) || !add_pattern(sf, s, sn)))
				return false;
		}
	if (strtrie_init(&sf->trie, sf->pats, sf->n) < 0 ||
	    !(sf->count = calloc(sf->n ? sf->n : 1, sizeof *sf->count)) ||
	    !(sf->owners = calloc(sf->n ? sf->n : 1, sizeof *sf->owners)) ||
	    !count_all(sf, texts, lens, nt))
		return false;
	for (size_t j = 0; j < l->n; j++) {
		note_owner(sf, l->v[j].name, strlen(l->v[j].name), j);
		for (size_t a = 0; a < l->v[j].nalias; a++)
			note_owner(sf, l->v[j].alias[a], strlen(l->v[j].alias[a]), j);
	}
	return true;
}

static void
short_forms_free(struct short_forms *sf)
{
	free(sf->pats);
	strtrie_free(&sf->trie);
	free(sf->count);
	free(sf->owners);
}

void
names_short_forms(struct nm_list *l, const char *const *texts, const size_t *lens,
    size_t nt)
{
	struct short_forms sf;
	size_t k = 0;

	if (!short_forms_init(&sf, l, texts, lens, nt)) {
		short_forms_free(&sf);
		l->oom = true;
		return;
	}
	for (size_t i = 0; i < l->n; i++) {
		struct nm_cand *c = &l->v[i];
		size_t forms = 1 + c->nalias;
		if (!c->person)
			continue;
		for (size_t f = 0; f < forms; f++) {
			const char *full = f ? c->alias[f - 1] : c->name, *s;
			size_t sn, had = c->nalias;
			if (!short_form(full, &s, &sn))
				continue;
			k += 2;
			if (owned_by_other(&sf, i, k - 1) || sf.count[k - 1] <= sf.count[k - 2])
				continue;
			add_alias(l, c, s, sn);
			if (c->nalias > had)
				note_owner(&sf, c->alias[had], sn, i);
		}
	}
	short_forms_free(&sf);
}

/* Abbreviations that are words of the language more than names. */
static const char *const not_names[] = { "AI", "VR", "AR", "XR", "MR", "CEO", "CTO",
	"CFO", "COO", "GPU", "GPUs", "CPU", "PC", "IT", "MRI", "IPO", "App", "APP", "PR",
	"US", "UK", "EU", "OK", "TV", "ID", "DNA", "USB", "API", "APIs", "SDK", "PPT",
	"KPI", "AIGC", "AGI", "LLM", "LLMs", "GDP", "CEOs", "All", "The", "A", "I" };

static bool
alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* The Latin run at s[i], i at the start of a word: its end (at least i),
 * and in *ok whether it can be a name. */
static size_t
latin_run(const char *s, size_t n, size_t i, bool *ok)
{
	size_t e = i, words = 1;

	*ok = false;
	if (!alnum((unsigned char)s[i]) || (i > 0 && (alnum((unsigned char)s[i - 1]) ||
	    strchr("-.'", s[i - 1]))))
		return i;
	for (;;) {
		while (e < n && alnum((unsigned char)s[e]))
			e++;
		/* one space, a hyphen or a dot inside the name, then more of it */
		if (e + 1 < n && strchr(" -.", s[e]) && alnum((unsigned char)s[e + 1])) {
			words += s[e] == ' ';
			e++;
			continue;
		}
		break;
	}
	*ok = s[i] >= 'A' && s[i] <= 'Z' && words <= 4 &&
	    !(e < n && strchr("'-", s[e]));
	return e;
}

static bool
common(const char *s, size_t n)
{
	for (size_t k = 0; k < sizeof not_names / sizeof *not_names; k++)
		if (strlen(not_names[k]) == n && memcmp(not_names[k], s, n) == 0)
			return true;
	return false;
}

/* Whether s[0..n) is inside one of c's forms (Joulin in Armand Joulin). */
static bool
in_forms(const struct nm_cand *c, const char *s, size_t n)
{
	if (memmem(c->name, strlen(c->name), s, n))
		return true;
	for (size_t a = 0; a < c->nalias; a++)
		if (memmem(c->alias[a], strlen(c->alias[a]), s, n))
			return true;
	return false;
}

struct run {
	const char *s;
	size_t n, order;
};

static int
by_text(const void *a, const void *b)
{
	const struct run *x = a, *y = b;
	int c = memcmp(x->s, y->s, x->n < y->n ? x->n : y->n);

	if (c)
		return c;
	if (x->n != y->n)
		return x->n < y->n ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_order(const void *a, const void *b)
{
	const struct run *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

/* Every Latin run that can be a name, in text order; NULL when there are
 * none or memory runs out (then l->oom). */
static struct run *
latin_runs(struct nm_list *l, const char *const *texts, const size_t *lens, size_t nt,
    size_t *nr)
{
	struct run *r = NULL;
	size_t cap = 0;

	*nr = 0;
	for (size_t t = 0; t < nt; t++)
		for (size_t i = 0; i < lens[t]; i++) {
			bool ok;
			size_t e = latin_run(texts[t], lens[t], i, &ok);
			if (ok && !common(texts[t] + i, e - i)) {
				if (*nr == cap) {
					struct run *v = realloc(r, (cap = cap ? cap * 2 : 64) * sizeof *v);
					if (!v) {
						l->oom = true;
						free(r);
						return NULL;
					}
					r = v;
				}
				r[*nr] = (struct run){ texts[t] + i, e - i, *nr };
				++*nr;
			}
			if (e > i)
				i = e;
		}
	return r;
}

void
names_latin_orgs(struct nm_list *l, const char *const *texts, const size_t *lens,
    size_t nt)
{
	size_t nr, kept = 0;
	struct run *r = latin_runs(l, texts, lens, nt, &nr);

	if (!r)
		return;
	/* Equal runs side by side: the first of each group of two or more. */
	qsort(r, nr, sizeof *r, by_text);
	for (size_t i = 0, j; i < nr; i = j) {
		for (j = i + 1; j < nr && r[j].n == r[i].n && memcmp(r[j].s, r[i].s, r[i].n) == 0; j++)
			;
		if (j - i >= 2)
			r[kept++] = r[i];
	}
	/* In the order of the text, so that ids follow it. */
	qsort(r, kept, sizeof *r, by_order);
	for (size_t i = 0; i < kept; i++) {
		bool known = form_owner(l, r[i].s, r[i].n) >= 0;
		for (size_t c = 0; c < l->n && !known; c++)
			known = l->v[c].person && in_forms(&l->v[c], r[i].s, r[i].n);
		if (!known)
			names_add(l, r[i].s, r[i].n, false,
			    "a Latin name used more than once in the text");
	}
	free(r);
}
