// Project home: follow the check running behind the page, then show what it found.
"use strict";
(() => {
  const section = document.getElementById("check");
  if (!section) return;
  const $ = (id) => document.getElementById(id);
  async function follow(job) {
    const snap = await (await fetch(`/jobs/${job}`, {credentials: "same-origin"})).json();
    $("check-progress").value = snap.percent;
    if (snap.lines.length) $("check-state").textContent = snap.lines[snap.lines.length - 1];
    if (snap.state === "running") { setTimeout(() => follow(job), 250); return; }
    const found = await (await fetch("/home/results", {credentials: "same-origin"})).json();
    if (found.job) { follow(found.job); return; }  // a file changed meanwhile: checked again
    $("results").innerHTML = found.html;
    $("count-flags").textContent = found.flags;
    section.hidden = true;
    Studio.say(snap.state === "done" ? "Checked." : snap.lines.join(" "), snap.state !== "done");
  }
  follow(section.dataset.job);
})();
