import Foundation

/// A shell in a detached tmux session on a private server, driven the way a person at a terminal
/// would drive it: type, press keys, read the screen, resize the window.
///
/// Every session has its own server (`tmux -L <unique name>`), so tests can run side by side and
/// nothing touches the user's own tmux. The server is killed when the session is released.
final class TmuxSession {
    /// The prompt of the session's shell; a line that is exactly this means the shell is waiting.
    static let prompt = "E2E>"

    /// The `tmux` executable, or nil when it is not installed.
    static let executable: String? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { "\($0)/tmux" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the end-to-end tests in tmux can run here.
    static var isAvailable: Bool { executable != nil }

    /// The terminal type inside the session: the one tmux itself emulates, in every ncurses.
    static let terminalType = "screen-256color"

    private let socket: String
    private let target = "e2e"
    /// Numbers the markers the helpers print, so each wait looks for its own.
    var markerNumber = 0

    /// Starts `sh` in a `width` x `height` window with a UTF-8 locale, the given extra environment
    /// and the prompt `E2E> `, and waits for the prompt.
    init(width: Int = 100, height: Int = 30, environment: [String: String] = [:]) throws {
        socket = "backprop-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var variables = ["TERM": Self.terminalType, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        variables.merge(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quoted($0.value))" }
        // -f /dev/null: the user's ~/.tmux.conf must not change what the tests see.
        try tmux([
            "-f", "/dev/null", "new-session", "-d", "-s", target, "-x", "\(width)", "-y", "\(height)",
            "env " + assignments.joined(separator: " ") + " sh",
        ])
        try tmux(["set-option", "-t", target, "status", "off"])
        // dash sets its own PS1 for root, so the prompt is set by typing it, as a user would.
        type("PS1='\(Self.prompt) '; clear")
        press("Enter")
        try waitUntil("the shell prompt") { $0.lastLine == Self.prompt }
    }

    deinit {
        _ = try? tmux(["kill-server"])
    }

    // MARK: - Input

    /// Types `text` literally (no key names).
    func type(_ text: String) {
        _ = try? tmux(["send-keys", "-t", target, "-l", text])
    }

    /// Presses keys by tmux name: "Enter", "Escape", "C-c", "C-z", "Up", "BTab", or plain "s".
    func press(_ keys: String...) {
        press(all: keys)
    }

    /// Presses keys by tmux name, all in one go.
    func press(all keys: [String]) {
        _ = try? tmux(["send-keys", "-t", target] + keys)
    }

    /// Types a command line at the prompt and presses Enter.
    func enter(_ commandLine: String) {
        type(commandLine)
        press("Enter")
    }

    /// Changes the window size, as dragging a terminal window's corner does.
    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", target, "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: - Output

    /// The visible screen, one line per row, trailing blanks trimmed.
    var screen: TmuxScreen {
        TmuxScreen(text: (try? tmux(["capture-pane", "-p", "-t", target])) ?? "")
    }

    /// The visible screen with its colours and attributes, as SGR escape sequences
    /// (`capture-pane -e`): what only colour shows, such as the input plane's pixels.
    var styledScreen: TmuxScreen {
        TmuxScreen(text: (try? tmux(["capture-pane", "-p", "-e", "-t", target])) ?? "")
    }

