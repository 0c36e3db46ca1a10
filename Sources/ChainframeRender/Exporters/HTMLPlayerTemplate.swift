/// The stylesheet and scripts of the HTML presenter, inlined into every page (no external files).
enum HTMLPlayerTemplate {
    /// Layout: with the script running, the window is a grid of the stage (the slide scaled to
    /// fit, never scrolled), the optional notes and error panels, and the control bar, so the
    /// controls never cover the picture. Without it, every step one under the other. In print,
    /// one step per page.
    static let style = """
        * { box-sizing: border-box; }
        html, body { margin: 0; background: var(--page); color: var(--ink);
                     font-family: "DejaVu Sans", "NanumGothic", system-ui, sans-serif; }
        .step { margin: 0 auto 1.5rem; max-width: 1280px; }
        .step > svg { display: block; width: 100%; height: auto; box-shadow: 0 1px 6px rgba(0, 0, 0, 0.35); }
        figcaption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
        .caption-below figcaption, html:not(.js) .caption-below figcaption {
            position: static; width: auto; height: auto; overflow: visible; clip-path: none; white-space: normal;
            padding: 0.5rem 0.25rem 0; line-height: 1.45; }
        .caption-title { margin: 0; font-size: 0.9rem; color: var(--muted); }
        .headline { margin: 0.2rem 0; font-size: 1.2rem; font-weight: bold; }
        .details { margin: 0.25rem 0 0; padding-left: 1.25rem; }
        [hidden] { display: none !important; }

        html.js, html.js body { height: 100%; overflow: clip; }
        html.js body { display: grid; grid-template-rows: minmax(0, 1fr) auto auto auto; }
        html.js .stage { min-height: 0; container-type: size; overflow: clip; margin: 0.75rem 0.75rem 0.5rem; }
        html.js .step { margin: 0; max-width: none; height: 100%; display: flex; flex-direction: column;
                        align-items: center; justify-content: center; }
        html.js .step > svg { flex: none; width: min(100cqw, 100cqh * var(--aspect)); height: auto; }
        html.js .caption-below .step > svg { width: min(100cqw, (100cqh - 7rem) * var(--aspect)); }
        html.js .caption-below figcaption { flex: none; width: min(100cqw, (100cqh - 7rem) * var(--aspect)); height: 7rem; overflow: hidden; }

        .notes { padding: 0.5rem 1.5rem 0.75rem; background: var(--bar); border-top: 1px solid var(--muted);
                 max-height: 40vh; overflow: auto; line-height: 1.35; }
        .notes .caption-title { font-size: 1.4rem; color: inherit; opacity: 0.75; }
        .notes .headline { font-size: 2.4rem; }
        .notes .details { font-size: 1.6rem; }
        .live-status { padding: 0.5rem 1.5rem; background: var(--bar); border-top: 4px solid var(--error); max-height: 35vh; overflow: auto; }
        .live-heading { margin: 0 0 0.25rem; font-weight: bold; color: var(--error); }
        .live-status pre { margin: 0; font: 0.95rem/1.35 "DejaVu Sans Mono", monospace; white-space: pre-wrap; }

        .controls { display: flex; align-items: center; gap: 0.75rem; padding: 0.35rem 0.75rem; background: var(--bar); }
        .lesson-title { flex: 1 1 0; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; opacity: 0.75; }
        .buttons { display: flex; gap: 0.35rem; }
        .counter { flex: 1 1 0; text-align: right; font-variant-numeric: tabular-nums; }
        .controls button { display: inline-flex; align-items: center; justify-content: center; width: 2.6rem; height: 2.3rem;
                           padding: 0; cursor: pointer; color: var(--ink); background: var(--button);
                           border: 1px solid var(--muted); border-radius: 6px; }
        .controls button:hover { border-color: var(--accent); color: var(--accent); }
        .controls button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
        .controls button[aria-pressed="true"] { background: var(--accent); color: var(--button); }
        .controls .icon, .controls .icon-play, .controls .icon-pause { width: 1.35rem; height: 1.35rem; }
        .controls .icon-pause, .playing .controls .icon-play { display: none; }
        .playing .controls .icon-pause { display: block; }
        :fullscreen .lesson-title { visibility: hidden; }

        @page { size: landscape; margin: 8mm; }
        @media print {
            html, html.js, html.js body { height: auto; overflow: visible; background: #fff; display: block; }
            html.js .stage { container-type: normal; margin: 0; overflow: visible; }
            .controls, .notes, .live-status { display: none !important; }
            .step, .step[hidden], html.js .step { display: block !important; height: auto; margin: 0;
                                                  break-after: page; break-inside: avoid; }
            .step:last-of-type { break-after: auto; }
            .step > svg, html.js .step > svg { width: 100%; height: auto; max-height: 180mm; box-shadow: none; }
        }

        """

