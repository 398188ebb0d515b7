import BackpropCore
@testable import BackpropUI
import Testing

/// The Confusion pane and the predictions of classes, read off whole frames as text: counts
/// worked out by hand on `ClassViewTests.threeClasses`, and on the digits the rows checked
/// against each other.
@Suite("class views on screen")
struct ClassViewScreenTests {
    /// The text inside the box whose top-left corner is at (`left`, `top`): its lines, borders
    /// cut off.
    private func box(top: Int, left: Int, in lines: [String]) throws -> [String] {
        let characters = Array(lines[top])
        let right = try #require(
            characters.indices.first { $0 > left && (characters[$0] == "┐" || characters[$0] == "+") })
        var inside: [String] = []
        for line in lines[(top + 1)...] {
            let row = Array(line)
            guard row.count > right, row[left] == "│" || row[left] == "|" else { break }
            inside.append(String(row[(left + 1)..<right]))
        }
        return inside
    }

    /// The text inside the box whose title starts with `title`.
    private func box(_ title: String, in lines: [String]) throws -> [String] {
        let top = try #require(lines.firstIndex { $0.contains("┌ \(title)") || $0.contains("+ \(title)") })
        let start = try #require(lines[top].ranges(of: "┌ \(title)").first ?? lines[top].ranges(of: "+ \(title)").first)
        return try box(
            top: top, left: lines[top].distance(from: lines[top].startIndex, to: start.lowerBound), in: lines)
    }

    /// The counts of the Confusion pane's rows, brackets dropped, and which cells had them.
    private func counts(_ rows: [String]) -> (counts: [[Int]], bracketed: [[Bool]]) {
        let cells = rows.dropFirst().map { row in
            row.split(separator: " ").dropFirst().map { String($0) }
        }
        return (
            cells.map { $0.compactMap { Int($0.filter { $0 != "[" && $0 != "]" }) } },
            cells.map { $0.map { $0.hasPrefix("[") } }
        )
    }

    @Test("K on six samples of three classes: the counts worked by hand, the diagonal bracketed, 4/6 right")
    func confusionOfThreeClasses() throws {
        var state = try ClassViewTests.threeClasses()
        state.apply(.classes(.toggleConfusion))
        let lines = Frame.render(state, size: Size(width: 80, height: 24)).text.components(separatedBy: "\n")
        let rows = try box("Confusion", in: lines)
        let (counts, bracketed) = counts(rows)
        #expect(counts == [[1, 0, 0], [1, 1, 0], [0, 1, 2]], "\(rows)")
        #expect(bracketed == (0..<3).map { row in (0..<3).map { $0 == row } }, "\(rows)")
        let screen = lines.joined(separator: "\n")
        #expect(screen.contains("4/6 right"), "\(screen)")
        #expect(screen.contains("1 → 0: 1 sample, 1/1"), "the cell and the selected sample's place: \(screen)")
        #expect(screen.contains("< > walk its samples"), "the hint line says what the keys do now: \(screen)")
        #expect(!screen.contains("Inspector"), "the Confusion pane stands in the inspector's stead")
    }

    @Test("X lists the two wrong samples and no other; ASCII marks them no")
    func wrongOnlyOnScreen() throws {
        var state = try ClassViewTests.threeClasses()
        state.options = RenderOptions(ascii: true, color: false)
        state.apply(.classes(.toggleWrongOnly))
        let lines = Frame.render(state, size: Size(width: 80, height: 24)).text.components(separatedBy: "\n")
        let rows = try box("Predictions", in: lines)
        // The header, then one row a listed sample, numbered from 1.
        let numbers = rows.dropFirst().compactMap { $0.split(separator: " ").first.flatMap { Int($0) } }
        #expect(numbers == [4, 6], "\(rows)")
        let ascii = lines.joined().unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(lines.contains { $0.contains(" | 2 wrong ") }, "\(lines.joined(separator: "\n"))")
    }

    @Test("digits at 80x24 and 120x40: a class a row, marked right exactly when y is ŷ", arguments: [false, true])
    func digitsRows(ascii: Bool) throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = try PresetScreen.state(.digits, size: size, ascii: ascii)
            state.apply(.training(.advance(steps: 30)))
            let lines = Frame.render(state, size: size).text.components(separatedBy: "\n")
            let rows = try box("Predictions", in: lines)
            let (right, wrong) = ascii ? ("ok", "no") : ("✓", "✗")
            var seen = 0
            for row in rows.dropFirst() {
                // The column before the number marks the next batch or a test sample.
                let fields: [String] = row.dropFirst().split(separator: " ").map(String.init)
                guard fields.count >= 5, Int(fields[0]) != nil else { continue }
                let label = fields[1]
                let read = fields[2]
                let expected = label == read ? right : wrong
                #expect(fields[4] == expected, "\(row)")
                let digit = Int(label) ?? -1
                #expect((0...9).contains(digit), "\(row)")
                seen += 1
            }
            #expect(seen >= 4, "at least four samples at \(size): \(rows)")
        }
    }

    @Test("digits with K at 80x24 and 120x40: every test sample counted once, the title's right ones on the diagonal")
    func digitsConfusion() throws {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            let lines = try PresetScreen.lines(.digits, size: size, keys: "sssK")
            let rows = try box("Confusion", in: lines)
            let (counts, _) = counts(rows)
            #expect(counts.count == 10 && counts.allSatisfy { $0.count == 10 }, "all ten classes at \(size): \(rows)")
            let test = Preset.digits.scenario.split.test.count
            #expect(counts.joined().reduce(0, +) == test, "\(rows)")
            let diagonal = (0..<10).reduce(0) { $0 + counts[$1][$1] }
            #expect(lines.contains { $0.contains("\(diagonal)/\(test) right") }, "\(lines.joined(separator: "\n"))")
            // The predictions, left of it, list the cursor's cell: that true class read as that one.
            let top = try #require(lines.firstIndex { $0.contains("Confusion") })
            let note = try #require(lines[(top + 1)...].first { $0.hasPrefix("└") && $0.contains(" → ") })
            let cell = try #require(note.firstMatch(of: /(\d) → (\d): (\d+) samples?/))
            #expect(Int(cell.output.3) == counts[Int(cell.output.1)!][Int(cell.output.2)!], "\(note)")
            let listed = try box(top: top, left: 0, in: lines).dropFirst().filter { $0.first == "t" }
            #expect(!listed.isEmpty && listed.count <= Int(cell.output.3)!, "\(listed)")
            for row in listed {
                let fields = row.dropFirst().split(separator: " ").map(String.init)
                #expect(fields[1] == String(cell.output.1) && fields[2] == String(cell.output.2), "\(row)")
            }
        }
    }
}
