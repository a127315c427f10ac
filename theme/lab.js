// The GIL lab in the pages (book.toml: additional-js, after lab-wasm.js). Each
// `<div class="gil-lab">` in a chapter gets controls, a timeline and the figures the chapter
// talks about. The work is done by the `lab` crate compiled to WebAssembly (theme/lab-wasm.js,
// built by scripts/lab): the book's own scheduler, the solutions' policies and the same SVG
// drawing as the pictures. This file only builds the controls and passes text in and out.
(function () {
  "use strict";

  const labs = document.querySelectorAll("main .gil-lab");
  if (labs.length === 0) return;

  const POLICIES = [
    ["lock", "Plain lock: the holder keeps it until it blocks"],
    ["turns", "Take turns every N ticks (chapter 1)"],
    ["ticks", "Before Python 3.2: a check every N ticks"],
    ["interval", "Since Python 3.2: switch interval of N ticks"],
    ["processes", "A GIL per process (or interpreter), a thread each"],
    ["free", "Free-threaded: no GIL"],
  ];
  const HAS_INTERVAL = new Set(["turns", "ticks", "interval", "processes"]);
  const STEPS = [
    ["python", "Python (needs GIL)"],
    ["io", "I/O wait (no GIL)"],
    ["native", "native (no GIL)"],
  ];
  const FIGURES = [
    ["total", "total ticks"],
    ["handoffs", "GIL hand-offs"],
    ["parallel", "most threads running Python at once"],
    ["waiting", "ticks spent waiting for the GIL (all threads)"],
    ["longestWait", "longest wait for the GIL"],
    ["ioLatency", "longest wait for the GIL after an I/O"],
  ];
  const MAX_THREADS = 8;
  const MAX_STEPS = 12;

  // The WebAssembly module, compiled once for all the labs of the page.
  let wasm = null;
  async function loadWasm() {
    if (!window.GIL_LAB_WASM) throw new Error("theme/lab-wasm.js is missing: run scripts/lab");
    const binary = atob(window.GIL_LAB_WASM);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const { instance } = await WebAssembly.instantiate(bytes, {});
    return instance.exports;
  }

  // One call into the lab crate: the scenario's text in, figures (JSON) and SVG out.
  function simulate(text) {
    const input = new TextEncoder().encode(text);
    const at = wasm.lab_input(input.length);
    new Uint8Array(wasm.memory.buffer, at, input.length).set(input);
    const length = wasm.lab_run();
    const output = new Uint8Array(wasm.memory.buffer, wasm.lab_output(), length);
    const answer = new TextDecoder().decode(output);
    const newline = answer.indexOf("\n");
    if (newline < 0) return { figures: JSON.parse(answer), svg: "" };
    return { figures: JSON.parse(answer.slice(0, newline)), svg: answer.slice(newline + 1) };
  }

  // The scenario format of lab/src/lib.rs: `title ...|policy NAME [N]|thread NAME KIND N ...`.
  function parseScenario(text) {
    const scenario = { title: "", policy: "lock", interval: 5, threads: [] };
    for (const line of text.split(/[|\n]/).map((l) => l.trim()).filter(Boolean)) {
      const [key, ...words] = line.split(/\s+/);
      if (key === "title") scenario.title = line.slice(6).trim();
      if (key === "policy") {
        scenario.policy = words[0];
        if (words[1]) scenario.interval = Number(words[1]);
      }
      if (key === "thread") {
        const steps = [];
        for (let i = 1; i + 1 < words.length; i += 2) {
          steps.push({ kind: words[i], ticks: Number(words[i + 1]) });
        }
        scenario.threads.push({ name: words[0], steps });
      }
    }
    return scenario;
  }

  function policyWords(s) {
    const names = {
      lock: "a plain lock",
      turns: `turns of ${s.interval} ticks`,
      ticks: `a check every ${s.interval} ticks (before 3.2)`,
      interval: `a switch interval of ${s.interval} ticks (3.2+)`,
      processes: `a process per thread, turns of ${s.interval} ticks`,
      free: "no GIL",
    };
    return names[s.policy];
  }

  function scenarioText(s) {
    const policy = HAS_INTERVAL.has(s.policy) ? `${s.policy} ${s.interval}` : s.policy;
    const lines = [`title ${s.title}`, `policy ${policy}`];
    for (const t of s.threads) {
      lines.push(`thread ${t.name} ` + t.steps.map((step) => `${step.kind} ${step.ticks}`).join(" "));
    }
    return lines.join("|");
  }

  function element(tag, attributes = {}, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) {
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value);
    }
    node.append(...children);
    return node;
  }

  function select(options, value, label) {
    const node = element("select", { "aria-label": label });
    for (const [key, text] of options) node.append(element("option", { value: key, text }));
    node.value = value;
    return node;
  }

  // A number of ticks from 1 to `max`: `set` gets each whole number in range the reader types,
  // and nothing else (a half-typed or out-of-range number leaves the scenario as it was).
  function ticksInput(value, label, max, set) {
    const input = element("input", {
      type: "number", min: "1", max: String(max), step: "1", value: String(value),
      inputmode: "numeric", "aria-label": label,
    });
    input.addEventListener("input", () => {
      const typed = Number(input.value);
      if (Number.isInteger(typed) && typed >= 1 && typed <= max) set(typed);
    });
    return input;
  }

  let labCount = 0;

  function setUp(root) {
    const number = ++labCount;
    const original = root.dataset.scenario;
    let scenario = parseScenario(original);

    const policy = select(POLICIES, scenario.policy, "GIL policy");
    const interval = ticksInput(scenario.interval, "interval in ticks", 100, (value) => {
      scenario.interval = value;
      changed();
    });
    const threadList = element("ol", { class: "lab-threads" });
    const addThread = element("button", { type: "button", text: "Add a thread" });
    const reset = element("button", { type: "button", text: "Back to the picture" });
    const error = element("p", { class: "lab-error", role: "alert" });
    const figures = element("dl", { class: "lab-figures", "aria-live": "polite" });
    const picture = element("figure", { class: "timeline lab-timeline", role: "img" });

    // Predict, then run: the reader writes a guess, then the lab runs the question's scenario.
    const guess = element("input", {
      type: "number", min: "0", step: "1", inputmode: "numeric", id: `gil-lab-${number}-guess`,
    });
    const runQuestion = element("button", { type: "button", text: "Run it" });
    const answer = element("p", { class: "lab-answer", "aria-live": "polite" });
    const predict = element("div", { class: "lab-predict" },
      element("p", {}, element("strong", { text: "Predict, then run. " }), root.dataset.question),
      element("p", {},
        element("label", { for: guess.id, text: "Your guess: " }), guess, " ", runQuestion),
      answer);

    const rules = element("div", { class: "lab-rules" },
      element("label", {}, "Policy ", policy),
      element("label", {}, "N = ", interval, " ticks"));

    // The rules, then what they give, then the threads: on a phone, a change of policy or
    // interval shows its picture without scrolling.
    root.replaceChildren(
      predict,
      element("fieldset", {}, element("legend", { text: "The rules" }), rules),
      error, figures, picture,
      element("fieldset", {}, element("legend", { text: "The threads and their steps" }),
        threadList, element("p", { class: "lab-buttons" }, addThread, " ", reset)));

    function redraw() {
      const started = performance.now();
      const result = simulate(scenarioText(scenario));
      if (result.figures.error) {
        error.textContent = `The lab cannot run this: ${result.figures.error}.`;
        return;
      }
      error.textContent = "";
      figures.replaceChildren();
      for (const [key, text] of FIGURES) {
        figures.append(element("div", { "data-figure": key },
          element("dt", { text }), element("dd", { text: String(result.figures[key]) })));
      }
      picture.innerHTML = result.svg;
      picture.setAttribute("aria-label", scenario.title);
      root.dataset.redrawMs = (performance.now() - started).toFixed(2);
      return result.figures;
    }

    // A change by the reader: the picture is theirs now, so it gets their title.
    function changed() {
      scenario.title = `Your scenario: ${policyWords(scenario)}`;
      redraw();
    }

    function showRules() {
      policy.value = scenario.policy;
      interval.value = String(scenario.interval);
      interval.disabled = !HAS_INTERVAL.has(scenario.policy);
    }

    function showThreads(focus) {
      threadList.replaceChildren();
      scenario.threads.forEach((thread, t) => {
        const steps = element("span", { class: "lab-steps" });
        thread.steps.forEach((step, s) => {
          const kind = select(STEPS, step.kind, `${thread.name}, step ${s + 1}: kind`);
          const ticks = ticksInput(step.ticks, `${thread.name}, step ${s + 1}: ticks`, 200, (value) => {
            step.ticks = value;
            changed();
          });
          const remove = element("button", {
            type: "button", text: "×", "aria-label": `Remove ${thread.name}'s step ${s + 1}`,
          });
          remove.disabled = thread.steps.length === 1;
          kind.addEventListener("change", () => { step.kind = kind.value; changed(); });
          remove.addEventListener("click", () => {
            thread.steps.splice(s, 1);
            showThreads(`[data-thread="${t}"] .lab-add-step`);
            changed();
          });
          steps.append(element("span", { class: "lab-step" }, kind, ticks, remove));
        });
        const addStep = element("button", {
          type: "button", class: "lab-add-step", text: "+ step", "aria-label": `Add a step to ${thread.name}`,
        });
        addStep.disabled = thread.steps.length >= MAX_STEPS;
        addStep.addEventListener("click", () => {
          thread.steps.push({ kind: "python", ticks: 4 });
          showThreads(`[data-thread="${t}"] .lab-step:last-of-type select`);
          changed();
        });
        const removeThread = element("button", {
          type: "button", text: "Remove", "aria-label": `Remove thread ${thread.name}`,
        });
        removeThread.disabled = scenario.threads.length === 1;
        removeThread.addEventListener("click", () => {
          scenario.threads.splice(t, 1);
          showThreads(null);
          addThread.focus();
          changed();
        });
        threadList.append(element("li", { "data-thread": String(t) },
          element("strong", { text: thread.name }), " ", steps, " ", addStep, " ", removeThread));
      });
      addThread.disabled = scenario.threads.length >= MAX_THREADS;
      if (focus) threadList.querySelector(focus)?.focus();
    }

    policy.addEventListener("change", () => {
      scenario.policy = policy.value;
      showRules();
      changed();
    });
    addThread.addEventListener("click", () => {
      const names = new Set(scenario.threads.map((t) => t.name));
      let n = scenario.threads.length + 1;
      while (names.has(`T${n}`)) n++;
      scenario.threads.push({ name: `T${n}`, steps: [{ kind: "python", ticks: 10 }] });
      showThreads(`[data-thread="${scenario.threads.length - 1}"] select`);
      changed();
    });
    function load(text) {
      scenario = parseScenario(text);
      showRules();
      showThreads(null);
      return redraw();
    }
    reset.addEventListener("click", () => { load(original); answer.textContent = ""; });
    runQuestion.addEventListener("click", () => {
      const figure = root.dataset.questionFigure;
      const result = load(root.dataset.questionScenario);
      const truth = result ? result[figure] : "?";
      const said = guess.value === "" ? "no guess" : `you said ${guess.value}`;
      answer.textContent = `The simulator says ${truth} (${said}). The lab now shows the question's scenario; "Back to the picture" returns to the first one.`;
    });

    load(original);
    root.classList.add("gil-lab-ready");
  }

  loadWasm()
    .then((exports) => {
      wasm = exports;
      for (const root of labs) setUp(root);
    })
    .catch((problem) => {
      for (const root of labs) {
        root.append(element("p", { class: "lab-error", text: `The lab could not start: ${problem.message}` }));
      }
    });
})();
