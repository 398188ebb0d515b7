import BackpropCore

extension Divergence {
    /// What to try instead, for the message that ends a headless run: a smaller lr always, and
    /// the hyperparameter or the data behind this kind of divergence when there is one.
    func advice(under optimizer: Optimizer) -> String {
        if case .optimizerState(let list, _) = subject, list == "v" {
            // v holds g², which overflows once |g| passes about 1e154, whatever lr is: the step
            // that made it used the gradient of the state before it.
            return "g² overflowed; make x or w smaller, or try a smaller --lr"
        }
        switch optimizer.name {
        case .sgd: return "try a smaller --lr"
        case .momentum, .nesterov: return "try a smaller --lr or --momentum"
        case .rmsprop, .adam:
            // With ε = 0 a gradient of exactly 0 divides 0 by 0.
            return optimizer.epsilon == 0 ? "try a smaller --lr or an --epsilon above 0" : "try a smaller --lr"
        }
    }
}
