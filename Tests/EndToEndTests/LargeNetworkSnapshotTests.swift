import Foundation
import Testing

/// `--snapshot` of the largest networks the program takes at large terminal sizes, from the real
/// binary under a 1 GB limit of address space: the frame is drawn in bounded memory whatever the
/// network (before, `--hidden 100000` at 300x80 asked for 3.4 GB in one allocation and aborted).
@Suite("--snapshot: large networks in bounded memory")
struct LargeNetworkSnapshotTests {
    /// 1 GB of address space, in the KB `ulimit -v` counts.
    private static let addressSpace = 1_048_576

    /// The binary under that limit.
    private static func run(_ arguments: [String]) throws -> ExecutableUnderTest.Result {
        try ExecutableUnderTest.run(arguments, addressSpaceKilobytes: addressSpace)
    }

    private static func file(_ name: String, _ contents: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID()).csv")
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(
        "--hidden 100000 on XOR draws at 300x80 and 1000x1000: a coarse plane, a dozen neuron maps",
        arguments: ["300x80", "1000x1000"])
    func widestLayer(size: String) throws {
        let xor = try Self.file("xor", "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        defer { try? FileManager.default.removeItem(at: xor) }
        let result = try Self.run(["--data", xor.path, "--hidden", "100000", "--snapshot", "--size", size])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stderr.isEmpty)
        #expect(result.stdout.contains("coarse:"), "the plane says it is coarse")
        #expect(result.stdout.contains("of 100,000)"), "the neuron maps say how many they show")
        let rows = result.lines
        let width = Int(size.split(separator: "x")[0])!
        #expect(rows.count == Int(size.split(separator: "x")[1])!)
        #expect(rows.allSatisfy { $0.count == width })
    }

    @Test("the most parameters accepted (--hidden 1000,995: 999,991) with the gradient check and the lr preview open")
    func millionParameters() throws {
        let xor = try Self.file("xor", "x1,x2,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n")
        defer { try? FileManager.default.removeItem(at: xor) }
        let result = try Self.run([
            "--data", xor.path, "--hidden", "1000,995", "--snapshot", "--size", "300x80", "--keys", "cv",
        ])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stdout.contains("Gradient check"))
        #expect(
            result.stdout.contains("of 999,99"),
            "the check's title counts every parameter (its last digit is cut at this width)")
        #expect(result.stdout.contains("lr preview (v)"))
    }

    @Test("100,000 samples under 8 hidden neurons, with every pane open")
    func manySamples() throws {
        var csv = "x1,x2,y\n"
        csv.reserveCapacity(2_000_000)
        for s in 0..<100_000 {
            let (a, b) = (Double(s % 317) / 158.0 - 1, Double(s % 211) / 105.0 - 1)
            csv += "\(a),\(b),\(a * a + b * b < 0.5 ? 1 : 0)\n"
        }
        let file = try Self.file("many", csv)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.run([
            "--data", file.path, "--hidden", "8", "--snapshot", "--size", "300x80", "--keys", "cv",
        ])
        #expect(result.status == 0, "\(result.stderr.prefix(500))")
        #expect(result.stdout.contains("Input plane") && !result.stdout.contains("coarse"))
        #expect(result.stdout.contains("Gradient check (c)") && !result.stdout.contains("checking"))
    }

    @Test("a size past 1000 either way is refused in one line", arguments: ["1001x10", "80x1001", "100000x100000"])
    func sizeLimit(size: String) throws {
        let result = try ExecutableUnderTest.run(["--snapshot", "--size", size])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("backprop-tui: --size must be COLSxROWS with each between 1 and 1000"))
    }
}
