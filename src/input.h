/* Keyboard input as the screen gets it from curses, byte by byte, made
 * into keys: UTF-8 characters decoded here so that an invalid byte is
 * dropped alone (it cannot swallow the keys after it), and a bracketed
 * paste gathered into one piece of text.  No curses calls here. */
#ifndef DOSSIER_INPUT_H
#define DOSSIER_INPUT_H

#include <stdbool.h>
#include <stddef.h>

/* Key codes the screen gives curses (define_key) for the terminal's
 * bracketed paste marks; above every KEY_* code of curses. */
#define INPUT_PASTE_BEGIN 0x7f01
#define INPUT_PASTE_END 0x7f02
#define INPUT_PASTE_MAX 4096

enum input_kind { IN_NONE, IN_CHAR, IN_KEY, IN_PASTE };

struct input {
	unsigned char seq[4];      /* a UTF-8 character being read */
	size_t nseq, need;
	bool pasting;
	char paste[INPUT_PASTE_MAX];
	size_t npaste;             /* what did not fit is dropped */
};

/* Feeds what curses read: a byte (is_key false) or a KEY_* code.  Returns
 * IN_CHAR with the code point in *code, IN_KEY with the key in *code,
 * IN_PASTE once a paste ends (its bytes in paste[0..npaste)), or IN_NONE
 * while a character or a paste is incomplete. */
enum input_kind input_feed(struct input *, int c, bool is_key, int *code);
/* Nothing came for a while: a character cut short is dropped, and a paste
 * whose end mark never came ends (IN_PASTE), else IN_NONE. */
enum input_kind input_idle(struct input *);

#endif
