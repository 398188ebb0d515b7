import Foundation
import Testing

/// `--optimizer`, its hyperparameters and `--compare` through the built binary: each column of a
/// race is that optimizer's own run, and every wrong flag gets one line and exit 64.
@Suite("optimizers on the command line")
struct OptimizerCommandLineTests {
    @Test(
        "--compare's columns are the separate runs, to the last digit",
        arguments: [
            ["--preset", "seed"], ["--preset", "xor-hidden", "--beta1", "0.8", "--momentum", "0.5"],
            ["--preset", "circle", "--lr", "0.05", "--alpha", "0.9", "--epsilon", "1e-6"],
        ])
    func compareMatchesSeparateRuns(scenario: [String]) throws {
        let names = ["sgd", "momentum", "nesterov", "rmsprop", "adam"]
        let steps = ["--steps", "60", "--every", "7"]
        let result = try ExecutableUnderTest.run(
            ["--headless", "--compare", names.joined(separator: ",")] + steps + scenario)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.lines
        try #require(lines.count > 2)
        #expect(lines[0] == "step," + names.map { "cost_\($0)" }.joined(separator: ","))
        let race = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for (column, name) in names.enumerated() {
            // The hyperparameter flags for rules that do not read them are refused on a single
            // run, so each separate run gets only its own.
            let own = OptimizerCommandLineTests.flags(scenario, for: name)
            let (_, rows) = try ExecutableUnderTest.csvRows(["--optimizer", name] + steps + own)
            #expect(rows.map { $0[0] } == race.map { $0[0] }, "the same steps are printed")
            #expect(rows.map { $0[1] } == race.map { $0[column + 1] }, "\(name)'s column is its own run")
        }
        #expect(Set(race.last!.dropFirst()).count == names.count, "five rules, five different costs")
    }

    /// `scenario` without the hyperparameter flags `name` does not read.
    static func flags(_ scenario: [String], for name: String) -> [String] {
        let readers = [
            "--momentum": ["momentum", "nesterov"], "--alpha": ["rmsprop"], "--beta1": ["adam"], "--beta2": ["adam"],
            "--epsilon": ["rmsprop", "adam"],
        ]
        var kept: [String] = []
        var index = 0
        while index < scenario.count {
            if let rules = readers[scenario[index]] {
                if rules.contains(name) { kept += scenario[index...index + 1] }
                index += 2
            } else {
                kept.append(scenario[index])
                index += 1
            }
        }
        return kept
    }

    @Test("a runner that diverges stops there, as its own run does, says so in one line, and the others run on")
    func divergence() throws {
        // A linear layer on the seed's x at lr 1: sgd's steps overshoot and grow; Adam's steps
        // are at most about lr, and it converges.
        let flags = ["--preset", "seed", "--activation", "linear", "--lr", "1", "--steps", "400", "--every", "100"]
        let result = try ExecutableUnderTest.run(["--headless", "--compare", "adam,sgd"] + flags)
        #expect(result.status == 3)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        let own = try ExecutableUnderTest.run(["--headless", "--format", "csv"] + flags)
        #expect(own.status == 3, "sgd's own run diverges too")
        let last = try #require(own.lines.last?.split(separator: ",").map(String.init))
        #expect(result.stderr.contains("sgd diverged at step \(last[0]) (cost \(last[1])); its column ends there"))
        let rows = result.lines.dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        #expect(rows.contains([last[0], "", last[1]]), "the row of the step it diverged at, as its own run prints it")
        let after = rows.filter { Int($0[0])! > Int(last[0])! }
        #expect(!after.isEmpty && after.allSatisfy { $0[2].isEmpty && !$0[1].isEmpty }, "adam runs on alone")
        #expect(rows.last?[0] == "400")
    }

    @Test("the text trace's header names a rule other than sgd, with the values it reads")
    func header() throws {
        let result = try ExecutableUnderTest.run([
            "--headless", "--steps", "0", "--optimizer", "rmsprop", "--alpha", "0.9",
        ])
        #expect(result.status == 0)
        #expect(result.lines.first?.hasSuffix("lr 0.1, optimizer rmsprop (α 0.9, ε 1e-8)") == true, "\(result.lines)")
        let plain = try ExecutableUnderTest.run(["--headless", "--steps", "0"])
        #expect(plain.lines.first?.contains("optimizer") == false)
    }

    @Test(
        "every wrong optimizer flag is refused in one line",
        arguments: [
            (
                ["--beta1", "1", "--optimizer", "adam"],
                "--beta1 1 is not valid; it must be at least 0 and below 1, like 0.9"
            ),
            (
                ["--beta2", "1.0001", "--optimizer", "adam"],
                "--beta2 1.0001 is not valid; it must be at least 0 and below 1, like 0.999"
            ),
            (
                ["--epsilon", "-1e-8", "--optimizer", "adam"],
                "--epsilon -1e-8 is not valid; it must be a finite number of 0 or more, like 1e-8"
            ),
            (
                ["--momentum", "-0.5", "--optimizer", "momentum"],
                "--momentum -0.5 is not valid; it must be a finite number of 0 or more, like 0.9"
            ),
            (
                ["--alpha", "1", "--optimizer", "rmsprop"],
                "--alpha 1 is not valid; it must be at least 0 and below 1, like 0.99"
            ),
            (
                ["--momentum", "nan", "--optimizer", "momentum"],
                "--momentum nan is not a number; it must be a finite number of 0 or more, like 0.9"
            ),
            (["--beta1", "0.5"], "--beta1 is for adam; this run uses sgd (choose one with --optimizer)"),
            (
                ["--momentum", "0.5", "--compare", "sgd,adam"],
                "--momentum is for momentum and nesterov; this run uses sgd, adam (choose one with --optimizer)"
            ),
            (["--optimizer", "adamw"], "The value 'adamw' is invalid for '--optimizer <name>'"),
            (["--compare", "sgd,sgd"], "--compare names sgd twice; give each optimizer once"),
            (
                ["--compare", "sgd"],
                "--compare needs 2 to 5 optimizers separated by commas, like sgd,momentum,adam; got 1"
            ),
            (
                ["--compare", "sgd,adam,"],
                "--compare: '' is not an optimizer; use names from sgd, momentum, nesterov, rmsprop, adam, separated by commas"
            ),
            (
                ["--compare", "sgd,lbfgs"],
                "--compare: lbfgs is not an optimizer; use names from sgd, momentum, nesterov, rmsprop, adam, separated by commas"
            ),
            (["--compare", "sgd,adam", "--optimizer", "adam"], "give either --optimizer or --compare"),
            (
                ["--compare", "sgd,adam", "--headless", "--format", "json"],
                "--compare prints CSV (one cost column per optimizer); leave out --format json"
            ),
            (
                ["--compare", "sgd,adam", "--headless", "--until-cost", "0.1"],
                "--until-cost stops a single run; --compare runs every optimizer for --steps"
            ),
        ])
    func refusals(arguments: [String], message: String) throws {
        let result = try ExecutableUnderTest.run(
            arguments.contains("--headless") ? arguments : ["--headless"] + arguments)
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.errorLines.count == 1, "stderr: \(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test("six names must repeat one, so more than five is refused")
    func tooMany() throws {
        let result = try ExecutableUnderTest.run(["--headless", "--compare", "sgd,momentum,nesterov,rmsprop,adam,sgd"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--compare names sgd twice"))
    }
}
