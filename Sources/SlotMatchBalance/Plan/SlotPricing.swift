/// Bounds of the pricing rounds' candidate searches.
enum SlotPricing {
    /// The slot search answers at most this many slots per query (`SlotSearch` clamps k to 10⁴).
    static let maximumLimit = 10_000
}
