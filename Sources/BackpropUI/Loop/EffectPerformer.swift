import BackpropCore
import Foundation

/// Performs the effects `update` returns: the only UI code that writes files or reads the
/// wall clock. The loop and `--snapshot` use the real one; tests point it at a folder and a
/// fixed date.
public struct EffectPerformer: Sendable {
    /// The folder `e` and `w` write into.
    public var folder: String
    /// The clock that dates the names of exported and saved files.
    public var now: @Sendable () -> Date

    /// A performer writing into `folder` (the current one by default), dated by `now`.
    public init(folder: String = ".", now: @escaping @Sendable () -> Date = { Date() }) {
        self.folder = folder
        self.now = now
    }

    /// Does `effect` and returns the action that tells the state how it went.
    public func perform(_ effect: Effect) -> Action {
        switch effect {
        case .writeFile(let text, let base, let ext, let what):
            do {
                let path = try NewFileWriter.write(
                    text, folder: folder, base: "\(base)-\(FileStamp.string(now()))", ext: ext)
                return .file(.finished(StatusMessage("\(what) \(path)")))
            } catch {
                return .file(.finished(StatusMessage(error.description, kind: .error)))
            }
        }
    }

    /// Applies `action` to `state`, then performs what it asks and applies the outcomes: one
    /// key's whole effect, as the loop handles it.
    public func apply(_ action: Action, to state: inout AppState) {
        for effect in state.apply(action) {
            state.apply(perform(effect))
        }
    }
}
