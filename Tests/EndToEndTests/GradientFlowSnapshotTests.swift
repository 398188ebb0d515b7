import BackpropCore
import Foundation
import Testing

/// The Gradient flow pane from the real binary (`--snapshot --keys F...`): its title, a line of
/// words per layer, layer 1's curve lowest on deep-sigmoid, and the shapes it must keep at
/// 80x24, in ASCII and without colour.
@Suite("--snapshot --keys F")
struct GradientFlowSnapshotTests {
    private func snapshot(_ arguments: [String], environment extra: [String: String] = [:]) throws
        -> ExecutableUnderTest.Result
    {
        let environment = ProcessInfo.processInfo.environment.merging(["LC_ALL": "C.UTF-8"].merging(extra) { $1 }) {
            $1
        }
        return try ExecutableUnderTest.run(["--snapshot"] + arguments, environment: environment)
    }

    /// The pane's rows below its title, from its left border, up to its bottom border.
    private func pane(of screen: String, title: String) throws -> [String] {
        let lines = screen.split(separator: "\n").map(String.init)
        let top = try #require(lines.firstIndex { $0.contains(title) }, "\(screen)")
        let left = try #require(lines[top].range(of: "Gradient flow")).lowerBound
        let column = lines[top].distance(from: lines[top].startIndex, to: left) - 2
        return lines[(top + 1)...].map { String($0.dropFirst(column)) }.prefix {
            !$0.hasPrefix("└") && !$0.hasPrefix("+")
        }
        .map { $0 }
    }

    @Test("deep-sigmoid at 120x40: five layers in words, layer 1's curve on the lowest row, the last's highest")
    func deepSigmoidOrdersTheCurves() throws {
        let result = try snapshot(["--preset", "deep-sigmoid", "--size", "120x40", "--keys", "Fsss"])
        #expect(result.status == 0 && result.stderr.isEmpty, "\(result.stderr)")
        let rows = try pane(of: result.stdout, title: "Gradient flow ‖∂C/∂Wˡ‖ (log)")
        for layer in 1...5 { #expect(rows.contains { $0.contains("layer \(layer): healthy") }, "\(rows)") }
        let curves = rows.map { row in
            row.dropFirst(1).drop { $0 != "┤" && $0 != "│" }.dropFirst().prefix { $0 != "l" }
        }
        let lowest = try (1...5).map { mark in try #require(curves.lastIndex { $0.contains(Character("\(mark)")) }) }
        let highest = try (1...5).map { mark in try #require(curves.firstIndex { $0.contains(Character("\(mark)")) }) }
        #expect(lowest[0] == curves.count - 1, "\(rows)")
        #expect(highest[4] == 0, "\(rows)")
        #expect(lowest == lowest.sorted(by: >), "\(rows)")
    }

    @Test("80x24, ASCII and NO_COLOR keep the pane and its words; the default seed has one curve")
    func smallPlainAndOneLayer() throws {
        let small = try snapshot(["--preset", "deep-sigmoid", "--size", "80x24", "--keys", "Fsss"])
        #expect(small.lines.count == 24)
        let rows = try pane(of: small.stdout, title: "Gradient flow")
        for layer in 1...5 { #expect(rows.joined().contains("\(layer): healthy"), "\(small.stdout)") }
        #expect(small.stdout.contains("Cost C"), "the cost curve keeps its place beside the pane")

        let ascii = try snapshot(["--preset", "spiral", "--ascii", "--size", "80x24", "--keys", "Fss"])
        #expect(ascii.stdout.contains("Gradient flow |dC/dW^l| (log)"), "\(ascii.stdout)")
        #expect(ascii.stdout.unicodeScalars.filter { !$0.isASCII }.isEmpty)

        let plain = try snapshot(["--size", "120x40", "--keys", "Fs"], environment: ["NO_COLOR": "1"])
        #expect(plain.stdout.contains("layer 1: healthy"), "\(plain.stdout)")
        let seedRows = try pane(of: plain.stdout, title: "Gradient flow")
        #expect(seedRows.contains { $0.contains("1") } && !seedRows.joined().contains("layer 2"))
    }
}
