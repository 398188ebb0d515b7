/// A pane whose numbers would answer the quiz's question (the gradient check for a gradient,
/// the lr preview for the cost), covered until the answer: its box and title stay where they
/// were, so the screen does not jump, and one line says why it is empty.
struct AnswerHiddenPane: Pane {
    /// The covered pane: its place and size stay its own.
    let covered: any Pane
    /// The covered pane's title.
    let title: String

    /// Covers `covered`, whose box is titled `title`.
    init(covering covered: any Pane, title: String) {
        self.covered = covered
        self.title = title
    }

    /// The covered pane's, so the screen does not move when the answer shows it.
    func needs(_ offer: PaneOffer) -> PaneNeeds { covered.needs(offer) }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        guard area.width > 0, area.height >= 3 else { return }
        let glyphs = context.glyphs
        canvas.drawBox(area, title: title, glyphs: glyphs)
        let inside = area.inset(by: 1)
        let text = LineFit.first(
            ["hidden until the quiz is answered: it would give the answer away", "hidden until the answer"],
            width: inside.width - 2, ellipsis: glyphs.ellipsis)
        canvas.put(text, x: inside.x + 1, y: inside.y, style: Style(dim: true), clip: inside)
    }
}
