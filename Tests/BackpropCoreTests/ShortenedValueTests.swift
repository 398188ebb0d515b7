import BackpropCore
import Foundation
import Testing

/// `TerminalSafe.shortened`, `quoted` and `argument`: a value a message quotes is cut to a
/// readable length, escapes whole, and the cut is stable however often it is applied.
@Suite("shortened values")
struct ShortenedValueTests {
    typealias Safe = TerminalSafe

    @Test("a value of up to 120 characters is shown whole")
    func shortValues() {
        #expect(Safe.shownLength == 120)
        let longest = Safe.shownLength
        for text in [
            "", "x1", "ŷ = g(a)", "中文", String(repeating: "a", count: longest), String(repeating: "é", count: longest),
        ] {
            #expect(Safe.shortened(text) == text)
            #expect(Safe.shortened(Array(text.utf8)) == text)
        }
    }

    @Test("a longer one shows its first 80 and last 30 characters around …")
    func longValues() {
        #expect(Safe.shownHead == 80 && Safe.shownTail == 30)
        for count in [121, 200, 10_000, 1_000_000] {
            let text = String((0..<count).map { Character(String($0 % 10)) })
            let expected = String(text.prefix(Safe.shownHead)) + "…" + String(text.suffix(Safe.shownTail))
            #expect(Safe.shortened(text) == expected)
            #expect(Safe.shortened(Array(text.utf8)) == expected)
            #expect(Safe.shortened(text).count == Safe.shownHead + 1 + Safe.shownTail)
        }
    }

    @Test("escapes count as what they show, and are never cut in half")
    func escapesStayWhole() {
        /// `piece` as many times as fit in the head, …, as many as fit in the tail.
        func cut(_ piece: String, after first: String = "") -> String {
            let head = (Safe.shownHead - first.count) / piece.count
            return first + String(repeating: piece, count: head) + "…"
                + String(repeating: piece, count: Safe.shownTail / piece.count)
        }
        #expect(Safe.shortened(String(repeating: "\u{1B}", count: 100)) == cut("\\e"))
        // \u{9B} shows as 6 characters, so 13 of them follow the "a" and 5 end the tail.
        #expect(Safe.shortened("a" + String(repeating: "\u{9B}", count: 100)) == cut("\\u{9B}", after: "a"))
        // Bytes that are not UTF-8 show as \xNN, 4 characters each.
        #expect(Safe.shortened([UInt8](repeating: 0x9B, count: 1000)) == cut("\\x9B"))
        // A short value whose escapes make it longer than the limit is cut too.
        // \u{7} shows as 5 characters: 24 of them are 120.
        #expect(Safe.shortened(String(repeating: "\u{7}", count: 24)) == String(repeating: "\\u{7}", count: 24))
        #expect(Safe.shortened(String(repeating: "\u{7}", count: 25)) == cut("\\u{7}"))
    }

    @Test("shortening bytes agrees with shortening their text, whatever the characters' widths")
    func bytesAgreeWithText() {
        var generator = SeededGenerator(seed: 5)
        let alphabet: [Character] = ["a", "é", "中", "😀", "\u{1B}", "\u{9B}", "\u{7F}", "ŷ", " ", "\""]
        for _ in 0..<200 {
            let count = Int(generator.next() % 400)
            let text = String((0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            let shortened = Safe.shortened(text)
            #expect(Safe.shortened(Array(text.utf8)) == shortened, "\(text.debugDescription)")
            #expect(Safe.shortened(shortened) == shortened, "not stable: \(shortened.debugDescription)")
            #expect(Safe.escaped(shortened) == shortened, "a control character left: \(shortened.debugDescription)")
            #expect(shortened.count <= Safe.shownLength)
        }
    }

    @Test("a cut inside a multi-byte character at the tail's window does not show its bytes")
    func tailWindow() {
        for prefix in 600..<604 {
            let text = String(repeating: "a", count: prefix) + String(repeating: "😀", count: 30)
            #expect(Safe.shortened(Array(text.utf8)) == Safe.shortened(text))
            #expect(!Safe.shortened(Array(text.utf8)).contains("\\x"))
        }
    }

    @Test("quoted values are in double quotes, an empty one too")
    func quoted() {
        #expect(Safe.quoted("") == "\"\"")
        #expect(Safe.quoted("data.csv") == "\"data.csv\"")
        #expect(Safe.quoted([UInt8]()) == "\"\"")
        #expect(Safe.quoted("a\u{1B}") == "\"a\\e\"")
    }

    @Test("a command-line value is bare when a shell would take it so, else quoted")
    func arguments() {
        let cases: [(String, String)] = [
            ("0.1e", "0.1e"), ("4,3", "4,3"), ("-1", "-1"), ("x.csv", "x.csv"),
            ("a/b_c:d=e@f%g^h+i", "a/b_c:d=e@f%g^h+i"),
            ("", "''"), ("4, 3", "'4, 3'"), ("a;b", "'a;b'"), ("\u{1B}[2J", "'\\e[2J'"), ("it's", "\"it's\""),
        ]
        for (text, shown) in cases { #expect(Safe.argument(text) == shown, "\(text.debugDescription)") }
        let digits = String(repeating: "1", count: 10_000)
        #expect(Safe.argument(digits) == Safe.shortened(digits))
    }
}
