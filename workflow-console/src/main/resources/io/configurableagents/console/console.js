'use strict';
// The workflow console's page: plain JavaScript, nothing loaded from elsewhere. Every request
// carries the session's token (header X-Console-Token); the server judges the workflow, the
// environment and the deploy settings, this page only shows what it answers (docs/console.md).
(() => {
  const TOKEN = document.querySelector('meta[name="console-token"]').content;
  const VALIDATE_DELAY_MS = 300;
  const CONTAINERS_EVERY_MS = 3000;
  const MAX_LOG_LINES = 5000;
  const $ = (id) => document.getElementById(id);

  class ConsoleError extends Error {
    constructor(message, status, body) {
      super(message);
      this.status = status;
      this.body = body;
    }
  }

  // ---- talking to the console ------------------------------------------------------------------

  async function api(method, path, body) {
    const init = { method, headers: { 'X-Console-Token': TOKEN } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      connection(false);
      throw new ConsoleError('The console does not answer: is mvn workflow:console still running?', 0, null);
    }
    connection(true);
    let json = null;
    try {
      json = await res.json();
    } catch (e) {
      json = null;
    }
    if (!res.ok) {
      const message = json && json.error ? json.error.message : `The console answered ${res.status}`;
      throw new ConsoleError(message, res.status, json);
    }
    return json;
  }

  /** Server-sent events read through fetch, so that the token goes in a header (EventSource cannot). */
  async function events(path, onEvent, signal) {
    const res = await fetch(path, { headers: { 'X-Console-Token': TOKEN, Accept: 'text/event-stream' }, signal });
    if (!res.ok) {
      let json = null;
      try { json = await res.json(); } catch (e) { json = null; }
      throw new ConsoleError(json && json.error ? json.error.message : `The console answered ${res.status}`, res.status, json);
    }
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    let name = 'message';
    let data = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      pending += value;
      const lines = pending.split(/\r?\n/);
      pending = lines.pop();
      for (const line of lines) {
        if (line === '') {
          if (data.length > 0) {
            onEvent(name, data.join('\n'));
          }
          name = 'message';
          data = [];
        } else if (!line.startsWith(':')) {
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          let text = colon < 0 ? '' : line.slice(colon + 1);
          if (text.startsWith(' ')) {
            text = text.slice(1);
          }
          if (field === 'event') {
            name = text;
          } else if (field === 'data') {
            data.push(text);
          }
        }
      }
    }
  }

  function connection(up) {
    $('connection').textContent = up ? '' : 'the console does not answer';
  }

  function element(tag, className, text) {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function status(id, text, kind) {
    const e = $(id);
    e.textContent = text;
    e.className = 'status' + (kind ? ' ' + kind : '');
  }

  function showError(id, message) {
    const box = $(id);
    box.textContent = message || '';
    box.hidden = !message;
  }

  function plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
  }

  // ---- Workflow --------------------------------------------------------------------------------

  const editor = $('workflow-text');
  const gutter = $('gutter');
  const marks = $('marks');
  let validateTimer = null;
  let validateSeq = 0;
  let report = null;
  let gutterLines = 0;

  function workflowBody() {
    return { fileName: $('workflow-name').value.trim() || 'workflow.yaml', text: editor.value };
  }

  function lineCount(text) {
    let n = 1;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      n++;
    }
    return n;
  }

  function renderGutter() {
    const n = lineCount(editor.value);
    if (n !== gutterLines) {
      gutterLines = n;
      const numbers = new Array(n);
      for (let i = 0; i < n; i++) {
        numbers[i] = i + 1;
      }
      gutter.textContent = numbers.join('\n');
    }
    syncScroll();
  }

  function syncScroll() {
    gutter.scrollTop = editor.scrollTop;
    marks.style.transform = `translate(${-editor.scrollLeft}px, ${-editor.scrollTop}px)`;
  }

  function edited() {
    renderGutter();
    clearTimeout(validateTimer);
    status('workflow-status', editor.value.trim() ? 'checking…' : '');
    validateTimer = setTimeout(validate, VALIDATE_DELAY_MS);
  }

  async function validate() {
    const seq = ++validateSeq;
    if (!editor.value.trim()) {
      report = null;
      renderDiagnostics([]);
      status('workflow-status', '');
      return;
    }
    try {
      const answer = await api('POST', '/api/validate', workflowBody());
      if (seq !== validateSeq) {
        return;
      }
      report = answer;
      renderDiagnostics(answer.diagnostics);
      renderWorkflowStatus(answer);
      if (answer.environment) {
        renderEnv(answer.environment);
      }
      if (answer.workflow) {
        $('deploy-name').placeholder = answer.workflow.defaultName;
      }
    } catch (e) {
      if (seq !== validateSeq) {
        return;
      }
      report = null;
      renderDiagnostics([]);
      status('workflow-status', e.message, 'error');
    }
  }

  function renderWorkflowStatus(answer) {
    if (answer.valid) {
      const w = answer.workflow;
      const warnings = answer.warnings ? `, ${plural(answer.warnings, 'warning')}` : '';
      status('workflow-status', `valid: flow "${w.name}" ${w.version}${warnings}`, answer.warnings ? 'warning' : 'ok');
    } else {
      const warnings = answer.warnings ? `, ${plural(answer.warnings, 'warning')}` : '';
      status('workflow-status', `${plural(answer.errors, 'error')}${warnings}`, 'error');
    }
  }

  /** Each diagnostic on its line (a mark with the message at the line's end) and in the list below. */
  function renderDiagnostics(diagnostics) {
    marks.replaceChildren();
    const list = $('diagnostics');
    list.replaceChildren();
    const byLine = new Map();
    for (const d of diagnostics) {
      if (!byLine.has(d.line)) {
        byLine.set(d.line, []);
      }
      byLine.get(d.line).push(d);
      const item = element('li', d.severity);
      item.dataset.line = d.line;
      item.append(element('span', 'where', `${d.line}:${d.column}`), `${d.severity}: ${d.message}`);
      if (d.hint) {
        item.append(' ', element('span', 'hint-text', `(${d.hint})`));
      }
      item.addEventListener('click', () => goToLine(d.line, d.column));
      list.append(item);
    }
    const lines = editor.value.split('\n');
    const padding = parseFloat(getComputedStyle(editor).paddingLeft) || 0;
    for (const [line, onLine] of byLine) {
      const severity = onLine.some((d) => d.severity === 'error') ? 'error' : 'warning';
      const mark = element('div', 'mark ' + severity);
      mark.dataset.line = line;
      mark.style.top = `calc(${line - 1} * var(--code-line))`;
      // the fix first: it is what fits beside the code; the whole text is in the list and on hover
      const text = onLine.map((d) => (d.hint ? `${d.hint} — ` : '') + `${d.severity}: ${d.message}`).join(' · ');
      const msg = element('span', 'msg', text);
      msg.style.left = `${padding + ((lines[line - 1] || '').length + 3) * charWidth()}px`;
      mark.append(msg);
      mark.title = onLine.map((d) => d.text).join('\n');
      marks.append(mark);
    }
    syncScroll();
  }

  let measuredCharWidth = 0;

  /** The width of one character of the editor's font, to place a message after a line's code. */
  function charWidth() {
    if (!measuredCharWidth) {
      const probe = element('span', '', '0'.repeat(100));
      probe.style.cssText = 'position:absolute;visibility:hidden;white-space:pre;font:inherit';
      editor.parentElement.append(probe);
      measuredCharWidth = probe.getBoundingClientRect().width / 100 || 8;
      probe.remove();
    }
    return measuredCharWidth;
  }

  function goToLine(line, column) {
    const lines = editor.value.split('\n');
    let offset = 0;
    for (let i = 0; i < line - 1 && i < lines.length; i++) {
      offset += lines[i].length + 1;
    }
    offset += Math.max(0, column - 1);
    editor.focus();
    editor.setSelectionRange(offset, offset);
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 4) * lineHeight);
    syncScroll();
  }

  function openText(fileName, text) {
    $('workflow-name').value = fileName;
    editor.value = text;
    edited();
  }

  async function loadProjectFiles() {
    try {
      const answer = await api('GET', '/api/files');
      const select = $('project-files');
      select.title = answer.directory;
      for (const file of answer.files) {
        const option = element('option', '', file);
        option.value = file;
        select.append(option);
      }
      if (answer.initial && !editor.value) {
        await openProjectFile(answer.initial);
      }
    } catch (e) {
      status('workflow-status', e.message, 'error');
    }
  }

  async function openProjectFile(path) {
    try {
      const file = await api('GET', '/api/files/content?path=' + encodeURIComponent(path));
      openText(file.fileName, file.text);
    } catch (e) {
      status('workflow-status', e.message, 'error');
    }
  }

  function readFile(input, then) {
    const file = input.files[0];
    if (!file) {
      return;
    }
    const reader = new FileReader();
    reader.onload = () => then(file.name, reader.result);
    reader.readAsText(file);
    input.value = '';
  }

  editor.addEventListener('input', edited);
  editor.addEventListener('scroll', syncScroll);
  editor.addEventListener('keydown', (e) => {
    if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.metaKey) {
      e.preventDefault();
      editor.setRangeText('  ', editor.selectionStart, editor.selectionEnd, 'end');
      edited();
    }
  });
  $('workflow-name').addEventListener('change', edited);
  $('workflow-upload').addEventListener('change', (e) => readFile(e.target, openText));
  $('project-files').addEventListener('change', (e) => {
    if (e.target.value) {
      openProjectFile(e.target.value);
    }
  });

  // ---- Environment -----------------------------------------------------------------------------

  function renderEnv(view) {
    const table = $('env-table');
    const body = table.querySelector('tbody');
    body.replaceChildren();
    const findings = $('env-findings');
    findings.replaceChildren();
    if (!view.set) {
      table.hidden = true;
      status('env-status', 'none set: the container gets no provider keys');
      return;
    }
    for (const v of view.variables) {
      const row = element('tr');
      row.dataset.name = v.name;
      row.append(element('td', '', String(v.line)), element('td', 'name', v.name), element('td', 'masked', v.masked));
      body.append(row);
    }
    table.hidden = view.variables.length === 0;
    for (const f of view.findings) {
      const item = element('li', f.severity, f.message);
      if (f.line) {
        item.dataset.envLine = f.line;
      }
      findings.append(item);
    }
    const problems = view.findings.length ? `; ${plural(view.findings.length, 'finding')}` : '';
    const kind = view.findings.some((f) => f.severity === 'error') ? 'error' : view.findings.length ? 'warning' : 'ok';
    status('env-status', `${plural(view.variables.length, 'variable')} from ${view.fileName}${problems}`, kind);
  }

  async function setEnv(fileName, text) {
    const body = { fileName, text };
    if (editor.value.trim()) {
      body.workflow = workflowBody();
    }
    try {
      renderEnv(await api('POST', '/api/env', body));
      $('env-text').value = '';
    } catch (e) {
      status('env-status', e.message, 'error');
    }
  }

  $('env-set').addEventListener('click', () => setEnv('.env', $('env-text').value));
  $('env-upload').addEventListener('change', (e) => readFile(e.target, setEnv));
  $('env-clear').addEventListener('click', async () => {
    try {
      renderEnv(await api('DELETE', '/api/env'));
    } catch (e) {
      status('env-status', e.message, 'error');
    }
  });

  // ---- Deploy ----------------------------------------------------------------------------------

  const deployLog = $('deploy-log');

  function number(id) {
    const text = $(id).value.trim();
    return text === '' ? null : Number(text);
  }

  function deployBody() {
    return {
      workflow: workflowBody(),
      name: $('deploy-name').value.trim() || null,
      port: number('deploy-port'),
      traces: $('deploy-traces').checked,
      tracesPort: number('deploy-traces-port'),
      syncTimeout: number('deploy-sync-timeout'),
      baseImage: $('deploy-base-image').value.trim() || null,
      replace: $('deploy-replace').checked,
    };
  }

  function logLine(level, text) {
    const line = element('div', 'line ' + level, level === 'warning' ? 'WARNING ' + text : text);
    const atBottom = deployLog.scrollTop + deployLog.clientHeight >= deployLog.scrollHeight - 4;
    deployLog.append(line);
    if (atBottom) {
      deployLog.scrollTop = deployLog.scrollHeight;
    }
  }

  function showResult(result) {
    $('result-title').textContent = `${result.workflow} is running in container ${result.container}`;
    $('result-docs').href = result.docs;
    $('result-docs').textContent = `API docs (${result.docs})`;
    const traces = $('result-traces');
    traces.hidden = !result.traces;
    if (result.traces) {
      traces.href = result.traces;
      traces.textContent = `Traces page (${result.traces})`;
    }
    $('result-curl').textContent = result.curl;
    $('deploy-result').hidden = false;
  }

  async function deploy(event) {
    event.preventDefault();
    const button = $('deploy-button');
    button.disabled = true;
    showError('deploy-error', '');
    $('deploy-result').hidden = true;
    deployLog.replaceChildren();
    deployLog.hidden = false;
    status('deploy-status', 'deploying…');
    try {
      const started = await api('POST', '/api/deploys', deployBody());
      let ended = false;
      await events(started.events, (name, data) => {
        const payload = JSON.parse(data);
        if (name === 'line') {
          logLine(payload.level, payload.text);
        } else if (name === 'done') {
          ended = true;
          showResult(payload);
          status('deploy-status', `running: ${payload.container}`, 'ok');
        } else if (name === 'failed') {
          ended = true;
          showError('deploy-error', payload.message);
          status('deploy-status', 'failed', 'error');
        }
      });
      if (!ended) {
        showError('deploy-error', 'The connection to the console ended before the deploy did; see the Containers table');
        status('deploy-status', '');
      }
    } catch (e) {
      showError('deploy-error', e.message);
      status('deploy-status', 'not started', 'error');
      if (e.body && e.body.diagnostics) {
        renderDiagnostics(e.body.diagnostics);
      }
      if (!deployLog.childElementCount) {
        deployLog.hidden = true;
      }
    } finally {
      button.disabled = false;
      refreshContainers();
    }
  }

  $('deploy-form').addEventListener('submit', deploy);
  $('deploy-traces').addEventListener('change', (e) => {
    $('deploy-traces-port').disabled = !e.target.checked;
  });
  $('copy-curl').addEventListener('click', async () => {
    const text = $('result-curl').textContent;
    try {
      await navigator.clipboard.writeText(text);
      $('copy-curl').textContent = 'Copied';
    } catch (e) {
      const range = document.createRange();
      range.selectNodeContents($('result-curl'));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      $('copy-curl').textContent = 'Selected: Ctrl-C';
    }
    setTimeout(() => { $('copy-curl').textContent = 'Copy'; }, 2000);
  });

  // ---- Containers ------------------------------------------------------------------------------

  const busy = new Set();
  let confirming = null;
  // the "and its data volume" tick, kept apart from its row, which a refresh may rebuild meanwhile
  let confirmingData = false;
  const rows = new Map();

  async function refreshContainers() {
    try {
      const answer = await api('GET', '/api/containers');
      showError('containers-error', '');
      renderContainers(answer.containers);
      status('containers-status', `updated ${new Date().toLocaleTimeString()}`);
    } catch (e) {
      showError('containers-error', e.message);
    }
  }

  /** Rows are rebuilt only when something but the uptime changed, so that a button is not replaced under the pointer. */
  function renderContainers(containers) {
    const body = $('containers').querySelector('tbody');
    const seen = new Set();
    const ordered = [];
    for (const c of containers) {
      seen.add(c.name);
      const key = JSON.stringify({ ...c, uptime: undefined, busy: busy.has(c.name), confirming: confirming === c.name });
      let entry = rows.get(c.name);
      if (!entry || entry.key !== key) {
        entry = { key, row: containerRow(c) };
        rows.set(c.name, entry);
      } else {
        entry.row.querySelector('td.uptime').textContent = c.uptime || '-';
      }
      ordered.push(entry.row);
    }
    for (const name of [...rows.keys()]) {
      if (!seen.has(name)) {
        rows.delete(name);
      }
    }
    if (ordered.length !== body.children.length || ordered.some((row, i) => body.children[i] !== row)) {
      body.replaceChildren(...ordered);
    }
    $('containers-empty').hidden = containers.length > 0;
  }

  function containerRow(c) {
    const row = element('tr');
    row.dataset.name = c.name;
    const health = element('td', 'health ' + (c.ready ? 'ready' : c.running ? 'not-ready' : ''), c.health);
    health.title = c.healthDetail;
    row.append(
      element('td', 'mono name', c.name),
      element('td', '', c.workflow || '-'),
      element('td', 'mono', c.image),
      element('td', 'state ' + (c.running ? 'running' : 'stopped'), c.state),
      health,
      element('td', 'mono', c.ports.length ? c.ports.join(', ') : '-'),
      element('td', 'uptime', c.uptime || '-'),
      actions(c));
    return row;
  }

  function actions(c) {
    const cell = element('td', 'actions');
    if (confirming === c.name) {
      const data = element('input');
      data.type = 'checkbox';
      data.className = 'remove-data';
      data.checked = confirmingData;
      data.addEventListener('change', () => { confirmingData = data.checked; });
      const label = element('label', '', '');
      label.append(data, ' and its data volume');
      cell.append(`Remove ${c.name}? `, label,
        button('Remove', 'confirm-remove danger', () => act(c.name, 'remove', { removeData: confirmingData })),
        button('Cancel', 'cancel quiet', () => { confirming = null; refreshContainers(); }));
      return cell;
    }
    const working = busy.has(c.name);
    cell.append(button('Logs', 'logs', () => openLogs(c.name)));
    cell.append(c.running
      ? button(working ? 'Stopping…' : 'Stop', 'stop', () => act(c.name, 'stop'), working)
      : button(working ? 'Starting…' : 'Start', 'start', () => act(c.name, 'start'), working));
    cell.append(button('Remove', 'remove danger', () => { confirming = c.name; confirmingData = false; refreshContainers(); }, working));
    return cell;
  }

  function button(text, className, onClick, disabled) {
    const b = element('button', className, text);
    b.type = 'button';
    b.disabled = Boolean(disabled);
    b.addEventListener('click', onClick);
    return b;
  }

  async function act(name, action, body) {
    confirming = null;
    busy.add(name);
    refreshContainers();
    const messages = $('container-messages');
    try {
      const answer = await api('POST', `/api/containers/${encodeURIComponent(name)}/${action}`, body);
      messages.replaceChildren(...answer.messages.map((m) => element('li', m.level, m.text)));
    } catch (e) {
      messages.replaceChildren(element('li', 'error', e.message));
    } finally {
      busy.delete(name);
      refreshContainers();
    }
  }

  setInterval(() => {
    if (!document.hidden) {
      refreshContainers();
    }
  }, CONTAINERS_EVERY_MS);

  // ---- Logs ------------------------------------------------------------------------------------

  const logsOutput = $('logs-output');
  let logsStream = null;

  function openLogs(name) {
    closeLogs();
    $('logs-pane').hidden = false;
    $('logs-name').textContent = name;
    logsOutput.replaceChildren();
    status('logs-status', 'following…');
    const controller = new AbortController();
    logsStream = controller;
    events(`/api/containers/${encodeURIComponent(name)}/logs?tail=200`, (event, data) => {
      if (event === 'line') {
        appendLog(element('div', 'line', data));
      } else if (event === 'end') {
        appendLog(element('div', 'note', data));
        status('logs-status', 'ended');
      }
    }, controller.signal).catch((e) => {
      if (e.name !== 'AbortError') {
        appendLog(element('div', 'note', e.message));
        status('logs-status', 'ended', 'error');
      }
    });
    $('logs-pane').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
  }

  function appendLog(line) {
    const atBottom = logsOutput.scrollTop + logsOutput.clientHeight >= logsOutput.scrollHeight - 4;
    logsOutput.append(line);
    while (logsOutput.childElementCount > MAX_LOG_LINES) {
      logsOutput.firstElementChild.remove();
    }
    if (atBottom) {
      logsOutput.scrollTop = logsOutput.scrollHeight;
    }
  }

  function closeLogs() {
    if (logsStream) {
      logsStream.abort();
      logsStream = null;
    }
    $('logs-pane').hidden = true;
  }

  $('logs-close').addEventListener('click', closeLogs);

  // ---- start -----------------------------------------------------------------------------------

  renderGutter();
  loadProjectFiles();
  refreshContainers();
  status('env-status', 'none set: the container gets no provider keys');
})();
