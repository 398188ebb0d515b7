/// A worksheet for one step of gradient descent, worked by hand: the givens (the step's samples,
/// every W and b, g, the loss, the reduction and lr) and numbered questions in the order of the
/// step (forward, cost, backward, update), each with its answers and their working.
///
/// The sheet's numbers are what it prints. Every given is rounded to what is printed (at most 4
/// decimals; shorter ones stay as they are) and the scenario is made again from those numbers
/// before anything is computed. The answers are then the trainer's own step (`Trainer.step()`
/// and its `StepTrace`) on that scenario, rounded half away from zero to 4 decimals only when
/// printed, so a student who keeps full precision between steps and rounds each answer as it is
/// written down reaches the printed answers.
public struct Worksheet: Equatable, Sendable {
    /// The most parameters a sheet has: past this, working by hand stops teaching.
    public static let parameterLimit = 30
    /// The most samples a sheet's step uses.
    public static let sampleLimit = 4

    /// What the sheet is of, as the command that prints it ("--preset xor-hidden").
    public let source: String
    /// The step's samples, the network before it and the settings, as printed.
    public let givens: WorksheetGivens
    /// The questions, numbered from 1, in the order of the step.
    public let questions: [WorksheetQuestion]
    /// Whether some relu neuron's a is within 10⁻⁹ of 0 (see `isClean`).
    private let hasReluNearZero: Bool

    /// The sheet of `scenario`'s first step. Refuses a scenario too big to work by hand
    /// (`parameterLimit`, `sampleLimit`: the step's samples, so a mini-batch of a large data set
    /// will do), an optimizer other than sgd and a penalty. A mini-batch sheet is of the first
    /// batch, which the seed draws.
    public init(scenario: Scenario, source: String) throws(WorksheetRefusal) {
        guard scenario.optimizer.name == .sgd else { throw .optimizer(scenario.optimizer.name) }
        guard !scenario.penalty.isActive else { throw .penalty(scenario.penalty) }
        let parameterCount = scenario.network.parameters.count
        guard parameterCount <= Worksheet.parameterLimit else { throw .tooManyParameters(parameterCount) }
        let stepSamples = min(scenario.batchSize ?? scenario.trainingCount, scenario.trainingCount)
        guard stepSamples <= Worksheet.sampleLimit else { throw .tooManySamples(stepSamples) }
        let rows = Trainer(scenario: scenario).nextBatch

        let round = { (value: Double) in DecimalRounding.rounded(value) }
        let inputs = rows.map { row in (0..<scenario.inputCount).map { round(scenario.inputs[row, $0]) } }
        let targets = rows.map { row in (0..<scenario.outputCount).map { round(scenario.targets[row, $0]) } }
        let layers = scenario.network.layers.map { layer in
            ScenarioLayer(
                weights: layer.weights.rowArrays.map { $0.map(round) }, bias: layer.bias.map(round),
                activation: layer.activation)
        }
        let rounded: Scenario
        do {
            rounded = try Scenario(
                inputs: inputs, targets: targets, layers: layers, learningRate: round(scenario.learningRate),
                loss: scenario.loss, reduction: scenario.reduction)
        } catch {
            throw .roundedGivens(error)
        }
        var trainer = Trainer(scenario: rounded)
        let trace = trainer.step()
        let givens = WorksheetGivens(
            sampleNumbers: rows.map { $0 + 1 }, dataSampleCount: scenario.sampleCount, inputs: rounded.inputs,
            features: scenario.features,
            targets: rounded.targets, network: rounded.network, learningRate: rounded.learningRate,
            loss: rounded.loss, reduction: rounded.reduction)
        self.source = source
        self.givens = givens
        self.questions = WorksheetQuestionWriter(trace: trace, givens: givens).questions
        self.hasReluNearZero = trace.layers.contains { layer in
            layer.activation == .relu && layer.preActivation.elements.contains { abs($0) < 1e-9 }
        }
    }

    /// Every answer of every question.
    public var answers: [WorksheetAnswer] { questions.flatMap { $0.cells.flatMap { $0 } } }

    /// Whether a student cannot round any answer the other way by accident: no answer within
    /// 10⁻⁹ of a tie between two roundings (…x5 exactly, where a calculator's last digit decides),
    /// and no relu neuron's a within 10⁻⁹ of 0 (where g' jumps). A sheet drawn from a seed is
    /// drawn again until it is clean.
    public var isClean: Bool {
        !hasReluNearZero && !answers.contains { DecimalRounding.isNearTie($0.value, tolerance: 1e-5) }
    }

    /// The instruction every sheet gives on rounding.
    public static let roundingRule =
        "Keep full precision between steps (calculator memory) and round each answer to 4 decimals, half away from zero, only as you write it down."
}
