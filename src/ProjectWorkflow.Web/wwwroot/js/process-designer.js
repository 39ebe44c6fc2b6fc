// The designer: bpmn-js Modeler with the Camunda 7 properties panel, behaviours and token simulation (the esbuild
// bundle sets window.ProcessDesigner). Opens a deployed version (GET /api/definitions/{key}/versions/{v}) or a new
// drawing; Deploy sends the XML to POST /api/definitions and shows the answer: the new version and its status
// (pending-approval for a process money depends on) with the deploy check's warnings, or each problem marked on the
// element it names. While drawing, bpmnlint with the engine's rules (Designer/bundle/engine-lint.js) marks problems on
// the elements and counts them in #designer-lint; Save as draft keeps the drawing server side
// (POST /api/definitions/drafts), and a draft opens from /portal/designer/{key}/draft.
(async () => {
  const host = document.getElementById('designer-canvas');
  if (!host || !window.ProcessDesigner) return;
  const { Modeler, modelerModules, camundaModdle, engineLint } = window.ProcessDesigner;
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
    moddleExtensions: { camunda: camundaModdle },
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
  let marked = [];
  const clearProblems = () => {
    for (const id of marked) if (registry.get(id)) canvas.removeMarker(id, 'pw-failed');
    overlays.remove({ type: 'problem' });
    marked = [];
    problems.replaceChildren();
  };
  const listItem = (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    problems.append(item);
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
    for (const error of body.errors || []) {
      const id = error.elementId;
      listItem([id, error.kind, error.message].filter(Boolean).join(' · '));
      if (id && registry.get(id)) {
        canvas.addMarker(id, 'pw-failed');
        marked.push(id);
        const badge = document.createElement('span');
        badge.className = 'process-badge failed';
        badge.title = error.message;
        badge.textContent = '!';
        overlays.add(id, 'problem', { position: { top: -10, right: 10 }, html: badge });
      }
    }
    if (!body.errors) listItem(body.detail || body.title || String(response.status));
    problems.dataset.marked = marked.join(' ');
  });

  document.getElementById('designer-save-draft').addEventListener('click', async () => {
    outcome.textContent = '';
    const { xml } = await modeler.saveXML({ format: true });
    const response = await fetch('/api/definitions/drafts', {
      method: 'POST',
      headers: { 'content-type': 'application/xml', accept: 'application/json', RequestVerificationToken: window.portalToken() },
      body: xml,
    });
    const body = await response.json().catch(() => ({}));
    if (response.ok) {
      outcome.textContent = words.draftSaved.replace('{0}', body.key);
      outcome.dataset.draft = body.key;
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
})();
