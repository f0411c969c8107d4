// The review queue: one flag at a time, one key per decision, the next one already on screen.
"use strict";
(() => {
  const section = document.getElementById("review");
  const data = JSON.parse(document.getElementById("queue-data").textContent);
  let items = data.items, version = data.version, done = 0, pending = 0;
  let chain = Promise.resolve();  // decisions are written one after another, each with the last version
  const inTurn = (work) => (chain = chain.then(work, work));
  const history = [];  // [{token, decision, removed: [{item, index}]}]
  const $ = (id) => document.getElementById(id);
  const keys = {p: "person", l: "place", o: "organisation", i: "other", h: "here", e: "everywhere"};

  function show() {
    const item = items[0];
    $("card").hidden = !item;
    $("done").hidden = !!item || pending > 0;  // "done" only once every decision is on disk
    $("progress").textContent = item ? `${items.length} word(s) to review · ${done} decided`
      : pending ? `Saving the last decisions…` : `All reviewed · ${done} decided`;
    $("undo").disabled = history.length === 0;
    if (!item) return;
    $("flag-where").textContent = `${item.where} · ${item.excerpt}`;
    const quote = $("flag-text");
    quote.replaceChildren(item.before, Object.assign(document.createElement("mark"), {textContent: item.token}), item.after);
    $("flag-kind").textContent = `Flagged as: ${item.kind}`;
  }

  async function refill() {
    const response = await fetch("/review/queue.json", {credentials: "same-origin"});
    const fresh = await response.json();
    items = fresh.items; version = fresh.version;
    show();
  }

  async function decide(decision) {
    const item = items[0];
    if (!item) return;
    const sameWord = (other) => decision !== "here" && other.token === item.token;
    const removed = items.map((it, index) => ({item: it, index})).filter(({item: it}) => it === item || sameWord(it));
    items = items.filter((it) => !(it === item || sameWord(it)));
    done += 1;
    history.push({token: item.token, decision, removed, where: item.excerpt, context: item.context});
    pending += 1;
    show();
    await inTurn(async () => {
      try {
        const answer = await Studio.post("/review/decide", {flag: item.key, token: item.token, decision, version});
        version = answer.version;
        Studio.say(`“${item.token}”: ${decision === "everywhere" ? "safe everywhere" : decision}.`);
      } catch (e) {
        const entry = history.pop();
        if (entry) restore(entry);
      } finally {
        pending -= 1;
        if (pending === 0 && items.length === 0) await refill(); else show();
      }
    });
  }

  function restore(entry) {
    for (const {item, index} of entry.removed) items.splice(Math.min(index, items.length), 0, item);
    done -= 1;
    show();
  }

  async function undo() {
    const entry = history.pop();
    if (!entry) return;
    restore(entry);
    await inTurn(async () => {
      try {
        const answer = await Studio.post("/review/undo", {token: entry.token, decision: entry.decision, version,
                                                            where: entry.where, context: entry.context});
        version = answer.version;
        Studio.say(`Undone: “${entry.token}”.`);
      } catch (e) { await refill(); }
    });
  }

  section.addEventListener("click", (event) => {
    const button = event.target.closest("button");
    if (!button) return;
    if (button.id === "undo") undo();
    else if (button.dataset.decision) decide(button.dataset.decision);
  });
  document.addEventListener("keydown", (event) => {
    if (Studio.typing(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (keys[key]) { event.preventDefault(); decide(keys[key]); }
    else if (key === "u") { event.preventDefault(); undo(); }
  });
  window.addEventListener("beforeunload", (event) => { if (pending) event.preventDefault(); });
  show();
})();
