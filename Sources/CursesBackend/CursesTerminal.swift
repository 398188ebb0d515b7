import BackpropUI
import CNcursesw
import CTerminalGuard
import Glibc

/// The real terminal: ncursesw on stdin/stdout, with the terminal put back on every way out.
/// The mouse's presses and wheel are reported as `Key.mouse` (ncurses turns the reporting off
/// again on `endwin`, and the crash handler writes the same bytes).
///
/// Open it with `CursesTerminal.open(_:)`, drive it through `TerminalScreen`, and call `close()`
/// on every exit path (it is idempotent, and `deinit` calls it too). While it is open:
/// - Ctrl-C, Ctrl-\, SIGTERM and SIGHUP make `nextEvent` return `.quit`; `quitSignal` says which,
///   so the program can exit with 128 + that number after `close()`, as shells expect. A second
///   one before the loop has taken the first ends the process at once, terminal restored.
/// - Ctrl-Z restores the terminal and stops the process; after `fg`, `nextEvent` returns
///   `.redraw`.
/// - A crash (Swift trap, SIGSEGV, SIGBUS, SIGFPE, SIGABRT) restores the terminal, prints
///   what went to stderr meanwhile (the "Fatal error: ..." line) and dies by the same signal.
public final class CursesTerminal: TerminalScreen {
    /// Whether cells are drawn in colour (false under `NO_COLOR`, `monochrome`, or a terminal
    /// without colours).
    public let usesColor: Bool
    /// Whether the locale's character set is UTF-8. When false, draw 7-bit ASCII only: other
    /// characters would come out as garbage.
    public let isUTF8: Bool
    /// The signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) behind the last `.quit`, or nil when none has come.
    /// SIGHUP is also reported when the terminal's input went away without one.
    public private(set) var quitSignal: Int32?

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private var isOpen = true
    /// What the screen shows, so a frame only sends the cells that changed to ncurses.
    private var shown: Canvas?
    private let crashTest: CrashTest?
    /// What each `Color` is on this terminal.
    private let palette: ColorPalette
    /// Whether -1 means "the terminal's own colour": the terminal's own background (and
    /// foreground for uncoloured cells) keeps the look the user chose. Without it, white on
    /// black is the usual look.
    private let hasDefaultColors: Bool
    /// The colour pairs made so far, by the colours they pair.
    private var pairs: [ColorPairKey: Int16] = [:]

    private init(screen: OpaquePointer, window: UnsafeMutablePointer<WINDOW>, usesColor: Bool, isUTF8: Bool) {
        self.screen = screen
        self.window = window
        self.usesColor = usesColor
        self.isUTF8 = isUTF8
        crashTest = CrashTest.armed
        palette = ColorPalette(colors: usesColor ? Int(backprop_colors()) : 0)
        hasDefaultColors = usesColor && use_default_colors() == OK
    }

    deinit { close() }

