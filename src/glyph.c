#include <config.h>

#include "glyph.h"
#include "text.h"

const char *
glyph(enum glyph g)
{
	static const char *const usual[GL_NGLYPHS] = {
		[GL_READ] = "\u258c", [GL_NOTE] = "\u2020", [GL_SECTION] = "\u00a7",
		[GL_DATE_GAP] = "-\u00b7\u00b7",
	};
	static const char *const narrow[GL_NGLYPHS] = {
		[GL_READ] = ">", [GL_NOTE] = "+", [GL_SECTION] = "#", [GL_DATE_GAP] = "-..",
	};

	return (text_ambiwidth() == 2 ? narrow : usual)[g];
}