    /// Behaviour: one step at a time; ←/→, Page Up/Page Down (what clickers send), Home/End,
    /// Space (play/pause, even after a button was clicked), F (full screen), N (notes); the
    /// address follows the step (`#step-N`, 1-based) and opens it. `window.chainframePresenter`
    /// lets the live preview swap in a new version while keeping the step.
    static let script = """
        "use strict";
        (function () {
          document.documentElement.classList.add("js");
          const body = document.body;
          const stage = document.querySelector(".stage");
          const notes = document.querySelector(".notes");
          const controls = document.querySelector(".controls");
          const counter = controls.querySelector(".counter");
          const playButton = controls.querySelector("[data-action=play]");
          const notesButton = controls.querySelector("[data-action=notes]");
          let steps = Array.from(stage.querySelectorAll(".step"));
          let current = 0;
          let timer = null;

          function show(index) {
            current = Math.max(0, Math.min(steps.length - 1, index));
            steps.forEach((step, i) => { step.hidden = i !== current; });
            counter.textContent = (current + 1) + " / " + steps.length;
            const caption = steps[current].querySelector("figcaption");
            notes.innerHTML = caption ? caption.innerHTML : "";
            const hash = "#step-" + (current + 1);
            if (location.hash !== hash) history.replaceState(null, "", hash);
            window.scrollTo(0, 0);
          }

          function stepFromAddress() {
            const match = /^#step-(\\d+)$/.exec(location.hash);
            return match ? Number(match[1]) - 1 : null;
          }

          function setPlaying(playing) {
            clearTimeout(timer);
            timer = null;
            body.classList.toggle("playing", playing);
            const label = playing ? playButton.dataset.pause : playButton.dataset.play;
            playButton.title = label;
            playButton.setAttribute("aria-label", label);
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

          function toggleFullscreen() {
            if (document.fullscreenElement) { document.exitFullscreen(); }
            else if (document.documentElement.requestFullscreen) { document.documentElement.requestFullscreen().catch(() => {}); }
          }

          function toggleNotes() {
            notes.hidden = !notes.hidden;
            notesButton.setAttribute("aria-pressed", String(!notes.hidden));
          }

          const actions = {
            first: () => go(0),
            previous: () => go(current - 1),
            play: togglePlaying,
            next: () => go(current + 1),
            last: () => go(steps.length - 1),
            notes: toggleNotes,
            fullscreen: toggleFullscreen,
          };
          const keys = {
            ArrowLeft: "previous", PageUp: "previous", ArrowRight: "next", PageDown: "next",
            Home: "first", End: "last", " ": "play", f: "fullscreen", F: "fullscreen", n: "notes", N: "notes",
          };

          // A click must not leave the button focused: Space then still plays and pauses.
          controls.addEventListener("mousedown", (event) => {
            if (event.target.closest("button")) event.preventDefault();
          });
          controls.addEventListener("click", (event) => {
            const button = event.target.closest("button[data-action]");
            if (!button) return;
            if (event.detail > 0) button.blur();
            actions[button.dataset.action]();
          });
          document.addEventListener("keydown", (event) => {
            if (event.altKey || event.ctrlKey || event.metaKey) return;
            const onButton = event.target.closest && event.target.closest("button");
            if (onButton && event.key === "Enter") return;
            const action = keys[event.key];
            if (!action) return;
            event.preventDefault();
            if (!event.repeat || action !== "play") actions[action]();
          });
          // Space on a focused button would click it when released: it already played or paused.
          document.addEventListener("keyup", (event) => {
            if (event.key === " " && event.target.closest && event.target.closest("button")) event.preventDefault();
          });
          window.addEventListener("hashchange", () => {
            const index = stepFromAddress();
            if (index !== null && index !== current) go(index);
          });

          window.chainframePresenter = {
            /// Replaces the steps, styles and title with those of `page` (a parsed document),
            /// keeping the current step (or the last one, if the new version has fewer).
            replace(page) {
              stage.replaceChildren(...page.querySelector(".stage").childNodes);
              document.querySelector("style").textContent = page.querySelector("style").textContent;
              document.title = page.title;
              body.className = page.body.className + (timer === null ? "" : " playing");
              body.setAttribute("style", page.body.getAttribute("style"));
              controls.querySelector(".lesson-title").textContent = page.querySelector(".lesson-title").textContent;
              steps = Array.from(stage.querySelectorAll(".step"));
              show(current);
            },
          };

          controls.hidden = false;
          show(stepFromAddress() ?? 0);
        })();

        """

    /// `chainframe watch`: follow the server's versions over a WebSocket; fetch and swap in a
    /// newer page; show a file's errors above the controls, keeping the last good picture;
    /// reconnect when the server comes back.
    static let liveScript = """
        (function () {
          const body = document.body;
          const panel = document.querySelector(".live-status");
          let version = Number(body.dataset.version);

          function report(heading, text) {
            panel.hidden = heading === null;
            panel.querySelector(".live-heading").textContent = heading || "";
            panel.querySelector("pre").textContent = text || "";
          }

          async function update(wanted) {
            const response = await fetch("/", { cache: "no-store" });
            const page = new DOMParser().parseFromString(await response.text(), "text/html");
            window.chainframePresenter.replace(page);
            version = Number(page.body.dataset.version);
            body.dataset.version = String(version);
          }

          function connect() {
            const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/live");
            socket.onmessage = async (event) => {
              const message = JSON.parse(event.data);
              if (message.version !== version) await update(message.version);
              if (message.error) report(panel.dataset.errorHeading, message.error); else report(null);
            };
            socket.onclose = () => {
              report(panel.dataset.disconnected, "");
              setTimeout(connect, 1000);
            };
          }
          connect();
        })();

        """
}
