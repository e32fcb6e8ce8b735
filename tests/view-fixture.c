#include <config.h>

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "view-fixture.h"

struct view *
open_view(struct dossier *d, int rows, int cols)
{
	struct view *v = malloc(sizeof *v);
	struct index ix = { 0 };

	assert_non_null(v);
	assert_int_equal(view_init(v, d, &ix), 0);
	view_resize(v, rows, cols);
	return v;
}

void
close_view(struct view *v)
{
	view_free(v);
	free(v);
}

void
keys(struct view *v, const char *s)
{
	for (; *s; s++) {
		if (v->own.pending)
			own_letter(v, (unsigned char)*s);
		else
			view_action(v, key_lookup((unsigned char)*s, false, view_scope(v)));
	}
}
