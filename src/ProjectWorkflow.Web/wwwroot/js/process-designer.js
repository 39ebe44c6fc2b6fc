// The designer: bpmn-js Modeler with the Camunda 7 properties panel, behaviours and token simulation (the esbuild
// bundle sets window.ProcessDesigner). Opens a deployed version (GET /api/definitions/{key}/versions/{v}) or a new
// drawing; Deploy sends the XML to POST /api/definitions and shows the answer: the new version and its status
// (pending-approval for a process money depends on) with the deploy check's warnings, or each problem marked on the
// element it names. While drawing, bpmnlint with the engine's rules (Designer/bundle/engine-lint.js) marks problems on
// the elements and counts them in #designer-lint; Save as draft keeps the drawing server side
// (POST /api/definitions/drafts, whose answer carries the deploy check's problems, marked the same way), and a draft
// opens from /portal/designer/{key}/draft. Each listed problem is a button that selects its element on the drawing.
// The form of a selected user task opens in bpmn.io's form-js editor (the form-editor bundle sets
// window.ProcessFormEditor): the form drawn with the process, else the one shipped (GET /api/forms/{id}), else a new
// one; "put into the process" writes it into the process's extensionElements as <pwf:form> (Engine/Model/EmbeddedForms.cs)
// and names it in the task's camunda:formRef, so it is saved with the draft and deployed with the version.
(async () => {
  const host = document.getElementById('designer-canvas');
  if (!host || !window.ProcessDesigner) return;
  const { Modeler, modelerModules, camundaModdle, formsModdle, engineLint } = window.ProcessDesigner;
  const outcome = document.getElementById('designer-outcome');
  const problems = document.getElementById('designer-problems');
  const words = host.dataset;

  const newDiagram = () => {
    const id = `Process_${Math.random().toString(36).slice(2, 9)}`;
    return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI"
  xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
  id="Definitions_${id}" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${id}" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="${id}">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="180" y="160" width="36" height="36" /></bpmndi:BPMNShape>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;
  };

  const modeler = new Modeler({
    container: host,
    propertiesPanel: { parent: '#designer-properties' },
    additionalModules: modelerModules,
    moddleExtensions: { camunda: camundaModdle, pwf: formsModdle },
    linting: { active: true, bpmnlint: engineLint(JSON.parse(words.lintWords || '{}')) },
  });
  const lint = document.getElementById('designer-lint');
  modeler.on('linting.completed', ({ issues }) => {
    let errors = 0;
    let warnings = 0;
    for (const list of Object.values(issues)) {
      for (const issue of list) {
        if (issue.category === 'error') errors += 1;
        else if (issue.category === 'warn') warnings += 1;
      }
    }
    lint.dataset.errors = String(errors);
    lint.dataset.warnings = String(warnings);
    lint.dataset.elements = Object.keys(issues).join(' ');
    lint.textContent = errors + warnings === 0 ? words.lintClean : words.lintCount.replace('{0}', errors).replace('{1}', warnings);
  });
  window.processDesigner = modeler; // for the browser tests and the curious: the running modeler

  try {
    let xml = newDiagram();
    if (words.key) {
      const source = words.draft
        ? `/api/definitions/${encodeURIComponent(words.key)}/draft`
        : `/api/definitions/${encodeURIComponent(words.key)}/versions/${words.version}`;
      const answer = await fetch(source, { headers: { accept: 'application/xml' } });
      if (!answer.ok) throw new Error(`definition ${answer.status}`);
      xml = await answer.text();
    }
    await modeler.importXML(xml);
    modeler.get('canvas').zoom('fit-viewport');
    host.dataset.rendered = 'true';
  } catch (error) {
    outcome.textContent = words.broken;
    host.dataset.rendered = 'failed';
    console.warn('designer:', error.message);
    return;
  }

  const canvas = modeler.get('canvas');
  const registry = modeler.get('elementRegistry');
  const overlays = modeler.get('overlays');
  const selection = modeler.get('selection');
  let marked = [];
  const clearProblems = () => {
    for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, 'pw-failed');
    overlays.remove({ type: 'problem' });
    marked = [];
    problems.replaceChildren();
    delete problems.dataset.marked;
  };
  const listItem = (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    problems.append(item);
    return item;
  };
  // The deploy check's problems (elementId, kind, line, message): listed, each element marked with a badge, and a
  // click on the listed problem selects its element and brings it into view.
  const showProblems = (errors) => {
    for (const error of errors) {
      const id = error.elementId;
      const element = id ? registry.get(id) : null;
      const text = [id, error.kind, error.line > 0 ? words.problemLine.replace('{0}', error.line) : null, error.message].filter(Boolean).join(' · ');
      const item = listItem('');
      if (element && element.parent) {
        const show = document.createElement('button');
        show.type = 'button';
        show.className = 'problem';
        show.dataset.elementId = id;
        show.textContent = text;
        show.title = words.problemShow.replace('{0}', id);
        show.addEventListener('click', () => {
          selection.select(element);
          canvas.scrollToElement(element);
        });
        item.append(show);
        if (!marked.includes(id)) {
          canvas.addMarker(id, 'pw-failed');
          marked.push(id);
        }
        const badge = document.createElement('span');
        badge.className = 'process-badge failed';
        badge.title = error.message;
        badge.textContent = '!';
        overlays.add(id, 'problem', { position: { top: -10, right: 10 }, html: badge });
      } else {
        item.textContent = text;
      }
    }
    problems.dataset.marked = marked.join(' ');
  };

  document.getElementById('designer-deploy').addEventListener('click', async () => {
    clearProblems();
    outcome.textContent = '';
    const { xml } = await modeler.saveXML({ format: true });
    const response = await fetch('/api/definitions', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', accept: 'application/json', RequestVerificationToken: window.portalToken() },
      body: xml,
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      const template = body.status === 'pending-approval' ? words.pending : response.status === 201 ? words.deployed : words.same;
      outcome.textContent = template.replace('{0}', body.key).replace('{1}', body.version);
      outcome.dataset.version = body.version;
      outcome.dataset.status = body.status;
      for (const warning of body.warnings || []) listItem(`${words.warnings} ${warning}`);
      return;
    }
    outcome.textContent = words.refused;
    showProblems(body.errors || []);
    if (!body.errors) listItem(body.detail || body.title || String(response.status));
  });

  document.getElementById('designer-save-draft').addEventListener('click', async () => {
    clearProblems();
    outcome.textContent = '';
    const { xml } = await modeler.saveXML({ format: true });
    const response = await fetch('/api/definitions/drafts', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', accept: 'application/json', RequestVerificationToken: window.portalToken() },
      body: xml,
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      const refused = (body.problems || []).length > 0;
      outcome.textContent = (refused ? words.draftProblems : words.draftSaved).replace('{0}', body.key);
      outcome.dataset.draft = body.key;
      showProblems(body.problems || []);
      return;
    }
    const detail = (body.errors || []).map((e) => e.message).join(' ') || body.detail || body.title || String(response.status);
    outcome.textContent = words.draftRefused.replace('{0}', detail);
  });

  const simulate = document.getElementById('designer-simulate');
  simulate.addEventListener('click', () => {
    const toggle = modeler.get('toggleMode');
    toggle.toggleMode();
    simulate.setAttribute('aria-pressed', String(toggle._active));
  });

  document.getElementById('designer-download').addEventListener('click', async () => {
    const { xml } = await modeler.saveXML({ format: true });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    link.download = `${words.key || 'process'}.bpmn`;
    link.click();
    URL.revokeObjectURL(link.href);
  });

  // The form of a user task, in form-js's editor.
  const formButton = document.getElementById('designer-form');
  const formSection = document.getElementById('designer-form-section');
  const formHeading = document.getElementById('designer-form-heading');
  const formOutcome = document.getElementById('designer-form-outcome');
  const moddle = modeler.get('moddle');
  const modeling = modeler.get('modeling');
  let formEditor = null;
  let formTask = null;
  const selectedTask = () => {
    const selected = selection.get();
    return selected.length === 1 && selected[0].type === 'bpmn:UserTask' ? selected[0] : null;
  };
  const formHint = document.getElementById('designer-form-hint');
  modeler.on('selection.changed', () => {
    formButton.disabled = !selectedTask() || !window.ProcessFormEditor;
    formHint.hidden = !formButton.disabled;
  });
  const processOf = (businessObject) => {
    let node = businessObject;
    while (node && !node.$instanceOf('bpmn:Process')) node = node.$parent;
    return node;
  };
  const formIdOf = (drawn) => {
    try { return JSON.parse(drawn.body || '{}').id; } catch { return undefined; }
  };
  const drawnForms = (process) => ((process && process.extensionElements && process.extensionElements.values) || [])
    .filter((value) => value.$instanceOf('pwf:Form'));

  formButton.addEventListener('click', async () => {
    const task = selectedTask();
    if (!task) return;
    const businessObject = task.businessObject;
    const formRef = String(businessObject.get('camunda:formRef') || '').trim();
    formOutcome.textContent = '';
    let schema = null;
    try {
      const drawn = formRef ? drawnForms(processOf(businessObject)).find((form) => formIdOf(form) === formRef) : null;
      if (drawn) {
        schema = JSON.parse(drawn.body);
      } else if (formRef) {
        const answer = await fetch(`/api/forms/${encodeURIComponent(formRef)}`, { headers: { accept: 'application/json' } });
        if (answer.ok) schema = await answer.json();
        else if (answer.status !== 404) throw new Error(String(answer.status));
      }
    } catch (error) {
      formOutcome.textContent = words.formLoadFailed.replace('{0}', formRef).replace('{1}', error.message);
    }
    schema = schema || { id: formRef || `${businessObject.id}-form`, type: 'default', schemaVersion: 16, components: [] };
    formTask = task;
    formHeading.textContent = words.formHeading.replace('{0}', businessObject.name || businessObject.id);
    formSection.hidden = false;
    if (!formEditor) {
      formEditor = new window.ProcessFormEditor.FormEditor({ container: document.getElementById('designer-form-canvas') });
      window.processFormEditor = formEditor; // for the browser tests, as window.processDesigner
    }
    await formEditor.importSchema(schema);
    formSection.dataset.formId = schema.id;
    formSection.dataset.task = businessObject.id;
    formSection.scrollIntoView({ block: 'start' });
  });

  document.getElementById('designer-form-apply').addEventListener('click', () => {
    if (!formEditor || !formTask) return;
    const schema = formEditor.saveSchema();
    const id = String(schema.id || '').trim();
    if (!id) {
      formOutcome.textContent = words.formNeedsId;
      return;
    }
    const process = processOf(formTask.businessObject);
    let extensions = process.extensionElements;
    if (!extensions) {
      extensions = moddle.create('bpmn:ExtensionElements', { values: [] });
      extensions.$parent = process;
      modeling.updateModdleProperties(formTask, process, { extensionElements: extensions });
    }
    const form = moddle.create('pwf:Form', { body: JSON.stringify(schema, null, 2) });
    form.$parent = extensions;
    // The forms other user tasks still name stay; this one is replaced, and one no task names any more goes.
    const named = new Set(registry.filter((e) => e.type === 'bpmn:UserTask' && e !== formTask)
      .map((e) => String(e.businessObject.get('camunda:formRef') || '').trim()).filter(Boolean));
    const others = (extensions.values || []).filter((value) => !value.$instanceOf('pwf:Form')
      || (formIdOf(value) !== id && named.has(formIdOf(value))));
    modeling.updateModdleProperties(formTask, extensions, { values: [...others, form] });
    modeling.updateProperties(formTask, { 'camunda:formRef': id });
    formSection.dataset.formId = id;
    formSection.dataset.applied = 'true';
    formOutcome.textContent = words.formApplied.replace('{0}', id).replace('{1}', formTask.businessObject.id);
  });

  document.getElementById('designer-form-close').addEventListener('click', () => {
    formSection.hidden = true;
    formTask = null;
    formButton.focus();
  });
})();
