// The traces page: a list of runs and one run's span tree, both read from the JSON API beside it
// (/api/runs, /api/runs/{job_id}) and refreshed while runs are going. No framework, nothing from
// elsewhere; every value is written with textContent.
"use strict";

const PAGE_SIZE = 50;
const LIST_REFRESH_MS = 2000;
const RUN_REFRESH_MS = 1000;
const state = { offset: 0, timer: null, selected: null, runId: null };

const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (k === "class") node.className = v;
    else if (k.startsWith("data-")) node.setAttribute(k, v);
    else node[k] = v;
  });
  children.flat().forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function ms(value) {
  if (value === undefined || value === null) return "";
  if (value < 1) return value.toFixed(2) + " ms";
  if (value < 1000) return Math.round(value) + " ms";
  if (value < 60000) return (value / 1000).toFixed(2) + " s";
  return Math.floor(value / 60000) + " min " + Math.round((value % 60000) / 1000) + " s";
}

function when(iso) {
  const d = new Date(iso);
  return d.toLocaleString();
}

function badge(status) {
  return el("span", { class: "badge " + status }, status);
}

async function getJson(url) {
  // relative to the page without any user:password of the address bar (fetch refuses URLs that hold them)
  const response = await fetch(new URL(url, location.origin + location.pathname), { headers: { Accept: "application/json" } });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : "HTTP " + response.status);
  return body;
}

function showProblem(message) {
  const p = $("problem");
  p.hidden = !message;
  p.textContent = message || "";
}

function schedule(fn, delay) {
  clearTimeout(state.timer);
  state.timer = setTimeout(fn, delay);
  $("live").classList.add("on");
}

