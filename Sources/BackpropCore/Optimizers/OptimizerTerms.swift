import Foundation

/// One parameter's update in a step, as its optimizer made it: the direction g it received, what
/// the optimizer remembers (buf, m and v, before and after the step), Adam's bias-corrected m̂
/// and v̂, and the change θ took, beside the change plain gradient descent would have made. The
/// inspector and the walk show these, so a student sees why Adam's step is not lr·g.
public struct OptimizerTerms: Sendable {
    /// The rule and its hyperparameters.
    public let optimizer: Optimizer
    /// Which step of the optimizer's state this is: t, 1 for its first.
    public let step: Int
    /// lr of the step.
    public let learningRate: Double
    /// g: the gradient after the reduction.
    public let direction: Double
    /// buf (momentum, nesterov) or m (adam) before and after the step; nil when not kept.
    public let first: (before: Double, after: Double)?
    /// v (rmsprop, adam) before and after the step; nil when not kept.
    public let second: (before: Double, after: Double)?
    /// θ after minus θ before: the step the parameter took.
    public let change: Double

    /// The terms of `parameter` in `trace`.
    public init(_ parameter: ParameterIndex, in trace: StepTrace) {
        let offset = trace.networkBefore.offset(of: parameter)
        optimizer = trace.optimizer
        step = trace.optimizerAfter.step
        learningRate = trace.learningRate
        direction = trace.parameterStep[offset]
        let (before, after) = (trace.optimizerBefore, trace.optimizerAfter)
        first = after.first.isEmpty ? nil : (before.first[offset], after.first[offset])
        second = after.second.isEmpty ? nil : (before.second[offset], after.second[offset])
        change = trace.networkAfter[parameter] - trace.networkBefore[parameter]
    }

    /// Whether this is the rule's first step, where momentum's buf is g itself.
    public var isFirstStep: Bool { step == 1 }

    /// 1 - β1ᵗ, the correction of Adam's m.
    public var firstCorrection: Double { 1 - pow(optimizer.beta1, Double(step)) }
    /// 1 - β2ᵗ, the correction of Adam's v.
    public var secondCorrection: Double { 1 - pow(optimizer.beta2, Double(step)) }

    /// m̂ = m / (1 - β1ᵗ), Adam's estimate of the mean of g.
    public var correctedMean: Double? { optimizer.name == .adam ? first.map { $0.after / firstCorrection } : nil }
    /// v̂ = v / (1 - β2ᵗ), Adam's estimate of the mean of g².
    public var correctedAverage: Double? {
        optimizer.name == .adam ? second.map { $0.after / secondCorrection } : nil
    }

    /// The denominator of RMSprop's and Adam's step: √v + ε, or √v̂ + ε; 1 for the others.
    public var root: Double {
        switch optimizer.name {
        case .sgd, .momentum, .nesterov: return 1
        case .rmsprop: return (second?.after ?? 0).squareRoot() + optimizer.epsilon
        case .adam: return (correctedAverage ?? 0).squareRoot() + optimizer.epsilon
        }
    }

    /// What the rule multiplies by -lr: g (sgd), buf (momentum), g + μ·buf (nesterov),
    /// g / (√v + ε) (rmsprop), m̂ / (√v̂ + ε) (adam). In exact arithmetic change = -lr times this.
    public var scaledDirection: Double {
        switch optimizer.name {
        case .sgd: return direction
        case .momentum: return first?.after ?? direction
        case .nesterov: return direction + optimizer.momentum * (first?.after ?? 0)
        case .rmsprop: return direction / root
        case .adam: return (correctedMean ?? 0) / root
        }
    }

    /// The change plain gradient descent would make at this lr: -lr·g.
    public var plainChange: Double { -(learningRate * direction) }
}
