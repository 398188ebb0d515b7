/// The sizes of a layer as the kernel's loops see them: read at run time for any layer, or fixed
/// at compile time (`FixedExtents`) so that the short loops of a small layer unroll.
protocol LayerExtents {
    var inputs: Int { get }
    var outputs: Int { get }
}

/// Sizes read at run time.
struct RuntimeExtents: LayerExtents {
    let inputs: Int
    let outputs: Int
}

/// Sizes known at compile time.
struct FixedExtents<let n: Int, let m: Int>: LayerExtents {
    var inputs: Int { n }
    var outputs: Int { m }
}
