#ifndef BACKPROP_TERMINAL_GUARD_H
#define BACKPROP_TERMINAL_GUARD_H

// The part of terminal safety that must run inside signal handlers, where Swift cannot run
// (Swift globals are lazily initialised and the runtime may allocate). Everything a handler
// touches is prepared here beforehand, and handlers use only async-signal-safe calls.

/// Saves the terminal modes of `input_fd`, remembers `output_fd` for escape sequences and
/// installs the handlers: SIGINT, SIGTERM, SIGHUP, SIGQUIT and SIGTSTP set flags the main loop
/// polls (without SA_RESTART, so a blocked read returns); SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP
/// and SIGABRT restore the terminal and then die as they would have. Call it before
/// `newterm`, so ncurses sees handlers in place and does not install its own.
/// Returns 0, or -1 when the terminal modes cannot be read.
int backprop_guard_begin(int input_fd, int output_fd);

/// Appends an escape sequence (terminfo delays `$<..>` removed) to what a dying process writes to
/// put the terminal back: attributes off, cursor visible, keypad local, main screen.
void backprop_guard_add_restore_sequence(const char *sequence);

/// Sends stderr to an unlinked temporary file while the screen is taken, so messages written
/// meanwhile (a Swift "Fatal error: ...") neither smear the screen nor vanish with the alternate
/// screen; `backprop_guard_end` or the crash handler writes them to the real stderr afterwards.
/// Does nothing when stderr is not a terminal. Returns 0 when capturing.
int backprop_guard_capture_stderr(void);

/// The quit signal (SIGINT, SIGTERM, SIGHUP or SIGQUIT) that arrived since the last call, or 0.
/// A second quit signal before the first is taken ends the process at once, terminal restored,
/// so a program that stopped reading its events can still be stopped with Ctrl-C.
int backprop_guard_take_quit_signal(void);

/// Without a terminal (`--snapshot`): installs the flag handlers for SIGINT, SIGTERM, SIGHUP and
/// SIGQUIT only (unless ignored, as nohup asks), and unblocks them in the calling thread, so that
/// long work can poll for a quit signal between slices and clean up before it ends. A second
/// quit signal before the first is taken ends the process at once. `backprop_guard_end` puts
/// the old handlers back. Returns 0, or -1 when the signals cannot be unblocked.
int backprop_guard_watch_quit_signals(void);

/// The quit signal that arrived and has not been taken, or 0; unlike
/// `backprop_guard_take_quit_signal`, it leaves the signal pending.
int backprop_guard_pending_quit_signal(void);

/// Whether SIGTSTP (Ctrl-Z) arrived since the last call.
int backprop_guard_take_suspend_request(void);

/// Stops the process the way Ctrl-Z would have (default SIGTSTP action) and returns once it is
/// continued (`fg`), with the handler back in place. Call it with the terminal already restored.
void backprop_guard_suspend(void);

/// Whether the input has hung up (the terminal went away), so a read would only return EOF.
int backprop_guard_input_hung_up(void);

/// Puts the old signal handlers back, gives stderr back and replays what it captured. Idempotent.
void backprop_guard_end(void);

/// Dereferences a null pointer: a real SIGSEGV for the crash test.
void backprop_guard_crash_with_segfault(void);

#endif
