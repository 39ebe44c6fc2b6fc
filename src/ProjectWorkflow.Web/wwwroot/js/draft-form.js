// The application form: autosaves what is typed (PUT /api/applications/{id} with the draft's revision), says when
// it was saved, warns when another tab or colleague saved meanwhile (409: nothing is overwritten), uploads
// attachments, and submits, showing each refusal beside its field or as the rule's sentence.
(() => {
  const form = document.getElementById('draft');
  if (!form) return;
  const id = form.dataset.application;
  let revision = Number(form.dataset.revision);
  const saved = document.getElementById('draft-saved');
  const conflict = document.getElementById('draft-conflict');
  const english = document.documentElement.lang === 'en';
  const headers = (json) => Object.assign(
    { accept: 'application/json', RequestVerificationToken: window.portalToken() },
    json ? { 'content-type': 'application/json' } : {});

  // Yuan typed as 1,234.56 becomes 123456 fen exactly: digits, never a floating-point product.
  const fen = (text) => {
    const clean = text.replace(/[,，\s¥]/g, '');
    if (!/^\d+(\.\d{0,2})?$/.test(clean)) return undefined;
    const [yuan, cents = ''] = clean.split('.');
    return Number(yuan + (cents + '00').slice(0, 2));
  };

  const body = () => {
    const data = { revision };
    for (const input of form.querySelectorAll('input, textarea')) {
      const value = input.type === 'checkbox' ? input.checked : input.value.trim();
      if (value === '') continue;
      if (input.name === 'invoiceNumbers') data.invoiceNumbers = value.split(/\s*\n\s*/).filter(Boolean);
      else if (input.dataset.money) data[input.name] = fen(value);
      else if (input.dataset.number) data[input.name] = Number(value);
      else data[input.name] = value;
    }
    return data;
  };

  // Many of the API's messages say both languages in one string ("Name the project. 请填写项目名称。"): the page keeps
  // the sentences of its own language (a sentence is Chinese when it ends with a Chinese full stop, or without a stop holds more Han characters than Latin letters),
  // and the whole text when none is left (as Portal/OneLanguage.cs does for the server-rendered pages).
  const oneLanguage = (text) => {
    if (!text) return text;
    const sentences = text.trim().split(/(?<=[.!?。！？])\s*/).filter(Boolean);
    const chinese = (s) => /[。！？]$/.test(s) || (!/[.!?]$/.test(s) && (s.match(/[\u4e00-\u9fff]/g) || []).length > (s.match(/[A-Za-z]/g) || []).length);
    const kept = sentences.filter((s) => chinese(s) !== english);
    return kept.length ? kept.join(english ? ' ' : '') : text;
  };
  // A field's message, or a refusal's detail, in the page's language: the Chinese the server gave apart (messageZh,
  // detailZh) when the page is Chinese, else the message's own sentences of the page's language.
  const say = (error) => (!english && error.messageZh) || oneLanguage(error.message);
  const detail = (problem) => (!english && problem.detailZh) || oneLanguage(problem.detail);

  const clearErrors = () => document.querySelectorAll('[id^="err-"]').forEach((e) => { e.textContent = ''; });
  const showErrors = (errors, list) => {
    for (const error of errors || []) {
      const beside = document.getElementById('err-' + error.field);
      if (beside) beside.textContent = say(error);
      else if (list) {
        list.insertAdjacentHTML('beforeend', '<li></li>');
        list.lastChild.textContent = say(error);
      }
    }
  };

  const at = (iso) => new Intl.DateTimeFormat(english ? 'en-GB' : 'zh-CN',
    { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));

  let timer = null;
  let saving = Promise.resolve(true);
  const save = async () => {
    clearErrors();
    const response = await fetch(`/api/applications/${id}`, { method: 'PUT', headers: headers(true), body: JSON.stringify(body()) });
    if (response.ok) {
      const draft = await response.json();
      revision = draft.revision;
      saved.textContent = saved.dataset.savedAt.replace('{0}', at(draft.updatedAt));
      conflict.textContent = '';
      return true;
    }
    const problem = await response.json().catch(() => ({}));
    if (response.status === 409) conflict.textContent = saved.dataset.conflict;
    else showErrors(problem.errors);
    return false;
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => { saving = save(); }, 600);
  };
  form.addEventListener('input', soon);
  form.addEventListener('change', soon);
  form.addEventListener('submit', (event) => event.preventDefault());

  const upload = document.getElementById('upload');
  upload.addEventListener('submit', async (event) => {
    event.preventDefault();
    const problem = document.getElementById('upload-error');
    problem.textContent = '';
    const response = await fetch(`/api/applications/${id}/attachments`, { method: 'POST', headers: headers(false), body: new FormData(upload) });
    if (response.ok) { window.location.reload(); return; }
    const answer = await response.json().catch(() => ({}));
    problem.textContent = (answer.errors || []).map(say).join(' ') || detail(answer) || answer.title || String(response.status);
  });

  document.getElementById('submit-application').addEventListener('click', async () => {
    clearTimeout(timer);
    const refusals = document.getElementById('submit-refusals');
    refusals.textContent = '';
    await saving;
    if (!(await save())) return;
    const response = await fetch(`/api/applications/${id}/submit`, { method: 'POST', headers: headers(false) });
    if (response.ok) { window.location.assign(`/portal/applications/${id}`); return; }
    const problem = await response.json().catch(() => ({}));
    if (problem.rule) {
      refusals.insertAdjacentHTML('beforeend', '<li></li>');
      refusals.lastChild.textContent = (english ? problem.messageEn : problem.messageZh) || problem.detail;
    } else if (problem.errors) {
      showErrors(problem.errors, refusals);
    } else {
      refusals.insertAdjacentHTML('beforeend', '<li></li>');
      refusals.lastChild.textContent = detail(problem) || problem.title || String(response.status);
    }
  });
})();
