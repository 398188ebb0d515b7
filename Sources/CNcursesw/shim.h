#ifndef BACKPROP_CNCURSESW_SHIM_H
#define BACKPROP_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config -D flags, so the wide-character API is switched on here, before the
// header is read.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <ncursesw/curses.h>

// Swift does not import macros with arguments (A_BOLD is NCURSES_BITS(1U,13)) nor, in Swift 6,
// C globals such as stdscr and stdout. These functions hand them over.

/// The standard window of the current screen (the one `newterm` made current).
static inline WINDOW *backprop_stdscr(void) { return stdscr; }

/// The C standard output stream, for `newterm`.
static inline FILE *backprop_stdout(void) { return stdout; }

/// The C standard input stream, for `newterm`.
static inline FILE *backprop_stdin(void) { return stdin; }

/// The attribute bits for a cell's text attributes (colour is passed separately as a pair).
static inline attr_t backprop_attributes(bool bold, bool dim, bool reverse, bool underline) {
    attr_t attributes = WA_NORMAL;
    if (bold) attributes |= WA_BOLD;
    if (dim) attributes |= WA_DIM;
    if (reverse) attributes |= WA_REVERSE;
    if (underline) attributes |= WA_UNDERLINE;
    return attributes;
}

/// `COLORS` and `COLOR_PAIRS`, which are C globals (macros over functions in ncurses 6).
static inline int backprop_colors(void) { return COLORS; }
static inline int backprop_color_pairs(void) { return COLOR_PAIRS; }

/// Whether a `tigetstr` result is a real string: it returns NULL for an absent capability and
/// (char *)-1 for a name that is not a string capability.
static inline bool backprop_is_capability(const char *value) {
    return value != NULL && value != (const char *)-1;
}

/// The mouse events the program asks for: the left and the right button pressed, and the
/// wheel (buttons 4 and 5). Presses, not clicks: a click waits for the release.
static inline mmask_t backprop_mouse_mask(void) {
    return BUTTON1_PRESSED | BUTTON3_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED;
}

/// What a mouse event's `bstate` says: 1 the left button pressed, 2 the right one, 3 the wheel
/// up, 4 the wheel down, 0 anything else.
static inline int backprop_mouse_kind(mmask_t state) {
    if (state & BUTTON1_PRESSED) return 1;
    if (state & BUTTON3_PRESSED) return 2;
    if (state & BUTTON4_PRESSED) return 3;
    if (state & BUTTON5_PRESSED) return 4;
    return 0;
}

/// The bytes that turn the terminal's mouse reporting off, as ncurses writes them for a terminal
/// whose mouse is xterm's (the terminfo `XM` string with 0, or the mode it names, else 1000), for
/// a crash to write without ncurses. A terminal without xterm's mouse ignores them.
static inline const char *backprop_mouse_off_sequence(void) {
    const char *xm = tigetstr("XM");
    if (backprop_is_capability(xm)) return tiparm(xm, 0);
    return tigetnum("XM") == 1006 ? "\033[?1006;1000l" : "\033[?1000l";
}

#endif
