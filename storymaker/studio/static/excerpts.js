// The excerpts table: tick rows, apply audience/consent/sensitive to them; withdraw a participant.
"use strict";
(() => {
  const ticks = () => [...document.querySelectorAll("input.tick")];
  document.getElementById("tick-all").addEventListener("change", (event) => {
    ticks().forEach((box) => { box.checked = event.target.checked; });
  });
  document.getElementById("bulk").addEventListener("submit", async (event) => {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = {ids: ticks().filter((b) => b.checked).map((b) => b.value),
                  versions: JSON.parse(document.getElementById("versions").textContent)};
    for (const name of ["audience", "consent", "sensitive"]) body[name] = form.get(name);
    try {
      const answer = await Studio.post("/excerpts/edit", body);
      Studio.say(answer.message);
      setTimeout(() => window.location.reload(), 400);
    } catch (e) { /* shown */ }
  });
  document.getElementById("withdraw").addEventListener("submit", async (event) => {
    event.preventDefault();
    const participant = new FormData(event.target).get("participant");
    if (!window.confirm(`Withdraw ${participant}? Every story will be rebuilt without their words.`)) return;
    try {
      const answer = await Studio.post("/excerpts/withdraw", {participant, version: event.target.dataset.version});
      Studio.say(answer.message);
      setTimeout(() => window.location.reload(), 400);
    } catch (e) { /* shown */ }
  });
})();
