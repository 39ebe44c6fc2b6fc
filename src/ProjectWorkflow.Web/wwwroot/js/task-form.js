// A task's form: the step's form-js schema from GET /api/tasks/{id}/form, rendered by the form-js viewer; on
// submit the answers complete the task. The server checks them against the same schema: each field it refuses
// (400, errors: [{ field, message }]) gets its message beside it, and nothing changes.
(async () => {
  const host = document.getElementById('task-form');
  if (!host) return;
  const errors = document.getElementById('task-form-errors');
  const id = host.dataset.task;
  const answer = await fetch(`/api/tasks/${id}/form`, { headers: { accept: 'application/json' } });
  if (!answer.ok) {
    host.textContent = host.dataset.noForm;
    return;
  }
  const { schema } = await answer.json();
  const form = new window.FormViewer.Form({ container: host });
  await form.importSchema(schema, {});

  // form-js keys its errors by component id; the server names the field by its key.
  const idOfKey = (key) => {
    const field = form.get('formFieldRegistry').getAll().find((f) => f.key === key);
    return field ? field.id : null;
  };

  const send = document.getElementById('task-form-submit');
  send.hidden = false;
  send.addEventListener('click', async () => {
    errors.textContent = '';
    // form-js checks what it can (required, ranges, lengths) and shows it beside the field; the server checks it all.
    const event = form.submit();
    if (Object.keys(event.errors || {}).length > 0) return;
    const response = await fetch(`/api/tasks/${id}/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', RequestVerificationToken: window.portalToken() },
      body: JSON.stringify({ variables: event.data }),
    });
    if (response.ok) {
      window.location.assign('/portal/tasks?done=complete');
      return;
    }
    const problem = await response.json().catch(() => ({}));
    // The server says a refusal in both languages apart (messageZh beside message; a rule's messageZh/messageEn): show the reader's.
    const chinese = (document.documentElement.lang || 'zh').toLowerCase().startsWith('zh');
    const say = (error) => (chinese && error.messageZh) || error.message;
    const byField = {};
    const elsewhere = [];
    for (const error of problem.errors || []) {
      const fieldId = idOfKey(error.field);
      if (fieldId) (byField[fieldId] = byField[fieldId] || []).push(say(error));
      else elsewhere.push(say(error));
    }
    const rule = chinese ? problem.messageZh : problem.messageEn;
    if (Object.keys(byField).length > 0) form._setState({ errors: byField });
    if (elsewhere.length > 0 || Object.keys(byField).length === 0) {
      errors.textContent = [host.dataset.refused, ...elsewhere, problem.errors ? '' : (rule || (chinese && problem.detailZh) || problem.detail || problem.title || '')].filter(Boolean).join(' ');
    }
  });
})();
