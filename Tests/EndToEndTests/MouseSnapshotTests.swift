import Foundation
import Testing

/// Clicks through `--snapshot --keys`, from the real binary: each click is aimed at where the
/// frame without it drew the thing, found in its text, so the test reads the screen as a user
/// would and fails if drawing and clicking disagree.
@Suite("--snapshot --keys: the mouse selects, scrolls and adds points")
struct MouseSnapshotTests {
    private func snapshot(_ arguments: [String], in directory: URL? = nil) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(
            ["--snapshot"] + arguments,
            environment: ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"]) { $1 }, in: directory)
    }

    /// The 1-based column and row of the first `text` on a line after the first line holding
    /// `after` (or anywhere, when nil); columns count characters (the frames here are narrow
    /// characters only).
    private func place(of text: String, after: String? = nil, in result: ExecutableUnderTest.Result) -> (Int, Int)? {
        let lines = result.lines
        let start = after.flatMap { marker in lines.firstIndex { $0.contains(marker) } } ?? -1
        for index in (start + 1)..<lines.count {
            let line = Array(lines[index])
            let wanted = Array(text)
            guard line.count >= wanted.count else { continue }
            for column in 0...(line.count - wanted.count) where Array(line[column..<(column + wanted.count)]) == wanted
            {
                return (column + 1, index + 1)
            }
        }
        return nil
    }

    @Test("a click on a weight selects it: the inspector explains it")
    func clickSelectsWeight() throws {
        let plain = try snapshot(["--preset", "xor-hidden"])
        #expect(plain.stdout.contains("Inspector ω¹11"))
        // ω¹23: the x2 row of layer 1, under the h¹3 header.
        let (column, _) = try #require(place(of: "h¹3", in: plain))
        let (_, row) = try #require(place(of: "│ x2 ", in: plain))
        let clicked = try snapshot(["--preset", "xor-hidden", "--keys", "<Click \(column) \(row)>"])
        #expect(clicked.status == 0, "\(clicked.stderr)")
        #expect(clicked.stdout.contains("Inspector ω¹23"), "\(clicked.stdout)")
        // The b row of layer 2, clicked on its label's row at the value's column.
        let (bColumn, bRow) = try #require(place(of: "b²   0.0000", in: plain))
        let bias = try snapshot(["--preset", "xor-hidden", "--keys", "<Click \(bColumn + 6) \(bRow)>"])
        #expect(bias.stdout.contains("Inspector b²1"), "\(bias.stdout)")
        #expect(!bias.stdout.contains("Inspector ω¹11"))
    }

    @Test("a click on a prediction row follows its sample")
    func clickSelectsSample() throws {
        let plain = try snapshot(["--preset", "xor-hidden"])
        #expect(plain.stdout.contains("sample 1:"))
        let (column, row) = try #require(place(of: "│ 3  1  0 │", in: plain))
        let clicked = try snapshot(["--preset", "xor-hidden", "--keys", "<Click \(column + 2) \(row)>"])
        #expect(clicked.stdout.contains("sample 3:"), "\(clicked.stdout)")
        #expect(!clicked.stdout.contains("sample 1:"))
    }

    @Test("a click on a neuron's map selects a weight of that neuron")
    func clickSelectsNeuron() throws {
        let arguments = ["--preset", "circle", "--size", "120x40"]
        let plain = try snapshot(arguments)
        let (column, row) = try #require(place(of: "h¹3", after: "Layer 1 neurons", in: plain))
        let clicked = try snapshot(arguments + ["--keys", "<Click \(column + 2) \(row + 2)>"])
        #expect(clicked.stdout.contains("Inspector ω¹13"), "\(clicked.stdout)")
    }

