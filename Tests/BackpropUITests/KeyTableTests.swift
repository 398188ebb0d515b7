import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// The key table is the one list of keys: the overlay, the hint line and `--help` are made from
/// it, and the README's key table must say the same.
@Suite("KeyTable")
struct KeyTableTests {
    @Test("no key is in two bindings")
    func keysAreUnique() {
        let keys = KeyTable.bindings.flatMap(\.keys)
        #expect(keys.count == Set(keys).count)
    }

    @Test("every key of a binding leads back to that binding")
    func lookupFindsEachBinding() {
        for (index, binding) in KeyTable.bindings.enumerated() {
            for key in binding.keys {
                #expect(KeyTable.binding(for: key)?.names == binding.names, "\(key) in binding \(index)")
            }
        }
    }

    @Test("each binding's names fit the overlay's key column and its help the overlay's 26 columns")
    func helpFitsTheOverlay() {
        for binding in KeyTable.bindings {
            #expect(binding.names.count <= 10, "\(binding.names)")
            #expect(binding.help.count <= 26, "\(binding.names): \(binding.help)")
        }
    }

    @Test("the help overlay is the table, line by line, and the change markers in its bottom edge")
    func overlayIsTheTable() {
        let lines = HelpOverlay(glyphs: .unicode).lines
        #expect(lines.map(\.key) == KeyTable.bindings.map(\.names))
        #expect(lines.map(\.meaning) == KeyTable.bindings.map(\.help))
        #expect(HelpOverlay(glyphs: .unicode).legend == "▲ ▼ last step raised / lowered")
    }

    @Test("the hint line's hints, widest first, each one narrower than the one before")
    func hints() {
        #expect(
            HintLine.hints == [
                " s step  n phases  b back  r run  p pause  x reset  +/- lr  l set lr  o optimizer  B batch  L penalty  R race  t quiz  ]/[ speed  arrows/Tab select  Enter edit  c check  v lr preview  F flow  K confusion  X wrong only  m plane  D draw  S landscape  d preset  e export  w save  ? help  q quit",
                " s step  n phases  b back  r run  x reset  +/- lr  arrows select  Enter edit  c check  v lr preview  ? help  q quit",
                " s step  n phases  b back  r run  arrows select  Enter edit  c check  v lr preview  ? help",
                " s step  n phases  b back  r run  Enter edit  c check  v lr preview  ? help",
                " s step  n phases  b back  r run  ? help  q quit",
            ])
        #expect(zip(HintLine.hints, HintLine.hints.dropFirst()).allSatisfy { $0.count > $1.count })
        #expect(HintLine.hints[3].count <= 80, "the smallest screen shows more than the first keys")
    }

    @Test("--help lists every binding once, under its group's heading")
    func commandLineSummary() {
        let lines = KeyTable.commandLineSummary.split(separator: "\n").map(String.init)
        let isHeading = { (line: String) in !line.hasPrefix("    ") }
        #expect(lines.filter(isHeading) == KeyGroup.allCases.map { "  " + $0.title })
        for binding in KeyTable.bindings {
            let line = lines.firstIndex { $0.hasPrefix("    \(binding.names)  ") && $0.hasSuffix("  \(binding.help)") }
            let heading = line.flatMap { index in lines[..<index].last(where: isHeading) }
            #expect(heading == "  " + binding.group.title, "\(binding.names)")
        }
        #expect(lines.count == KeyGroup.allCases.count + KeyTable.bindings.count)
    }

    @Test("d's row names every preset d goes through, in its order")
    func nextScenarioRowNamesEveryPreset() throws {
        let row = try #require(KeyTable.bindings.first { $0.names == "d" }).readme
        let cycle = ScenarioChoice.cycle(startingWith: Preset.seed.scenario, named: "seed").choices.map(\.name)
        #expect(row.contains("the presets \(cycle.joined(separator: ", ")), and round again"), "\(row)")
    }

    @Test("the README's key table has one row for each binding, in order, in the table's words")
    func readmeAgrees() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "\n### Keys\n").dropFirst().first)
        // The table is the block of lines that start with `|`, after the header and its rule.
        let rows = section.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("|") }
            .prefix { $0.hasPrefix("|") }.dropFirst(2).map(String.init)
        let table = KeyTable.bindings.map { "| \($0.readmeKeys) | \($0.readme) |" }
        #expect(rows.count == table.count)
        for (row, expected) in zip(rows, table) {
            #expect(row == expected)
        }
    }
}
