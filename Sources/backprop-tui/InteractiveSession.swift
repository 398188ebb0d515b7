import BackpropCore
import BackpropUI
import CursesBackend
import Glibc

/// The visualiser in a real terminal: open curses, run the main loop, and put the terminal back.
enum InteractiveSession {
    /// Runs until the user quits; returns the exit status (128 + n after signal n, as shells do).
    static func run(state initial: AppState) -> Int32 {
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal.open()
        } catch {
            BackpropTUI.complain(error.description)
            return 1
        }
        var state = initial
        // A locale that is not UTF-8 cannot show box drawing or braille: draw ASCII instead.
        if !terminal.isUTF8 { state.options.ascii = true }
        state.options.color = terminal.usesColor
        AppLoop().run(&state, on: terminal)
        terminal.close()
        if let signal = terminal.quitSignal { return 128 + signal }
        return 0
    }
}
