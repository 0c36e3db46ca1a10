/// Measures text as the frames will draw it: what the scene builder and the layout need to size
/// cards, labels and captions, without knowing which library shapes the text.
///
/// ChainframeGraphics' `PangoText` is the measurer the pipeline uses; a measurer may keep
/// caches and need not be thread-safe, so use one per thread.
public protocol TextMeasuring: AnyObject {
    /// The logical size and baseline of `text` set in `font`; with `markup`, `text` is Pango
    /// markup (e.g. `x<sub>1</sub>`).
    func metrics(_ text: String, font: FontSpec, markup: Bool) -> TextMetrics
}

extension TextMeasuring {
    /// The logical size of `text` set in `font` (plain text, not markup).
    public func measure(_ text: String, font: FontSpec) -> Size {
        metrics(text, font: font, markup: false).size
    }
}
