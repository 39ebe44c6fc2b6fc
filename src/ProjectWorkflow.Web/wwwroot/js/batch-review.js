// Batch review on the inbox: the step's form (GET /api/forms/{id}) rendered once by the form-js viewer; the ticked tasks
// are sent with its answers to POST /api/tasks/batch/complete. The server checks each task on its own (its form, its
// rights, its rules) in its own transaction; the page lists each task's outcome, the refused ones with their reasons in
// the reader's language, and takes the completed rows out of the table.
(async () => {
  const host = document.getElementById('batch-form');
  if (!host) return;
  const send = document.getElementById('batch-submit');
  const all = document.getElementById('batch-select-all');
  const summary = document.getElementById('batch-summary');
  const results = document.getElementById('batch-results');
  const chinese = (document.documentElement.lang || 'zh').toLowerCase().startsWith('zh');
  const answer = await fetch(`/api/forms/${encodeURIComponent(host.dataset.form)}`, { headers: { accept: 'application/json' } });
  if (!answer.ok) return;
  const form = new window.FormViewer.Form({ container: host });
  await form.importSchema(await answer.json(), {});
  send.hidden = false;
  all.hidden = false;

  const boxes = () => Array.from(document.querySelectorAll('#inbox input[name="task"]'));
  all.addEventListener('click', () => boxes().forEach((box) => { box.checked = true; }));

  const say = (error) => (chinese && error.messageZh) || error.message;
  const line = (text) => {
    const item = document.createElement('li');
    item.textContent = text;
    results.appendChild(item);
  };

  send.addEventListener('click', async () => {
    summary.textContent = '';
    results.replaceChildren();
    const ticked = boxes().filter((box) => box.checked);
    if (ticked.length === 0) {
      summary.textContent = send.dataset.none;
      return;
    }
    const event = form.submit();
    if (Object.keys(event.errors || {}).length > 0) return;
    const response = await fetch('/api/tasks/batch/complete', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', RequestVerificationToken: window.portalToken() },
      body: JSON.stringify({ taskIds: ticked.map((box) => box.value), variables: event.data }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      summary.textContent = (body.errors || []).map(say).join(' ') || (chinese && body.detailZh) || body.detail || body.title || '';
      return;
    }
    summary.textContent = send.dataset.summary.replace('{0}', body.completed).replace('{1}', body.refused);
    for (const outcome of body.outcomes) {
      const name = outcome.businessKey || outcome.taskId;
      if (outcome.completed) {
        line(`${name}: ${send.dataset.completed}`);
        document.querySelector(`#inbox tr[data-task="${outcome.taskId}"]`)?.remove();
      } else {
        const reasons = (outcome.errors || []).map(say);
        const rule = chinese ? outcome.messageZh : outcome.messageEn;
        if (rule || outcome.message) reasons.push(rule || outcome.message);
        line(`${name}: ${send.dataset.refused} — ${reasons.join(' ')}`);
      }
    }
  });
})();
