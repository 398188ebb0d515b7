/// Choices made when the terminal is opened.
public struct TerminalOptions: Equatable, Sendable {
    /// Draw without colour even when the terminal has it (a `--no-color` flag). `NO_COLOR` set and
    /// non-empty, or a terminal without colours, give monochrome whatever this says; bold,
    /// reverse, underline and dim stay, so the screen keeps its meaning.
    public var monochrome: Bool
    /// Hold back what is written to stderr while the screen is up and print it after the
    /// terminal is restored, so a crash message is seen instead of being wiped with the screen.
    public var captureStandardError: Bool

    /// Options with colour when available and stderr held back while the screen is up.
    public init(monochrome: Bool = false, captureStandardError: Bool = true) {
        self.monochrome = monochrome
        self.captureStandardError = captureStandardError
    }
}
