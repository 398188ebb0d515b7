import BackpropCore

/// The update of one parameter by an optimizer other than sgd, in words and numbers: what the
/// optimizer remembers (buf, or v, or m and v with Adam's m̂ and v̂) and the change it makes,
/// beside plain gradient descent's -lr·g. The inspector and the walk's update phase end with
/// these lines in place of sgd's single Δ line.
struct OptimizerLines {
    let terms: OptimizerTerms
    /// The parameter's name on screen ("ω11").
    let name: String
    /// Numbers by the frame's rule, each on its own: v, often far smaller than g, takes its
    /// exponent form without dragging g and the change into it.
    let text: EquationText

    init(terms: OptimizerTerms, name: String, base: NumberFormat, glyphs: Glyphs, loss: Loss) {
        self.terms = terms
        self.name = name
        text = EquationText(number: base, glyphs: glyphs, loss: loss)
    }

    /// How many lines `stateLines` gives for `name`, one per list the rule keeps (buf; v; m and
    /// v): the rows the layout adds to the inspector.
    static func stateLineCount(for name: OptimizerName) -> Int {
        [name.stateNames.first, name.stateNames.second].compactMap { $0 }.count
    }

    /// The lines that say what the optimizer remembers, each the longest form that fits `width`
    /// (in the screen's characters, spelled by the caller).
    func stateLines(width: Int) -> [String] {
        let t = terms
        let o = t.optimizer
        let g = text.value(t.direction)
        let head = "\(o.name.rawValue) t = \(t.step), g = \(g):"
        switch o.name {
        case .sgd:
            return []
        case .momentum, .nesterov:
            guard let buf = t.first else { return [] }
            if t.isFirstStep {
                return [
                    fit(
                        [
                            "\(head) buf = g = \(g)  (the first step has no buf: it starts as g)",
                            "\(head) buf = g = \(g)",
                        ],
                        width)
                ]
            }
            let value = text.value(buf.after)
            return [
                fit(
                    [
                        "\(head) buf = μ·buf + g = \(number(o.momentum)) · \(text.factor(buf.before)) + \(text.factor(t.direction)) = \(value)",
                        "\(head) buf = μ·buf + g = \(value)", "buf = \(value)",
                    ], width)
            ]
        case .rmsprop:
            guard let v = t.second else { return [] }
            let value = text.value(v.after)
            return [
                fit(
                    [
                        "\(head) v = α·v + (1-α)·g² = \(number(o.alpha)) · \(text.factor(v.before)) + \(text.value(1 - o.alpha)) · \(text.factor(t.direction))² = \(value)",
                        "\(head) v = α·v + (1-α)·g² = \(value)", "v = \(value)",
                    ], width)
            ]
        case .adam:
            guard let m = t.first, let v = t.second, let mHat = t.correctedMean, let vHat = t.correctedAverage else {
                return []
            }
            let (mText, vText) = (text.value(m.after), text.value(v.after))
            let (mHatText, vHatText) = (text.value(mHat), text.value(vHat))
            let indent = String(repeating: " ", count: head.count + 1)
            return [
                fit(
                    [
                        "\(head) m = β1·m + (1-β1)·g = \(mText)   m̂ = m/(1-β1ᵗ) = \(mText)/\(text.value(t.firstCorrection)) = \(mHatText)",
                        "\(head) m = \(mText)   m̂ = m/(1-β1ᵗ) = \(mHatText)", "m = \(mText)   m̂ = \(mHatText)",
                    ], width),
                fit(
                    [
                        "\(indent)v = β2·v + (1-β2)·g² = \(vText)   v̂ = v/(1-β2ᵗ) = \(vText)/\(text.value(t.secondCorrection)) = \(vHatText)",
                        "\(indent)v = \(vText)   v̂ = v/(1-β2ᵗ) = \(vHatText)", "v = \(vText)   v̂ = \(vHatText)",
                    ], width),
            ]
        }
    }

    /// "Δω = -lr · m̂/(√v̂ + ε) = -0.1 · 0.0454/0.0572 = -0.0794", then, where they fit, what
    /// sgd's step would have been and the value before and after (unless `before` is nil: the
    /// caller shows them elsewhere).
    func changeLine(before: Double?, after: Double, width: Int) -> String {
        let t = terms
        let o = t.optimizer
        let lr = number(t.learningRate)
        let scaled = text.factor(t.scaledDirection)
        let formula = o.name.stepFormula
        let worked: String
        switch o.name {
        case .sgd: worked = text.factor(t.direction)
        case .momentum: worked = scaled
        case .nesterov:
            worked = "(\(text.factor(t.direction)) + \(number(o.momentum)) · \(text.factor(t.first?.after ?? 0)))"
        case .rmsprop: worked = "\(text.factor(t.direction))/\(text.value(t.root))"
        case .adam: worked = "\(text.factor(t.correctedMean ?? 0))/\(text.value(t.root))"
        }
        let change = text.value(t.change)
        let plain = "(sgd: -lr · g = \(text.value(t.plainChange)))"
        let full = "Δ\(name) = -lr · \(formula) = -\(lr) · \(worked) = \(change)"
        let short = "Δ\(name) = -lr · \(formula) = \(change)"
        guard let before else {
            return fit(["\(full)   \(plain)", "\(short)   \(plain)", full, short, "Δ\(name) = \(change)"], width)
        }
        let values = text.change(name, from: before, to: after, step: t.change)
        return fit(
            [
                "\(full)   \(plain)   \(values)", "\(full)   \(plain)", "\(short)   \(plain)   \(values)",
                "\(short)   \(plain)", full, short, "Δ\(name) = \(change)",
            ], width)
    }

    /// A hyperparameter or lr in its shortest form: "0.9", "0.001".
    private func number(_ value: Double) -> String { DecimalNumber.text(value) }

    /// The first of `choices` that fits `width`, else the last.
    private func fit(_ choices: [String], _ width: Int) -> String {
        choices.first { $0.count <= width } ?? choices[choices.count - 1]
    }
}
