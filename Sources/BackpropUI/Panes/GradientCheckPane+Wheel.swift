extension GradientCheckPane {
    /// The check lists the parameters in Tab order around the selected one: the wheel moves the
    /// selection along that order as Tab and Shift-Tab do, and the list follows it.
    var wheel: PaneWheel? { .parameterOrder }
}
