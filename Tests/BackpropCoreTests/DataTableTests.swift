import BackpropCore
import Foundation
import Testing

/// `--data FILE.csv`: the format, the seeded starting weights, and every error naming its line.
@Suite("CSV data")
struct DataTableTests {
    @Test("columns starting with y are targets, the rest inputs, in file order")
    func columns() throws {
        let table = try DataTable(csv: "x1, y, x2\n0, 1, 0.5\n1, 0, -2\n\n")
        #expect(table.inputNames == ["x1", "x2"])
        #expect(table.targetNames == ["y"])
        #expect(table.inputs == [[0, 0.5], [1, -2]])
        #expect(table.targets == [[1], [0]])
    }

    @Test("y, y1, Y_cat and y.2 are targets; year and yield, which merely start with y, are inputs")
    func targetNames() throws {
        let table = try DataTable(csv: "year,yield,y1,Y_cat,y.2,y\n1,2,3,4,5,6\n")
        #expect(table.inputNames == ["year", "yield"])
        #expect(table.targetNames == ["y1", "Y_cat", "y.2", "y"])
        #expect(table.inputs == [[1, 2]])
        #expect(table.targets == [[3, 4, 5, 6]])
    }

    @Test("starting weights depend on the seed alone and are small")
    func seededWeights() throws {
        let table = try DataTable(csv: "a,b,c,y1,y2\n1,2,3,1,0\n3,2,1,0,1\n")
        let one = try table.scenario(seed: 1, hidden: [])
        let again = try table.scenario(seed: 1, hidden: [])
        let other = try table.scenario(seed: 2, hidden: [])
        #expect(one == again)
        #expect(one.network.layer(0).weights != other.network.layer(0).weights)
        #expect(one.network.layer(0).weights.shapeDescription == "3x2")
        #expect(one.network.layer(0).bias == [0, 0])
        #expect(one.network.layer(0).weights.elements.allSatisfy { abs($0) <= 1 / 3.0.squareRoot() })
        // SplitMix64 is fully specified: the first output for seed 1 is a published constant.
        var generator = SeededGenerator(seed: 1)
        #expect(generator.next() == 0x910A_2DEC_8902_5CC1)
    }

