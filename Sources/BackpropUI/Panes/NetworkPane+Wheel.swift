extension NetworkPane {
    /// The pane shows one sample: the wheel walks the samples as `<` `>` do.
    var wheel: PaneWheel? { .samples }
}
