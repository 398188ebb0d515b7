import Foundation
import Testing

/// The digits through the real binary: `--preset digits` learns headless, and `--image WxH`
/// says the inputs are pixels, or is refused in one line.
@Suite("digits and --image on the command line")
struct DigitsCommandLineTests {
    /// The trace's cells by column name.
    private func column(_ name: String, _ header: String, _ rows: [[String]]) throws -> [Double] {
        let index = try #require(header.split(separator: ",").firstIndex(of: Substring(name)), "\(header)")
        return try rows.map { try #require(Double($0[index])) }
    }

    /// 3 epochs (135 steps of 32) take about 2.8 s of CPU in a debug build. Measured with it:
    /// test accuracy 0.905 for seed 1 (0.897 to 0.928 for seeds 1 to 5, from 0.07 to 0.17 at
    /// step 0), so 0.85 leaves a margin without letting a network that learns nothing pass.
    @Test("--preset digits learns: test accuracy from chance to above 85% in 3 epochs")
    func digitsLearn() throws {
        let (header, rows) = try ExecutableUnderTest.csvRows([
            "--preset", "digits", "--epochs", "3", "--every", "45",
        ])
        #expect(
            header.hasPrefix("step,cost,test_cost,accuracy,test_accuracy,epoch,batch,grad_norm_1,grad_norm_2,L1_w1_1,"))
        // 64·16 + 16 + 16·10 + 10 parameters after the 9 columns.
        #expect(header.split(separator: ",").count == 9 + 1210)
        #expect(rows.map { $0[0] } == ["0", "45", "90", "135"])
        #expect(try column("epoch", header, rows) == [0, 1, 2, 3])
        let accuracy = try column("accuracy", header, rows)
        let testAccuracy = try column("test_accuracy", header, rows)
        // Fractions of whole samples: k of 1,438 training, k of 359 test.
        let fractions = accuracy.map { ($0, 1438.0) } + testAccuracy.map { ($0, 359.0) }
        for (fraction, count) in fractions {
            #expect((fraction * count).rounded() / count == fraction, "\(fraction) is not k/\(count)")
        }
        #expect(testAccuracy[0] < 0.3, "about one in ten at the start: \(testAccuracy[0])")
        #expect(testAccuracy[3] >= 0.85, "\(testAccuracy)")
        #expect(accuracy[3] >= 0.85, "\(accuracy)")
        let testCost = try column("test_cost", header, rows)
        #expect(testCost[3] < testCost[0] / 3, "\(testCost)")
    }

    @Test("text: the held-out count and batches in the header, each line's counts right")
    func digitsText() throws {
        let result = try ExecutableUnderTest.run(["--preset", "digits", "--headless", "--steps", "1"])
        #expect(result.status == 0)
        #expect(
            result.lines.first
                == "# digits: 1797 samples, network 64-16-10, activations tanh softmax, loss ce, reduction mean, lr 0.2, 359 held out to test, batches of 32"
        )
        let steps = result.lines.filter { $0.hasPrefix("step ") }
        #expect(steps.count == 2)
        #expect(steps.allSatisfy { $0.contains(#/  accuracy \d+/1438  test accuracy \d+/359  ŷ \[/#) }, "\(steps)")
    }

    @Test("--image WxH of the input count is taken, for a preset, --data and a scenario file")
    func imageAccepted() throws {
        let taken = try ExecutableUnderTest.run(["--preset", "digits", "--image", "4x16", "--headless", "--steps", "0"])
        #expect(taken.status == 0 && taken.stderr.isEmpty, "\(taken.stderr)")
        let folder = try TerminalSafeOutputTests.Folder()
        let data = folder.file("three.csv", Array("x1,x2,x3,y\n1,2,3,0\n3,2,1,1\n".utf8))
        let csv = try ExecutableUnderTest.run(["--data", data, "--image", "3x1", "--headless", "--steps", "1"])
        #expect(csv.status == 0 && csv.stderr.isEmpty, "\(csv.stderr)")
        let file = folder.file(
            "pictured.json",
            Array(#"{"x": [[0, 1, 1, 0]], "y": [[1]], "w": [[0.1], [0.2], [0.3], [0.4]], "image": "2x2"}"#.utf8))
        let scenario = try ExecutableUnderTest.run(["--scenario", file, "--headless", "--steps", "1"])
        #expect(scenario.status == 0 && scenario.stderr.isEmpty, "\(scenario.stderr)")
        // A flag overrides the file's, as every flag does.
        let over = try ExecutableUnderTest.run(["--scenario", file, "--image", "1x4", "--headless", "--steps", "0"])
        #expect(over.status == 0 && over.stderr.isEmpty, "\(over.stderr)")
    }

    @Test(
        "--image refused in one line, exit 64",
        arguments: [
            (
                ["--preset", "digits", "--image", "9x9"],
                "--image 9x9 has 81 pixels, but each sample of \"digits\" has 64 inputs; give a width x height of 64, like 8x8"
            ),
            (
                ["--preset", "seed", "--image", "2x2"],
                "--image 2x2 has 4 pixels, but each sample of \"seed\" has 3 inputs; give a width x height of 3, like 3x1"
            ),
            (
                ["--preset", "digits", "--image", "8by8"],
                "--image 8by8 is not a picture size; give its width and height in pixels, each 1 to 1024, like 8x8"
            ),
            (
                ["--preset", "digits", "--image", "0x64"],
                "--image 0x64 is not a picture size; give its width and height in pixels, each 1 to 1024, like 8x8"
            ),
            (
                ["--preset", "digits", "--image", ""],
                "--image '' is not a picture size; give its width and height in pixels, each 1 to 1024, like 8x8"
            ),
            (
                ["--preset", "circle", "--features", "x1^2,x2^2", "--image", "2x1"],
                "--image 2x1: the inputs are features computed from x1 and x2 (x1^2,x2^2), not pixels; leave out --image or the features"
            ),
        ])
    func imageRefused(arguments: [String], line: String) throws {
        for mode in [["--headless"], ["--snapshot"]] {
            let result = try ExecutableUnderTest.run(mode + arguments)
            #expect(result.status == 64)
            #expect(result.stdout.isEmpty)
            #expect(result.errorLines == ["backprop-tui: \(line) (see 'backprop-tui --help')"])
        }
    }

    @Test("a scenario file's image that is not x's picture: one line naming the place, exit 65")
    func imageInAFileRefused() throws {
        let folder = try TerminalSafeOutputTests.Folder()
        let file = folder.file(
            "wrong.json", Array(#"{"x": [[0, 1, 1]], "y": [[1]], "w": [[0.1], [0.2], [0.3]], "image": "2x2"}"#.utf8))
        let result = try ExecutableUnderTest.run(["--scenario", file, "--headless"])
        #expect(result.status == 65)
        #expect(
            result.errorLines == [
                "backprop-tui: scenario file \"\(file)\" line 1, column 69: \"image\" is 2x2, 4 pixels, but x has 3 columns; give a width x height of 3, like \"3x1\""
            ])
    }
}
