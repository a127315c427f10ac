// The book's own additions to mdBook's pages (book.toml: additional-js). Not named book.js: a
// theme/book.js would replace mdBook's own script. It does:
// 1. long one-line messages (a failing test's sentence) wrap instead of running 3,000 px wide;
// 2. on paper, every hint, walkthrough and model answer is printed open;
// 3. on paper, every quiz is printed as its questions, each with its answer and explanation
//    (the interactive quiz shows one question at a time and nothing without a click).
(function () {
  "use strict";

  // 1. A text block (not code) with a line longer than this many characters is a message: wrap it.
  const LONG_LINE = 120;
  for (const code of document.querySelectorAll("main pre > code.language-text")) {
    if (code.textContent.split("\n").some((line) => line.length > LONG_LINE)) {
      code.parentElement.classList.add("wrapped-message");
    }
  }

  // 2. Collapsed blocks open for printing. The print page (print.html) shows them open from the
  // start, since it is made for paper; other pages open them just before printing and close them
  // again after.
  const collapsed = () => [...document.querySelectorAll("main details:not([open])")];
  let openedForPrint = [];
  const openAll = () => {
    openedForPrint = collapsed();
    for (const details of openedForPrint) details.open = true;
  };
  window.addEventListener("beforeprint", openAll);
  window.addEventListener("afterprint", () => {
    if (isPrintPage()) return;
    for (const details of openedForPrint) details.open = false;
    openedForPrint = [];
  });
  function isPrintPage() {
    return /(^|\/)print\.html$/.test(window.location.pathname);
  }
  if (isPrintPage()) openAll();

  // 3. Quizzes on paper. mdbook-quiz keeps each quiz's questions as JSON in the placeholder's
  // data-quiz-questions attribute; this writes them out once, as a block only print shows.
  const escape = (text) =>
    String(text).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
  // Just enough Markdown for the quizzes: paragraphs, fenced code, `code`, **bold**, *italics*
  // and [links](...).
  const inline = (text) =>
    escape(text)
      .replace(/`([^`]+)`/g, "<code>$1</code>")
      .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
      .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, "$1<em>$2</em>")
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, '<a href="$2">$1</a>');
  const markdown = (text) =>
    String(text ?? "")
      .trim()
      .split(/```[a-z]*\n?/)
      .map((part, index) =>
        index % 2 === 1
          ? `<pre><code>${escape(part.replace(/\n$/, ""))}</code></pre>`
          : part
              .split(/\n\s*\n/)
              .filter((paragraph) => paragraph.trim())
              .map((paragraph) => `<p>${inline(paragraph.trim())}</p>`)
              .join(""),
      )
      .join("");
  const asList = (value) => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

  function printedQuestion(question, number) {
    const prompt = question.prompt ?? {};
    const answer = question.answer ?? {};
    let body = "";
    let right = "";
    if (question.type === "MultipleChoice") {
      const correct = asList(answer.answer);
      // The options in a fixed order (the screen shuffles them): the right answers first would
      // give them away, so sort them all alphabetically.
      const options = [...correct, ...asList(prompt.distractors)].sort((a, b) => String(a).localeCompare(String(b)));
      body = `<ol type="a">${options.map((option) => `<li>${inline(option)}</li>`).join("")}</ol>`;
      right = correct
        .map((option) => `(${String.fromCharCode(97 + options.indexOf(option))}) ${inline(option)}`)
        .join("; ");
    } else if (question.type === "ShortAnswer") {
      right = inline(answer.answer);
    } else if (question.type === "Tracing") {
      body = `<pre><code>${escape(prompt.program ?? "")}</code></pre>`;
      right = answer.doesCompile
        ? `It compiles and prints <code>${escape(answer.stdout ?? "")}</code>.`
        : `It does not compile${answer.lineNumber ? ` (line ${answer.lineNumber})` : ""}.`;
    }
    return (
      `<li class="quiz-print-question">${markdown(prompt.prompt ?? "What does this program do?")}${body}` +
      `<p class="quiz-print-answer"><strong>Answer:</strong> ${right}</p>` +
      `<div class="quiz-print-context">${markdown(question.context)}</div></li>`
    );
  }

  for (const placeholder of document.querySelectorAll(".quiz-placeholder[data-quiz-questions]")) {
    let quiz;
    try {
      quiz = JSON.parse(placeholder.dataset.quizQuestions);
    } catch {
      continue;
    }
    const printed = document.createElement("div");
    printed.className = "quiz-print";
    printed.innerHTML =
      `<p><strong>Quiz</strong> (answers and explanations follow each question)</p>` +
      `<ol>${asList(quiz.questions).map(printedQuestion).join("")}</ol>`;
    placeholder.insertAdjacentElement("afterend", printed);
  }
})();