    /// The screen with the lines the pane's width wrapped joined again, so a long message reads as
    /// the one line the program wrote.
    var unwrappedScreen: TmuxScreen {
        let joined = (try? tmux(["capture-pane", "-p", "-J", "-t", target])) ?? ""
        // -J keeps trailing blanks; the other captures do not.
        let lines = joined.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.reversed().drop { $0 == " " }.reversed())
        }
        return TmuxScreen(text: lines.joined(separator: "\n"))
    }

    /// The screen together with what scrolled off it.
    var history: TmuxScreen {
        TmuxScreen(text: (try? tmux(["capture-pane", "-p", "-S", "-", "-t", target])) ?? "")
    }

    /// A pane variable (`alternate_on`, `cursor_flag`, `keypad_flag`, `pane_pid`), as tmux sees it.
    func pane(_ variable: String) -> String {
        ((try? tmux(["display-message", "-p", "-t", target, "#{\(variable)}"])) ?? "")
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Polls the screen until `condition` holds, and returns that screen. Throws, with the last
    /// screen in the message, if it does not within `timeout`. The timeout is generous because
    /// machines are shared and slow; a passing test never waits for it.
    @discardableResult
    func waitUntil(_ what: String, timeout: Duration = .seconds(30), _ condition: (TmuxScreen) -> Bool) throws
        -> TmuxScreen
    {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while true {
            let current = screen
            if condition(current) { return current }
            if clock.now >= deadline { throw TmuxTimeout(waitingFor: what, screen: current.text) }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    /// Waits until `text` is on the screen.
    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(30)) throws -> TmuxScreen {
        try waitUntil("\"\(text)\" on the screen", timeout: timeout) { $0.text.contains(text) }
    }

    /// Waits until the program has ended and the shell is back: the main screen is shown and the
    /// last line is the prompt.
    func waitForPrompt() throws {
        try waitUntil("the shell prompt on the main screen") {
            $0.lastLine == Self.prompt && pane("alternate_on") == "0"
        }
    }

    /// Runs `commandLine` in the shell on a cleared screen and returns what it printed.
    func output(of commandLine: String) throws -> String {
        markerNumber += 1
        // Quoted in two halves, so the command line itself does not contain the marker.
        let marker = "END-OF-OUTPUT-\(markerNumber)"
        enter("clear; \(commandLine); echo 'END-OF-''OUTPUT-\(markerNumber)'")
        try waitUntil("the output of \(commandLine)") { $0.lines.contains(marker) }
        return unwrappedScreen.lines.prefix { $0 != marker }.joined(separator: "\n")
    }

    /// The pid of the program the shell is running in the foreground, waiting for it to start.
    func programPID(named name: String) throws -> pid_t {
        let shell = pane("pane_pid")
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while clock.now < deadline {
            let found = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.compactMap { entry -> pid_t? in
                guard let pid = pid_t(entry),
                    let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                    let open = stat.firstIndex(of: "("), let close = stat.lastIndex(of: ")")
                else { return nil }
                // "pid (comm) state ppid ...": comm may hold spaces, so split after the ')'.
                let command = stat[stat.index(after: open)..<close]
                let fields = stat[stat.index(after: close)...].split(separator: " ")
                return command == name.prefix(15) && fields.count > 1 && String(fields[1]) == shell ? pid : nil
            }.first
            if let found { return found }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw TmuxTimeout(waitingFor: "a process \(name) under the shell", screen: screen.text)
    }

    // MARK: - Private

    /// Runs one tmux command and returns what it printed.
    ///
    /// Not Foundation's `Process`: with it, waiting for the `new-session` client never returned
    /// (the client stayed a zombie while the server it forked lived on), so the session never
    /// started. posix_spawn and waitpid wait for exactly the one child.
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        guard let executable = Self.executable else {
            throw TmuxTimeout(waitingFor: "tmux to be installed", screen: "")
        }
        // Only these print something, and they never start a server that could hold the pipe.
        let printsOutput = arguments.contains { $0 == "capture-pane" || $0 == "display-message" }
        var pipe: [Int32] = [-1, -1]
        if printsOutput {
            guard Glibc.pipe(&pipe) == 0 else { throw TmuxTimeout(waitingFor: "a pipe", screen: "") }
            // Other children (a parallel test's) must not inherit it, or the read would wait for them.
            pipe.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if printsOutput {
            posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // The tmux server keeps every descriptor it inherits, and a parallel test's pipe kept open
        // by it would never reach its end: the child gets only 0, 1 and 2.
        for descriptor in Self.openDescriptors() where descriptor > 2 {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }

        // Tests started inside someone's tmux must still get their own server.
        let environment = ProcessInfo.processInfo.environment.filter { $0.key != "TMUX" }.map {
            "\($0.key)=\($0.value)"
        }
        let argv = [executable, "-L", socket] + arguments
        var pid: pid_t = 0
        // A server with SIGCHLD and SIGHUP blocked (the test runner's mask) never finishes
        // kill-server and outlives the test.
        let spawned = ShellSignals.withAttributes { attributes in
            withCStrings(argv) { argvPointers in
                withCStrings(environment) { environmentPointers in
                    posix_spawn(&pid, executable, &actions, &attributes, argvPointers, environmentPointers)
                }
            }
        }
        var data = Data()
        if printsOutput {
            close(pipe[1])
            data = FileHandle(fileDescriptor: pipe[0], closeOnDealloc: true).readDataToEndOfFile()
        }
        guard spawned == 0 else { throw TmuxTimeout(waitingFor: "tmux to start (error \(spawned))", screen: "") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    private static func openDescriptors() -> [Int32] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        // The listing's own descriptor is closed by now; only ask to close what is still open.
        return names.compactMap { Int32($0) }.filter { fcntl($0, F_GETFD) != -1 }
    }

    private func withCStrings<Result>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> Result) -> Result
    {
        let pointers = strings.map { strdup($0) } + [nil]
        defer { pointers.forEach { free($0) } }
        return body(pointers)
    }

    private static func quoted(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