    /// Takes over the terminal: checks that stdin and stdout are a terminal that can address the
    /// cursor, switches to the alternate screen with keys unbuffered and unechoed (cbreak, so
    /// Ctrl-C and Ctrl-Z stay signals), hides the cursor and installs the signal handlers.
    /// Throws a `TerminalError` whose description is the one line to show the user.
    public static func open(_ options: TerminalOptions = TerminalOptions()) throws(TerminalError) -> CursesTerminal {
        guard isatty(STDIN_FILENO) == 1 else { throw .notATerminal(stream: "stdin") }
        guard isatty(STDOUT_FILENO) == 1 else { throw .notATerminal(stream: "stdout") }
        setlocale(LC_ALL, "")
        // Numbers are printed by our own code; a comma as decimal point would break columns.
        setlocale(LC_NUMERIC, "C")
        let isUTF8 = Self.localeIsUTF8
        guard let termValue = getenv("TERM"), termValue.pointee != 0 else { throw .terminalTypeNotSet }
        let terminalType = String(cString: termValue)

        // Before newterm: ncurses installs its own SIGINT/SIGTSTP handlers only where none exist.
        guard backprop_guard_begin(STDIN_FILENO, STDOUT_FILENO) == 0 else { throw .modesUnavailable }
        guard let screen = newterm(nil, backprop_stdout(), backprop_stdin()) else {
            backprop_guard_end()
            throw .unknownTerminalType(terminalType)
        }
        guard backprop_is_capability(tigetstr("cup")), let window = backprop_stdscr() else {
            endwin()
            delscreen(screen)
            backprop_guard_end()
            throw .cannotAddressCursor(terminalType)
        }

        cbreak()
        noecho()
        nonl()
        intrflush(window, false)
        keypad(window, true)
        curs_set(0)
        set_escdelay(25)
        // Presses and the wheel, each as it comes: no wait to tell a click from a double click.
        let reportsMouse = mousemask(backprop_mouse_mask(), nil) != 0
        mouseinterval(0)

        let terminal = CursesTerminal(
            screen: screen, window: window, usesColor: Self.startColors(options), isUTF8: isUTF8)
        // What the crash handler writes to undo the above without ncurses' help: the mouse's
        // reports first, which would otherwise type escape sequences into the shell.
        if reportsMouse, let off = backprop_mouse_off_sequence() { backprop_guard_add_restore_sequence(off) }
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = tigetstr(capability), backprop_is_capability(value) {
                backprop_guard_add_restore_sequence(value)
            }
        }
        if options.captureStandardError { _ = backprop_guard_capture_stderr() }
        return terminal
    }

    /// Gives the terminal back as it was found: main screen, cursor, echo, line editing, the
    /// previous signal handlers, and stderr (with what it received meanwhile). Safe to call more
    /// than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        endwin()
        delscreen(screen)
        backprop_guard_end()
    }

    /// The terminal size in cells.
    public var size: Size {
        guard isOpen else { return shown?.size ?? Size(width: 0, height: 0) }
        return Size(width: Int(getmaxx(window)), height: Int(getmaxy(window)))
    }

    /// Waits for a key, a resize or a signal, at most `timeoutMilliseconds` (nil: blocks in the
    /// kernel, no CPU used). Keys with no meaning here (function keys, stray control characters)
    /// are skipped. Returns nil when the time ran out.
    ///
    /// A timeout of 0 is the poll the main loop makes between chunks of training at `max`: with
    /// `wtimeout(0)` (no-delay mode) `wget_wch` returns ERR at once when ncurses' own buffer and
    /// the terminal have nothing, and takes one key when they do; it flushes nothing (only
    /// `flushinp` would drop typeahead), and it refreshes nothing, since `draw` leaves the window
    /// untouched after `wnoutrefresh`. So the poll is a `poll(2)` or two, a few microseconds.
    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        guard isOpen else { return .quit }
        let deadline = timeoutMilliseconds.map { ContinuousClock.now + .milliseconds(max(0, $0)) }
        while true {
            if let event = signalEvent() { return event }
            wtimeout(window, deadline.map(Self.milliseconds(until:)) ?? -1)
            var character: wint_t = 0
            errno = 0
            let result = wget_wch(window, &character)
            let interrupted = errno == EINTR
            switch result {
            case OK:
                if let key = Self.key(forCharacter: character) { return keyEvent(key) }
            case KEY_CODE_YES:
                if Int32(character) == KEY_RESIZE {
                    shown = nil
                    return .resize(size)
                }
                if Int32(character) == KEY_MOUSE, let event = Self.mouseEvent() { return keyEvent(.mouse(event)) }
                if let key = Self.key(forFunctionKey: Int32(character)) { return keyEvent(key) }
            default:
                if let event = signalEvent() { return event }
                // Without this, a vanished terminal (ssh dropped, no SIGHUP) would spin: every
                // read returns at once with nothing.
                if !interrupted && backprop_guard_input_hung_up() != 0 {
                    quitSignal = SIGHUP
                    return .quit
                }
            }
            if let deadline, ContinuousClock.now >= deadline { return nil }
        }
    }

    /// Copies `canvas` to the screen in one refresh. Cells equal to the last frame's are not sent
    /// to ncurses at all; ncurses then sends the terminal only what changed on screen.
    ///
    /// A wide character is sent once, from its first cell: ncurses gives it both columns, so its
    /// continuation cell is never sent (sending a blank there would erase the character's right
    /// half). One whose right half would fall off a screen narrower than the canvas is a blank.
    public func draw(_ canvas: Canvas) {
        guard isOpen else { return }
        let screenSize = size
        let unchanged = shown.flatMap { $0.size == canvas.size && canvas.size == screenSize ? $0 : nil }
        if unchanged == nil { werase(window) }
        let rows = min(canvas.size.height, screenSize.height)
        let columns = min(canvas.size.width, screenSize.width)
        for y in 0..<rows {
            for x in 0..<columns {
                var cell = canvas[x, y]
                if cell.isContinuation { continue }
                let isWide = cell.columns == 2
                // A wide character is unchanged only if its continuation is too (it may be restyled).
                if let unchanged, unchanged[x, y] == cell, !isWide || unchanged[x + 1, y] == canvas[x + 1, y] {
                    continue
                }
                if isWide && x + 1 >= columns { cell = Cell(" ", style: cell.style) }
                put(cell, x: x, y: y, isLastCell: y == screenSize.height - 1 && x == screenSize.width - 1)
            }
        }
        wnoutrefresh(window)
        doupdate()
        shown = canvas
    }

    // MARK: - Private

    private func put(_ cell: Cell, x: Int, y: Int, isLastCell: Bool) {
        let style = cell.style
        let attributes = backprop_attributes(style.bold, style.dim, style.reverse, style.underline)
        let pair = usesColor ? colorPair(style) : 0
        let scalars = cell.character.unicodeScalars
        withUnsafeTemporaryAllocation(of: wchar_t.self, capacity: 5) { text in
            var count = 0
            for scalar in scalars where count < 4 {
                text[count] = wchar_t(bitPattern: Self.printable(scalar).value)
                count += 1
            }
            text[count] = 0
            var wide = cchar_t()
            setcchar(&wide, text.baseAddress, attributes, pair, nil)
            // Adding at the bottom-right corner would move the cursor past the end of the screen;
            // inserting there writes the cell without moving it.
            if isLastCell {
                mvwins_wch(window, Int32(y), Int32(x), &wide)
            } else {
                mvwadd_wch(window, Int32(y), Int32(x), &wide)
            }
        }
    }

    private func keyEvent(_ key: Key) -> TerminalEvent {
        if key == CrashTest.trigger, let crashTest {
            crashTest.fire()
        }
        return .key(key)
    }

    /// Handles what the signal handlers flagged: a quit signal ends the loop, Ctrl-Z stops here.
    private func signalEvent() -> TerminalEvent? {
        let quit = backprop_guard_take_quit_signal()
        if quit != 0 {
            quitSignal = quit
            return .quit
        }
        if backprop_guard_take_suspend_request() != 0 {
            endwin()
            backprop_guard_suspend()
            // Back after `fg`: the shell drew over the screen, so paint all of it again.
            clearok(window, true)
            wnoutrefresh(window)
            doupdate()
            return .redraw
        }
        return nil
    }

    /// Starts colour if the terminal has it and the user wants it (see `usesColor`).
    private static func startColors(_ options: TerminalOptions) -> Bool {
        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        guard !options.monochrome, !noColor, has_colors(), start_color() == OK else { return false }
        return true
    }

    /// The colour pair of `style`'s colours, made the first time it is asked for.
    ///
    /// ncurses' `alloc_pair` finds or makes the pair; it would recycle the oldest pair once all
    /// `COLOR_PAIRS` are taken, repainting cells already on screen in other colours, so pairs
    /// are made only while some are free, and a style beyond that gets the default pair. The
    /// palette keeps the need far below the limit: 8 colours make at most 9 x 6 pairs of the
    /// 64 such terminals have, and 256 colours a few hundred of their 32767.
    private func colorPair(_ style: Style) -> Int16 {
        guard style.foreground != nil || style.background != nil else { return 0 }
        let key = ColorPairKey(foreground: style.foreground, background: style.background)
        if let pair = pairs[key] { return pair }
        let defaultForeground: Int32 = hasDefaultColors ? -1 : Int32(COLOR_WHITE)
        let defaultBackground: Int32 = hasDefaultColors ? -1 : Int32(COLOR_BLACK)
        let foreground = style.foreground.map { palette.number(of: $0, over: style.background) } ?? defaultForeground
        let background = style.background.map { palette.number(of: $0) } ?? defaultBackground
        var pair: Int16 = 0
        if pairs.count < Int(backprop_color_pairs()) - 1 {
            let made = alloc_pair(foreground, background)
            if made > 0 && made <= Int32(Int16.max) { pair = Int16(made) }
        }
        pairs[key] = pair
        return pair
    }

    /// Whether the character set of the locale in force (after `setlocale`) is UTF-8: without
    /// it, box drawing, arrows and Greek come out as garbage and frames must be drawn in ASCII.
    public static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).lowercased()
        return name == "utf-8" || name == "utf8"
    }

    /// A control character would be shown as two cells (^X) and shift the rest of the row.
    private static func printable(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "?" : scalar
    }

    private static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = ContinuousClock.now.duration(to: deadline)
        let milliseconds =
            remaining.components.seconds * 1000 + remaining.components.attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }

    static func key(forCharacter character: wint_t) -> Key? {
        switch character {
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 9: return .tab
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(UInt32(character)) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// The mouse event ncurses has for a `KEY_MOUSE`, when it is one the program asked for.
    private static func mouseEvent() -> MouseEvent? {
        var event = MEVENT()
        guard getmouse(&event) == OK else { return nil }
        let kind: MouseEvent.Kind
        switch backprop_mouse_kind(event.bstate) {
        case 1: kind = .click
        case 2: kind = .rightClick
        case 3: kind = .wheelUp
        case 4: kind = .wheelDown
        default: return nil
        }
        return MouseEvent(kind, column: Int(event.x), row: Int(event.y))
    }

    static func key(forFunctionKey code: Int32) -> Key? {
        switch code {
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        default: return nil
        }
    }
}
