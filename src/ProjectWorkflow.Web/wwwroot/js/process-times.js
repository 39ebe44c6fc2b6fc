// Stage durations painted on the process drawing: the rows of the table under it (one per user task, from the
// engine's task records) become overlays on their elements (median and p90 hours, how many wait now), a marker on
// steps where work waits, how many times the step sent the file back, and a bottleneck marker where the median exceeds the hours the due date allows.
(async () => {
  const host = document.getElementById('process-times');
  if (!host || !window.BpmnJS) return;
  try {
    const answer = await fetch(`/api/definitions/${encodeURIComponent(host.dataset.key)}/versions/${host.dataset.version}`, { headers: { accept: 'application/xml' } });
    if (!answer.ok) throw new Error(`definition ${answer.status}`);
    const viewer = new window.BpmnJS({ container: host });
    await viewer.importXML(await answer.text());
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    const overlays = viewer.get('overlays');
    canvas.zoom('fit-viewport');
    const painted = [];
    for (const row of document.querySelectorAll('#process-times-table tbody tr')) {
      const { element, median, p90, allowed, waiting, returned } = row.dataset;
      if (!registry.get(element)) continue;
      const label = document.createElement('span');
      label.className = 'process-badge stat';
      label.textContent = [median && `${median} / ${p90} ${host.dataset.hours}`, Number(waiting) > 0 && `${host.dataset.waiting} ${waiting}`, Number(returned) > 0 && `${host.dataset.returned} ${returned}`].filter(Boolean).join(' · ');
      if (label.textContent) overlays.add(element, 'times', { position: { bottom: -4, left: 0 }, html: label });
      if (Number(waiting) > 0) canvas.addMarker(element, 'pw-active');
      if (median && allowed && Number(median) > Number(allowed)) canvas.addMarker(element, 'pw-failed');
      painted.push(element);
    }
    host.dataset.painted = painted.join(' ');
    host.dataset.rendered = 'true';
  } catch (error) {
    host.dataset.rendered = 'failed';
    console.warn('process times:', error.message);
  }
})();
