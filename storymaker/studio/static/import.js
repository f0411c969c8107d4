// The Import screen: every change re-plans the values and the preview; Import runs it.
"use strict";
(() => {
  const form = document.getElementById("import-form");
  if (!form) return;
  const upload = form.dataset.upload;
  function collect() {
    const data = {columns: {}, consent: {}, audience: {}, codes: {}, participants: {}};
    form.querySelectorAll("[data-column]").forEach((el) => { if (el.value) data.columns[el.dataset.column] = el.value; });
    const sep = form.querySelector("[data-separator]");
    data.separator = sep ? sep.value : ";";
    form.querySelectorAll("[data-map]").forEach((el) => { data[el.dataset.map][el.dataset.raw] = el.value; });
    form.querySelectorAll("[data-participant]").forEach((el) => { data.participants[el.dataset.raw] = el.value.trim(); });
    const fallback = form.querySelector("[data-default-audience]");
    data.default_audience = fallback ? fallback.value : "";
    return data;
  }
  form.addEventListener("change", async (event) => {
    if (!event.target.matches("[data-column], [data-separator], [data-map], [data-default-audience], [data-participant]")) return;
    try {
      const answer = await Studio.post(`/import/${upload}/plan`, collect());
      const values = document.getElementById("values");
      if (values) values.innerHTML = answer.html;
    } catch (e) { /* shown */ }
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    Studio.say("Importing…");
    try {
      const answer = await Studio.post(`/import/${upload}/run`, collect());
      const list = document.getElementById("report-lines");
      list.replaceChildren(...answer.lines.map((line) => Object.assign(document.createElement("li"), {textContent: line})));
      document.getElementById("report").hidden = false;
      Studio.say("Imported.");
      document.getElementById("report-heading").scrollIntoView();
    } catch (e) { /* shown */ }
  });
})();
