import BackpropCore

/// The selected sample (`<` `>`) as the picture it is, for data that is pictures
/// (`Scenario.image`): its pixels as ink, magnified as far as the room allows, and beside them
/// (or under them, in a narrow column) what the network makes of it. For one-hot classes that is
/// ŷ as one bar a class, the pick marked right or wrong and the label marked
/// (`ClassProbabilityBars`); for other targets, ŷ_j beside y_j as numbers.
///
/// ```
/// ┌ Sample 1543 · label 3 · test ────────────┐
/// │ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ 0 ▏       0.0012         │
/// │ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ 3 █▏      0.1012 ◂ label │
/// │ ▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀▀ 8 ███████ 0.8931 ◂ wrong │
/// └──────────────────────────────────────────┘
/// ```
/// In colour the pixels are half blocks of grey (a pixel is square); without colour they are
/// characters of the ramp ` .:-=+*#%@`, in the same cells. Pixels whose data is not in 0..1 (a
/// teacher's 0..255 scans) are drawn scaled from the data's own range, and the bottom edge says so.
struct SamplePane: Pane {
    /// The sample shown (0-based, in the data).
    let sample: Int
    /// Whether it is held out to test (it never trains).
    let isTest: Bool
    /// Its pixels, as ink from 0 to 1.
    let picture: PixelPicture
    /// The data's range of pixel values when it is not within 0..1: the picture is scaled from
    /// it. Nil when the pixels are drawn as they are.
    let scaledFrom: ClosedRange<Double>?
    /// ŷ of the sample now, and its targets y.
    let prediction: [Double]
    let target: [Double]
    /// The classes' names when the targets are one-hot classes; nil for other targets.
    let classNames: [String]?
    /// How the screen names ŷ_j and y_j, for targets that are not classes.
    let names: SymbolNames
    /// Half blocks in colour, or characters.
    let color: Bool

    /// Columns between the picture and what is beside it, and from the box to the picture.
    static let gap = 1
    /// The fewest classes (or outputs) the pane asks rows for: the ten digits.
    static let fewestClassRows = 10

    /// The sample's class: the target column that holds its 1 (nil without classes).
    var label: Int? {
        guard classNames != nil else { return nil }
        return target.firstIndex(of: 1)
    }

    /// The bars of the sample's ŷ, when the targets are classes.
    var bars: ClassProbabilityBars? {
        classNames.map { ClassProbabilityBars(probabilities: prediction, label: label, names: $0) }
    }

    /// The smallest magnification that reads: a picture of at least 12 columns (8 pixels: 2).
    var readableMagnification: Int { Self.readableMagnification(for: picture.shape) }

    /// The smallest magnification at which a picture of `shape` reads: 12 columns across or more.
    static func readableMagnification(for shape: ImageShape) -> Int {
        max(1, (12 + shape.width - 1) / shape.width)
    }

    /// The columns and rows of what the pane shows beside the picture, at its narrowest.
    func valuesSize(number: NumberFormat, glyphs: Glyphs) -> Size {
        if let bars {
            return Size(
                width: bars.width(barWidth: ClassProbabilityBars.minimumBarWidth, number: number), height: bars.height)
        }
        let widest = prediction.indices.map { DisplayWidth.of(numberLine($0, number: number)) }.max()
        return Size(width: widest ?? 0, height: prediction.count)
    }

    /// How the picture and the values share the inside of the box: side by side when the
    /// picture can be `magnification` beside them, else one above the other.
    enum Arrangement: Equatable {
        case beside
        case stacked
    }

    /// The arrangement inside `inside`, and the magnification the picture gets: beside the
    /// values while it is readable there, else above them, as large as fits either way.
    func arrangement(inside: Size, number: NumberFormat, glyphs: Glyphs) -> (Arrangement, magnification: Int) {
        let values = valuesSize(number: number, glyphs: glyphs)
        let beside = picture.magnification(fitting: inside.width - 2 * Self.gap - values.width, inside.height)
        let stacked = picture.magnification(fitting: inside.width - Self.gap, inside.height - values.height)
        // 0: not even magnification 1 fits, and the picture is left out.
        if beside >= readableMagnification || beside >= stacked { return (.beside, beside) }
        return (.stacked, stacked)
    }

    func needs(_ offer: PaneOffer) -> PaneNeeds {
        let values = valuesSize(number: offer.number, glyphs: offer.glyphs)
        let readable = picture.size(magnification: readableMagnification)
        let besideWidth = 2 + 2 * Self.gap + readable.width + values.width
        // Beside the values when the offered columns hold both, else above them; wanted as
        // large as the columns offered allow beside them (a wide column: a larger picture).
        // More than ten classes are shown ten at a time at the least (those around the pick).
        let fewestValues = min(values.height, Self.fewestClassRows)
        guard offer.width >= besideWidth else {
            return PaneNeeds(
                minimumWidth: besideWidth, wantedWidth: besideWidth + 4,
                minimumHeight: 2 + readable.height + fewestValues, wantedHeight: 2 + readable.height + values.height)
        }
        let widest = picture.magnification(fitting: offer.width - besideWidth + readable.width, .max)
        let wanted = picture.size(magnification: max(readableMagnification, widest))
        return PaneNeeds(
            minimumWidth: besideWidth, wantedWidth: besideWidth + 4,
            minimumHeight: 2 + max(readable.height, fewestValues), wantedHeight: 2 + max(wanted.height, values.height))
    }

