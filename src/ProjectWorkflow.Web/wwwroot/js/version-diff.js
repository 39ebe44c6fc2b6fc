// Two versions of a process drawn side by side (bpmn-js NavigatedViewer from the designer bundle), with what the
// newer one added (green), removed (red, on the older drawing) and changed (amber, with the attributes listed)
// marked by bpmn-js-differ, and every change listed in the table below.
(async () => {
  const host = document.getElementById('version-diff');
  if (!host || !window.ProcessDesigner) return;
  const { NavigatedViewer, diff, camundaModdle } = window.ProcessDesigner;
  const { key, from, to } = host.dataset;
  const load = async (version) => {
    const answer = await fetch(`/api/definitions/${encodeURIComponent(key)}/versions/${version}`, { headers: { accept: 'application/xml' } });
    if (!answer.ok) throw new Error(`version ${version}: ${answer.status}`);
    return answer.text();
  };
  try {
    const [oldXml, newXml] = await Promise.all([load(from), load(to)]);
    const older = new NavigatedViewer({ container: '#diff-old', moddleExtensions: { camunda: camundaModdle } });
    const newer = new NavigatedViewer({ container: '#diff-new', moddleExtensions: { camunda: camundaModdle } });
    await older.importXML(oldXml);
    await newer.importXML(newXml);
    older.get('canvas').zoom('fit-viewport');
    newer.get('canvas').zoom('fit-viewport');
    const changes = diff(older.getDefinitions(), newer.getDefinitions());

    const rows = document.querySelector('#diff-changes tbody');
    const row = (id, type, change, detail) => {
      const tr = document.createElement('tr');
      tr.dataset.change = change;
      for (const text of [id, (type || '').replace('bpmn:', ''), host.dataset[change], detail || '']) {
        const td = document.createElement('td');
        td.textContent = text;
        tr.append(td);
      }
      rows.append(tr);
    };
    const mark = (viewer, id, marker) => {
      if (viewer.get('elementRegistry').get(id)) viewer.get('canvas').addMarker(id, marker);
    };
    for (const [id, element] of Object.entries(changes._added)) {
      mark(newer, id, 'pw-added');
      row(id, element.$type, 'added');
    }
    for (const [id, element] of Object.entries(changes._removed)) {
      mark(older, id, 'pw-removed');
      row(id, element.$type, 'removed');
    }
    for (const [id, change] of Object.entries(changes._changed)) {
      mark(newer, id, 'pw-changed');
      mark(older, id, 'pw-changed');
      const attrs = Object.entries(change.attrs || {}).map(([name, value]) => `${name}: ${JSON.stringify(value.oldValue)} → ${JSON.stringify(value.newValue)}`);
      row(id, change.model && change.model.$type, 'changed', attrs.join('; '));
    }
    for (const [id, element] of Object.entries(changes._layoutChanged)) {
      if (changes._changed[id]) continue;
      row(id, element.$type, 'layout');
    }
    if (!rows.children.length) {
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 4;
      td.textContent = host.dataset.none;
      tr.append(td);
      rows.append(tr);
    }
    host.dataset.added = Object.keys(changes._added).join(' ');
    host.dataset.removed = Object.keys(changes._removed).join(' ');
    host.dataset.changed = Object.keys(changes._changed).join(' ');
    host.dataset.rendered = 'true';
  } catch (error) {
    host.dataset.rendered = 'failed';
    host.prepend(Object.assign(document.createElement('p'), { className: 'error', textContent: host.dataset.broken }));
    console.warn('version diff:', error.message);
  }
})();
