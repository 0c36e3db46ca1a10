import Chainframe
import ChainframeGraphics

extension SlopeSceneBuilder {
    /// A builder that measures text with Pango, as the frames draw it.
    public init(study: SlopeStudy, theme: Theme, size: Size, phrases: Phrasebook = .english, precision: Int = 4) {
        self.init(study: study, theme: theme, size: size, phrases: phrases, precision: precision, text: PangoText())
    }
}