    func draw(on canvas: inout Canvas, in area: Rect, context: PaneContext) {
        let glyphs = context.glyphs
        let separator = glyphs.separator
        let set = isTest ? "test" : "training"
        // Numbered as the predictions pane and the inspector number samples.
        let number = "Sample \(sample + 1)"
        let labelText = label.flatMap { classNames?[$0] }.map { "\(separator)label \($0)" } ?? ""
        let titles = [
            "\(number)\(labelText)\(separator)\(set) (< > choose)", "\(number)\(labelText)\(separator)\(set)",
            "\(number)\(labelText)", number,
        ]
        canvas.drawBox(
            area, title: LineFit.first(titles, width: area.width - 4, ellipsis: glyphs.ellipsis), glyphs: glyphs)
        if let scaledFrom {
            let low = DecimalNumber.text(scaledFrom.lowerBound)
            let high = DecimalNumber.text(scaledFrom.upperBound)
            canvas.drawBottomNote(
                ["pixels \(low) to \(high) drawn as no ink to all ink", "pixels scaled from \(low) to \(high)"],
                in: area, style: Style(dim: true))
        }
        let inside = area.inset(by: 1)
        guard inside.width > 0, inside.height > 0 else { return }
        let (arrangement, m) = arrangement(
            inside: Size(width: inside.width, height: inside.height), number: context.number, glyphs: glyphs)
        let size = picture.size(magnification: m)
        let x = inside.x + Self.gap
        // The magnification is one whose picture fits inside the box.
        if m > 0 { picture.draw(at: x, inside.y, magnification: m, color: color, on: &canvas) }
        let values: Rect
        switch arrangement {
        case .beside:
            let left = x + size.width + Self.gap
            values = Rect(x: left, y: inside.y, width: inside.maxX - left, height: inside.height)
        case .stacked:
            values = Rect(
                x: x, y: inside.y + size.height, width: inside.maxX - x, height: inside.maxY - inside.y - size.height)
        }
        guard values.width > 0, values.height > 0 else { return }
        if let bars {
            // More classes than rows: those around the pick. The label keeps its place relative
            // to them, so off the window it still makes the pick wrong.
            let window = ScrollWindow(count: bars.height, room: values.height, keeping: bars.predicted ?? label)
            let shown = ClassProbabilityBars(
                probabilities: Array(bars.probabilities[window.range]), label: label.map { $0 - window.first },
                names: Array(bars.names[window.range]))
            shown.draw(on: &canvas, in: values, context: context)
        } else {
            for j in prediction.indices where j < values.height {
                canvas.put(
                    numberLine(j, number: context.number), x: values.x, y: values.y + j, clip: values)
            }
        }
    }

    /// "ŷ1  0.8123  y1 1": output j's ŷ beside its target, for targets that are not classes.
    func numberLine(_ j: Int, number: NumberFormat) -> String {
        let last = names.layerCount - 1
        return
            "\(names.output(layer: last, j)) \(number.string(prediction[j]))  y\(j + 1) \(number.compactData(target[j]))"
    }
}

extension SamplePane {
    /// The pane of `frame`'s selected sample, when the data is pictures. The sample chosen
    /// itself, even when the next step does not use it (the step's panes then follow the step's
    /// first): ŷ is known for every sample, and a class watching one digit while it trains
    /// must not see it replaced at each new batch.
    static func pane(for frame: FrameInput) -> (any Pane)? {
        let state = frame.state
        let scenario = state.trainer.scenario
        guard let shape = scenario.image, let range = frame.data.pixelRange else { return nil }
        let sample = min(max(0, state.selectedSample), scenario.sampleCount - 1)
        let isTest = scenario.split.test.contains(sample)
        let inputs = scenario.dataInputs
        let pixels = (0..<inputs.columns).map { inputs[sample, $0] }
        // Pixels already in 0..1 are ink as they are; others are scaled from the data's range.
        let scaled = range.lowerBound < 0 || range.upperBound > 1
        let span = range.upperBound - range.lowerBound
        let ink = scaled ? pixels.map { span > 0 ? ($0 - range.lowerBound) / span : 0 } : pixels
        let prediction = frame.data.everyPrediction
        return SamplePane(
            sample: sample, isTest: isTest, picture: PixelPicture(shape: shape, values: ink, scale: .ink),
            scaledFrom: scaled ? range : nil, prediction: (0..<prediction.columns).map { prediction[sample, $0] },
            target: (0..<scenario.targets.columns).map { scenario.targets[sample, $0] },
            classNames: frame.data.classNames, names: frame.names,
            color: state.options.color && !state.options.ascii)
    }

    /// The smallest and largest pixel of every sample in `inputs`: the range the Sample pane
    /// scales pixels from when they are not within 0..1. 0...1 with no finite pixel.
    static func pixelRange(of inputs: Matrix) -> ClosedRange<Double> {
        var low = Double.infinity
        var high = -Double.infinity
        for value in inputs.elements where value.isFinite {
            low = min(low, value)
            high = max(high, value)
        }
        return low <= high ? low...high : 0...1
    }
}
