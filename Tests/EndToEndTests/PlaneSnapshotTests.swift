import Foundation
import Testing

/// The input plane as a user sees it: `--snapshot --preset xor-hidden --steps 20000
/// --size 120x40 --ascii` from the real binary shows the plane by itself, and the shading beside
/// every sample agrees with its target (x: high, o: low).
@Suite("--snapshot: the input plane")
struct PlaneSnapshotTests {
    private static let ramp = Array(" .:-=+*#%@")

    @Test("after 20000 steps of xor-hidden, the shading beside each of the 4 samples agrees with its target")
    func shadingAgreesWithTargets() throws {
        let result = try ExecutableUnderTest.run([
            "--snapshot", "--preset", "xor-hidden", "--steps", "20000", "--size", "120x40", "--ascii",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = result.lines.map(Array.init)
        let top = try #require(rows.firstIndex { String($0).contains("Input plane | y^1") }, "\(result.stdout)")
        let boxX = String(rows[top]).distance(
            from: String(rows[top]).startIndex, to: String(rows[top]).range(of: "+ Input plane")!.lowerBound)
        // The x1 axis row sits under the plot: its first label starts at the plot's left column
        // and its last ends at the plot's right edge.
        let axis = try #require(rows[top...].firstIndex { String($0.dropFirst(boxX)).contains(" x1 ") })
        let inside = rows[axis][(boxX + 1)..<(rows[axis].count - 1)]
        let left = try #require(inside.firstIndex { $0 != " " })
        let right = try #require(inside.lastIndex { $0 != " " }) + 1
        var marks = 0
        for y in (top + 1)..<axis {
            for x in left..<right where rows[y][x] == "x" || rows[y][x] == "o" {
                marks += 1
                let high = rows[y][x] == "x"
                let around = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)].filter { x, y in
                    (left..<right).contains(x) && ((top + 1)..<axis).contains(y)
                }
                for (nx, ny) in around {
                    let level = try #require(Self.ramp.firstIndex(of: rows[ny][nx]), "'\(rows[ny][nx])' is not a shade")
                    #expect(high ? level >= 5 : level <= 4, "\(rows[y][x]) at (\(x), \(y)) beside '\(rows[ny][nx])'")
                }
            }
        }
        #expect(marks == 4, "\(result.stdout)")
    }

    @Test("--keys m hides it; data with 3 inputs has none and m says why")
    func keys() throws {
        let hidden = try ExecutableUnderTest.run(["--snapshot", "--preset", "xor", "--size", "120x40", "--keys", "m"])
        #expect(!hidden.stdout.contains("Input plane") && hidden.stdout.contains("input plane hidden (m shows it)"))
        let seed = try ExecutableUnderTest.run(["--snapshot", "--size", "120x40", "--keys", "m", "--ascii"])
        #expect(seed.stdout.contains("the input plane needs data with 2 inputs (x1 across, x2 up); this has 3"))
    }
}
