/// The numbers of a formula's matrices side by side under its line, as a class would write them
/// on the board: the result, then its operands joined by their signs, each matrix under its name.
///
///     a¹                  x        W¹                      b¹
///     0.1000 0.2000  =    0 0      0.1000 0.2000 0.3000  + 0.1000 0.2000
///
/// The operands come only when all of them fit beside the result; a matrix with more rows or
/// columns than fit shows its top-left corner and an ellipsis in the place of the rest, and one
/// not even a column of which fits says so. Every number goes through the frame's rule
/// (`EquationText`: computed numbers by `NumberFormat`, data as the data writes it).
struct MatrixNumbers {
    let text: EquationText

    /// The lines (at most `rows`, each at most `width` columns) of `terms`' numbers, or none when
    /// there is no room for a name and a row.
    func lines(_ terms: [MatrixTerm], width: Int, rows: Int) -> [String] {
        guard rows >= 2, width > 0, let result = terms.first else { return [] }
        let room = rows - 1
        let all = terms.enumerated().map { block($1, rows: room, columns: $1.matrix.columns, says: $0 == 0) }
        if joinedWidth(all, terms: terms) <= width { return layout(all, terms: terms) }
        // The result alone, as many of its columns as fit: at least one number, and the
        // ellipsis after it when there are more.
        var columns = result.matrix.columns
        while columns >= min(2, result.matrix.columns) {
            let one = block(result, rows: room, columns: columns, says: true)
            if one.width <= width { return layout([one], terms: [result]) }
            columns -= 1
        }
        let glyphs = text.glyphs
        let cross = glyphs.isASCII ? "x" : "×"
        return [
            LineFit.words(
                "\(result.name) (\(result.matrix.rows)\(cross)\(result.matrix.columns): too big to show)", width: width,
                ellipsis: glyphs.ellipsis)
        ]
    }

    /// One matrix's name and rows, as text cells: at most `rows` rows and `columns` columns,
    /// the last shown row or column an ellipsis when some are left out.
    struct Block {
        let name: String
        /// Each shown row's cells, right-aligned in their column.
        let lines: [String]
        let width: Int
    }

    /// `term`'s block; with `says`, a single row of more says so after the name (the result's
    /// does, for every block beside it).
    private func block(_ term: MatrixTerm, rows: Int, columns: Int, says: Bool) -> Block {
        let matrix = term.matrix
        let ellipsis = text.glyphs.ellipsis
        let cutRows = matrix.rows > rows
        let cutColumns = matrix.columns > columns
        // An ellipsis takes the place of the last row or column shown, when some are left out.
        let shownRows = cutRows ? max(1, rows - 1) : matrix.rows
        let shownColumns = cutColumns ? max(0, columns - 1) : matrix.columns
        var cells: [[String]] = (0..<shownRows).map { row in
            (0..<shownColumns).map { column in
                term.isData ? text.dataValue(matrix[row, column]) : text.value(matrix[row, column])
            } + (cutColumns ? [ellipsis] : [])
        }
        if cutRows && rows > 1 {
            cells.append(Array(repeating: ellipsis, count: shownColumns + (cutColumns ? 1 : 0)))
        }
        let count = cells.first?.count ?? 0
        let widths = (0..<count).map { column in cells.map { DisplayWidth.of($0[column]) }.max() ?? 0 }
        let lines = cells.map { row in
            zip(row, widths).map { cell, width in
                String(repeating: " ", count: width - DisplayWidth.of(cell)) + cell
            }.joined(separator: " ")
        }
        let numbersWidth = widths.reduce(0, +) + max(0, count - 1)
        // With room for a single row there is none for the ellipsis under it: the name says it.
        let name = says && cutRows && rows == 1 ? "\(term.name) (1 of \(matrix.rows) rows)" : term.name
        return Block(name: name, lines: lines, width: max(numbersWidth, DisplayWidth.of(name)))
    }

    /// The blocks and their signs side by side: a sign takes its width and a space either side;
    /// a product (no sign) two spaces.
    private func joinedWidth(_ blocks: [Block], terms: [MatrixTerm]) -> Int {
        zip(blocks, terms).enumerated().map { index, pair in
            pair.0.width + (index == 0 ? 0 : DisplayWidth.of(separator(pair.1.sign)))
        }.reduce(0, +)
    }

    private func separator(_ sign: String) -> String { sign.isEmpty ? "  " : " \(sign) " }

    private func layout(_ blocks: [Block], terms: [MatrixTerm]) -> [String] {
        let height = blocks.map(\.lines.count).max() ?? 0
        var lines: [String] = []
        for row in -1..<height {
            var line = ""
            for (index, (block, term)) in zip(blocks, terms).enumerated() {
                if index > 0 {
                    let sign = separator(term.sign)
                    // The sign stands on the first row of numbers, as on a board.
                    line += row == 0 ? sign : String(repeating: " ", count: DisplayWidth.of(sign))
                }
                let cell = row < 0 ? block.name : (row < block.lines.count ? block.lines[row] : "")
                line += cell + String(repeating: " ", count: max(0, block.width - DisplayWidth.of(cell)))
            }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines
    }
}