    @Test("the wheel over the predictions walks the samples and the rows scroll with them")
    func wheelScrolls() throws {
        let arguments = ["--preset", "circle", "--size", "120x40"]
        let plain = try snapshot(arguments)
        #expect(plain.stdout.contains("sample 1:") && !plain.stdout.contains("sample 13:"))
        let (column, row) = try #require(place(of: "│  1 ", in: plain))
        let down = String(repeating: "<WheelDown \(column + 2) \(row)>", count: 12)
        let scrolled = try snapshot(arguments + ["--keys", down])
        // The inspector follows sample 13, as after twelve presses of >.
        #expect(scrolled.stdout.contains("sample 13:"), "\(scrolled.stdout)")
        #expect(scrolled.lines.contains { $0.hasPrefix("│ 13 ") }, "the row of sample 13 is in view")
        #expect(!scrolled.lines.contains { $0.hasPrefix("│  1 ") }, "the first rows scrolled away")
        let back = try snapshot(
            arguments + ["--keys", down + String(repeating: "<WheelUp \(column + 2) \(row)>", count: 12)])
        #expect(back.stdout == plain.stdout)
        // Over the title bar the wheel does nothing.
        let title = try snapshot(arguments + ["--keys", "<WheelDown 5 1>"])
        #expect(title.stdout == plain.stdout)
    }

    /// The point in "added a class 1 sample at (x1, x2)".
    private func addedPoint(_ result: ExecutableUnderTest.Result, label: Int) -> [Double]? {
        guard let line = result.lines.first(where: { $0.contains("added a class \(label) sample at (") }),
            let open = line.range(of: "at (")?.upperBound, let close = line[open...].firstIndex(of: ")")
        else { return nil }
        return line[open..<close].split(separator: ",").compactMap {
            Double($0.trimmingCharacters(in: .whitespaces))
        }
    }

    @Test("a left click on the plane adds a class 1 sample, a right click class 0; b takes it out; w saves it")
    func planeClicks() throws {
        let arguments = ["--preset", "circle", "--size", "120x40"]
        let plain = try snapshot(arguments)
        #expect(plain.stdout.contains("27/50 right"))
        // The middle of the plane's plot, a few rows under its top border.
        let (column, row) = try #require(place(of: "┌ Input plane", in: plain))
        let click = "\(column + 30) \(row + 5)"
        let left = try snapshot(arguments + ["--keys", "<Click \(click)>"])
        #expect(left.status == 0, "\(left.stderr)")
        let point = try #require(addedPoint(left, label: 1), "\(left.stdout)")
        #expect(point.count == 2)
        #expect(left.stdout.contains("/51 right"), "\(left.stdout)")
        #expect(left.stdout.contains("b undoes it"))
        let right = try snapshot(arguments + ["--keys", "<RightClick \(click)>"])
        #expect(addedPoint(right, label: 0) == point, "\(right.stdout)")

        let undone = try snapshot(arguments + ["--keys", "<Click \(click)>b"])
        #expect(undone.stdout.contains("took the point added on the plane out: back to 50 samples"))
        // Every line but the status and hint lines as before the click.
        #expect(undone.lines.dropLast(2) == plain.lines.dropLast(2))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("backprop-mouse-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let saved = try snapshot(arguments + ["--keys", "<Click \(click)>w"], in: directory)
        #expect(saved.stdout.contains("saved to ./backprop-scenario-"), "\(saved.stdout)")
        let name = try #require(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).first { $0.hasSuffix(".json") })
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent(name)))
                as? [String: Any])
        let x = try #require(json["x"] as? [[Double]])
        let y = try #require(json["y"] as? [[Double]])
        #expect(x.count == 51 && y.count == 51)
        #expect(x.last == point)
        #expect(y.last == [1])
        // The saved file trains: loaded again, it has the point.
        let reloaded = try snapshot(["--scenario", directory.appendingPathComponent(name).path, "--size", "120x40"])
        #expect(reloaded.stdout.contains("/51 right"), "\(reloaded.stdout)\(reloaded.stderr)")
    }

    @Test("the plane's clicks need the plane: at 80x24, where it does not fit, a click there selects or does nothing")
    func noPlaneNoPoint() throws {
        let result = try snapshot(["--preset", "circle", "--keys", "m<Click 40 20>"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("added a class"))
        #expect(result.stdout.contains("27/50 right"))
    }
}
