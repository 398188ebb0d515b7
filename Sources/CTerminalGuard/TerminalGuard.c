#define _GNU_SOURCE
#include "CTerminalGuard.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

// Everything below is written before the handlers are installed and only read by them, so the
// handlers need no locks and no allocation.

static volatile sig_atomic_t guard_active = 0;
static volatile sig_atomic_t pending_quit_signal = 0;
static volatile sig_atomic_t pending_suspend = 0;

static struct termios saved_modes;
static int have_saved_modes = 0;
static int terminal_input_fd = -1;
static int terminal_output_fd = -1;

static char restore_sequence[1024];
static size_t restore_length = 0;

static int capture_fd = -1;
static int real_stderr_fd = -1;

static pthread_t loop_thread;

// SIGQUIT (Ctrl-\) is a way to quit here, not a crash: the Swift runtime's own handler prints a
// backtrace and lets the program go on, which would leave it running on a restored terminal.
static const int flag_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP};
// Faults, and every other signal whose default action ends the process: each must leave the
// terminal as it was found (kill -USR1 would otherwise leave it raw, on the alternate screen).
static const int fatal_signals[] = {
    SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP, SIGABRT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
    SIGPROF, SIGXCPU, SIGXFSZ, SIGSYS, SIGIO, SIGPWR, SIGSTKFLT};
#define SIGNAL_SLOTS 65
static struct sigaction previous_actions[SIGNAL_SLOTS];
static int installed[SIGNAL_SLOTS];

static void write_all(int fd, const char *bytes, size_t length) {
    while (length > 0) {
        ssize_t written = write(fd, bytes, length);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) return;
        bytes += written;
        length -= (size_t)written;
    }
}

// Async-signal-safe: the precomputed escape sequences, then the saved modes.
static void restore_terminal_raw(void) {
    if (terminal_output_fd >= 0 && restore_length > 0) {
        write_all(terminal_output_fd, restore_sequence, restore_length);
    }
    if (have_saved_modes) tcsetattr(terminal_input_fd, TCSANOW, &saved_modes);
}

// Async-signal-safe: gives fd 2 back and copies what it received meanwhile to it.
static void release_stderr(void) {
    if (capture_fd < 0) return;
    int captured = capture_fd;
    capture_fd = -1;
    dup2(real_stderr_fd, STDERR_FILENO);
    close(real_stderr_fd);
    real_stderr_fd = -1;
    if (lseek(captured, 0, SEEK_SET) == 0) {
        char buffer[4096];
        for (;;) {
            ssize_t count = read(captured, buffer, sizeof buffer);
            if (count < 0 && errno == EINTR) continue;
            if (count <= 0) break;
            write_all(STDERR_FILENO, buffer, (size_t)count);
        }
    }
    close(captured);
}

static void put_back_handler(int sig) {
    if (sig > 0 && sig < SIGNAL_SLOTS && installed[sig]) {
        sigaction(sig, &previous_actions[sig], NULL);
        installed[sig] = 0;
    }
}

// The process is about to die: leave the terminal as it was found, show what went to stderr,
// and let the signal do what it would have done without us.
static void on_fatal_signal(int sig, siginfo_t *info, void *context) {
    (void)context;
    int saved_errno = errno;
    if (guard_active) {
        guard_active = 0;
        restore_terminal_raw();
        release_stderr();
    }
    put_back_handler(sig);
    // A signal sent with kill(1) is not a crash: die by it at once. The previous handler may be
    // the Swift runtime's crash reporter, which would print a backtrace, wait for a key, and
    // then let the program run on over a terminal that is no longer set up for it.
    if (info != NULL && (info->si_code == SI_USER || info->si_code == SI_QUEUE)) {
        struct sigaction default_action;
        memset(&default_action, 0, sizeof default_action);
        default_action.sa_handler = SIG_DFL;
        sigemptyset(&default_action.sa_mask);
        sigaction(sig, &default_action, NULL);
    }
    // A faulting instruction faults again when the handler returns, reaching the previous
    // handler with its real details. Anything else would not come back: a sent signal (kill,
    // raise, abort: si_code <= 0), Ctrl-\ (SI_KERNEL), x86's int3 (the PC is past it).
    int is_fault = (sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL)
        && info != NULL && info->si_code > 0 && info->si_code != SI_KERNEL;
    if (!is_fault) raise(sig);
    errno = saved_errno;
}

static void on_flag_signal(int sig) {
    int saved_errno = errno;
    // Only the loop thread's read is interrupted by a signal, so bring it there.
    if (!pthread_equal(pthread_self(), loop_thread)) {
        pthread_kill(loop_thread, sig);
        errno = saved_errno;
        return;
    }
    if (sig == SIGTSTP) {
        pending_suspend = 1;
    } else if (pending_quit_signal != 0) {
        // Asked twice and the loop has not answered: end now, terminal restored.
        if (guard_active) {
            guard_active = 0;
            restore_terminal_raw();
            release_stderr();
        }
        struct sigaction fallback;
        memset(&fallback, 0, sizeof fallback);
        fallback.sa_handler = SIG_DFL;
        sigemptyset(&fallback.sa_mask);
        sigaction(sig, &fallback, NULL);
        raise(sig);
    } else {
        pending_quit_signal = sig;
    }
    errno = saved_errno;
}

static void install(int sig, int fatal) {
    struct sigaction current;
    if (sigaction(sig, NULL, &current) != 0) return;
    // Someone (nohup, a parent shell) chose to ignore it: respect that.
    if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    if (fatal) {
        action.sa_sigaction = on_fatal_signal;
        // On the alternate stack, so a stack overflow can still be reported.
        action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    } else {
        action.sa_handler = on_flag_signal;
        // No SA_RESTART: a blocked read must return EINTR so the loop sees the flag.
        action.sa_flags = 0;
    }
    if (sigaction(sig, &action, &previous_actions[sig]) == 0) installed[sig] = 1;
}