    @Test(
        "each malformed file gets one line naming the line and the problem",
        arguments: [
            ("", "line 1", "empty"),
            ("x1,x2\n1,2\n", "line 1", "no target column"),
            ("y1,y2\n1,2\n", "line 1", "no input column"),
            ("x,,y\n1,2,3\n", "line 1", "no name"),
            ("x,y\n", "line 1", "no data rows"),
            ("x,y\n1,2\n3\n", "line 3", "has 1 cell but"),
            ("x,y\n1,2\n3,4,5\n", "line 3", "3 cells"),
            ("x,y\n1,two\n", "line 2", "\"two\""),
            ("x,y\n1,nan\n", "line 2", "\"nan\""),
            ("x,y\n1,\n", "line 2", "column \"y\""),
            // Double(String) reads these, but they are not decimal numbers.
            ("x,y\n1,0x10\n", "line 2", "column \"y\" is \"0x10\""),
            ("x,y\n1,inf\n", "line 2", "\"inf\""),
            ("x,y\n1,-infinity\n", "line 2", "\"-infinity\""),
            ("x,y\n1,1e400\n", "line 2", "\"1e400\""),
            ("x,y\n1,1_000\n", "line 2", "\"1_000\""),
            ("x,y\n1,1e\n", "line 2", "\"1e\""),
            ("x,y\n1,.\n", "line 2", "\".\""),
            ("x,y\n1,- 1\n", "line 2", "\"- 1\""),
            ("x,y\n1,\"\"\n", "line 2", "column \"y\" is \"\""),
            // RFC 4180 quoting: a quoted comma is text, so "1,5" is one cell and not a number.
            ("x,y\n\"1,5\",0\n", "line 2", "column \"x\" is \"1,5\", not a finite number"),
            ("x,y\n1,\"2\"\"\"\n", "line 2", "column \"y\" is \"2\"\""),
            ("x,y\n1,0\n\n\"1,0\n", "line 4", "cell 1 opens a quote that is not closed"),
            ("x,y\n1,\"0\n\",1\n", "line 2", "not closed on this line"),
            ("x,\"y\n", "line 1", "not closed"),
            ("x,y\n\"1\"2,0\n", "line 2", "cell 1 has text after its closing quote"),
            ("\"x\" y,y\n1,0\n", "line 1", "after its closing quote"),
            ("x,y\n1,2\"3,4\"\n", "line 2", "cell 2 has a \" inside"),
            ("x\"a,b\",y\n1,2,3\n", "line 1", "cell 1 has a \" inside"),
            // Line numbers count physical lines, whichever line ends the file uses.
            ("x,y\r\n1,0\r\n\r\n1,a\r\n", "line 4", "\"a\""),
            ("x,y\r1,0\r\r1,a\r", "line 4", "\"a\""),
            ("\n\n x , y \n\n 1 , a \n", "line 5", "\"a\""),
            ("x,y\r\n1,0\r\n\"2,0\r\n", "line 3", "not closed"),
        ])
    func malformed(text: String, line: String, words: String) {
        #expect {
            _ = try DataTable(csv: text, path: "d.csv")
        } throws: { error in
            let message = "\(error)"
            return message.contains("d.csv") && message.contains(line) && message.contains(words)
                && !message.contains("\n")
        }
    }

    @Test("more than 100,000 rows is refused with the limit in the message")
    func tooManyRows() {
        let text = "x,y\n" + String(repeating: "1,0\n", count: Limits.samples + 1)
        #expect(
            throws: ScenarioError.csv(
                path: "big.csv", line: Limits.samples + 2,
                problem: "more than 100,000 rows of samples, the most this program takes; use a sample of the data")
        ) {
            _ = try DataTable(csv: text, path: "big.csv")
        }
        let fits = "x,y\n" + String(repeating: "1,0\n", count: Limits.samples)
        #expect((try? DataTable(csv: fits))?.inputs.count == Limits.samples)
    }

    @Test(
        "a column name given twice is refused at line 1, naming both columns",
        arguments: [
            ("x1,x1,y\n1,2,0\n", 2, "x1", 1), ("x,y,y\n1,0,1\n", 3, "y", 2), ("\"a\", b ,a,y\n1,2,3,4\n", 3, "a", 1),
        ])
    func repeatedNames(text: String, column: Int, name: String, first: Int) {
        #expect(
            throws: ScenarioError.csv(
                path: "d.csv", line: 1,
                problem:
                    "header column \(column) is named \"\(name)\" like column \(first); give every column its own name")
        ) {
            _ = try DataTable(csv: text, path: "d.csv")
        }
        // Names differing in case are different names.
        #expect(throws: Never.self) { try DataTable(csv: "x,X,y\n1,2,0\n") }
    }

    @Test("each sample remembers its line, blank lines counted")
    func sampleLines() throws {
        let table = try DataTable(csv: "\nx,y\n1,0\n\n  \n2,1\r\n3,0")
        #expect(table.sampleLines == [3, 6, 7])
    }

    @Test("a target the loss refuses is named by the CSV line and column, not as y[r][c]")
    func targetsAtTheirLine() throws {
        let table = try DataTable(csv: "x1,y_a,y_b\n0,1,0\n\n1,0.25,2\n", path: "t.csv")
        var scenario = try table.scenario(seed: 1)
        let bce = #expect(throws: ScenarioError.self) { try scenario.setLoss(.bce) }
        #expect(bce == .targetNotProbability(loss: .bce, sample: 2, output: 2, value: 2))
        let located = bce.map { table.locating($0, path: "t.csv") }
        #expect(
            located
                == .csv(
                    path: "t.csv", line: 4,
                    problem:
                        "column \"y_b\" is 2.0, but loss bce needs every target in [0, 1] (a probability); use 1 for the class and 0 otherwise, or loss sse"
                ))
        let sums = try DataTable(csv: "x1,y_a,y_b\n0,1,0\n1,0.25,0.5\n", path: "s.csv")
        var softmax = try sums.scenario(seed: 1)
        let ce = #expect(throws: ScenarioError.self) { try softmax.set(activations: [.softmax], loss: .ce) }
        #expect(ce == .targetSum(sample: 2, sum: 0.75))
        let summed = ce.map { sums.locating($0, path: "s.csv") }
        #expect(summed?.description.hasPrefix("data file \"s.csv\" line 3: the 2 target columns sum to 0.75") == true)
        // Any other error is left as it is.
        #expect(table.locating(.empty(field: "x"), path: "t.csv") == .empty(field: "x"))
    }

    @Test("a missing file and a folder are named")
    func files() {
        #expect(throws: ScenarioError.fileMissing(path: "/no/such.csv")) {
            _ = try DataTable.load(path: "/no/such.csv")
        }
        #expect(throws: ScenarioError.fileIsDirectory(path: "/tmp")) { _ = try DataTable.load(path: "/tmp") }
    }

    @Test("Windows line endings, quoted names and a byte-order mark read like plain CSV")
    func spreadsheetExports() throws {
        let plain = try DataTable(csv: "x1,x2,y\n0,1,1\n1,0,0\n")
        #expect(try DataTable(csv: "x1,x2,y\r\n0,1,1\r\n1,0,0\r\n") == plain)
        #expect(try DataTable(csv: "\"x1\",\"x2\",\"y\"\n0,1,1\n1,0,\"0\"\n") == plain)
        #expect(try DataTable(csv: "\u{FEFF}x1,x2,y\n0,1,1\n1,0,0\n") == plain)
    }

    @Test("a file separated by semicolons or tabs is told so")
    func otherSeparators() {
        for text in ["x1;x2;y\n0;1;1\n", "x1\tx2\ty\n0\t1\t1\n"] {
            #expect(
                throws: ScenarioError.csv(
                    path: "d.csv", line: 1,
                    problem: "cells must be separated by commas; this file seems to use semicolons or tabs")
            ) {
                _ = try DataTable(csv: text, path: "d.csv")
            }
        }
    }

    @Test("a quoted header name may hold commas, spaces and quotes written twice")
    func quotedNames() throws {
        let table = try DataTable(csv: "\"x \"\"a\"\"\",\"b,c\" ,  \" y1 \"\n1,2,3\n")
        #expect(table.inputNames == ["x \"a\"", "b,c"])
        #expect(table.targetNames == ["y1"])
        #expect(table.inputs == [[1, 2]])
        #expect(table.targets == [[3]])
    }

    @Test("quotes and spaces around cells read like bare numbers, with any line ending")
    func quotedCells() throws {
        let plain = try DataTable(csv: "x1,x2,y\n0,1.5,1\n-1,0,0\n")
        let quoted = "\"x1\",\"x2\",\"y\"\r\n\"0\", \" 1.5 \" ,1\r\n\r\n  \t\r\n-1,\"0\",\"0\"  \r\n"
        // The same samples; only the lines they were read from differ, with the blank lines.
        func samples(_ table: DataTable) -> [[[Double]]] { [table.inputs, table.targets] }
        #expect(try samples(DataTable(csv: quoted)) == samples(plain))
        #expect(try DataTable(csv: quoted).inputNames == plain.inputNames)
        #expect(try DataTable(csv: quoted).sampleLines == [2, 5])
        #expect(try DataTable(csv: Data(quoted.utf8)) == DataTable(csv: quoted))
        #expect(try DataTable(csv: "x1,x2,y\r0,1.5,1\r-1,0,0") == plain)
        #expect(try samples(DataTable(csv: "\u{FEFF}x1,x2,y\n\n0,1.5,1\n-1,0,0")) == samples(plain))
    }

    @Test("every decimal form Double(String) reads gives the same Double, bit for bit")
    func decimalForms() throws {
        let forms = [
            "1", "-1", "+1", "1.", ".5", "+.5", "-.5e-3", "00.5", "-0", "0e999", "1E5", "1e+5", "2.5e-3",
            "1.5e0005", "1e-400", "4.9e-324", "2.2250738585072011e-308", "1.7976931348623157e308",
            "9007199254740993", "0.1", "1e22", "1e23", "123456789012345678901234567890",
            "0.000000000000000000000000000001", "3.14159265358979323846264338327950288",
            "9007199254740992e-22", "9007199254740993e-22", "1" + String(repeating: "0", count: 300),
        ]
        let text = "x,y\n" + forms.map { "\($0),0\n" }.joined()
        let table = try DataTable(csv: text)
        #expect(table.inputs.map { $0[0].bitPattern } == forms.map { Double($0)!.bitPattern })
    }

    @Test("random decimal texts and halfway cases read as Double(String) reads them, bit for bit")
    func decimalProperty() throws {
        var random = SeededGenerator(seed: 4180)
        var forms: [String] = []
        for _ in 0..<5000 {
            // 1 to 21 digits, a point anywhere or nowhere, and an exponent or none: every path.
            let digits = String((0..<random.integer(1...21)).map { _ in Character("\(random.integer(0...9))") })
            let point = random.integer(0...digits.count + 1)
            var text = point > digits.count ? digits : "\(digits.prefix(point)).\(digits.dropFirst(point))"
            if random.integer(0...1) == 1 { text += "e\(random.integer(-40...40))" }
            forms.append(["", "-", "+"][random.integer(0...2)] + text)
        }
        for _ in 0..<200 {
            // Integers exactly halfway between two Doubles, and their neighbours: ties go to even.
            let double = Double(UInt64(1) << 54 + random.next() % (UInt64(1) << 59))
            let halfway = UInt64(double) + UInt64(double.ulp / 2)
            forms += [halfway - 1, halfway, halfway + 1].map { "\($0)" }
        }
        #if arch(x86_64) && !(os(Windows) || os(Android))
            // Texts within a Float80 rounding of a point halfway between two Doubles, but not on
            // it: a reader that rounds through Float80 lands exactly halfway and must not guess.
            // Float80's shortest text for the halfway point is such a text whenever it is not
            // the exact point; those of up to 19 digits are the ones the Float80 path takes.
            var nearHalfway = 0
            while nearHalfway < 500 {
                let double =
                    random.uniform(1...2) * Double(sign: .plus, exponent: random.integer(-60...60), significand: 1)
                let text = "\(Float80(double) + Float80(double.ulp) / 2)"
                let digits = text.prefix { $0 != "e" }.filter(\.isNumber).drop { $0 == "0" }
                guard digits.count <= 19, !text.contains("e") || abs(Int(text.split(separator: "e")[1])!) <= 20 else {
                    continue
                }
                forms.append(text)
                nearHalfway += 1
            }
        #endif
        let table = try DataTable(csv: "x,y\n" + forms.map { "\($0),0\n" }.joined())
        // The texts read differently, if any: a short list rather than 5,000 numbers.
        let wrong = zip(forms, table.inputs).filter { $1[0].bitPattern != Double($0)!.bitPattern }.map(\.0)
        #expect(wrong.isEmpty, "read unlike Double(String): \(wrong.prefix(5))")
    }

    @Test("a generated 1,000-row table reads back exactly")
    func generatedTable() throws {
        var random = SeededGenerator(seed: 8)
        let rows = 1000
        let inputs = (0..<rows).map { row in
            // Plain 17-digit values, any finite Double (subnormals, extremes), and small integers.
            [random.uniform(-100...100), random.anyFiniteDouble(), Double(random.integer(-9...9)), Double(row)]
        }
        let targets = (0..<rows).map { _ in [random.uniform(0...1), random.anyFiniteDouble()] }
        var text = "x1,\"x2\",x3,x4,y1,y2\r\n"
        for (x, y) in zip(inputs, targets) {
            // The second cell is quoted and spaced, as spreadsheets and people write them.
            text += "\(x[0]), \"\(x[1])\" ,\(x[2]),\(Int(x[3])),\(y[0]),\(y[1])\r\n"
        }
        let table = try DataTable(csv: Data(text.utf8), path: "big.csv")
        #expect(table.inputNames == ["x1", "x2", "x3", "x4"])
        #expect(table.targetNames == ["y1", "y2"])
        #expect(table.inputs.map { $0.map(\.bitPattern) } == inputs.map { $0.map(\.bitPattern) })
        #expect(table.targets.map { $0.map(\.bitPattern) } == targets.map { $0.map(\.bitPattern) })
    }

    @Test("bytes that are not UTF-8 are refused, not crashed on")
    func invalidUTF8() {
        let header = Array("x,y\n".utf8)
        let cases: [([UInt8], String)] = [
            (header + [0x31, 0x2C, 0xFF, 0x0A], "line 2: column \"y\" is \"\\xFF\", not a finite number"),
            (header + [0x31, 0x2C, 0x31, 0xE2, 0x82], "line 2: column \"y\" is"),
            (header + [0x22, 0xC3, 0x28, 0x22, 0x2C, 0x30, 0x0A], "line 2: column \"x\" is"),
            ([0x78, 0xE9, 0x2C, 0x79, 0x0A, 0x31, 0x2C, 0x30, 0x0A], "line 1: header column 1 is not UTF-8 text"),
            ([0xEF, 0xBB, 0x78, 0x2C, 0x79, 0x0A, 0x31, 0x2C, 0x30, 0x0A], "line 1: header column 1 is not UTF-8"),
        ]
        for (bytes, words) in cases {
            #expect {
                _ = try DataTable(csv: Data(bytes), path: "d.csv")
            } throws: { error in
                "\(error)".contains("data file \"d.csv\" \(words)")
            }
        }
    }

    @Test("load reads the file's bytes with the same rules")
    func loadFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("data-\(UUID()).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data("\u{FEFF}\"x\",y\r\n1,\"0\"\r\n".utf8).write(to: file)
        let table = try DataTable.load(path: file.path)
        #expect(table == (try DataTable(csv: "x,y\n1,0\n")))
    }
}
