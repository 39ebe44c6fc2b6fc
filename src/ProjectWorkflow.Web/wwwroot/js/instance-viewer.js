// The instance viewer: the instance's version of its process drawn by the bpmn-js NavigatedViewer, with markers
// (CSS classes, never colours written into the XML) on what it finished, where its tokens wait, what failed, and
// the flows it took, and an overlay naming the active and failed steps. Reads GET /api/instances/{id} and the
// version's XML from GET /api/definitions/{key}/versions/{version}.
(async () => {
  const host = document.getElementById('process-diagram');
  if (!host) return;
  const { instance, key, version } = host.dataset;
  try {
    const [state, xml] = await Promise.all([
      fetch(`/api/instances/${instance}`, { headers: { accept: 'application/json' } }).then((r) => {
        if (!r.ok) throw new Error(`instance ${r.status}`);
        return r.json();
      }),
      fetch(`/api/definitions/${encodeURIComponent(key)}/versions/${version}`, { headers: { accept: 'application/xml' } }).then((r) => {
        if (!r.ok) throw new Error(`definition ${r.status}`);
        return r.text();
      }),
    ]);
    const viewer = new window.BpmnJS({ container: host });
    await viewer.importXML(xml);
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport');

    const mark = (ids, marker) => {
      const marked = [];
      for (const id of ids || []) {
        if (!registry.get(id)) continue;
        canvas.addMarker(id, marker);
        marked.push(id);
      }
      return marked;
    };
    const badge = (id, text, kind) => {
      if (!registry.get(id)) return;
      const label = document.createElement('span');
      label.className = `process-badge ${kind}`;
      label.textContent = text;
      overlays.add(id, kind, { position: { top: -12, right: 12 }, html: label });
    };

    const failedIds = [...new Set((state.incidents || []).map((i) => i.elementId))];
    const done = mark(state.completedElementIds, 'pw-done');
    const taken = mark(state.takenFlowIds, 'pw-taken');
    const active = mark((state.activeElementIds || []).filter((id) => !failedIds.includes(id)), 'pw-active');
    const failed = mark(failedIds, 'pw-failed');
    active.forEach((id) => badge(id, host.dataset.activeWord, 'active'));
    failed.forEach((id) => badge(id, host.dataset.failedWord, 'failed'));

    // What the browser tests (and anyone inspecting the page) read: which elements carry which marker.
    host.dataset.done = done.join(' ');
    host.dataset.taken = taken.join(' ');
    host.dataset.active = active.join(' ');
    host.dataset.failed = failed.join(' ');
    host.dataset.rendered = 'true';
  } catch (error) {
    host.textContent = host.dataset.broken;
    host.dataset.rendered = 'failed';
    console.warn('instance viewer:', error.message);
  }
})();
