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
    announced: new Map(),
    resultsOf: null,
    viewerOpener: null,
  };

  /** The workflow's tasks in a person's words; other names are split into words. */
  const STEP_LABELS = {
    Process: 'Apply the operations',
    AnalyseOriginal: 'Analyse the original',
    AnalyseCombined: 'Analyse the combined result',
    WriteManifest: 'Write the manifest',
    DiscardPartialOutputs: 'Discard partial outputs',
    WriteFailedManifest: 'Record the failure',
  };
  const CHANNELS = [
    { name: 'red', label: 'Red', colour: '#dc2626' },
    { name: 'green', label: 'Green', colour: '#15803d' },
    { name: 'blue', label: 'Blue', colour: '#2563eb' },
    { name: 'luminance', label: 'Luminance', colour: '#0f172a' },
  ];
  const SVG = 'http://www.w3.org/2000/svg';

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
    fileWarning('');
    if (state.previewUrl) URL.revokeObjectURL(state.previewUrl);
    state.file = file || null;
    state.previewUrl = null;
    if (!file) {
      show($('preview-figure'), false);
      return;
    }
    $('preview-caption').textContent = file.name + ' · ' + formatBytes(file.size);
    $('preview').removeAttribute('src');
    show($('preview'), false);
    show($('preview-figure'), true);
    checkFile(file);
  }

  /** The formats the pipeline reads, told by their first bytes (as the server tells them). */
  function imageFormat(bytes) {
    const b = (i) => bytes[i];
    if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'JPEG';
    if (b(0) === 0x89 && b(1) === 0x50 && b(2) === 0x4e && b(3) === 0x47) return 'PNG';
    if (b(0) === 0x47 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x38) return 'GIF';
    if (b(0) === 0x42 && b(1) === 0x4d) return 'BMP';
    if ((b(0) === 0x49 && b(1) === 0x49 && b(2) === 0x2a && b(3) === 0) || (b(0) === 0x4d && b(1) === 0x4d && b(2) === 0 && b(3) === 0x2a)) return 'TIFF';
    if (b(0) === 0x52 && b(1) === 0x49 && b(2) === 0x46 && b(3) === 0x46 && b(8) === 0x57 && b(9) === 0x45 && b(10) === 0x42 && b(11) === 0x50) return 'WebP';
    return null;
  }

  /** Width and height from the header, for the formats that keep them at a fixed place; else null. */
  function headerSize(format, bytes) {
    const view = new DataView(bytes.buffer);
    if (format === 'PNG' && bytes.length >= 24) return [view.getUint32(16), view.getUint32(20)];
    if (format === 'GIF' && bytes.length >= 10) return [view.getUint16(6, true), view.getUint16(8, true)];
    if (format === 'BMP' && bytes.length >= 26) return [Math.abs(view.getInt32(18, true)), Math.abs(view.getInt32(22, true))];
    return null;
  }

  function tooManyPixels(width, height, maxPixels) {
    const pixels = width * height;
    if (pixels <= maxPixels) return false;
    fileWarning('This image is ' + width + '×' + height + ' (' + (pixels / 1e6).toFixed(1)
      + ' MP); the pipeline refuses images over ' + (maxPixels / 1e6).toFixed(0) + ' MP.');
    return true;
  }

  /**
   * Warns, before anything is uploaded, about what the pipeline would refuse: a file that is not an
   * image, one over the upload limit, or one over the pixel limit (read from the header where it is
   * at a fixed place, else once the browser has decoded the preview). An image over the limit is
   * not decoded for a preview.
   */
  async function checkFile(file) {
    const maxBytes = state.config ? state.config.maxUploadBytes : 50 * 1024 * 1024;
    const maxPixels = state.config ? state.config.maxPixels : 50000000;
    const head = new Uint8Array(await file.slice(0, 32).arrayBuffer());
    if (state.file !== file) return;
    const format = imageFormat(head);
    if (file.size > maxBytes) {
      fileWarning('This file is ' + formatBytes(file.size) + '; the pipeline accepts at most ' + formatBytes(maxBytes) + '.');
    } else if (!format) {
      fileWarning('This file does not look like an image the pipeline can read (JPEG, PNG, WebP, GIF, BMP, TIFF): it will probably be refused.');
    }
    const size = format ? headerSize(format, head) : null;
    if (!format || (size && tooManyPixels(size[0], size[1], maxPixels))) return;
    const preview = $('preview');
    state.previewUrl = URL.createObjectURL(file);
    preview.src = state.previewUrl;
    show(preview, true);
    if (size) return;
    try {
      await preview.decode();
    } catch (e) {
      return; // a format this browser cannot show (TIFF): the server checks it
    }
    if (state.file === file) tooManyPixels(preview.naturalWidth, preview.naturalHeight, maxPixels);
  }

  function fileWarning(message) {
    $('file-warning').textContent = message;
    show($('file-warning'), Boolean(message));
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
    const error = el('p', { id: id + '-error', class: 'hidden text-xs font-medium text-red-700', 'data-error-for': p.name });
    const describedBy = id + '-help ' + id + '-error';
    let input = null;
    const check = () => {
      const message = problem(p, step.values[p.name]);
      if (input) input.setAttribute('aria-invalid', message ? 'true' : 'false');
      error.textContent = message;
      show(error, Boolean(message));
    };
    const setValue = (value) => {
      step.values[p.name] = value;
      check();
      updateChainText();
    };
    const label = el('label', { for: id, class: 'block text-xs font-medium text-slate-700', text: p.name + unit });
    const help = el('p', { class: 'text-xs text-slate-600', id: id + '-help',
      text: (p.description ? p.description + ' · ' : '') + 'default ' + (p.type === 'text' ? '"' + p.default + '"' : p.default)
        + (p.allowed ? ' · ' + p.allowed : '') });
    const inputClass = 'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-500';
    let control;
    if (p.type === 'int' || p.type === 'double') {
      const number = el('input', { id, type: 'number', min: p.min, max: p.max, step: p.type === 'int' ? 1 : 'any',
        value: step.values[p.name], class: inputClass + ' w-24', 'aria-describedby': describedBy, 'data-parameter': p.name });
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
      input = number;
      control = el('div', { class: 'flex items-center gap-2' }, range, number);
    } else if (p.type === 'boolean') {
      const box = el('input', { id, type: 'checkbox', class: 'h-4 w-4 accent-indigo-600', 'aria-describedby': describedBy, 'data-parameter': p.name });
      box.checked = step.values[p.name] === 'true';
      box.addEventListener('change', () => setValue(box.checked ? 'true' : 'false'));
      return el('div', { class: 'space-y-1' }, el('div', { class: 'flex items-center gap-2' }, box, label), help);
    } else if (p.type === 'choice') {
      const select = el('select', { id, class: inputClass, 'aria-describedby': describedBy, 'data-parameter': p.name });
      for (const choice of p.choices || []) select.append(el('option', { value: choice, text: choice }));
      select.value = step.values[p.name];
      select.addEventListener('change', () => setValue(select.value));
      input = select;
      control = select;
    } else if (p.type === 'color') {
      const text = el('input', { id, type: 'text', value: step.values[p.name], class: inputClass + ' w-32 font-mono',
        'aria-describedby': describedBy, 'data-parameter': p.name, spellcheck: 'false' });
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
      input = text;
      control = el('div', { class: 'flex items-center gap-2' }, picker, text);
    } else {
      const text = el('input', { id, type: 'text', value: step.values[p.name], maxlength: p.maxLength || 256,
        class: inputClass + ' w-full', 'aria-describedby': describedBy, 'data-parameter': p.name });
      text.addEventListener('input', () => setValue(text.value));
      input = text;
      control = text;
    }
    check();
    return el('div', { class: 'space-y-1' }, label, control, error, help);
  }

  /**
   * What is wrong with a parameter's value, in words, or '' when the pipeline will take it: the
   * same forms and ranges as the operations list says (the server checks again).
   */
  function problem(p, value) {
    const text = String(value).trim();
    const range = (p.min !== undefined && p.max !== undefined) ? ' from ' + p.min + ' to ' + p.max : '';
    if (p.type === 'int' || p.type === 'double') {
      if (text === '') return ''; // left empty: the default
      const form = p.type === 'int' ? /^[+-]?[0-9]{1,10}$/ : /^[+-]?([0-9]{1,30}(\.[0-9]{0,30})?|\.[0-9]{1,30})([eE][+-]?[0-9]{1,3})?$/;
      if (!form.test(text)) return (p.type === 'int' ? 'Enter a whole number' : 'Enter a number') + range + '.';
      const number = Number(text);
      if ((p.min !== undefined && number < Number(p.min)) || (p.max !== undefined && number > Number(p.max))) {
        return p.name + ' must be' + range + '; ' + text + ' is out of range.';
      }
      return '';
    }
    if (p.type === 'color') {
      if (/^#([0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(text) || /^[a-z]{3,20}$/i.test(text)) return '';
      return 'Enter a colour as #rrggbb (or a colour name such as red).';
    }
    if (p.type === 'choice') {
      return (p.choices || []).includes(String(value)) ? '' : 'Choose one of ' + (p.choices || []).join(', ') + '.';
    }
    if (p.type === 'text' && p.maxLength && String(value).length > p.maxLength) {
      return 'At most ' + p.maxLength + ' characters.';
    }
    return '';
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
    const invalid = document.querySelector('#steps [aria-invalid="true"]');
    if (invalid) {
      const item = invalid.closest('.step');
      const number = item ? item.querySelector('.step-number').textContent : '';
      formError('Step ' + number + ' has a value the pipeline cannot take: ' + $(invalid.id + '-error').textContent + ' Fix it, then run.');
      invalid.focus();
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
      bringRunIntoView();
      loadRecent();
    } catch (e) {
      state.submittedAt = null;
      formError(e.message);
    } finally {
      button.disabled = false;
      button.textContent = 'Upload and run';
    }
  }

  /** After a submit or a choice in the list: the run's heading at the top of the screen, and focus on it. */
  function bringRunIntoView() {
    const title = $('run-title');
    title.focus({ preventScroll: true });
    title.scrollIntoView({ block: 'start' });
  }

  // ---- one run ------------------------------------------------------------------------------------

  function setStatus(status) {
    const badge = $('run-status');
    if (badge.dataset.status === status) return; // the badge is a live region: only a change is announced
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
    state.announced = new Map();
    state.resultsOf = null;
    $('announcer').textContent = '';
    $('progress-note').textContent = '';
    $('run-summary').textContent = '';
    $('run').dataset.run = id;
    delete $('run').dataset.ended;
    delete $('run-status').dataset.status;
    setStatus('QUEUED');
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

  function stepLabel(name) {
    return STEP_LABELS[name] || humanise(name);
  }

  /**
   * The workflow's tasks (pending ones too) with their times. The list is not a live region, since
   * its counters change at every poll: what changed state is told once, in words, by #announcer.
   */
  function renderStates(run) {
    const list = $('states');
    list.replaceChildren();
    const changes = [];
    for (const s of run.states || []) {
      const status = s.status;
      const icon = status === 'SUCCEEDED' ? '✓' : status === 'FAILED' ? '✗' : status === 'PENDING' ? '○' : '…';
      const colour = status === 'SUCCEEDED' ? 'text-emerald-700' : status === 'FAILED' ? 'text-red-700'
        : status === 'PENDING' ? 'text-slate-600' : 'text-sky-700';
      const words = status === 'PENDING' ? 'waiting' : status.toLowerCase();
      list.append(el('li', { class: 'flex items-center gap-2' + (status === 'PENDING' ? ' text-slate-600' : ''), 'data-state': s.name, 'data-status': status },
        el('span', { class: 'w-4 text-center font-bold ' + colour, 'aria-hidden': 'true', text: icon }),
        el('span', { class: 'min-w-0 flex-1', text: stepLabel(s.name) }),
        el('span', { class: 'sr-only', text: words }),
        status === 'PENDING' ? null : el('span', { class: 'tabular-nums text-xs text-slate-600', text: formatMillis(s.millis) })));
      if (status !== 'PENDING' && state.announced.get(s.name) !== status) {
        state.announced.set(s.name, status);
        changes.push(stepLabel(s.name) + ': ' + words);
      }
    }
    if (changes.length > 0) $('announcer').textContent = changes.join('. ') + '.';
    let note = '';
    if (!ENDED.has(run.status)) {
      if (!(run.states || []).some((s) => s.status !== 'PENDING')) {
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
    $('run-error-type').textContent = type ? 'Kind of error: ' + type : '';
    show($('run-error'), true);
  }

  /**
   * One image: its display-sized preview (made by the server), a button that opens the full-size
   * original in the viewer, and a link to download the original.
   */
  function figure(title, subtitle, image, alt) {
    const full = safeUrl(image && image.url);
    const preview = safeUrl(image && image.preview) || full;
    const download = safeUrl(image && image.download);
    const img = el('img', { alt, class: 'h-auto w-full rounded-md bg-slate-100 object-contain', 'data-role': 'result' });
    if (preview) img.src = preview;
    const open = el('button', { type: 'button', class: 'view-full block w-full rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500',
      'aria-label': 'View ' + title + ' full size', onclick: (event) => openViewer(title, () => fullImage(full, alt), event.currentTarget) }, img);
    const caption = el('figcaption', { class: 'mt-2 text-sm' },
      el('span', { class: 'flex items-baseline gap-2' },
        el('span', { class: 'figure-title min-w-0 flex-1 break-words font-semibold', text: title }),
        download ? el('a', { href: download, download: image.downloadName || '', class: 'shrink-0 rounded text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500', text: 'Download', 'aria-label': 'Download ' + title }) : null),
      subtitle ? el('span', { class: 'mt-0.5 block break-words font-mono text-xs text-slate-600', text: subtitle }) : null);
    return el('figure', { class: 'min-w-0 rounded-lg border border-slate-200 p-2' }, full ? open : img, caption);
  }

  function fullImage(url, alt) {
    return el('img', { src: url, alt, class: 'mx-auto h-auto max-w-full bg-slate-100', 'data-role': 'full' });
  }

  // ---- the viewer: any image or chart at full size, in a modal dialog (Escape closes it) ------------

  function openViewer(title, makeContent, opener) {
    const dialog = $('viewer');
    $('viewer-title').textContent = title;
    $('viewer-body').replaceChildren(makeContent());
    state.viewerOpener = opener || null;
    dialog.showModal();
    $('viewer-close').focus();
  }

  function setUpViewer() {
    const dialog = $('viewer');
    $('viewer-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close(); // a click on the backdrop
    });
    dialog.addEventListener('close', () => {
      $('viewer-body').replaceChildren();
      if (state.viewerOpener && document.contains(state.viewerOpener)) state.viewerOpener.focus();
      state.viewerOpener = null;
    });
  }

  // ---- before and after --------------------------------------------------------------------------

  /** The original and the combined result at the same zoom, one over the other, split where the slider says. */
  function renderCompare(run) {
    const before = safeUrl(run.original && (run.original.preview || run.original.url));
    const after = safeUrl(run.combined && (run.combined.preview || run.combined.url));
    show($('compare'), Boolean(before && after));
    if (!before || !after) return;
    $('compare-before').src = before;
    $('compare-after').src = after;
    const range = $('compare-range');
    range.value = '50';
    splitCompare();
  }

  function splitCompare() {
    const at = Number($('compare-range').value);
    $('compare-after').style.clipPath = 'inset(0 0 0 ' + at + '%)';
    $('compare-divider').style.left = at + '%';
    $('compare-range').setAttribute('aria-valuetext', at + '% original on the left, ' + (100 - at) + '% combined on the right');
  }

  // ---- histograms, drawn in the page from the analyser's JSON ------------------------------------

  /** Mean, standard deviation and percentiles of one channel's 256 counts. */
  function statistics(channel) {
    const counts = channel.counts || [];
    const total = counts.reduce((a, b) => a + b, 0);
    const percentile = (q) => {
      const target = q * total;
      let seen = 0;
      for (let v = 0; v < counts.length; v++) {
        seen += counts[v];
        if (seen >= target && seen > 0) return v;
      }
      return counts.length - 1;
    };
    return {
      mean: channel.mean, sd: channel.standardDeviation, min: channel.min, max: channel.max,
      p5: percentile(0.05), p50: percentile(0.5), p95: percentile(0.95), total,
    };
  }

  function shares(channel) {
    const counts = channel.counts || [];
    const total = counts.reduce((a, b) => a + b, 0) || 1;
    return counts.map((c) => (100 * c) / total);
  }

  function svg(tag, attributes) {
    const node = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    return node;
  }

  /** A scale's top: the smallest of 1, 2, 2.5, 5 times a power of ten at or above the highest share. */
  function niceTop(value) {
    if (!(value > 0)) return 1;
    const power = Math.pow(10, Math.floor(Math.log10(value)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= value) return m * power;
    return 10 * power;
  }

  /**
   * One channel's chart: the original as a grey area, the combined result as a coloured line, on the
   * y scale shared by every chart (share of pixels, 0 to yMax percent). Vector, so it is sharp at any
   * size; the axis labels are HTML text, so they stay legible whatever the chart's width.
   */
  function channelChart(channel, original, combined, yMax, large) {
    const width = 256;
    const height = 100;
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, preserveAspectRatio: 'none', role: 'img',
      class: 'histogram-chart block w-full ' + (large ? 'h-96' : 'h-32'), 'data-channel': channel.name, 'data-y-max': yMax,
      'aria-label': channel.label + ' channel histogram: original mean ' + original.stats.mean.toFixed(1)
        + ', combined mean ' + combined.stats.mean.toFixed(1) + '; the values are in the table below' });
    for (const fraction of [0.25, 0.5, 0.75]) {
      chart.append(svg('line', { x1: 0, x2: width, y1: height * fraction, y2: height * fraction, stroke: '#e2e8f0', 'stroke-width': 1, 'vector-effect': 'non-scaling-stroke' }));
    }
    const y = (share) => height - (Math.min(share, yMax) / yMax) * height;
    const points = (values) => values.map((v, i) => i + ',' + y(v).toFixed(2)).join(' ');
    chart.append(svg('polygon', { points: '0,' + height + ' ' + points(original.shares) + ' ' + (width - 1) + ',' + height,
      fill: '#94a3b8', 'fill-opacity': 0.55, 'data-series': 'original' }));
    chart.append(svg('polyline', { points: points(combined.shares), fill: 'none', stroke: channel.colour, 'stroke-width': 2,
      'vector-effect': 'non-scaling-stroke', 'data-series': 'combined' }));
    const axis = el('div', { class: 'flex justify-between text-xs text-slate-600', 'aria-hidden': 'true' },
      el('span', { text: '0' }), el('span', { text: '128' }), el('span', { text: '255' }));
    return el('div', { class: 'flex gap-1' },
      el('div', { class: 'flex flex-col justify-between pb-5 text-right text-xs text-slate-600', 'aria-hidden': 'true' },
        el('span', { text: formatShare(yMax) }), el('span', { text: '0%' })),
      el('div', { class: 'min-w-0 flex-1' }, el('div', { class: 'rounded border border-slate-200' }, chart), axis));
  }

  function formatShare(value) {
    return (value >= 10 ? value.toFixed(0) : value >= 1 ? value.toFixed(1) : value.toFixed(2)) + '%';
  }

  async function renderHistograms(run) {
    const section = $('histograms');
    const originalUrl = safeUrl(run.histogramOriginal && run.histogramOriginal.data);
    const combinedUrl = safeUrl(run.histogramCombined && run.histogramCombined.data);
    const charts = $('histogram-charts');
    charts.replaceChildren();
    $('histogram-stats').replaceChildren();
    show(section, Boolean(originalUrl && combinedUrl));
    if (!originalUrl || !combinedUrl) return;
    const id = run.id;
    let original;
    let combined;
    try {
      [original, combined] = await Promise.all([api(originalUrl), api(combinedUrl)]);
    } catch (e) {
      if (state.runId === id) charts.append(el('p', { class: 'text-sm text-red-800', text: 'The histograms cannot be read: ' + e.message }));
      return;
    }
    if (state.runId !== id) return;
    const series = (doc, name) => {
      const channel = (doc.channels || {})[name] || { counts: [] };
      return { shares: shares(channel), stats: statistics(channel) };
    };
    const data = CHANNELS.map((channel) => ({ channel, original: series(original, channel.name), combined: series(combined, channel.name) }));
    const yMax = niceTop(Math.max(...data.flatMap((d) => d.original.shares.concat(d.combined.shares))));
    for (const d of data) {
      const open = el('button', { type: 'button', class: 'view-full rounded text-xs font-medium text-indigo-700 underline-offset-2 hover:underline focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500',
        text: 'View larger', 'aria-label': 'View larger: the ' + d.channel.label.toLowerCase() + ' histogram',
        onclick: (event) => openViewer(d.channel.label + ' channel: original and combined',
          () => el('div', { class: 'space-y-2' }, legend(d.channel), channelChart(d.channel, d.original, d.combined, yMax, true)), event.currentTarget) });
      charts.append(el('figure', { class: 'min-w-0 rounded-lg border border-slate-200 p-2', 'data-channel': d.channel.name },
        el('figcaption', { class: 'mb-1 flex items-baseline gap-2 text-sm' },
          el('span', { class: 'min-w-0 flex-1 font-semibold', text: d.channel.label }), open),
        channelChart(d.channel, d.original, d.combined, yMax, false)));
    }
    charts.prepend(el('div', { class: 'sm:col-span-2' }, legend(null), el('p', { class: 'mt-1 text-xs text-slate-600',
      text: 'Share of pixels at each value, 0 to 255; every chart has the same scale (0 to ' + formatShare(yMax) + ').' })));
    $('histogram-stats').append(statisticsTable(data));
    const links = $('histogram-links');
    links.replaceChildren();
    for (const [label, image] of [['original', run.histogramOriginal], ['combined', run.histogramCombined]]) {
      const download = safeUrl(image && image.download);
      if (download) {
        links.append(el('a', { href: download, download: image.downloadName || '', class: 'inline-block rounded py-1 text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500',
          text: 'Chart of the ' + label + ' (PNG)' }));
      }
    }
  }

  function legend(channel) {
    return el('p', { class: 'flex flex-wrap items-center gap-x-4 gap-y-1 text-xs text-slate-700' },
      el('span', { class: 'inline-flex items-center gap-1' }, el('span', { class: 'inline-block h-3 w-5 rounded-sm bg-slate-400', 'aria-hidden': 'true' }), 'original (grey area)'),
      el('span', { class: 'inline-flex items-center gap-1' }, el('span', { class: 'inline-block h-0.5 w-5 ' + (channel ? 'bg-slate-900' : 'bg-indigo-600'), 'aria-hidden': 'true' }),
        channel ? 'combined (line)' : 'combined (line, in the channel\'s colour)'));
  }

  function statisticsTable(data) {
    const number = (v) => (typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(1)) : '–');
    const head = el('tr', {}, ...['Channel', 'Image', 'Mean', 'Std. dev.', '5th pct.', 'Median', '95th pct.', 'Min', 'Max']
      .map((h) => el('th', { scope: 'col', class: 'px-2 py-1 text-left font-semibold', text: h })));
    const body = el('tbody', {});
    for (const d of data) {
      for (const [which, series] of [['original', d.original], ['combined', d.combined]]) {
        const st = series.stats;
        body.append(el('tr', { class: which === 'original' ? 'border-t border-slate-200' : '', 'data-channel': d.channel.name, 'data-image': which },
          which === 'original' ? el('th', { scope: 'rowgroup', rowspan: 2, class: 'px-2 py-1 text-left align-top font-semibold', text: d.channel.label }) : null,
          el('td', { class: 'px-2 py-1', text: which }),
          ...[st.mean, st.sd, st.p5, st.p50, st.p95, st.min, st.max].map((v) => el('td', { class: 'px-2 py-1 text-right tabular-nums', text: number(v) }))));
      }
    }
    return el('div', { class: 'overflow-x-auto', tabindex: '0', role: 'region', 'aria-label': 'Statistics per channel' },
      el('table', { class: 'min-w-full text-xs' },
        el('caption', { class: 'mb-1 text-left text-sm font-semibold text-slate-700', text: 'Statistics per channel (values 0 to 255)' }),
        el('thead', {}, head), body));
  }

  function renderResults(run) {
    if (state.resultsOf === run.id) return; // drawn once per run
    state.resultsOf = run.id;
    const grid = $('grid');
    const input = run.input || {};
    const size = input.width ? input.width + '×' + input.height + ' ' + (input.format || '') : '';
    grid.replaceChildren(
      figure('Original', size, run.original, 'Original image ' + run.filename),
      figure('Combined', run.chain || 'no operations', run.combined, 'Combined result of ' + (run.chain || 'no operations')));
    renderCompare(run);
    renderHistograms(run);
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
      $('recent').setAttribute('aria-busy', 'false');
      return;
    }
    const list = $('recent');
    list.replaceChildren();
    for (const run of runs) {
      const when = run.uploadedAt ? new Date(run.uploadedAt).toLocaleString() : '';
      const button = el('button', { type: 'button', class: 'w-full rounded px-1 py-2 text-left hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500', 'data-run': run.id, onclick: () => {
        openRun(run.id, false);
        bringRunIntoView();
      } },
        el('span', { class: 'flex items-baseline gap-2' },
          el('span', { class: 'min-w-0 flex-1 truncate text-sm font-medium', text: run.filename }),
          el('span', { class: 'rounded-full px-2 py-0.5 text-[0.65rem] font-semibold uppercase ' + (STATUS_STYLES[run.status] || ''), text: run.status.toLowerCase() })),
        el('span', { class: 'block truncate font-mono text-xs text-slate-600', text: run.chain || 'no operations' }),
        el('span', { class: 'block text-xs text-slate-600', text: when }));
      list.append(el('li', {}, button));
    }
    $('no-recent').textContent = 'No runs yet.';
    show($('no-recent'), runs.length === 0);
    $('recent').setAttribute('aria-busy', 'false');
  }

  // ---- bulk runs (pixelstep reprocess) ---------------------------------------------------------------

  async function loadBulkRuns() {
    const list = $('bulk-runs');
    let runs;
    try {
      runs = await api('/api/bulk-runs');
    } catch (e) {
      $('no-bulk').textContent = 'Bulk runs cannot be listed: ' + e.message;
      show($('no-bulk'), true);
      list.setAttribute('aria-busy', 'false');
      return;
    }
    list.replaceChildren();
    for (const run of runs) {
      const total = run.total < 0 ? '?' : String(run.total);
      const counts = run.done + '/' + total + ' done, ' + run.failed + ' failed, ' + run.skipped + ' skipped'
        + (run.pending > 0 ? ', ' + run.pending + ' not run' : '');
      const item = el('li', { class: 'py-2', 'data-bulk-run': run.name },
        el('div', { class: 'flex items-baseline gap-2' },
          el('h3', { class: 'min-w-0 flex-1 break-words text-sm font-medium', text: run.name }),
          el('span', { class: 'rounded-full px-2 py-0.5 text-[0.65rem] font-semibold uppercase ' + (STATUS_STYLES[run.status] || 'bg-slate-100 text-slate-600'), text: run.status.toLowerCase() })),
        el('p', { class: 'break-words font-mono text-xs text-slate-600', text: (run.prefix !== null && run.prefix !== undefined ? (run.prefix || '(whole bucket)') + ' · ' : '') + (run.chain || 'no operations') }),
        el('p', { class: 'text-xs tabular-nums text-slate-700', 'data-counts': '', text: counts }),
        el('p', { class: 'text-xs text-slate-600', text: run.startedAt ? 'started ' + new Date(run.startedAt).toLocaleString() : '' }));
      if (run.error) item.append(el('p', { class: 'break-words text-xs text-red-800', text: run.error }));
      if (run.failedItems.length > 0) {
        const failed = el('ul', { class: 'mt-1', 'aria-label': 'Failed objects of ' + run.name });
        for (const object of run.failedItems) {
          const name = object.id
            ? el('a', { href: '#run=' + object.id, class: 'break-words font-mono text-indigo-700 underline underline-offset-2 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500', text: object.key })
            : el('span', { class: 'break-words font-mono', text: object.key });
          failed.append(el('li', { class: 'mt-1 text-xs' }, name,
            el('span', { class: 'block break-words text-red-800', text: (object.errorType ? object.errorType + ': ' : '') + (object.error || '') })));
        }
        if (run.failedNotListed > 0) {
          failed.append(el('li', { class: 'mt-1 text-xs text-slate-600', text: '… and ' + run.failedNotListed + ' more in the summary' }));
        }
        item.append(failed);
      }
      list.append(item);
    }
    $('no-bulk').textContent = 'No bulk runs yet: pixelstep reprocess starts one.';
    show($('no-bulk'), runs.length === 0);
    list.setAttribute('aria-busy', 'false');
  }

  // ---- start ---------------------------------------------------------------------------------------

  /** The run named by the address (#run=<id>), when it is not the one shown. */
  function openRunOfAddress() {
    const match = /^#run=([A-Za-z0-9._-]+)$/.exec(location.hash);
    if (match && match[1] !== state.runId) {
      openRun(match[1], false);
      bringRunIntoView();
    }
  }

  async function start() {
    setUpDropZone();
    setUpViewer();
    $('compare-range').addEventListener('input', splitCompare);
    $('operation-choice').addEventListener('change', describeChoice);
    $('add-step').addEventListener('click', () => addStep($('operation-choice').value));
    $('run-form').addEventListener('submit', submit);
    $('refresh-runs').addEventListener('click', loadRecent);
    $('refresh-bulk').addEventListener('click', loadBulkRuns);
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
    loadBulkRuns();
    openRunOfAddress();
    window.addEventListener('hashchange', openRunOfAddress);
  }

  start();
})();
