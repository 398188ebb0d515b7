import Foundation
import Testing

/// `--worksheet [--answers] [--format text|md]` through the real binary: a sheet on stdout and
/// status 0, the same bytes for the same seed, and one line with status 64 (65 for a file) for
/// what a sheet cannot be.
@Suite("worksheet command line")
struct WorksheetCommandLineTests {
    @Test(
        "a sheet and its answer key print with status 0, nothing on stderr, text within 80 columns",
        arguments: [
            ["--seed", "1"], ["--seed", "7", "--hidden", "none"],
            ["--seed", "9", "--hidden", "3,3", "--activation", "tanh"],
            ["--seed", "4", "--loss", "bce", "--reduction", "mean"], ["--preset", "seed"], ["--preset", "xor-hidden"],
            ["--preset", "circle", "--batch", "4"], [],
        ])
    func prints(_ arguments: [String]) throws {
        for answers in [[], ["--answers"]] {
            let text = try ExecutableUnderTest.run(["--worksheet"] + arguments + answers)
            #expect(text.status == 0, "\(text.stderr)")
            #expect(text.stderr.isEmpty)
            #expect(text.lines.first?.hasPrefix("Worksheet: one step of gradient descent") == true)
            #expect(text.lines.allSatisfy { $0.count <= 80 }, "\(arguments): a line wider than 80 columns")
            #expect(text.stdout.contains("Working:") == !answers.isEmpty)
            let markdown = try ExecutableUnderTest.run(["--worksheet", "--format", "md"] + arguments + answers)
            #expect(markdown.status == 0, "\(markdown.stderr)")
            #expect(markdown.lines.first?.hasPrefix("# Worksheet") == true)
            let rules = markdown.lines.filter { $0.hasPrefix("|---|---:|") }.count
            #expect(rules == 1 + (markdown.stdout.components(separatedBy: "\n### ").count - 1) + layerCount(markdown))
            #expect(markdown.stdout.contains("| ____ |") == answers.isEmpty)
        }
    }

    /// The layers of a printed Markdown sheet: one givens table each.
    private func layerCount(_ result: ExecutableUnderTest.Result) -> Int {
        result.lines.filter { $0.hasPrefix("**Layer ") || $0.hasPrefix("**The layer") }.count
    }

    @Test("the same seed prints the same bytes; another seed another sheet; the key names the sheet's command")
    func seeds() throws {
        let first = try ExecutableUnderTest.run(["--worksheet", "--seed", "12"])
        let again = try ExecutableUnderTest.run(["--worksheet", "--seed", "12"])
        let other = try ExecutableUnderTest.run(["--worksheet", "--seed", "13"])
        #expect(first.stdoutBytes == again.stdoutBytes)
        #expect(first.stdout != other.stdout)
        let key = try ExecutableUnderTest.run(["--worksheet", "--answers", "--seed", "12"])
        #expect(first.lines[1] == "backprop-tui --worksheet --seed 12")
        #expect(key.lines[1] == first.lines[1])
        // The key is the sheet with its blanks filled and the working added: every line of the
        // sheet up to the first question is in it as it is.
        let preamble = first.lines.prefix { !$0.hasPrefix(" 1. ") }.dropFirst()
        #expect(Array(key.lines.dropFirst().prefix(preamble.count)) == Array(preamble))
    }

    @Test(
        "what a sheet cannot be is refused in one line with status 64",
        arguments: [
            (
                ["--preset", "digits"],
                "backprop-tui: a worksheet is worked by hand: this scenario has 1,210 parameters; at most 30 (try --seed 3, or --preset xor-hidden)"
            ),
            (
                ["--preset", "circle"],
                "backprop-tui: a worksheet is worked by hand: this scenario's step uses 50 samples; at most 4 (try --batch 4, or --seed 3)"
            ),
            (
                ["--seed", "3", "--hidden", "9,9"],
                "backprop-tui: a worksheet is worked by hand: this scenario has 127 parameters; at most 30 (try --hidden 2, or --hidden 3,3)"
            ),
            (
                ["--preset", "xor", "--optimizer", "adam"],
                "backprop-tui: a worksheet is one step of plain gradient descent, and this run uses adam; give --optimizer sgd"
            ),
            (
                ["--seed", "3", "--l2", "0.1"],
                "backprop-tui: a worksheet is one step of plain gradient descent, without the L2 penalty; leave out --l2 (or the scenario's penalty)"
            ),
            (
                ["--headless"],
                "backprop-tui: give either --worksheet or --headless, not both: each prints something else (see 'backprop-tui --help')"
            ),
            (
                ["--snapshot"],
                "backprop-tui: give either --worksheet or --snapshot, not both: each prints something else (see 'backprop-tui --help')"
            ),
            (
                ["--steps", "2"],
                "backprop-tui: --worksheet is always the first step; leave out --steps (see 'backprop-tui --help')"
            ),
            (
                ["--format", "csv"],
                "backprop-tui: --format csv is for --headless; a worksheet is text or md (Markdown) (see 'backprop-tui --help')"
            ),
            (
                ["--seed", "3", "--features", "x1^2"],
                "backprop-tui: --features: a worksheet drawn from --seed has the inputs x1 and x2 as they are; leave out --features or give --data (see 'backprop-tui --help')"
            ),
            (
                ["--compare", "sgd,adam"],
                "backprop-tui: --worksheet prints one plain gradient-descent step; leave out --compare (see 'backprop-tui --help')"
            ),
        ])
    func refused(_ arguments: [String], _ line: String) throws {
        let result = try ExecutableUnderTest.run(["--worksheet"] + arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines == [line])
    }

    @Test(
        "the flags that belong to a worksheet are refused without one, and md without a worksheet",
        arguments: [
            (["--answers"], "--answers needs --worksheet"),
            (["--format", "md"], "--format needs --headless or --worksheet"),
            (["--headless", "--format", "md"], "--format md is for --worksheet; a trace is text, csv or json"),
        ])
    func worksheetFlagsAlone(_ arguments: [String], _ message: String) throws {
        let result = try ExecutableUnderTest.run(arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
