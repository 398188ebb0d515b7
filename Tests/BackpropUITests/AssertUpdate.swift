@testable import BackpropUI
import Testing

/// Applies `action` to `state` and checks the whole state after it, the Composable
/// Architecture's `TestStore.send` being the model: `expected` is handed the state before the
/// action and must change it into the state after, field by field. Any other difference fails
/// and names the fields that differ, so a change the test did not expect cannot hide behind the
/// fields it looked at. The effects returned must be `effects`.
///
///     assertUpdate(state, .view(.toggleHelp)) { $0.isHelpShown = true }
@discardableResult
func assertUpdate(
    _ state: AppState, _ action: Action, effects: [Effect] = [], sourceLocation: SourceLocation = #_sourceLocation,
    _ expected: (inout AppState) throws -> Void = { _ in }
) -> AppState {
    var actual = state
    let returned = actual.apply(action)
    var wanted = state
    do {
        try expected(&wanted)
    } catch {
        Issue.record(error, "the expected state could not be made", sourceLocation: sourceLocation)
    }
    #expect(returned == effects, "the effects of \(action)", sourceLocation: sourceLocation)
    if actual != wanted {
        Issue.record(
            "after \(action), the state differs from the one expected in: \(differingFields(actual, wanted).joined(separator: ", "))",
            sourceLocation: sourceLocation)
    }
    return actual
}

/// The names of the stored properties whose values print differently in `left` and `right`.
/// Printing is enough to tell which fields differ once `==` has said that some do; a field whose
/// difference does not print (a NaN's payload) is reported as the whole state.
private func differingFields(_ left: AppState, _ right: AppState) -> [String] {
    let rightValues = Dictionary(
        Mirror(reflecting: right).children.compactMap { child in child.label.map { ($0, child.value) } },
        uniquingKeysWith: { first, _ in first })
    let names = Mirror(reflecting: left).children.compactMap { child -> String? in
        guard let label = child.label, let other = rightValues[label] else { return nil }
        return String(reflecting: child.value) == String(reflecting: other) ? nil : label
    }
    return names.isEmpty ? ["(a difference that does not print)"] : names
}
