import ArgumentParser
import BackpropCore

/// Runs `body`, turning a `ScenarioError` into a usage error: a wrong flag value (`--lr 0`,
/// `--format xml`) exits 64 like any other bad flag, while the same error from a file exits 65.
func asUsageError<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let error as ScenarioError {
        throw ValidationError(error.description)
    }
}
