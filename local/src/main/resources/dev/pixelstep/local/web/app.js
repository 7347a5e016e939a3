// pixelstep web page: plain JavaScript, no framework. Every string from the server or the user is
// put on the page with textContent or as an attribute value, never parsed as HTML.
'use strict';

(function () {
  const POLL_MILLIS = 400;
  const ENDED = new Set(['SUCCEEDED', 'FAILED']);
  const STATUS_STYLES = {
    QUEUED: 'bg-amber-100 text-amber-800',
    RUNNING: 'bg-sky-100 text-sky-800',
    SUCCEEDED: 'bg-emerald-100 text-emerald-800',
    FAILED: 'bg-red-100 text-red-800',
    UPLOADING: 'bg-sky-100 text-sky-800',
  };

  const $ = (id) => document.getElementById(id);
  const state = {
    config: null,
    operations: new Map(),
    steps: [],
    nextStepId: 1,
    file: null,
    previewUrl: null,
    runId: null,
    pollTimer: null,
    submittedAt: null,
  };

  /** Creates an element with properties/attributes and children (nodes or text). */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === 'class') node.className = value;
      else if (name === 'text') node.textContent = value;
      else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function show(node, visible) {
    node.classList.toggle('hidden', !visible);
  }

  async function api(path, options) {
    let response;
    try {
      response = await fetch(path, Object.assign({ headers: { Accept: 'application/json' } }, options));
    } catch (e) {
      throw new Error('The pixelstep server cannot be reached. Is it still running?');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const message = body && typeof body.error === 'string' ? body.error : 'the server answered ' + response.status;
      throw new Error(message);
    }
    return body;
  }

  /** Only our own API paths and http(s) URLs (presigned S3 URLs) are ever used as image sources. */
  function safeUrl(url) {
    if (typeof url !== 'string') return null;
    if (url.startsWith('/api/') || url.startsWith('https://') || url.startsWith('http://')) return url;
    return null;
  }

  function formatBytes(bytes) {
    if (bytes >= 1024 * 1024) {
      const mb = bytes / (1024 * 1024);
      return (Number.isInteger(mb) ? String(mb) : mb.toFixed(1)) + ' MB';
    }
    if (bytes >= 1024) return Math.round(bytes / 1024) + ' KB';
    return bytes + ' bytes';
  }

  function formatMillis(ms) {
    return ms >= 1000 ? (ms / 1000).toFixed(1) + ' s' : Math.round(ms) + ' ms';
  }

  /** "AnalyseOriginal" reads better as "Analyse original". */
  function humanise(name) {
    const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(' ');
    return words.map((w, i) => (i === 0 ? w : w.toLowerCase())).join(' ');
  }

  // ---- image choice -------------------------------------------------------------------------

  function setFile(file) {
    const error = $('form-error');
    show(error, false);
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.file = file || null;
    state.previewUrl = null;
    if (!file) {
      show($('preview-figure'), false);
      return;
    }
    state.previewUrl = URL.createObjectURL(file);
    $('preview').src = state.previewUrl;
    $('preview-caption').textContent = file.name + ' · ' + formatBytes(file.size);
    show($('preview-figure'), true);
  }

  function setUpDropZone() {
    const zone = $('drop-zone');
    const input = $('file');
    input.addEventListener('change', () => setFile(input.files[0]));
    zone.addEventListener('dragover', (event) => {
      event.preventDefault();
      zone.classList.add('border-indigo-500', 'bg-indigo-50');
    });
    zone.addEventListener('dragleave', () => zone.classList.remove('border-indigo-500', 'bg-indigo-50'));
    zone.addEventListener('drop', (event) => {
      event.preventDefault();
      zone.classList.remove('border-indigo-500', 'bg-indigo-50');
      const file = event.dataTransfer && event.dataTransfer.files[0];
      if (file) {
        try {
          const transfer = new DataTransfer();
          transfer.items.add(file);
          input.files = transfer.files;
        } catch (e) {
          // older browsers: the file is kept in state only
        }
        setFile(file);
      }
    });
  }

  // ---- chain building -------------------------------------------------------------------------

  function fillOperationChoice(operations) {
    const select = $('operation-choice');
    select.replaceChildren();
    for (const op of operations) {
      state.operations.set(op.name, op);
      select.append(el('option', { value: op.name, text: op.name }));
    }
    describeChoice();
  }

  function describeChoice() {
    const op = state.operations.get($('operation-choice').value);
    $('operation-description').textContent = op ? op.description : '';
  }

  function addStep(name) {
    const op = state.operations.get(name);
    if (!op) return;
    const values = {};
    for (const p of op.parameters) values[p.name] = String(p.default);
    state.steps.push({ id: state.nextStepId++, op, values });
    renderSteps();
    const added = $('steps').lastElementChild;
    const firstControl = added && added.querySelector('.step-parameters [data-parameter]');
    (firstControl || added.querySelector('.step-remove')).focus();
  }

  function moveStep(index, delta, focusClass) {
    const target = index + delta;
    if (target < 0 || target >= state.steps.length) return;
    const [step] = state.steps.splice(index, 1);
    state.steps.splice(target, 0, step);
    renderSteps();
    const item = $('steps').children[target];
    const button = item.querySelector(focusClass);
    (button.disabled ? item.querySelector('.step-remove') : button).focus();
  }

  function removeStep(index) {
    state.steps.splice(index, 1);
    renderSteps();
    const items = $('steps').children;
    if (items.length > 0) items[Math.min(index, items.length - 1)].querySelector('.step-remove').focus();
    else $('operation-choice').focus();
  }

  function renderSteps() {
    const list = $('steps');
    list.replaceChildren();
    const template = $('step-template');
    state.steps.forEach((step, index) => {
      const item = template.content.firstElementChild.cloneNode(true);
      item.dataset.operation = step.op.name;
      item.querySelector('.step-number').textContent = String(index + 1);
      item.querySelector('.step-name').textContent = step.op.name;
      item.querySelector('.step-description').textContent = step.op.description;
      const up = item.querySelector('.step-up');
      const down = item.querySelector('.step-down');
      const remove = item.querySelector('.step-remove');
      up.setAttribute('aria-label', 'Move ' + step.op.name + ' (step ' + (index + 1) + ') up');
      down.setAttribute('aria-label', 'Move ' + step.op.name + ' (step ' + (index + 1) + ') down');
      remove.setAttribute('aria-label', 'Remove ' + step.op.name + ' (step ' + (index + 1) + ')');
      up.disabled = index === 0;
      down.disabled = index === state.steps.length - 1;
      up.addEventListener('click', () => moveStep(index, -1, '.step-up'));
      down.addEventListener('click', () => moveStep(index, 1, '.step-down'));
      remove.addEventListener('click', () => removeStep(index));
      const parameters = item.querySelector('.step-parameters');
      for (const p of step.op.parameters) parameters.append(parameterControl(step, p));
      list.append(item);
    });
    show($('no-steps'), state.steps.length === 0);
    updateChainText();
  }

  function numberStep(p) {
    if (p.type === 'int') return 1;
    const span = Number(p.max) - Number(p.min);
    if (!(span > 0)) return 'any';
    const raw = span / 200;
    const power = Math.pow(10, Math.floor(Math.log10(raw)));
    return power;
  }

  /** One labelled control per parameter, chosen by its type, with its range, default and unit. */
  function parameterControl(step, p) {
    const id = 'step-' + step.id + '-' + p.name;
    const unit = p.unit ? ' (' + p.unit + ')' : '';
    const setValue = (value) => {
      step.values[p.name] = value;
      updateChainText();
    };
    const label = el('label', { for: id, class: 'block text-xs font-medium text-slate-700', text: p.name + unit });
    const help = el('p', { class: 'text-xs text-slate-500', id: id + '-help',
      text: (p.description ? p.description + ' · ' : '') + 'default ' + (p.type === 'text' ? '"' + p.default + '"' : p.default)
        + (p.allowed ? ' · ' + p.allowed : '') });
    const inputClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500';
    let control;
    if (p.type === 'int' || p.type === 'double') {
      const number = el('input', { id, type: 'number', min: p.min, max: p.max, step: p.type === 'int' ? 1 : 'any',
        value: step.values[p.name], class: inputClass + ' w-24', 'aria-describedby': id + '-help', 'data-parameter': p.name });
      const range = el('input', { type: 'range', min: p.min, max: p.max, step: numberStep(p), value: step.values[p.name],
        class: 'min-w-0 flex-1 accent-indigo-600', 'aria-label': p.name + unit + ' slider', tabindex: '-1' });
      number.addEventListener('input', () => {
        range.value = number.value;
        setValue(number.value);
      });
      range.addEventListener('input', () => {
        number.value = range.value;
        setValue(range.value);
      });
      control = el('div', { class: 'flex items-center gap-2' }, range, number);
    } else if (p.type === 'boolean') {
      const box = el('input', { id, type: 'checkbox', class: 'h-4 w-4 accent-indigo-600', 'aria-describedby': id + '-help', 'data-parameter': p.name });
      box.checked = step.values[p.name] === 'true';
      box.addEventListener('change', () => setValue(box.checked ? 'true' : 'false'));
      return el('div', { class: 'space-y-1' }, el('div', { class: 'flex items-center gap-2' }, box, label), help);
    } else if (p.type === 'choice') {
      const select = el('select', { id, class: inputClass, 'aria-describedby': id + '-help', 'data-parameter': p.name });
      for (const choice of p.choices || []) select.append(el('option', { value: choice, text: choice }));
      select.value = step.values[p.name];
      select.addEventListener('change', () => setValue(select.value));
      control = select;
    } else if (p.type === 'color') {
      const text = el('input', { id, type: 'text', value: step.values[p.name], class: inputClass + ' w-32 font-mono',
        'aria-describedby': id + '-help', 'data-parameter': p.name, spellcheck: 'false' });
      const picker = el('input', { type: 'color', class: 'h-8 w-10 rounded border border-slate-300', 'aria-label': p.name + ' colour picker', tabindex: '-1' });
      const sync = () => {
        if (/^#[0-9a-fA-F]{6}$/.test(text.value.trim())) picker.value = text.value.trim();
      };
      sync();
      text.addEventListener('input', () => {
        sync();
        setValue(text.value.trim());
      });
      picker.addEventListener('input', () => {
        text.value = picker.value;
        setValue(picker.value);
      });
      control = el('div', { class: 'flex items-center gap-2' }, picker, text);
    } else {
      const text = el('input', { id, type: 'text', value: step.values[p.name], maxlength: p.maxLength || 256,
        class: inputClass + ' w-full', 'aria-describedby': id + '-help', 'data-parameter': p.name });
      text.addEventListener('input', () => setValue(text.value));
      control = text;
    }
    return el('div', { class: 'space-y-1' }, label, control, help);
  }

  function isDefault(p, value) {
    if (p.type === 'int' || p.type === 'double') {
      return String(value).trim() === '' || Number(value) === Number(p.default);
    }
    if (p.type === 'color') return String(value).trim().toLowerCase() === String(p.default).toLowerCase();
    return String(value) === String(p.default);
  }

  function formatValue(p, value) {
    if (p.type === 'text') return '"' + String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"') + '"';
    return String(value).trim();
  }

  /** The chain as the pipeline reads it; parameters at their defaults are left out. */
  function chainText() {
    return state.steps.map((step) => {
      const set = step.op.parameters
        .filter((p) => !isDefault(p, step.values[p.name]))
        .map((p) => p.name + '=' + formatValue(p, step.values[p.name]));
      return set.length === 0 ? step.op.name : step.op.name + '(' + set.join(', ') + ')';
    }).join(', ');
  }

  function updateChainText() {
    const text = chainText();
    $('chain-text').textContent = text === '' ? '(none)' : text;
  }

  // ---- submitting -------------------------------------------------------------------------------

  function formError(message) {
    const error = $('form-error');
    error.textContent = message;
    show(error, Boolean(message));
  }

  async function submit(event) {
    event.preventDefault();
    formError('');
    if (!state.file) {
      formError('Choose an image first.');
      $('file').focus();
      return;
    }
    const max = state.config ? state.config.maxUploadBytes : 50 * 1024 * 1024;
    if (state.file.size > max) {
      formError('This image is ' + formatBytes(state.file.size) + '; the pipeline accepts at most ' + formatBytes(max) + '.');
      return;
    }
    const button = $('submit');
    button.disabled = true;
    button.textContent = 'Uploading…';
    const query = new URLSearchParams({ operations: chainText(), filename: state.file.name });
    try {
      state.submittedAt = performance.now();
      const created = await api('/api/runs?' + query.toString(), {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/octet-stream' },
        body: state.file,
      });
      openRun(created.id, true);
      loadRecent();
    } catch (e) {
      state.submittedAt = null;
      formError(e.message);
    } finally {
      button.disabled = false;
      button.textContent = 'Upload and run';
    }
  }

  // ---- one run ------------------------------------------------------------------------------------

  function setStatus(status) {
    const badge = $('run-status');
    badge.textContent = status.toLowerCase();
    badge.className = 'rounded-full px-3 py-0.5 text-xs font-semibold uppercase tracking-wide '
      + (STATUS_STYLES[status] || 'bg-slate-100 text-slate-600');
    badge.dataset.status = status;
  }

  function openRun(id, fromSubmit) {
    if (state.pollTimer) clearTimeout(state.pollTimer);
    if (!fromSubmit) state.submittedAt = null;
    state.runId = id;
    if (location.hash !== '#run=' + id) history.replaceState(null, '', '#run=' + id);
    show($('run-placeholder'), false);
    show($('progress'), true);
    show($('results'), false);
    show($('run-error'), false);
    $('states').replaceChildren();
    $('progress-note').textContent = '';
    $('run-summary').textContent = '';
    $('run').dataset.run = id;
    delete $('run').dataset.ended;
    setStatus('QUEUED');
    if (!fromSubmit) $('run-title').focus();
    poll(id);
  }

  async function poll(id) {
    if (state.runId !== id) return;
    let run;
    try {
      run = await api('/api/runs/' + encodeURIComponent(id));
    } catch (e) {
      if (state.runId !== id) return;
      showRunError(e.message, '');
      setStatus('FAILED');
      $('run').dataset.ended = 'true';
      return;
    }
    if (state.runId !== id) return;
    renderRun(run);
    if (!ENDED.has(run.status)) {
      state.pollTimer = setTimeout(() => poll(id), POLL_MILLIS);
    }
  }

  function renderRun(run) {
    setStatus(run.status);
    const parts = [run.filename, run.chain ? run.chain : 'no operations'];
    const ended = ENDED.has(run.status);
    if (ended && state.submittedAt !== null) {
      parts.push('finished ' + formatMillis(performance.now() - state.submittedAt) + ' after submitting');
      state.submittedAt = null;
    } else if (ended && typeof run.pipelineMillis === 'number') {
      parts.push('the workflow took ' + formatMillis(run.pipelineMillis));
    }
    $('run-summary').textContent = parts.join(' · ');
    renderStates(run);
    if (run.status === 'FAILED') {
      showRunError(run.error ? run.error.message : 'The workflow failed.', run.error ? run.error.type : '');
    }
    if (run.status === 'SUCCEEDED') renderResults(run);
    if (ended) {
      $('run').dataset.ended = 'true';
      loadRecent();
    }
  }

  function renderStates(run) {
    const list = $('states');
    list.replaceChildren();
    for (const s of run.states || []) {
      const icon = s.status === 'SUCCEEDED' ? '✓' : s.status === 'FAILED' ? '✗' : '…';
      const colour = s.status === 'SUCCEEDED' ? 'text-emerald-700' : s.status === 'FAILED' ? 'text-red-700' : 'text-sky-700';
      list.append(el('li', { class: 'flex items-center gap-2', 'data-state': s.name, 'data-status': s.status },
        el('span', { class: 'w-4 text-center font-bold ' + colour, 'aria-hidden': 'true', text: icon }),
        el('span', { class: 'flex-1', text: humanise(s.name) }),
        el('span', { class: 'sr-only', text: s.status.toLowerCase() }),
        el('span', { class: 'tabular-nums text-xs text-slate-500', text: formatMillis(s.millis) })));
    }
    let note = '';
    if (!ENDED.has(run.status)) {
      if ((run.states || []).length === 0) {
        note = run.progressFrom === 'history'
          ? 'Uploaded; waiting for the workflow to start…'
          : 'Uploaded; waiting for the pipeline\'s manifest…';
      } else {
        note = 'Running…';
      }
    } else if (run.progressFrom !== 'history') {
      note = 'On AWS the page follows the manifest; see Step Functions for the state history.';
    }
    $('progress-note').textContent = note;
  }

  function showRunError(message, type) {
    $('run-error-message').textContent = message;
    $('run-error-type').textContent = type ? 'Error type: ' + type : '';
    show($('run-error'), true);
  }

  function figure(title, subtitle, image, alt) {
    const url = safeUrl(image && image.url);
    const download = safeUrl(image && image.download);
    const img = el('img', { alt, loading: 'lazy', class: 'h-auto w-full rounded-md bg-slate-100 object-contain', 'data-role': 'result' });
    if (url) img.src = url;
    const caption = el('figcaption', { class: 'mt-2 text-sm' },
      el('span', { class: 'flex items-baseline gap-2' },
        el('span', { class: 'figure-title min-w-0 flex-1 font-semibold', text: title }),
        download ? el('a', { href: download, download: image.downloadName || '', class: 'shrink-0 rounded text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500', text: 'Download', 'aria-label': 'Download ' + title }) : null),
      subtitle ? el('span', { class: 'mt-0.5 block break-all font-mono text-xs text-slate-500', text: subtitle }) : null);
    return el('figure', { class: 'rounded-lg border border-slate-200 p-2' }, img, caption);
  }

  function renderResults(run) {
    const grid = $('grid');
    const input = run.input || {};
    const size = input.width ? input.width + '×' + input.height + ' ' + (input.format || '') : '';
    grid.replaceChildren(
      figure('Original', size, run.original, 'Original image ' + run.filename),
      figure('Combined', run.chain || 'no operations', run.combined, 'Combined result of ' + (run.chain || 'no operations')),
      figure('Histogram of the original', '', run.histogramOriginal, 'Colour histogram chart of the original'),
      figure('Histogram of the combined', '', run.histogramCombined, 'Colour histogram chart of the combined result'));
    const independent = $('independent');
    independent.replaceChildren();
    (run.independent || []).forEach((item, index) => {
      const parameters = Object.entries(item.parameters || {}).map(([k, v]) => k + '=' + v).join(', ');
      independent.append(figure(String(index + 1).padStart(2, '0') + ' · ' + item.operation, parameters, item,
        item.operation + ' applied on its own to the original'));
    });
    show($('no-independent'), (run.independent || []).length === 0);
    show($('results'), true);
  }

  // ---- recent runs ----------------------------------------------------------------------------------

  async function loadRecent() {
    let runs;
    try {
      runs = await api('/api/runs');
    } catch (e) {
      $('no-recent').textContent = 'Recent runs cannot be listed: ' + e.message;
      show($('no-recent'), true);
      return;
    }
    const list = $('recent');
    list.replaceChildren();
    for (const run of runs) {
      const when = run.uploadedAt ? new Date(run.uploadedAt).toLocaleString() : '';
      const button = el('button', { type: 'button', class: 'w-full rounded px-1 py-2 text-left hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500', 'data-run': run.id, onclick: () => openRun(run.id, false) },
        el('span', { class: 'flex items-baseline gap-2' },
          el('span', { class: 'min-w-0 flex-1 truncate text-sm font-medium', text: run.filename }),
          el('span', { class: 'rounded-full px-2 py-0.5 text-[0.65rem] font-semibold uppercase ' + (STATUS_STYLES[run.status] || ''), text: run.status.toLowerCase() })),
        el('span', { class: 'block truncate font-mono text-xs text-slate-500', text: run.chain || 'no operations' }),
        el('span', { class: 'block text-xs text-slate-400', text: when }));
      list.append(el('li', {}, button));
    }
    show($('no-recent'), runs.length === 0);
    if (runs.length === 0) $('no-recent').textContent = 'No runs yet.';
  }

  // ---- start ---------------------------------------------------------------------------------------

  async function start() {
    setUpDropZone();
    $('operation-choice').addEventListener('change', describeChoice);
    $('add-step').addEventListener('click', () => addStep($('operation-choice').value));
    $('run-form').addEventListener('submit', submit);
    $('refresh-runs').addEventListener('click', loadRecent);
    renderSteps();
    try {
      state.config = await api('/api/config');
      $('mode').textContent = state.config.mode === 'aws'
        ? 'AWS · ' + state.config.inputBucket + ' → ' + state.config.outputBucket
        : 'local · ' + state.config.inputBucket + ' → ' + state.config.outputBucket;
      $('max-size').textContent = formatBytes(state.config.maxUploadBytes);
      fillOperationChoice(await api('/api/operations'));
      document.body.dataset.ready = 'true';
    } catch (e) {
      $('mode').textContent = 'not connected';
      formError(e.message);
    }
    loadRecent();
    const match = /^#run=([A-Za-z0-9.-]+)$/.exec(location.hash);
    if (match) openRun(match[1], false);
  }

  start();
})();
