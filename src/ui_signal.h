/* The screen's signals: a quit signal ends the key loop, and dossier then
 * dies of it once the terminal is restored; a crash restores the terminal
 * from the signal handler and dies of its signal. */
#ifndef DOSSIER_UI_SIGNAL_H
#define DOSSIER_UI_SIGNAL_H

#include <signal.h>

/* SIGINT, SIGTERM or SIGHUP once received, else 0: the key loop ends. */
extern volatile sig_atomic_t ui_quit_signal;

/* Before curses changes the terminal: saves the tty's modes and installs
 * the handlers. */
void ui_signals_install(void);
/* Once curses knows the terminal: makes the crash path's reset from the
 * terminal's own terminfo strings. */
void ui_signals_terminal(void);
/* After the terminal is restored: dies of the quit signal, if one came,
 * with its default action, so that a shell loop around dossier stops on
 * Ctrl-C as it would for any program.  Returns if none came. */
void ui_signals_reraise(void);

#endif
