/* The article's text mode: the original, the dossier's English (each
 * paragraph's Gloss) or both.  A paragraph's rows are the wrapped lines
 * of what the mode shows of it, their starts in the offset space of a
 * reading position: the text from 0, the gloss from the text's length. */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "view.h"

const char *const text_mode_names[TEXT_NMODES] = { "original", "english", "both" };

bool
text_mode_parse(const char *s, enum text_mode *out)
{
	for (int m = 0; m < TEXT_NMODES; m++)
		if (strcmp(s, text_mode_names[m]) == 0) {
			*out = (enum text_mode)m;
			return true;
		}
	return false;
}

/* A paragraph without a gloss shows its text in every mode. */
bool
art_shows_text(const struct view *v, size_t para)
{
	return v->text != TEXT_ENGLISH || v->d->paras[para].gloss.n == 0;
}

bool
art_shows_gloss(const struct view *v, size_t para)
{
	return v->text != TEXT_ORIGINAL && v->d->paras[para].gloss.n > 0;
}

int
art_gloss_indent(const struct view *v)
{
	return v->text == TEXT_BOTH ? 2 : 0;
}

size_t
art_body_wrap(const struct view *v, size_t para, int width, struct text_line **out)
{
	const struct ds_paragraph *p = &v->d->paras[para];
	struct text_line *t = NULL, *g = NULL, *all;
	size_t nt = 0, ng = 0;
	int gw = width - art_gloss_indent(v);

	if (art_shows_text(v, para) && (nt = text_wrap(p->text.s, p->text.n, width, &t)) == 0)
		return 0;
	if (art_shows_gloss(v, para) &&
	    (ng = text_wrap(p->gloss.s, p->gloss.n, gw > 0 ? gw : 1, &g)) == 0) {
		free(t);
		return 0;
	}
	for (size_t i = 0; i < ng; i++)
		g[i].start += p->text.n;
	if (ng == 0 || nt == 0) {
		*out = ng ? g : t;
		return ng ? ng : nt;
	}
	all = realloc(t, (nt + ng) * sizeof *all);
	if (!all) {
		free(t);
		free(g);
		return 0;
	}
	memcpy(all + nt, g, ng * sizeof *g);
	free(g);
	*out = all;
	return nt + ng;
}

void
view_set_text(struct view *v, enum text_mode m)
{
	struct art_pos p = v->art;
	size_t textn;

	v->text = m;
	if (v->d->nparas == 0)
		return;
	textn = v->d->paras[p.para].text.n;
	/* From the start of the paragraph's text or gloss, or from a place
	 * the mode does not show: the start of what it shows. */
	if (p.off == 0 || p.off == textn ||
	    (p.off < textn ? !art_shows_text(v, p.para) : !art_shows_gloss(v, p.para)))
		p.off = art_shows_text(v, p.para) ? 0 : textn;
	art_goto(v, p.para, art_row_of(v, p, art_text_width(v)));
}

void
view_cycle_text(struct view *v)
{
	view_set_text(v, (enum text_mode)((v->text + 1) % TEXT_NMODES));
}

size_t
art_show_hit(struct view *v, size_t para, bool in_gloss, size_t off)
{
	if (in_gloss ? !art_shows_gloss(v, para) : !art_shows_text(v, para))
		view_set_text(v, TEXT_BOTH);
	return in_gloss ? v->d->paras[para].text.n + off : off;
}