static void ensure_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && !(current.ss_flags & SS_DISABLE)) return;
    static char *stack_memory = NULL;
    const size_t size = 64 * 1024;
    if (stack_memory == NULL) stack_memory = malloc(size);
    if (stack_memory == NULL) return;
    stack_t fresh = {.ss_sp = stack_memory, .ss_size = size, .ss_flags = 0};
    sigaltstack(&fresh, NULL);
}

// exit() without close() (an early return, a library calling exit) must not leave the terminal
// raw either.
static void restore_at_exit(void) {
    if (!guard_active) return;
    guard_active = 0;
    restore_terminal_raw();
    release_stderr();
}

int backprop_guard_begin(int input_fd, int output_fd) {
    backprop_guard_end();
    if (tcgetattr(input_fd, &saved_modes) != 0) return -1;
    have_saved_modes = 1;
    terminal_input_fd = input_fd;
    terminal_output_fd = output_fd;
    restore_length = 0;
    pending_quit_signal = 0;
    pending_suspend = 0;
    loop_thread = pthread_self();
    static int registered_exit_hook = 0;
    if (!registered_exit_hook) registered_exit_hook = atexit(restore_at_exit) == 0;
    ensure_alternate_stack();
    for (size_t i = 0; i < sizeof flag_signals / sizeof *flag_signals; i++) install(flag_signals[i], 0);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++) install(fatal_signals[i], 1);
    guard_active = 1;
    return 0;
}

void backprop_guard_add_restore_sequence(const char *sequence) {
    if (sequence == NULL) return;
    // Terminfo delays ("$<5>") are instructions for tputs, not bytes for the terminal.
    for (const char *p = sequence; *p != '\0'; p++) {
        if (p[0] == '$' && p[1] == '<') {
            const char *end = strchr(p, '>');
            if (end != NULL) {
                p = end;
                continue;
            }
        }
        if (restore_length + 1 >= sizeof restore_sequence) return;
        restore_sequence[restore_length++] = *p;
    }
}

int backprop_guard_capture_stderr(void) {
    if (capture_fd >= 0) return 0;
    if (!isatty(STDERR_FILENO)) return -1;
    const char *folder = getenv("TMPDIR");
    if (folder == NULL || folder[0] == '\0') folder = "/tmp";
    char path[4096];
    const char *name = "/backprop-tui-stderr-XXXXXX";
    if (strlen(folder) + strlen(name) + 1 > sizeof path) return -1;
    strcpy(path, folder);
    strcat(path, name);
    int file = mkostemp(path, O_CLOEXEC);
    if (file < 0) return -1;
    unlink(path);
    int original = fcntl(STDERR_FILENO, F_DUPFD_CLOEXEC, 3);
    if (original < 0 || dup2(file, STDERR_FILENO) < 0) {
        if (original >= 0) close(original);
        close(file);
        return -1;
    }
    real_stderr_fd = original;
    capture_fd = file;
    return 0;
}

int backprop_guard_take_quit_signal(void) {
    int sig = pending_quit_signal;
    pending_quit_signal = 0;
    return sig;
}

int backprop_guard_watch_quit_signals(void) {
    backprop_guard_end();
    pending_quit_signal = 0;
    loop_thread = pthread_self();
    static const int quit_signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    sigset_t unblocked;
    sigemptyset(&unblocked);
    for (size_t i = 0; i < sizeof quit_signals / sizeof *quit_signals; i++) {
        install(quit_signals[i], 0);
        sigaddset(&unblocked, quit_signals[i]);
    }
    // A parent may have started us with them blocked (a test runner's threads block most
    // signals, and spawning passes the mask on): blocked, they would never be taken.
    return pthread_sigmask(SIG_UNBLOCK, &unblocked, NULL) == 0 ? 0 : -1;
}

int backprop_guard_pending_quit_signal(void) {
    return pending_quit_signal;
}

int backprop_guard_take_suspend_request(void) {
    int requested = pending_suspend;
    pending_suspend = 0;
    return requested;
}

void backprop_guard_suspend(void) {
    struct sigaction default_action, ours;
    memset(&default_action, 0, sizeof default_action);
    default_action.sa_handler = SIG_DFL;
    sigemptyset(&default_action.sa_mask);
    sigaction(SIGTSTP, &default_action, &ours);
    sigset_t only_tstp, previous_mask;
    sigemptyset(&only_tstp);
    sigaddset(&only_tstp, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &only_tstp, &previous_mask);
    raise(SIGTSTP);  // stopped here until SIGCONT
    pthread_sigmask(SIG_SETMASK, &previous_mask, NULL);
    sigaction(SIGTSTP, &ours, NULL);
}

int backprop_guard_input_hung_up(void) {
    if (terminal_input_fd < 0) return 0;
    struct pollfd input = {.fd = terminal_input_fd, .events = POLLIN, .revents = 0};
    if (poll(&input, 1, 0) <= 0) return 0;
    return (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

void backprop_guard_end(void) {
    guard_active = 0;
    for (size_t i = 0; i < sizeof flag_signals / sizeof *flag_signals; i++) put_back_handler(flag_signals[i]);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof *fatal_signals; i++) put_back_handler(fatal_signals[i]);
    release_stderr();
    pending_quit_signal = 0;
    pending_suspend = 0;
}

void backprop_guard_crash_with_segfault(void) {
    volatile int *nowhere = NULL;
    *nowhere = 1;
}
