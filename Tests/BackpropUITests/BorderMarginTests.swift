import BackpropCore
@testable import BackpropUI
import Foundation
import Testing

/// No text runs into a border: across the presets, the sizes a class uses and the keys that open
/// panes, every character left of a box's vertical edge is a blank (or a border or a plot's
/// dots), and every title leaves a blank before its corner.
@Suite("text keeps off the borders")
struct BorderMarginTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 100, height: 30), Size(width: 120, height: 40)]
    static let keys = [
        "", "c", "v", "n", "nn", "nnn", "nnnn", "nnnnn", "nnnnnn", "?", "t", "t<Tab>", "t<Tab><Tab>",
        "t<Tab><Tab><Tab>", "t+<Enter>", "R", "m", "ooo", "oooon", "<PgDn><Down><Down><Down>",
    ]

    /// A box found on the screen: its rows and columns, edges included, and its title.
    struct Box {
        let top: Int
        let bottom: Int
        let left: Int
        let right: Int
        let title: String

        /// Boxes whose insides are painted, not written: the plane's shades run to the edge.
        var isPainted: Bool { title.hasPrefix("Input plane") || title.hasPrefix("Layer 1 neurons") }
    }

    /// Every box whose top-left corner, top-right corner and bottom-left corner can be found.
    static func boxes(_ grid: [[Character]]) -> [Box] {
        var found: [Box] = []
        for (row, cells) in grid.enumerated() {
            for (column, cell) in cells.enumerated() where cell == "┌" {
                guard let right = cells[(column + 1)...].firstIndex(where: { $0 == "┐" }),
                    let bottom = grid[(row + 1)...].firstIndex(where: { column < $0.count && $0[column] == "└" })
                else { continue }
                let title = String(cells[(column + 1)..<right]).trimmingCharacters(in: CharacterSet(charactersIn: " ─"))
                found.append(Box(top: row, bottom: bottom, left: column, right: right, title: title))
            }
        }
        return found
    }

    /// Whether `character` may stand just left of a border: a blank, a line of a box, or a plot's dots.
    static func mayTouch(_ character: Character) -> Bool {
        if character == " " || "│─┌┐└┘├┤┬┴┼".contains(character) { return true }
        return character.unicodeScalars.allSatisfy { (0x2800...0x28FF).contains($0.value) }
    }

    /// The places in `grid` where text runs into a border or a note into a corner, as "row r,
    /// column c: …line…".
    static func touches(_ grid: [[Character]]) -> [String] {
        let boxes = boxes(grid)
        var text: [String] = []
        for (row, cells) in grid.enumerated() {
            // A note in a box's edge runs into the corner it starts from: "└… 1 column hidden".
            // (The network pane's bus turns into its neurons with └→, which is no note.)
            for column in 1..<cells.count
            where "┌└".contains(cells[column - 1]) && !mayTouch(cells[column]) && cells[column] != "→" {
                text.append("row \(row + 1), column \(column + 1): \(String(cells))")
            }
            for column in 1..<cells.count where "│┐┘".contains(cells[column]) && !mayTouch(cells[column - 1]) {
                let owner = boxes.first { $0.right == column && $0.top <= row && row <= $0.bottom }
                if owner?.isPainted == true { continue }
                // Under the help overlay the panes are cut where it covers them, corners and all.
                if owner == nil && boxes.contains(where: { $0.title == "Keys" }) { continue }
                text.append("row \(row + 1), column \(column + 1): \(String(cells))")
            }
        }
        return text
    }

    @Test("no text glyph against a vertical border, no title into a corner", arguments: Preset.allCases, sizes)
    func margins(preset: Preset, size: Size) throws {
        for keys in Self.keys {
            let state = try PresetScreen.state(preset, size: size, keys: keys)
            let grid = Frame.render(state, size: size).text.components(separatedBy: "\n").map(Array.init)
            let text = Self.touches(grid)
            #expect(
                text.isEmpty,
                "\(preset.rawValue) \(size.width)x\(size.height) keys \"\(keys)\":\n\(text.joined(separator: "\n"))")
        }
    }

    @Test("the checker finds a number against a border and a title in a corner")
    func checkerFindsTouches() {
        let grid = [
            "┌ Gradient check (c) · 182-182 of┐", "│ ŷ1 = 0.9002                    │",
            "│ fits                     0.9002│", "└… 1 column hidden─────────────┘",
        ].map(Array.init)
        let text = Self.touches(grid)
        #expect(text.count == 3, "\(text)")
    }
}
