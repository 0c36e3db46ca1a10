// Generated from themes/chalkboard.yaml, themes/colorblind.yaml and themes/print.yaml by
// `CHAINFRAME_UPDATE_THEMES=1 swift test --filter ThemeTests`; a test keeps it identical to the files.

extension Theme {
    /// The text of each theme file built into Chainframe besides `classroom` (which is
    /// `Theme.classroom` itself), by name, so every built-in theme works with no `themes/`
    /// folder beside the program or library.
    static let builtInFiles: [String: String] = [
        "chalkboard": #"""
# Chainframe theme "chalkboard": dark slides for projectors and dimmed rooms.
# Chalk-white text and lines on a dark green-grey board; forward (values) in light-blue chalk,
# backward (gradients) in coral, the current step in yellow chalk.
# Contrast on the board: chalk text 12.9:1, light blue 8.3:1, coral 6.5:1, yellow 11.1:1.
# Fonts, sizes, margins and spacing come from classroom; every key is explained in README.md.
# 'chainframe themes --show chalkboard' prints this theme with every key filled in.
extends: classroom
name: "chalkboard"
description: "Dark, like a chalkboard: chalk-white lines, forward in light blue, backward in coral."
background: "#1E2B26"

nodes:
  input:
    shape: rounded-box
    fill: "#2A3B35"
    stroke: "#8EC9F5"
    stroke-width: 2
    dash: []
    text: "#F2F0E6"
    corner-radius: 12
  constant:
    shape: rounded-box
    fill: "#24332D"
    stroke: "#9AA8A1"
    stroke-width: 1.5
    dash: [5, 4]
    text: "#D5DDD8"
    corner-radius: 12
  operation:
    shape: rounded-box
    fill: "#22312B"
    stroke: "#F2F0E6"
    stroke-width: 2
    dash: []
    text: "#F2F0E6"
    corner-radius: 4
  output:
    shape: rounded-box
    fill: "#3A3826"
    stroke: "#F2F0E6"
    stroke-width: 3.5
    dash: []
    text: "#F2F0E6"
    corner-radius: 4

colors:
  forward: "#8EC9F5"
  backward: "#FF8C7A"
  muted: "#6F7D77"
  highlight: "#F7E07E"
  label-fill: "#1E2B26E6"

lines:
  edge-width: 2
  arrow-size: 11
  backward-width: 3
  backward-dash: []
  highlight-width: 5

# Faded parts stay readable on the dark board.
pending-opacity: 0.5

# How long the motion into each step lasts in videos (mp4, webm, gif), in milliseconds.
transition-ms: 500

caption-band:
  position: bottom
  fill: "#16201C"
  title: "#B9C4BE"
  text: "#F2F0E6"
  padding: 22
"""#,
        "colorblind": #"""
# Chainframe theme "colorblind": the Okabe-Ito palette, which stays distinct with every
# common colour-vision deficiency (and in grayscale, forward and backward differ in lightness).
# Forward blue #0072B2, backward vermillion #D55E00, highlight orange #E69F00; pale tints of
# sky blue #56B4E9 (inputs) and bluish green #009E73 (the output) as node fills.
# Contrast on white: node text 17:1 or more, blue 5.2:1, vermillion 3.9:1 (large text only).
# Fonts, sizes, margins and spacing come from classroom; every key is explained in README.md.
# 'chainframe themes --show colorblind' prints this theme with every key filled in.
extends: classroom
name: "colorblind"
description: "Okabe-Ito colours, safe for colour-blind viewers: forward in blue, backward in vermillion."
background: "#FFFFFF"

nodes:
  input:
    shape: rounded-box
    fill: "#DDF0FB"
    stroke: "#0072B2"
    stroke-width: 2
    dash: []
    text: "#000000"
    corner-radius: 12
  constant:
    shape: rounded-box
    fill: "#F2F2F2"
    stroke: "#7A7A7A"
    stroke-width: 1.5
    dash: [5, 4]
    text: "#444444"
    corner-radius: 12
  operation:
    shape: rounded-box
    fill: "#FFFFFF"
    stroke: "#000000"
    stroke-width: 2
    dash: []
    text: "#000000"
    corner-radius: 4
  output:
    shape: rounded-box
    fill: "#CCECE3"
    stroke: "#000000"
    stroke-width: 3.5
    dash: []
    text: "#000000"
    corner-radius: 4

colors:
  forward: "#0072B2"
  backward: "#D55E00"
  muted: "#8C8C8C"
  highlight: "#E69F00"
  label-fill: "#FFFFFFE6"

lines:
  edge-width: 2
  arrow-size: 11
  backward-width: 3
  backward-dash: []
  highlight-width: 5

pending-opacity: 0.45

# How long the motion into each step lasts in videos (mp4, webm, gif), in milliseconds.
transition-ms: 500

caption-band:
  position: bottom
  fill: "#F2F2F2"
  title: "#555555"
  text: "#000000"
  padding: 22
"""#,
        "print": #"""
# Chainframe theme "print": for paper, photocopies and grayscale screens.
# Black, white and greys only, so no meaning rests on colour alone:
#   - node kinds differ by shape and outline: input ellipse, constant dashed rounded box,
#     operation square box, output thick rounded box on light grey;
#   - the backward flow is a dashed line, the forward flow a solid one;
#   - the current step is marked by a wide black outline.
# Fonts, sizes, margins and spacing come from classroom; every key is explained in README.md.
# 'chainframe themes --show print' prints this theme with every key filled in.
extends: classroom
name: "print"
description: "Grayscale for paper: kinds told apart by shape and outline, backward flow dashed."
background: "#FFFFFF"

nodes:
  input:
    shape: ellipse
    fill: "#FFFFFF"
    stroke: "#000000"
    stroke-width: 2
    dash: []
    text: "#000000"
    corner-radius: 12
  constant:
    shape: rounded-box
    fill: "#FFFFFF"
    stroke: "#404040"
    stroke-width: 1.5
    dash: [5, 4]
    text: "#333333"
    corner-radius: 12
  operation:
    shape: box
    fill: "#FFFFFF"
    stroke: "#000000"
    stroke-width: 2
    dash: []
    text: "#000000"
    corner-radius: 0
  output:
    shape: rounded-box
    fill: "#EBEBEB"
    stroke: "#000000"
    stroke-width: 3.5
    dash: []
    text: "#000000"
    corner-radius: 10

colors:
  forward: "#000000"
  backward: "#404040"
  muted: "#8C8C8C"
  highlight: "#000000"
  label-fill: "#FFFFFFE6"

lines:
  edge-width: 2
  arrow-size: 11
  backward-width: 2.5
  backward-dash: [8, 5]
  highlight-width: 6

pending-opacity: 0.45

# How long the motion into each step lasts in videos (mp4, webm, gif), in milliseconds.
transition-ms: 500

caption-band:
  position: bottom
  fill: "#F2F2F2"
  title: "#4D4D4D"
  text: "#000000"
  padding: 22
"""#,
    ]
}
