/* The marks the screen draws in columns of their own.  The usual ones
 * (▌ † § ·) are East Asian Ambiguous, two columns where the terminal draws
 * those two (text_ambiwidth() == 2): there plain ASCII ones take their
 * place, so a mark keeps its one column. */
#ifndef DOSSIER_GLYPH_H
#define DOSSIER_GLYPH_H

enum glyph {
	GL_READ,        /* the paragraph, event or name being read: ▌ or > */
	GL_NOTE,        /* a paragraph with notes: † or + */
	GL_SECTION,     /* a section heading: § or # */
	GL_DATE_GAP,    /* a part of a date the data does not know: -·· or -.. */
	GL_NGLYPHS
};

const char *glyph(enum glyph);

#endif
