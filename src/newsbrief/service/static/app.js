/* newsbrief web page: collect articles, ask POST /v1/briefs for a brief, show it with its sources.
 *
 * Security: every piece of text that comes from an article, the user or the server is put into
 * the page with textContent / createTextNode, never as markup; a link is made only for an
 * http(s) URL, with rel="noopener noreferrer". The page runs under the CSP "script-src 'self'",
 * so this file adds every event listener itself and sets no inline style.
 */
"use strict";

(function () {
  const ANALYSES = ["facts", "figures", "quotes", "entities", "framing"];
  const MIN_WORDS = 20;
  const MAX_WORDS = 5000;
  const MAX_SENTENCES = 5000; // the API's bound, as for words
  const FIELD_LABELS = { text: "Text", html: "Text", outlet: "Outlet", title: "Title", published: "Published", url: "web address" };
  const MAX_ARTICLES = 50; // the API's bound (Limits.max_articles): said before sending, not as its schema error
  const STYLES = ["neutral", "extract"];
  const PREVIEW_CHARS = 100; // a removal's words shown, as the CLI's --explain shows them
  const HTML_FILE = /\.x?html?$/i;
  const ARTICLE_FILE = /\.(txt|text|md|html?)$/i; // what the server's upload takes (a name without extension: sniffed)
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
  const WHITE_SPACE = /\s+/g;
  const NARROW = "(max-width: 56rem)";
  const FALLBACK_STEM = "brief"; // a brief the server sent without a file name
  // the server's name for a brief (rendering.file_name): a slug of its headline and the extension
  const FILE_NAME = /filename="([a-z0-9]+(?:-[a-z0-9]+)*)\.[a-z]+"/;
  const EXTENSIONS = { md: "md", json: "json", html: "html" };
  const SHOWN_ITEMS = 10; // analysis items shown before "show more": 70 entities would bury the rest

  /** What the page knows about the brief on show. */
  const state = {
    data: null, // the brief JSON, parsed
    raw: "", // the brief JSON as the server sent it (the JSON download)
    request: null, // the request body that made the brief on show (the other downloads ask again)
    names: [], // each of its articles as the page names it ("Article 3"), for the server's messages
    fileStem: "brief", // its downloads' name before the extension, as the server named it
    briefUrl: null, // or the GET /v1/stories/{id}/brief URL (without format) of a story's brief on show
    briefView: "articles", // the view the brief on show belongs to: "articles" or "stories"
    texts: new Map(), // article id -> cleaned text that every span points into
    byNumber: new Map(), // source number -> source
    byArticle: new Map(), // article id -> source
    activeMarker: null,
    articleSerial: 0,
    briefSerial: 0, // counts the briefs asked for: only the answer to the last one is shown
    // AbortControllers of the briefs on their way, by view, and of the downloads (each asks again)
    pending: { articles: new Set(), stories: new Set(), downloads: new Set() },
  };

  const $ = (id) => document.getElementById(id);

  // DOM helpers: text only, never markup ----------------------------------------------------

  /** An element with a class and children; strings become text nodes. */
  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) {
      if (child === null || child === undefined || child === "") continue;
      node.append(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    }
    return node;
  }

  /** The node, its direction taken from its own text (dir="auto"): an Arabic or Hebrew sentence
   * reads right to left, its full stop and markers at its left end, beside English ones. */
  function ownDirection(node) {
    node.dir = "auto";
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  /** The string on one line: control characters and runs of white space become one space. */
  function oneLine(value) {
    return String(value ?? "").replace(CONTROL, " ").replace(WHITE_SPACE, " ").trim();
  }

  /** The text with its double quotation marks made single (‘ ’), for showing it inside double
   * marks, as every download does (lexicon.as_inner_quotation): “ opens, ” closes, and a straight
   * mark closes an open quotation or else opens one, unless it is the first mark and follows
   * punctuation before a space or the end (the close of a quotation begun in an earlier sentence). */
  function asInnerQuotation(text) {
    let depth = 0;
    let seen = false;
    return text.replace(/[“”"]/g, (mark, at) => {
      const closesUnopened = !seen && /[.,!?…—-]$/.test(text.slice(0, at)) && (at + 1 === text.length || /\s/.test(text[at + 1]));
      seen = true;
      const opens = mark === "“" || (mark === '"' && depth === 0 && !closesUnopened);
      depth = opens ? depth + 1 : Math.max(depth - 1, 0);
      return opens ? "‘" : "’";
    });
  }

  /** What to say when the request never got an answer: the server stopped, or the network is down.
   * The browser's own words ("Failed to fetch") say neither which nor what to do, so both are said. */
  function unreachable(error) {
    const reason = oneLine(error && error.message);
    return `Could not reach the server${reason ? ` (${reason})` : ""}: check that newsbrief serve is still running, then try again.`;
  }

  /** True for an absolute http(s) URL: the only kind that becomes a link. */
  function isHttpUrl(value) {
    if (typeof value !== "string" || /[\s\u0000-\u001f\u007f-\u009f]/.test(value)) return false;
    try {
      const url = new URL(value);
      return url.protocol === "http:" || url.protocol === "https:";
    } catch {
      return false;
    }
  }

  /** A link for an http(s) URL, else the URL as plain text. */
  function urlNode(value) {
    if (!isHttpUrl(value)) return el("span", "url", oneLine(value));
    const link = el("a", "url", value);
    link.href = value;
    link.rel = "noopener noreferrer";
    link.target = "_blank";
    return link;
  }

  function plural(count, noun) {
    return `${count} ${noun}${count === 1 ? "" : "s"}`;
  }

  function outletName(source) {
    return oneLine(source && source.outlet) || (source && source.article_id) || "unknown source";
  }

  // Article inputs --------------------------------------------------------------------------

  /** Add one article box to the form (filled from a file when given) and return it. */
  function addArticle(fill) {
    const template = $("article-template");
    const card = template.content.firstElementChild.cloneNode(true);
    const serial = ++state.articleSerial;
    for (const name of ["outlet", "title", "published", "text"]) {
      const id = `article-${serial}-${name}`;
      card.querySelector(`.input-${name}`).id = id;
      card.querySelector(`.label-${name}`).htmlFor = id;
    }
    card.dataset.kind = "text";
    card.querySelector(".button-remove").addEventListener("click", () => removeArticle(card));
    $("articles").append(card);
    if (fill) fillArticle(card, fill);
    renumberArticles();
    return card;
  }

  function fillArticle(card, fill) {
    card.querySelector(".input-text").value = fill.text || "";
    if (fill.outlet !== undefined) card.querySelector(".input-outlet").value = fill.outlet;
    card.dataset.kind = fill.kind || "text";
    const note = card.querySelector(".file-note");
    if (fill.fileName) {
      note.textContent =
        card.dataset.kind === "html"
          ? `From the file ${fill.fileName}: sent as HTML, the server extracts the article's text.`
          : `From the file ${fill.fileName}.`;
      note.hidden = false;
    } else {
      note.hidden = true;
    }
  }

  function removeArticle(card) {
    const cards = articleCards();
    const next = cards[cards.indexOf(card) + 1] || cards[cards.indexOf(card) - 1];
    card.remove();
    if (articleCards().length === 0) addArticle();
    renumberArticles();
    const focusTarget = next && next.isConnected ? next.querySelector(".input-text") : $("add-article");
    focusTarget.focus();
  }

  function articleCards() {
    return Array.from($("articles").querySelectorAll("fieldset.article"));
  }

  function renumberArticles() {
    const cards = articleCards();
    cards.forEach((card, index) => {
      card.querySelector(".article-legend").textContent = `Article ${index + 1}`;
      const remove = card.querySelector(".button-remove");
      remove.hidden = cards.length === 1;
      // its words are its name: read "Remove this article" and named "Remove article 2", it did
      // not answer a voice command that says what is on screen (WCAG 2.5.3, label in name)
      remove.textContent = `Remove article ${index + 1}`;
    });
  }

  /** An empty article box to fill, or a new one. */
  function emptyArticle() {
    const empty = articleCards().find(
      (card) => !card.querySelector(".input-text").value.trim() && !card.querySelector(".input-outlet").value.trim(),
    );
    return empty || addArticle();
  }

  /** The text of a text or HTML file, and a note when it was not UTF-8; refused when it is of
   * another type or binary (read leniently, a PDF became an article of garbage). A file that is not
   * UTF-8 is read as Windows-1252, as the command line and the upload API read it, and the note
   * says so (read as UTF-8 with replacements, its accents and dashes were lost unsaid). */
  function readFile(file) {
    return new Promise((resolve, reject) => {
      if (/\.[^./]+$/.test(file.name) && !ARTICLE_FILE.test(file.name)) {
        reject(new Error(`${file.name} is not a text or HTML file: add .txt, .md or .html files.`));
        return;
      }
      const reader = new FileReader();
      reader.onload = () => {
        const bytes = new Uint8Array(reader.result);
        if (bytes.includes(0)) { // a NUL anywhere: binary data, as the server and the command line judge
          reject(new Error(`${file.name} looks like a binary file, not text.`));
          return;
        }
        try {
          resolve({ text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: null }); // drops a BOM
        } catch {
          resolve({
            text: new TextDecoder("windows-1252").decode(bytes),
            note: `${file.name} is not UTF-8: read as Windows-1252.`,
          });
        }
      };
      reader.onerror = () => reject(new Error(`could not read ${file.name}`));
      reader.readAsArrayBuffer(file);
    });
  }

  /** Read dropped or chosen files in the browser: one article box per file. */
  async function addFiles(fileList) {
    const files = Array.from(fileList);
    if (!files.length) return;
    hideError();
    let added = 0;
    const refused = [];
    const notes = [];
    for (const file of files) {
      try {
        const { text, note } = await readFile(file);
        // an empty box would only be refused at "Get the brief", under a number and not the file's name
        if (!text.trim()) throw new Error(`${file.name} is empty: it has no article text to add.`);
        if (note) notes.push(note);
        const kind = HTML_FILE.test(file.name) || file.type === "text/html" ? "html" : "text";
        const stem = file.name.replace(/\.[^.]+$/, "");
        fillArticle(emptyArticle(), { text, kind, outlet: kind === "html" ? "" : stem, fileName: file.name });
        added += 1;
      } catch (error) {
        refused.push(oneLine(error.message));
      }
    }
    if (refused.length) showError(refused.join(" "));
    renumberArticles();
    const addedNote = added === 1 ? "1 file added as an article." : `${plural(added, "file")} added as articles.`;
    setStatus([addedNote, ...notes].join(" "));
  }

  function setUpDropZone() {
    const zone = $("drop-zone");
    const input = $("file-input");
    input.addEventListener("change", () => {
      addFiles(input.files);
      input.value = "";
    });
    for (const type of ["dragenter", "dragover"]) {
      zone.addEventListener(type, (event) => {
        event.preventDefault();
        zone.classList.add("dragging");
      });
    }
    for (const type of ["dragleave", "dragend"]) zone.addEventListener(type, () => zone.classList.remove("dragging"));
    zone.addEventListener("drop", (event) => {
      event.preventDefault();
      zone.classList.remove("dragging");
      if (event.dataTransfer && event.dataTransfer.files) addFiles(event.dataTransfer.files);
    });
  }

  // The request -----------------------------------------------------------------------------

  /** The request body from the form, or an error message for the user. */
  function collectRequest() {
    const articles = [];
    const names = []; // names[i] is how the page shows articles[i]: empty boxes are not sent
    for (const [index, card] of articleCards().entries()) {
      const text = card.querySelector(".input-text").value;
      const outlet = card.querySelector(".input-outlet").value.trim();
      const title = card.querySelector(".input-title").value.trim();
      const published = card.querySelector(".input-published").value.trim();
      if (!text.trim()) {
        if (outlet || title || published) {
          return { error: `Article ${index + 1} has no text: paste it, or remove the article.` };
        }
        continue;
      }
      const article = card.dataset.kind === "html" ? { html: text } : { text };
      if (outlet || card.dataset.kind !== "html") article.outlet = outlet || unnamedOutlet(index + 1);
      if (title) article.title = title;
      if (published) article.published = published;
      articles.push(article);
      names.push(`Article ${index + 1}`);
    }
    for (const line of $("urls").value.split("\n")) {
      const url = line.trim();
      if (!url) continue;
      articles.push({ url });
      names.push(`The web address ${url}`);
    }
    if (!articles.length) {
      return { error: "Add at least one article: paste its text, drop a file, or enter a web address." };
    }
    if (articles.length > MAX_ARTICLES) {
      const over = articles.length - MAX_ARTICLES;
      return {
        error: `A brief takes at most ${MAX_ARTICLES} articles, and ${articles.length} are given (boxes and web addresses): remove ${over}.`,
      };
    }
    const options = chosenOptions();
    if (options.error) return { error: options.error };
    return { body: { articles, ...options.values }, names };
  }

  /** The outlet of box N of text that names none: "text N", the API's name for its Nth article
   * without one, by the box's own number (the API, sent no empty box, counted box 3 after an empty
   * box 2 as its second: "text 2"). An HTML box sends none: its page's site name comes first. */
  function unnamedOutlet(boxNumber) {
    return `text ${boxNumber}`;
  }

  const WORDS_ERROR = `The length must be a whole number of words from ${MIN_WORDS} to ${MAX_WORDS}.`;
  const SENTENCES_ERROR = `The number of sentences must be a whole number from 1 to ${MAX_SENTENCES}, or empty for no limit.`;

  /** The options of the form under their API names (words, sentences, style, analysis), or an error
   * message: a value the server does not take is said here, never dropped for its default unsaid.
   * The same options go into a brief of pasted articles and into a story's brief. */
  function chosenOptions() {
    const words = chosenWords();
    if (words === null) return { error: WORDS_ERROR };
    const sentences = chosenSentences();
    if (sentences === null) return { error: SENTENCES_ERROR };
    const values = { words, analysis: chosenAnalysis(), style: chosenStyle() };
    if (sentences !== undefined) values.sentences = sentences;
    return { values };
  }

  /** A field as a whole number from low to high, or null when it is not one. */
  function wholeNumber(id, low, high) {
    const text = $(id).value.trim();
    const value = Number(text);
    return /^\d+$/.test(text) && value >= low && value <= high ? value : null;
  }

  /** The length field as a number of words, or null when it is not one the server takes. */
  function chosenWords() {
    return wholeNumber("words", MIN_WORDS, MAX_WORDS);
  }

  /** The sentences field: undefined when empty (no limit), null when not a number the server takes.
   * A number field holding letters reads as empty, so its validity says whether it is really empty. */
  function chosenSentences() {
    const field = $("sentences");
    if (!field.value.trim() && !field.validity.badInput) return undefined;
    return wholeNumber("sentences", 1, MAX_SENTENCES);
  }

  /** The chosen style of the summary: "neutral" (the API's default) or "extract". */
  function chosenStyle() {
    const box = document.querySelector('input[name="style"]:checked');
    return box && STYLES.includes(box.value) ? box.value : STYLES[0];
  }

  /** Whether the reader asked for the explanation: shown under the brief, and in its downloads. */
  function explainChosen() {
    return $("explain").checked;
  }

  /** The ticked analyses as the API's "analysis" value. */
  function chosenAnalysis() {
    const chosen = Array.from(document.querySelectorAll('input[name="analysis"]:checked'), (box) => box.value);
    return chosen.length === 0 ? "none" : chosen.length === ANALYSES.length ? "all" : chosen.join(",");
  }

  /** Whether the parsed answer has the shape of a brief (a proxy may answer 200 with anything). */
  function isBrief(payload) {
    return payload !== null && typeof payload === "object" && Array.isArray(payload.summary) && Array.isArray(payload.sources);
  }

  /** One readable line from an error response: {"detail": "..."} or FastAPI's list of problems. */
  function describeError(payload, status, task = "make the brief", names = []) {
    const detail = payload && typeof payload === "object" ? payload.detail : undefined;
    if (typeof detail === "string" && detail.trim()) {
      const message = namedAsShown(oneLine(detail), names);
      return status === 413 ? `The articles are too long to send together (${message}): remove some, or shorten them.` : message;
    }
    if (Array.isArray(detail) && detail.length) {
      const first = detail[0] || {};
      const where = Array.isArray(first.loc) ? first.loc.filter((part) => part !== "body").join(" › ") : "";
      const message = oneLine(first.msg || "the request is not valid");
      const more = detail.length > 1 ? ` (and ${plural(detail.length - 1, "more problem")})` : "";
      return namedAsShown(`${where ? `${where}: ` : ""}${message}${more}`, names);
    }
    return `The server could not ${task} (HTTP ${status}).`;
  }

  /** How the page names the articles of the brief on show; a story's articles have no boxes. */
  function shownNames() {
    return state.briefView === "articles" ? state.names : [];
  }

  /** The server's message with its names for an article ("articles[2]", "articles[2].outlet", or
   * "articles › 2 › outlet" in a schema error) replaced by the ones the page shows ("Article 4",
   * "Article 4, Outlet", "The web address …"): the API counts from 0 and skips empty boxes, so its
   * index and the box's number differ. */
  function namedAsShown(message, names) {
    const field = (name) => FIELD_LABELS[name] || name;
    return message.replace(
      /articles(?:\[(\d+)\](?:\.(\w+))?| › (\d+)(?: › (\w+))?)/g,
      (whole, index, key, schemaIndex, schemaKey) => {
        const name = names[Number(index ?? schemaIndex)];
        const part = key ?? schemaKey;
        return name ? `${name}${part ? `, ${field(part)}` : ""}` : whole;
      },
    );
  }

  async function submit(event) {
    event.preventDefault();
    hideError();
    const request = collectRequest();
    if (request.error) {
      showError(request.error);
      setStatus("");
      return;
    }
    const button = $("submit");
    const controller = startPending("articles", button, $("cancel"));
    $("brief-form").setAttribute("aria-busy", "true");
    const count = request.body.articles.length;
    setStatus(`Writing the brief of ${plural(count, "article")}…`);
    const ticket = ++state.briefSerial;
    const asked = performance.now();
    try {
      // with timing: Explain's time per stage reads timing_ms
      const response = await fetch("/v1/briefs?timing=true", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(request.body),
        signal: controller.signal,
      });
      const raw = await response.text();
      let payload = null;
      try {
        payload = JSON.parse(raw);
      } catch {
        payload = null;
      }
      if (ticket !== state.briefSerial) {
        setStatus(""); // a story's brief was asked for since: that one is shown
        return;
      }
      if (!response.ok || !isBrief(payload)) {
        showError(
          response.ok ? "The server sent a reply that is not a brief." : describeError(payload, response.status, undefined, request.names),
        );
        setStatus("");
        return;
      }
      state.raw = raw;
      state.fileStem = fileStemOf(response);
      state.request = request.body;
      state.names = request.names;
      state.briefUrl = null;
      state.briefView = "articles";
      $("brief-story").hidden = true;
      showBrief(payload, performance.now() - asked);
      setStatus(`Brief ready: ${plural(payload.words || 0, "word")} from ${plural((payload.sources || []).length, "source")}.`);
    } catch (error) {
      if (controller.signal.aborted) {
        setStatus(CANCELLED);
        return;
      }
      if (ticket !== state.briefSerial) return;
      showError(unreachable(error));
      setStatus("");
    } finally {
      endPending("articles", controller, button, $("cancel"));
      $("brief-form").removeAttribute("aria-busy");
    }
  }

  const CANCELLED = "Cancelled: no brief is shown for it, and the server stops making it.";

  /** A brief is on its way in the view: its button is disabled and the view's Cancel button shown
   * (and focused if the button was, so that the keyboard does not lose its place); the controller
   * that Cancel aborts. */
  function startPending(view, button, cancel) {
    const controller = new AbortController();
    state.pending[view].add(controller);
    const focused = document.activeElement === button;
    button.disabled = true;
    cancel.hidden = false;
    if (focused) cancel.focus();
    return controller;
  }

  /** The brief is in, failed or was cancelled: the button is enabled again, and Cancel hidden once
   * no other brief of the view is on its way (the focus back on the button if it was on Cancel). */
  function endPending(view, controller, button, cancel) {
    state.pending[view].delete(controller);
    button.disabled = false;
    if (state.pending[view].size) return;
    const focused = document.activeElement === cancel;
    cancel.hidden = true;
    if (focused && button.isConnected) button.focus();
  }

  /** Stop waiting for the view's briefs: the fetches are aborted (the server is not told). */
  function cancelPending(view) {
    for (const controller of state.pending[view]) controller.abort();
  }

  function setStatus(message) {
    $("status").textContent = message;
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = false;
  }

  /** A status line about the brief on show, in the view it belongs to: the form's status line lies
   * hidden under Stories, where a download's or a source's line went unseen and unannounced. */
  function setBriefStatus(message) {
    if (state.briefView === "stories") setStoriesNote([listNote, message].filter(Boolean).join(" "));
    else setStatus(message);
  }

  /** An error about the brief on show (none: hide it), in the view it belongs to. */
  function showBriefError(message) {
    if (state.briefView === "stories") showStoriesError(message);
    else if (message) showError(message);
    else hideError();
  }

  function hideError() {
    const box = $("error");
    box.textContent = "";
    box.hidden = true;
  }

  // The brief -------------------------------------------------------------------------------

  /** Show the brief; waitedMs is how long the page waited for it, from asking to the answer read. */
  function showBrief(data, waitedMs) {
    state.data = data;
    state.texts = new Map((data.articles || []).map((article) => [article.id, String(article.text ?? "")]));
    state.byNumber = new Map((data.sources || []).map((source) => [source.number, source]));
    state.byArticle = new Map((data.sources || []).map((source) => [source.article_id, source]));
    state.activeMarker = null;

    const sources = data.sources || [];
    // the whole wait: the server's timing_ms covers its stages from cleaning on, not fetching the
    // web addresses or reading the articles, so "· 25 ms" stood beside a brief that took 3 s to come
    $("brief-meta").textContent = `${plural(data.words || 0, "word")} from ${plural(sources.length, "source")} · answered in ${duration(waitedMs)}`;

    const summary = $("summary");
    clear(summary);
    for (const line of data.summary || []) {
      summary.append(ownDirection(el("p", "line", lineWords(line), lineNote(line), " ", markersFor(citationMarkers(line)))));
    }
    if (!(data.summary || []).length) summary.append(el("p", "hint", "The brief has no summary sentences."));

    const notices = $("notices");
    clear(notices);
    if ((data.notices || []).length) {
      const items = data.notices.map((notice) => el("li", "", namedAsShown(oneLine(notice.message), shownNames())));
      notices.append(el("h3", "", "Notes"), el("ul", "notices", ...items));
    }

    const list = $("sources");
    clear(list);
    for (const source of sources) list.append(sourceItem(source));

    const analysis = $("analysis");
    clear(analysis);
    if (data.analysis && typeof data.analysis === "object") analysis.append(analysisSections(data.analysis));

    const explained = $("explained");
    clear(explained);
    explained.append(explanation(data));
    explained.hidden = !explainChosen();

    resetPanel();
    // the reader may have changed views while the brief was on its way: it waits in its own
    const here = state.briefView === (inStoriesView() ? "stories" : "articles");
    $("result").hidden = !here;
    if (here) {
      $("brief-heading").focus({ preventScroll: true });
      $("result").scrollIntoView({ block: "start" });
    }
  }

  /** "708 ms", or "2.4 s" from a second on. */
  function duration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
  }

  function sourceItem(source) {
    const item = ownDirection(el("li", "source", el("strong", "", outletName(source))));
    item.value = source.number;
    if (oneLine(source.title)) item.append(" — ", el("span", "title", oneLine(source.title)));
    const details = [oneLine(source.published), plural(source.words || 0, "word")].filter(Boolean).join(" · ");
    item.append(el("span", "meta", ` · ${details}`));
    if (source.url) item.append(" ", urlNode(source.url));
    const read = el("button", "link-button", "Read");
    read.type = "button";
    read.setAttribute("aria-label", `Read source ${source.number}, ${outletName(source)}`);
    read.addEventListener("click", () => showSource({ source: source.number, article_id: source.article_id }, read));
    item.append(" ", read);
    return item;
  }

  /** A summary line's words, with " …" when its article's text stops there mid-sentence
   * (`unfinished`), as the other formats show it. */
  function lineWords(line) {
    return String(line.text ?? "") + (line.unfinished ? " …" : "");
  }

  /** "(in X's voice)" for a line in an outlet's own voice, "(said by X)" for a quotation that
   * names no one, as the other formats show them (sections.line_note). */
  function lineNote(line) {
    const notes = [];
    if (line.voice) notes.push(`in ${String(line.voice)}'s voice`);
    if (line.speaker) notes.push(`said by ${String(line.speaker)}`);
    return notes.length ? el("em", "voice", ` (${notes.join("; ")})`) : null;
  }

  /** The markers of a summary line: its own source first, then the others in order, once each. */
  function citationMarkers(line) {
    const citations = line.citations || [];
    if (!citations.length) return [];
    const first = citations[0];
    const seen = new Set([first.source]);
    const others = citations
      .filter((citation) => !seen.has(citation.source) && seen.add(citation.source))
      .sort((a, b) => a.source - b.source);
    return [first, ...others];
  }

  function markersFor(spans) {
    const group = el("span", "markers");
    for (const span of spans) group.append(marker(span));
    return group;
  }

  /** Source number of a span: given, or found from its article id. */
  function sourceNumber(span) {
    if (typeof span.source === "number") return span.source;
    const source = state.byArticle.get(span.article_id);
    return source ? source.number : 0;
  }

  /** A [n] button that shows the span in its source, highlighted. */
  function marker(span) {
    const number = sourceNumber(span);
    const source = state.byNumber.get(number);
    const button = el("button", "marker", `[${number}]`);
    button.type = "button";
    button.setAttribute("aria-label", `[${number}] ${outletName(source || { article_id: span.article_id })}`);
    button.title = `Show in source ${number}: ${outletName(source || { article_id: span.article_id })}`;
    button.addEventListener("click", () => showSource(span, button));
    return button;
  }

  // The source panel ------------------------------------------------------------------------

  function resetPanel() {
    $("panel-heading").textContent = "Source";
    clear($("panel-meta"));
    const body = $("panel-body");
    clear(body);
    body.append(el("p", "hint", "Click a citation marker such as [1] to read the cited words in their article."));
    $("source-panel").dataset.open = "false";
  }

  /** Show a source's article in the panel, with the span's words highlighted and scrolled to. */
  function showSource(span, button) {
    const number = sourceNumber(span);
    const source = state.byNumber.get(number) || { article_id: span.article_id, number };
    const articleId = span.article_id || source.article_id;
    const text = state.texts.get(articleId);

    $("panel-heading").textContent = `[${number}] ${outletName(source)}`;
    const meta = $("panel-meta");
    clear(meta);
    if (oneLine(source.title)) meta.append(el("span", "title", oneLine(source.title)));
    if (oneLine(source.published)) meta.append(el("span", "", ` · ${oneLine(source.published)}`));
    if (source.url) meta.append(" ", urlNode(source.url));

    const body = $("panel-body");
    clear(body);
    let highlight = null;
    if (text === undefined) {
      body.append(el("p", "hint", "The server did not send this article's text."));
      if (span.text) body.append(el("blockquote", "cited", String(span.text)));
    } else {
      const article = ownDirection(el("div", "article-text"));
      const units = unitSpan(text, Number(span.start), Number(span.end));
      if (units) {
        const [start, end] = units;
        highlight = el("mark", "highlight", text.slice(start, end));
        highlight.tabIndex = -1;
        article.append(text.slice(0, start), highlight, text.slice(end));
      } else {
        article.append(text);
      }
      body.append(article);
    }

    if (state.activeMarker) state.activeMarker.classList.remove("active");
    state.activeMarker = button || null;
    if (button) button.classList.add("active");

    const panel = $("source-panel");
    panel.dataset.open = "true";
    const narrow = window.matchMedia(NARROW).matches;
    if (narrow) $("panel-heading").focus({ preventScroll: true });
    if (highlight) {
      scrollToMark(body, highlight);
    } else {
      body.scrollTop = 0;
    }
    // near the page's end the sticky panel rests on the bottom of the brief, its heading (which
    // source this is) above the window: bring it into view, as a panel without a highlight always is
    if (!narrow && (!highlight || panel.getBoundingClientRect().top < 0)) panel.scrollIntoView({ block: "nearest" });
    setBriefStatus(
      highlight
        ? `Showing source ${number}, ${outletName(source)}, with the cited words highlighted.`
        : `Showing source ${number}, ${outletName(source)}.`,
    );
  }

  /** The span [start, end) of code points (as the API counts, docs/json-schema.md) as indices of the
   * text's UTF-16 units (as JavaScript counts: two for an emoji); null when it is not a span of the text. */
  function unitSpan(text, start, end) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) return null;
    let unit = 0;
    let startUnit = 0;
    for (let point = 0; point < end; point += 1) {
      if (point === start) startUnit = unit;
      if (unit >= text.length) return null;
      unit += text.codePointAt(unit) > 0xffff ? 2 : 1;
    }
    return [startUnit, unit];
  }

  /** Centre the highlight in the panel's own scroller; scroll the page only if it is still out of view. */
  function scrollToMark(scroller, mark) {
    const box = scroller.getBoundingClientRect();
    const target = mark.getBoundingClientRect();
    scroller.scrollTop += target.top - box.top - Math.max(0, (box.height - target.height) / 2);
    const after = mark.getBoundingClientRect();
    if (after.top < 0 || after.bottom > window.innerHeight) mark.scrollIntoView({ block: "nearest" });
  }

  function closePanel() {
    const panel = $("source-panel");
    if (panel.dataset.open !== "true") return;
    panel.dataset.open = "false";
    if (state.activeMarker && state.activeMarker.isConnected) state.activeMarker.focus();
  }

  /** On a narrow screen the open panel is a sheet over the lower part of the brief: the keyboard
   * leaving it (Tab, Shift+Tab) closes it, or the focus would go on under the sheet, out of sight. */
  function closeSheetLeftBehind(event) {
    const panel = $("source-panel");
    if (panel.dataset.open !== "true" || !window.matchMedia(NARROW).matches) return;
    if (event.target instanceof Node && panel.contains(event.target)) return;
    panel.dataset.open = "false";
  }

  // Analysis sections -----------------------------------------------------------------------

  function section(title, ...content) {
    return el("section", "analysis-section", el("h3", "", title), ...content);
  }

  /** The items as a list; past SHOWN_ITEMS, the rest behind a "show more" disclosure. */
  function listOrNone(items, render) {
    if (!Array.isArray(items) || !items.length) return el("p", "hint", "None found.");
    const rows = items.map((item) => ownDirection(el("li", "", ...render(item))));
    if (rows.length <= SHOWN_ITEMS + 2) return el("ul", "items", ...rows);
    const rest = rows.splice(SHOWN_ITEMS);
    return el(
      "div",
      "",
      el("ul", "items", ...rows),
      el("details", "more", el("summary", "", `Show ${rest.length} more`), el("ul", "items", ...rest)),
    );
  }

  function outletOf(span) {
    return outletName(state.byNumber.get(sourceNumber(span)) || { article_id: span.article_id });
  }

  /** First span per source, in source order: one marker per outlet. */
  function onePerSource(spans) {
    const first = new Map();
    for (const span of spans || []) if (!first.has(sourceNumber(span))) first.set(sourceNumber(span), span);
    return Array.from(first.entries())
      .sort((a, b) => a[0] - b[0])
      .map((entry) => entry[1]);
  }

  function analysisSections(analysis) {
    const ran = new Set(Array.isArray(analysis.ran) ? analysis.ran : []);
    const fragment = document.createDocumentFragment();
    if (!ran.size) return fragment;
    fragment.append(el("h2", "analysis-heading", "Across the sources"));
    if (ran.has("facts")) {
      fragment.append(
        section("Agreed facts", listOrNone(analysis.facts, (fact) => factItem(fact))),
        section("Claims only one outlet makes", listOrNone(analysis.claims, (claim) => [
          String(claim.text ?? ""), " ", el("span", "who", `— ${outletOf(claim)} only`), " ", markersFor([claim]),
        ])),
      );
    }
    if (ran.has("figures")) {
      fragment.append(
        figuresSection(analysis.figures || []),
        section("Conflicting figures", listOrNone(analysis.conflicts, (conflict) => conflictItem(conflict))),
        section("Disputed claims", listOrNone(analysis.disputes || [], (dispute) => disputeItem(dispute))),
      );
    }
    if (ran.has("quotes")) {
      fragment.append(section("Quotes", listOrNone(analysis.quotes, (quote) => quoteItem(quote)), unattributedNote(analysis.unattributed || [])));
    }
    if (ran.has("entities")) {
      fragment.append(section("Who and where", listOrNone(analysis.entities, (entity) => entityItem(entity))));
    }
    if (ran.has("framing")) fragment.append(section("Framing", framingContent(analysis.framing)));
    return fragment;
  }

  function factItem(fact) {
    const sentences = fact.sentences || [];
    const first = sentences[0] || {};
    const outlets = onePerSource(sentences).map(outletOf).join(", ");
    return [String(first.text ?? ""), " ", el("span", "who", `— ${outlets}`), " ", markersFor(sentences)];
  }

  /** "“More than 300”: more than 300 people (“More than 300 civilians have died …”), according to X",
   * as every download words a figure (sections._figure_item): its words, what it is and the words
   * around it in its sentence (the JSON's `normalized` and `context`, worded by the server), and
   * who said it. */
  function figureLine(figure) {
    let described = oneLine(figure.normalized);
    if (oneLine(figure.context)) described += ` (“${asInnerQuotation(oneLine(figure.context))}”)`;
    if (oneLine(figure.attribution)) described += `, according to ${oneLine(figure.attribution)}`;
    return [el("strong", "figure", `“${oneLine(figure.text)}”`), `: ${described}`];
  }

  /** Units whose value alone says nothing of what a figure is (sections.tells_something). */
  const BARE_UNITS = new Set(["count", "date", "year"]);

  /** The figures worth a line, as the downloads list them: a bare number, date or year with
   * nothing said of what it is tells a reader nothing; how many were left out is said. */
  function figuresSection(figures) {
    const telling = figures.filter((figure) => !BARE_UNITS.has(figure.unit) || oneLine(figure.what));
    const left = figures.length - telling.length;
    const note = left
      ? el("p", "hint", `Not listed: ${left} ${left === 1 ? "figure" : "figures"} with nothing said of what ${left === 1 ? "it is" : "they are"} (the JSON has ${left === 1 ? "it" : "them"}).`)
      : "";
    return section("Figures", telling.length || !figures.length ? listOrNone(telling, (figure) => figureItem(figure)) : el("p", "hint", "None worth a line."), note);
  }

  function figureItem(figure) {
    return [...figureLine(figure), " ", el("span", "who", `— ${outletOf(figure)}`), " ", markersFor([figure])];
  }

  function conflictItem(conflict) {
    const rows = (conflict.figures || []).map((figure) =>
      el("li", "", el("span", "who", `${outletOf(figure)}: `), ...figureLine(figure), " ", markersFor([figure])),
    );
    return [
      el("strong", "", oneLine(conflict.what)),
      oneLine(conflict.note) ? el("span", "who", ` — ${oneLine(conflict.note)}`) : "",
      el("ul", "sub-items", ...rows),
      conflictBasis(conflict),
    ];
  }

  // Issue 11: update or disagreement, the values compared in one unit, and why they were paired.
  function conflictBasis(conflict) {
    const values = (conflict.values || []).map((value) => `${value} ${conflict.unit || ""}`.trim()).join(" vs ");
    const parts = [
      conflict.kind === "update" ? "Not a disagreement: an update" : "",
      oneLine(conflict.timing),
      values ? `compared as ${values}` : "",
      oneLine(conflict.compared) ? `paired because ${oneLine(conflict.compared)}` : "",
    ].filter(Boolean);
    return parts.length ? el("span", "who", parts.join(". ")) : "";
  }

  /** The denying sentence with its denial words in bold, as the downloads show it (sections._with_cue). */
  function withCue(text, cue) {
    const at = cue ? text.indexOf(cue) : -1;
    if (at < 0) return [text];
    return [text.slice(0, at), el("strong", "", cue), text.slice(at + cue.length)];
  }

  function disputeItem(dispute) {
    const line = (sentence, cue) => [
      el("span", "who", `${outletOf(sentence)}: `),
      el("q", "quote", ...withCue(asInnerQuotation(oneLine(sentence.text)), oneLine(cue || ""))),
      " ",
      markersFor([sentence]),
    ];
    return [
      ...line(dispute.claim),
      el("div", "", "disputed by ", ...line(dispute.dispute, dispute.cue)),
      dispute.disputed && dispute.disputed.text !== dispute.dispute.text ? el("div", "who", `of: ${oneLine(dispute.disputed.text)}`) : "",
      // why the two were paired, as the downloads and the conflicts' "paired because" say it
      oneLine(dispute.compared) ? el("div", "who", `Matched because ${oneLine(dispute.compared)}.`) : "",
    ];
  }

  /** "“words” — Jennifer Cafarella (analyst with …) [2]", or "indirect: words — …", as every
   * download gives a quote (sections._quote_item); the speaker as the server names them. */
  function quoteItem(quote) {
    const words =
      quote.kind === "indirect"
        ? [el("em", "", "indirect:"), " ", el("span", "quote indirect", String(quote.text ?? ""))]
        : [el("q", "quote", asInnerQuotation(String(quote.text ?? "")))];
    return [...words, " ", el("span", "who", `— ${oneLine(quote.speaker_label)}`), " ", markersFor(onePerSource(quote.spans))];
  }

  /** The phrases in quote marks left out of the quotes (scare quotes, titles), counted as every
   * download counts them (sections._unattributed_note), each behind a disclosure with its marker. */
  function unattributedNote(spans) {
    if (!spans.length) return "";
    const phrases = spans.length === 1 ? "1 phrase" : `${spans.length} phrases`;
    const items = spans.map((span) => ownDirection(el("li", "", el("q", "quote", oneLine(span.text)), " ", markersFor([span]))));
    return el(
      "details",
      "more",
      el("summary", "", `Not listed: ${phrases} in quote marks with no speaker found (scare quotes, titles, words mentioned, unattributed quotes)`),
      el("ul", "items", ...items),
    );
  }

  function entityItem(entity) {
    const counts = (entity.counts || [])
      .map((count) => `${outletOf(count)} ${count.count}`)
      .join(" · ");
    const variants = (entity.variants || []).map(oneLine).filter(Boolean);
    return [
      el("strong", "", oneLine(entity.name)),
      " ",
      el("span", "tag", oneLine(entity.kind)),
      " ",
      el("span", "who", `${plural(entity.total || 0, "mention")}${counts ? `: ${counts}` : ""}`),
      variants.length ? el("span", "who", `; also “${variants.join("”, “")}”`) : "",
      " ",
      markersFor(onePerSource(entity.mentions)),
    ];
  }

  function framingContent(framing) {
    if (!framing || typeof framing !== "object") return el("p", "hint", "None found.");
    const box = document.createDocumentFragment();
    const outlets = (framing.outlets || []).map((outlet) => {
      const terms = (outlet.distinctive || []).map((term) => `${oneLine(term.term)} (${term.count})`).join(", ");
      const markers = (outlet.opinion_markers || []).map(oneLine).filter(Boolean);
      // one decimal, as the downloads: rounded to a whole percent, NPR's 0.4% read "0% opinion words" above its markers
      const opinion = typeof outlet.opinion === "number" ? ` · ${(outlet.opinion * 100).toFixed(1)}% opinion words` : "";
      return el(
        "li",
        "",
        el("strong", "", outletOf(outlet)),
        " ",
        markersFor([{ source: outlet.source, article_id: outlet.article_id }]),
        " ",
        el("span", "tag", oneLine(outlet.style)),
        el("span", "who", opinion),
        terms ? el("div", "", "Distinctive words: ", el("span", "terms", terms)) : "",
        markers.length ? el("div", "", "Opinion markers: ", el("span", "terms", markers.join(", "))) : "",
      );
    });
    box.append(el("h4", "", "Each outlet's words"), outlets.length ? el("ul", "items", ...outlets) : el("p", "hint", "None found."));
    const actors = (framing.actors || []).map((actor) => {
      const names = (actor.names || []).map((entry) =>
        el(
          "li",
          "",
          el("span", "who", `${outletOf(entry)}: `),
          (entry.names || []).map((name) => `“${oneLine(name.name)}” (${name.count})`).join(", "),
        ),
      );
      return el("li", "", el("strong", "", oneLine(actor.actor)), el("ul", "sub-items", ...names));
    });
    if (actors.length) box.append(el("h4", "", "Names for the same actors"), el("ul", "items", ...actors));
    return box;
  }

  // The explanation -------------------------------------------------------------------------
  //
  // What `--explain` adds, from the brief JSON the page already has (its removals, citations and
  // timing_ms): shown under the brief while Explain is ticked, so ticking it asks nothing again.

  function explanation(data) {
    return el(
      "div",
      "",
      el("h2", "analysis-heading", "How the brief was made"),
      section("What cleaning removed", listOrNone(data.removals, removalItem)),
      section("What each citation was compared with", citationList(data.summary)),
      section("Time per stage", el("p", "timing", timingLine(data.timing_ms))),
    );
  }

  /** "npr, copyright line: “Copyright 2016 NPR…”", as the CLI's --explain lists a removal. */
  function removalItem(removal) {
    return [
      el("strong", "", outletName(state.byArticle.get(removal.article_id) || { article_id: removal.article_id })),
      `, ${oneLine(removal.reason)}: `,
      el("q", "quote", asInnerQuotation(preview(removal.text))),
    ];
  }

  /** The text on one line, cut at a word near PREVIEW_CHARS with an ellipsis (as sections.preview). */
  function preview(text) {
    const line = oneLine(text);
    if (line.length <= PREVIEW_CHARS) return line;
    const cut = line.lastIndexOf(" ", PREVIEW_CHARS - 1);
    return `${line.slice(0, cut > PREVIEW_CHARS / 2 ? cut : PREVIEW_CHARS).trimEnd()}…`;
  }

  /** Each summary line and the source sentences it was compared with: their place and similarity. */
  function citationList(summary) {
    if (!Array.isArray(summary) || !summary.length) return el("p", "hint", "No summary lines.");
    const lines = summary.map((line, index) => {
      const rows = (line.citations || []).map((citation) =>
        ownDirection(
          el(
            "li",
            "",
            markersFor([citation]),
            " ",
            el("span", "who", `${outletOf(citation)}, sentence ${citation.sentence_index}, similarity ${similarity(citation)}: `),
            el("q", "quote", asInnerQuotation(oneLine(citation.text))),
          ),
        ),
      );
      return el("li", "", `Summary line ${index + 1}`, el("ul", "sub-items", ...rows));
    });
    return el("ol", "items", ...lines);
  }

  function similarity(citation) {
    return typeof citation.similarity === "number" ? citation.similarity.toFixed(2) : "unknown";
  }

  /** "clean 3.3 ms · segment 3.7 ms · … · total 21.9 ms", as the CLI's --explain prints it. */
  function timingLine(timing) {
    const stages = timing && typeof timing === "object" ? Object.entries(timing) : [];
    const parts = stages.filter(([, ms]) => typeof ms === "number").map(([stage, ms]) => `${oneLine(stage)} ${ms.toFixed(1)} ms`);
    return parts.length ? parts.join(" · ") : "The server sent no timing.";
  }

  // Downloads -------------------------------------------------------------------------------

  /** The name the server gave the brief (Content-Disposition), without its extension: a slug of
   * the story's headline, so that the briefs of several stories saved in one folder are told
   * apart (all called brief.md, they came out as "brief (1).md", "brief (2).md"). */
  function fileStemOf(response) {
    const match = FILE_NAME.exec(response.headers.get("Content-Disposition") || "");
    return match ? match[1] : FALLBACK_STEM;
  }

  /** The file name of the brief on show in a format: "aleppo-falls.md". */
  function fileNameFor(outputFormat) {
    return `${state.fileStem}.${EXTENSIONS[outputFormat]}`;
  }

  function download(fileName, text, type) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
    setBriefStatus(`Downloaded ${fileName}.`);
  }

  /** Ask the server for the brief on show in another format and save what it sends, byte for byte:
   * the page renders nothing itself, so a download is what `newsbrief summarize --format` writes
   * (with `--explain` when Explain is ticked). It makes the brief again, as long a wait: Cancel stops it. */
  async function downloadAs(outputFormat, fileName, button) {
    if (!state.request && !state.briefUrl) return;
    showBriefError("");
    setBriefStatus(`Preparing ${fileName}…`);
    const query = `format=${encodeURIComponent(outputFormat)}${explainChosen() ? "&explain=true" : ""}`;
    const controller = startPending("downloads", button, $("download-cancel"));
    try {
      const response = state.briefUrl
        ? await fetch(`${state.briefUrl}&${query}`, { signal: controller.signal })
        : await fetch(`/v1/briefs?${query}`, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(state.request),
            signal: controller.signal,
          });
      const text = await response.text();
      if (!response.ok) {
        let payload = null;
        try {
          payload = JSON.parse(text);
        } catch {
          payload = null;
        }
        showBriefError(describeError(payload, response.status, undefined, state.briefUrl ? [] : state.names));
        setBriefStatus("");
        return;
      }
      download(fileName, text, response.headers.get("Content-Type") || "text/plain");
    } catch (error) {
      if (controller.signal.aborted) {
        setBriefStatus(`${fileName} cancelled, and the server stops making it.`);
        return;
      }
      showBriefError(unreachable(error));
      setBriefStatus("");
    } finally {
      endPending("downloads", controller, button, $("download-cancel"));
    }
  }

  /** Untick and disable the analyses that need the NLP model when the server says it is not installed. */
  async function checkHealth() {
    try {
      const response = await fetch("/v1/health", { headers: { Accept: "application/json" } });
      const health = await response.json();
      if (!response.ok || health.nlp !== false) return;
      for (const box of document.querySelectorAll('input[name="analysis"]')) {
        if (box.value === "facts") continue;
        box.checked = false;
        box.disabled = true;
      }
      $("analyses-note").textContent = "This server has no NLP model: only agreed facts and single-outlet claims are available.";
    } catch {
      // the server will say what is wrong when the brief is asked for
    }
  }

  // Stories ---------------------------------------------------------------------------------
  //
  // The "Stories" view (#stories): the latest stories of the server's store (newsbrief serve --db),
  // newest first; opening one asks GET /v1/stories/{id}/brief for its brief, shown by showBrief.
  // A server without a store answers 404, and the view says how to start one that has it.

  const STORY_STEP = 50; // stories listed at first, and added by each "Show older stories"
  const MAX_STORY_LIMIT = 500; // the API's bound on ?limit=
  let storyLimit = STORY_STEP;
  let storiesLoading = null; // the request in flight, so that a second click does not start another
  let listNote = ""; // what the list shows ("All 19 stories, newest first."), said again after a brief

  function startStories() {
    window.addEventListener("hashchange", showView);
    $("stories-refresh").addEventListener("click", () => loadStories());
    $("stories-more").addEventListener("click", showOlderStories);
    showView();
  }

  function inStoriesView() {
    return window.location.hash === "#stories";
  }

  /** Show the view the address names: the stories, or the form for your own articles. */
  function showView() {
    const stories = inStoriesView();
    $("brief-form").hidden = stories;
    $("stories").hidden = !stories;
    $("view-articles").setAttribute("aria-current", stories ? "false" : "page");
    $("view-stories").setAttribute("aria-current", stories ? "page" : "false");
    $("result").hidden = !state.data || state.briefView !== (stories ? "stories" : "articles");
    if (stories && !$("story-list").childElementCount) loadStories();
  }

  function setStoriesNote(message) {
    $("stories-note").textContent = message;
  }

  function showStoriesError(message) {
    const box = $("stories-error");
    box.textContent = message;
    box.hidden = !message;
  }

  /** Fetch and list the latest stories. */
  function loadStories() {
    if (!storiesLoading) storiesLoading = fetchStories().finally(() => (storiesLoading = null));
    return storiesLoading;
  }

  async function fetchStories() {
    showStoriesError("");
    setStoriesNote("Loading the latest stories…");
    try {
      const response = await fetch(`/v1/stories?limit=${storyLimit}`, { headers: { Accept: "application/json" } });
      let payload = null;
      try {
        payload = await response.json();
      } catch {
        payload = null;
      }
      const list = $("story-list");
      clear(list);
      $("stories-more").hidden = true;
      if (response.status === 404) {
        setStoriesNote(
          "This server has no story store. Start it with “newsbrief serve --db FILE”, where FILE is the store " +
            "that “newsbrief watch FEEDS --db FILE” or “newsbrief cluster … --db FILE” fills.",
        );
        return;
      }
      if (!response.ok || !payload || !Array.isArray(payload.stories)) {
        setStoriesNote("");
        showStoriesError(describeError(payload, response.status, "list the stories"));
        return;
      }
      for (const story of payload.stories) list.append(storyItem(story));
      const total = Number(payload.total) || 0;
      const stories = `${total} ${total === 1 ? "story" : "stories"}`;
      const shown = payload.stories.length;
      listNote =
        total === 0
          ? "The store has no stories yet: add articles to it with “newsbrief watch FEEDS --db FILE” or " +
            "“newsbrief cluster … --db FILE”, then Refresh."
          : `${shown === total ? `All ${stories}` : `The latest ${shown} of ${stories}`}, newest first.`;
      setStoriesNote(listNote);
      showMoreButton(shown, total);
    } catch (error) {
      setStoriesNote("");
      showStoriesError(unreachable(error));
    }
  }

  /** "Show older stories" while the store holds more than the list shows and the API gives more:
   * without it, "The latest 50 of 119 stories" left the other 69 out of reach. */
  function showMoreButton(shown, total) {
    const more = $("stories-more");
    const next = Math.min(total - shown, MAX_STORY_LIMIT - storyLimit, STORY_STEP);
    more.hidden = shown < storyLimit || next <= 0;
    more.textContent = `Show ${next} older ${next === 1 ? "story" : "stories"}`;
  }

  /** List more stories, and move the focus to the first one added, where the reader goes on. */
  async function showOlderStories() {
    const before = $("story-list").childElementCount;
    storyLimit = Math.min(storyLimit + STORY_STEP, MAX_STORY_LIMIT);
    await loadStories();
    const first = $("story-list").children[before];
    const target = first && first.querySelector(".story-open");
    if (target) {
      target.focus();
    } else if (!$("stories-more").hidden) {
      $("stories-more").focus();
    }
  }

  /** "2010-05-27 – 2010-05-28", one date when both are the same, or "undated". */
  function storyDates(story) {
    const first = oneLine(story.first_published);
    const last = oneLine(story.last_published);
    if (!first && !last) return "undated";
    return first && last && first !== last ? `${first} – ${last}` : first || last;
  }

  function storyItem(story) {
    const count = (story.articles || []).length;
    const copies = Object.keys(story.duplicates || {}).length;
    const outlets = (story.outlets || []).map(oneLine).filter(Boolean);
    const open = el("button", "link-button story-open", oneLine(story.title) || "Untitled story");
    open.type = "button";
    open.addEventListener("click", () => openStory(story, open));
    const item = el(
      "li",
      "story",
      ownDirection(el("h3", "", open)),
      el(
        "p",
        "story-meta",
        el("span", "story-count", `${count} ${count === 1 ? "article" : "articles"}`),
        copies ? ` (${copies} ${copies === 1 ? "copy" : "copies"})` : "",
        " · ",
        el("span", "story-outlets", outlets.length ? outlets.join(", ") : "outlet unknown"),
        " · ",
        el("span", "story-dates", storyDates(story)),
      ),
    );
    item.dataset.story = String(story.id ?? "");
    return item;
  }

  /** Ask for a story's brief, with the options of the form (length, sentences, style, analyses), and show it. */
  async function openStory(story, button) {
    const options = chosenOptions();
    if (options.error) {
      // the brief would otherwise come with the server's defaults, unsaid
      showStoriesError(`${options.error} Set it under “Your articles”.`);
      return;
    }
    const params = new URLSearchParams(Object.entries(options.values).map(([name, value]) => [name, String(value)]));
    const briefUrl = `/v1/stories/${encodeURIComponent(String(story.id ?? ""))}/brief?${params}`;
    showStoriesError("");
    setStoriesNote(`Making the brief of “${oneLine(story.title) || "the story"}”…`);
    const controller = startPending("stories", button, $("stories-cancel"));
    const ticket = ++state.briefSerial;
    const asked = performance.now();
    try {
      // always with explain: its articles are what the citations point into (the panel shows them)
      const response = await fetch(`${briefUrl}&format=json&explain=true&timing=true`, {
        headers: { Accept: "application/json" },
        signal: controller.signal,
      });
      const raw = await response.text();
      let payload = null;
      try {
        payload = JSON.parse(raw);
      } catch {
        payload = null;
      }
      if (ticket !== state.briefSerial) return; // another brief was asked for since: that one is shown
      if (!response.ok || !isBrief(payload)) {
        setStoriesNote("");
        showStoriesError(response.ok ? "The server sent a reply that is not a brief." : describeError(payload, response.status));
        return;
      }
      state.raw = raw;
      state.fileStem = fileStemOf(response);
      state.request = null;
      state.briefUrl = briefUrl;
      state.briefView = "stories";
      for (const other of document.querySelectorAll(".story-open[aria-current]")) other.removeAttribute("aria-current");
      button.setAttribute("aria-current", "true");
      showBrief(payload, performance.now() - asked);
      const line = $("brief-story");
      ownDirection(line).textContent = oneLine(story.title) || "Untitled story";
      line.hidden = false;
      setStoriesNote(`${listNote} Brief ready: ${plural(payload.words || 0, "word")} from ${plural((payload.sources || []).length, "source")}.`);
    } catch (error) {
      if (controller.signal.aborted) {
        setStoriesNote([listNote, CANCELLED].filter(Boolean).join(" "));
        return;
      }
      if (ticket !== state.briefSerial) return;
      setStoriesNote("");
      showStoriesError(unreachable(error));
    } finally {
      endPending("stories", controller, button, $("stories-cancel"));
    }
  }

  // Start -----------------------------------------------------------------------------------

  function start() {
    addArticle();
    $("add-article").addEventListener("click", () => addArticle().querySelector(".input-text").focus());
    $("brief-form").addEventListener("submit", submit);
    $("panel-close").addEventListener("click", closePanel);
    document.addEventListener("focusin", closeSheetLeftBehind);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && window.matchMedia(NARROW).matches) closePanel();
    });
    $("download-json").addEventListener("click", () => state.data && download(fileNameFor("json"), state.raw, "application/json"));
    $("download-md").addEventListener("click", () => downloadAs("md", fileNameFor("md"), $("download-md")));
    $("download-html").addEventListener("click", () => downloadAs("html", fileNameFor("html"), $("download-html")));
    $("download-cancel").addEventListener("click", () => cancelPending("downloads"));
    $("cancel").addEventListener("click", () => cancelPending("articles"));
    $("stories-cancel").addEventListener("click", () => cancelPending("stories"));
    $("explain").addEventListener("change", () => ($("explained").hidden = !explainChosen() || !state.data));
    setUpDropZone();
    checkHealth();
    startStories();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
