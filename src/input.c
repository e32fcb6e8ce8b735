/* Keys from bytes: UTF-8 decoding that drops a bad byte alone, and
 * bracketed paste. */
#include <config.h>

#include <stdint.h>
#include <string.h>
#include <unistr.h>

#include "input.h"

/* Bytes a character that starts with b takes, 0 if b cannot start one. */
static size_t
utf8_length(unsigned char b)
{
	if (b < 0x80)
		return 1;
	if (b >= 0xc2 && b <= 0xdf)
		return 2;
	if (b >= 0xe0 && b <= 0xef)
		return 3;
	if (b >= 0xf0 && b <= 0xf4)
		return 4;
	return 0;
}

static enum input_kind
byte(struct input *in, unsigned char b, int *code)
{
	ucs4_t uc;

	if (in->nseq > 0 && (b & 0xc0) != 0x80)
		in->nseq = 0;   /* cut short: drop it, b starts afresh */
	if (in->nseq == 0) {
		in->need = utf8_length(b);
		if (in->need == 0)
			return IN_NONE;  /* a stray or invalid byte */
	}
	in->seq[in->nseq++] = b;
	if (in->nseq < in->need)
		return IN_NONE;
	in->nseq = 0;
	/* Overlong forms, surrogates and past U+10FFFF are no characters. */
	if (u8_mbtoucr(&uc, in->seq, in->need) != (int)in->need)
		return IN_NONE;
	*code = (int)uc;
	return IN_CHAR;
}

enum input_kind
input_feed(struct input *in, int c, bool is_key, int *code)
{
	if (is_key && c == INPUT_PASTE_BEGIN) {
		in->nseq = 0;
		in->pasting = true;
		in->npaste = 0;
		return IN_NONE;
	}
	if (is_key && c == INPUT_PASTE_END) {
		if (!in->pasting)
			return IN_NONE;
		in->pasting = false;
		return IN_PASTE;
	}
	if (in->pasting) {
		/* Keys curses made of pasted bytes are not typed keys. */
		if (!is_key && in->npaste < sizeof in->paste)
			in->paste[in->npaste++] = (char)c;
		return IN_NONE;
	}
	if (is_key) {
		in->nseq = 0;
		*code = c;
		return IN_KEY;
	}
	return byte(in, (unsigned char)c, code);
}

enum input_kind
input_idle(struct input *in)
{
	in->nseq = 0;
	if (!in->pasting)
		return IN_NONE;
	in->pasting = false;
	return IN_PASTE;
}