function route() {
  clearTimeout(state.timer);
  $("live").classList.remove("on");
  const match = location.hash.match(/^#\/runs\/(.+)$/);
  $("list-view").hidden = !!match;
  $("run-view").hidden = !match;
  if (match) {
    const id = decodeURIComponent(match[1]);
    if (state.runId !== id) state.selected = null;
    state.runId = id;
    loadRun(id);
  } else {
    state.runId = null;
    loadList();
  }
}

// ---- the list of runs

async function loadList() {
  const status = $("status-filter").value;
  const query = new URLSearchParams({ offset: state.offset, limit: PAGE_SIZE });
  if (status) query.set("status", status);
  try {
    const page = await getJson("api/runs?" + query);
    renderList(page);
    showProblem(null);
  } catch (e) {
    showProblem("Cannot read the runs: " + e.message);
  }
  if (!$("list-view").hidden) schedule(loadList, LIST_REFRESH_MS);
}

function renderList(page) {
  const rows = page.runs.map((run) => {
    const link = el("a", { href: "#/runs/" + encodeURIComponent(run.job_id), class: "run-link" }, run.job_id);
    const row = el("tr", { class: "run-row", "data-job-id": run.job_id, "data-status": run.status },
      el("td", {}, when(run.started_at)),
      el("td", {}, link),
      el("td", {}, run.workflow + " " + run.workflow_version),
      el("td", {}, badge(run.status)),
      el("td", { class: "num" }, ms(run.duration_ms)),
      el("td", { class: "num" }, run.node_count),
      el("td", { class: "num" }, run.llm_attempts),
      el("td", { class: "num" }, run.input_tokens + " / " + run.output_tokens),
      el("td", { class: "error-cell" }, run.error ? run.error.message : ""));
    row.addEventListener("click", (ev) => {
      if (ev.target.tagName !== "A") location.hash = "#/runs/" + encodeURIComponent(run.job_id);
    });
    return row;
  });
  $("runs").tBodies[0].replaceChildren(...rows);
  $("empty").hidden = page.total > 0;
  const last = Math.min(page.offset + page.runs.length, page.total);
  $("run-count").textContent = page.total === 0 ? "" : (page.offset + 1) + "-" + last + " of " + page.total;
  $("newer").disabled = page.offset === 0;
  $("older").disabled = last >= page.total;
}

// ---- one run

async function loadRun(id) {
  let trace = null;
  try {
    trace = await getJson("api/runs/" + encodeURIComponent(id));
    renderRun(trace);
    showProblem(null);
  } catch (e) {
    showProblem("Cannot read run " + id + ": " + e.message);
  }
  if (state.runId === id && (!trace || trace.summary.status === "running")) {
    schedule(() => loadRun(id), RUN_REFRESH_MS);
  } else {
    $("live").classList.remove("on");
  }
}

function renderRun(trace) {
  const run = trace.summary;
  $("run-title").replaceChildren(run.workflow + " \u2014 job " + run.job_id + " ", badge(run.status));
  const facts = [
    ["Workflow", run.workflow + " " + run.workflow_version],
    ["Started", when(run.started_at)],
    ["Duration", ms(run.duration_ms) + (run.status === "running" ? " so far" : "")],
    ["Nodes", run.node_count],
    ["LLM calls", run.llm_attempts],
    ["Tokens", run.input_tokens + " in / " + run.output_tokens + " out"],
    ["Trace id", trace.trace_id],
  ];
  if (!trace.prompts_logged) facts.push(["Prompts", "not logged (sizes only)"]);
  $("run-facts").replaceChildren(...facts.flatMap(([k, v]) => [el("dt", {}, k), el("dd", {}, v)]));
  const error = $("run-error");
  error.hidden = !run.error;
  error.textContent = run.error ? errorText(run.error) : "";
  $("run-inputs").textContent = JSON.stringify(trace.inputs, null, 2);
  $("run-outputs").textContent = trace.outputs ? JSON.stringify(trace.outputs, null, 2) : "(none)";
  renderTree(trace);
}

function errorText(error) {
  return error.type + (error.node ? " at node \"" + error.node + "\"" : "") + ": " + error.message;
}

function spanLabel(span) {
  if (span.kind === "node") {
    let label = span.node_id;
    if (span.iteration > 1) label += " #" + span.iteration;
    if (span.item !== undefined) label += " [item " + span.item + "]";
    return label;
  }
  if (span.kind === "tool") return span.tool + " (round " + span.round + ")";
  return span.provider + "/" + span.model + " attempt " + span.attempt;
}

function renderTree(trace) {
  const run = trace.summary;
  const start = Date.parse(run.started_at);
  const total = Math.max(run.duration_ms, 0.001);
  const root = { kind: "run", span_id: trace.span_id, status: run.status === "completed" ? "ok" : run.status === "running" ? "running" : "error",
    started_at: run.started_at, duration_ms: run.duration_ms, label: run.workflow, depth: 0, error: run.error ? run.error.message : null };
  const rows = [root];
  const children = new Map();
  trace.spans.forEach((s) => {
    if (!children.has(s.parent_span_id)) children.set(s.parent_span_id, []);
    children.get(s.parent_span_id).push(s);
  });
  const walk = (parentId, depth) => (children.get(parentId) || []).forEach((s) => {
    rows.push(Object.assign({}, s, { depth, label: spanLabel(s),
      error: s.kind === "node" ? (s.error ? errorText(s.error) : null) : (s.error || null) }));
    walk(s.span_id, depth + 1);
  });
  walk(trace.span_id, 1);
  const byId = new Map(trace.spans.map((s) => [s.span_id, s]));
  $("span-tree").replaceChildren(...rows.map((r) => spanRow(r, start, total, byId, trace)));
  if (state.selected) showDetails(state.selected === trace.span_id ? root : byId.get(state.selected), trace);
}

function spanRow(r, start, total, byId, trace) {
  const offset = Math.max(0, Date.parse(r.started_at) - start);
  const width = r.duration_ms === undefined ? Math.max(0, total - offset) : r.duration_ms;
  const bar = el("div", { class: "bar " + (r.kind === "llm" || r.kind === "tool" ? r.kind + " " : "") + r.status });
  bar.style.left = Math.min(100, (offset / total) * 100) + "%";
  bar.style.width = Math.min(100, (width / total) * 100) + "%";
  const name = el("div", { class: "span-name" }, el("span", { class: "kind" }, r.kind), r.label);
  name.style.paddingLeft = (r.depth * 16) + "px";
  if (r.error) name.append(el("span", { class: "span-error" }, r.error));
  const row = el("div", { class: "span-row " + r.status + (state.selected === r.span_id ? " selected" : ""),
      "data-span-id": r.span_id, "data-kind": r.kind, role: "treeitem" },
    name, el("div", { class: "lane" }, bar), el("div", { class: "span-time" }, ms(r.duration_ms)));
  row.addEventListener("click", () => {
    state.selected = r.span_id;
    document.querySelectorAll(".span-row.selected").forEach((x) => x.classList.remove("selected"));
    row.classList.add("selected");
    showDetails(r.kind === "run" ? r : byId.get(r.span_id), trace);
  });
  return row;
}

function showDetails(span, trace) {
  const box = $("span-details");
  if (!span) { box.hidden = true; return; }
  const parts = [];
  const section = (title, text) => parts.push(el("h3", {}, title), el("pre", {}, text));
  const payload = (p) => p.text !== undefined ? p.text + (p.truncated ? "\n[cut: " + p.chars + " characters in all]" : "") : "[not logged: " + p.chars + " characters]";
  if (span.kind === "run") {
    section("Run", "job " + trace.summary.job_id + ", " + trace.summary.status + ", " + ms(trace.summary.duration_ms));
    if (span.error) section("Error", span.error);
  } else if (span.kind === "node") {
    section("Node", spanLabel(span) + " (step " + span.step + "), " + span.status + (span.duration_ms !== undefined ? ", " + ms(span.duration_ms) : ""));
    if (span.error) section("Error", errorText(span.error));
    if (span.updates && Object.keys(span.updates).length) section("State updates", JSON.stringify(span.updates, null, 2));
    if (span.route) section("Route", "to " + span.route.to.join(", ") + ": " + span.route.reason
      + (span.route.failed_conditions && span.route.failed_conditions.length ? "\nconditions that could not be evaluated:\n" + span.route.failed_conditions.join("\n") : ""));
  } else if (span.kind === "tool") {
    section("Tool call", span.tool + ", call " + span.call_id + ", round " + span.round + ", " + span.status
      + (span.duration_ms !== undefined ? ", " + ms(span.duration_ms) : ""));
    if (span.error) section("Error", span.error);
    section("Arguments", payload(span.arguments));
    if (span.result) section("Result (as sent to the model)", payload(span.result));
  } else {
    section("LLM attempt", span.provider + "/" + span.model + ", attempt " + span.attempt + ", " + (span.outcome || "in flight")
      + (span.latency_ms !== undefined ? ", " + ms(span.latency_ms) : "")
      + (span.input_tokens !== undefined ? ", tokens " + span.input_tokens + " in / " + span.output_tokens + " out" : ""));
    if (span.error) section("Error", span.error);
    if (span.retry_reason) section("Retried because", span.retry_reason + (span.retry_in_ms !== undefined ? " (next attempt after " + ms(span.retry_in_ms) + ")" : ""));
    section("Prompt", payload(span.prompt));
    if (span.response) section("Response", payload(span.response));
    if (span.result && Object.keys(span.result).length) section("Parsed result", JSON.stringify(span.result, null, 2));
  }
  box.replaceChildren(...parts);
  box.hidden = false;
}

document.addEventListener("DOMContentLoaded", () => {
  $("status-filter").addEventListener("change", () => { state.offset = 0; loadList(); });
  $("newer").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE_SIZE); loadList(); });
  $("older").addEventListener("click", () => { state.offset += PAGE_SIZE; loadList(); });
  window.addEventListener("hashchange", route);
  route();
});
