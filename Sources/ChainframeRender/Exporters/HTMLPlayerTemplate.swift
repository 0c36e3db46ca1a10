/// The stylesheet and script of the HTML player, inlined into every page (no external files).
enum HTMLPlayerTemplate {
    /// Layout: the picture scales to the page width; the caption sits under it.
    static let style = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f3f3f1; color: #222;
               font-family: "DejaVu Sans", "NanumGothic", system-ui, sans-serif; }
        .player { max-width: 1280px; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.4rem; margin: 0 0 0.75rem; }
        .step { margin: 0 0 2rem; }
        .step[hidden] { display: none; }
        .step svg { display: block; width: 100%; max-width: 100%; height: auto;
                    box-shadow: 0 1px 4px rgba(0, 0, 0, 0.2); background: #fff; }
        figcaption { padding: 0.75rem 0.25rem 0; line-height: 1.45; }
        .caption-title { margin: 0; font-size: 0.9rem; color: #666; text-transform: uppercase;
                         letter-spacing: 0.04em; }
        .headline { margin: 0.2rem 0; font-size: 1.25rem; font-weight: bold; }
        .details { margin: 0.25rem 0 0; padding-left: 1.25rem; }
        .controls { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem;
                    position: sticky; bottom: 0; padding: 0.5rem 0; background: #f3f3f1; }
        .controls[hidden] { display: none; }
        .controls button { font: inherit; min-width: 2.75rem; padding: 0.35rem 0.7rem; cursor: pointer;
                           border: 1px solid #999; border-radius: 4px; background: #fff; }
        .controls button:focus-visible { outline: 2px solid #1565c0; outline-offset: 1px; }
        .counter { margin-left: auto; font-variant-numeric: tabular-nums; }

        """

    /// Behaviour: one step visible at a time; ←/→, Home/End and Space (play/pause) as keys and
    /// buttons; playing advances after each step's `data-duration` milliseconds and stops at the end.
    static let script = """
        "use strict";
        (function () {
          const steps = Array.from(document.querySelectorAll(".step"));
          const controls = document.querySelector(".controls");
          const counter = controls.querySelector(".counter");
          const playButton = controls.querySelector("[data-action=play]");
          let current = 0;
          let timer = null;

          function show(index) {
            current = Math.max(0, Math.min(steps.length - 1, index));
            steps.forEach((step, i) => { step.hidden = i !== current; });
            counter.textContent = (current + 1) + " / " + steps.length;
          }

          function setPlaying(playing) {
            clearTimeout(timer);
            timer = null;
            playButton.textContent = playing ? "\\u275A\\u275A Pause" : "\\u25B6\\uFE0E Play";
            playButton.setAttribute("aria-label", playing ? "Pause" : "Play");
            if (playing) schedule();
          }

          function schedule() {
            const duration = Number(steps[current].dataset.duration) || 1500;
            timer = setTimeout(() => {
              if (current < steps.length - 1) { show(current + 1); schedule(); } else { setPlaying(false); }
            }, duration);
          }

          function togglePlaying() {
            if (timer === null && current === steps.length - 1) show(0);
            setPlaying(timer === null);
          }

          function go(index) {
            setPlaying(false);
            show(index);
          }

          const actions = {
            first: () => go(0),
            previous: () => go(current - 1),
            play: togglePlaying,
            next: () => go(current + 1),
            last: () => go(steps.length - 1),
          };
          const keys = { ArrowLeft: "previous", ArrowRight: "next", Home: "first", End: "last", " ": "play" };

          controls.addEventListener("click", (event) => {
            const button = event.target.closest("button[data-action]");
            if (button) actions[button.dataset.action]();
          });
          document.addEventListener("keydown", (event) => {
            if (event.altKey || event.ctrlKey || event.metaKey) return;
            // A focused button handles Space and Enter itself (as a click).
            if (event.target.closest && event.target.closest("button") && (event.key === " " || event.key === "Enter")) return;
            const action = keys[event.key];
            if (!action) return;
            event.preventDefault();
            actions[action]();
          });

          controls.hidden = false;
          show(0);
        })();

        """
}
