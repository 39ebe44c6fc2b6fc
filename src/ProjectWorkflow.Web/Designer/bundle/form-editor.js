// The form editor's bundle entry: bpmn.io's form-js editor (@bpmn-io/form-js 1.23.0, its FormEditor), bundled by
// esbuild (package.json "build:designer") into wwwroot/lib/designer/form-editor.js, which sets
// window.ProcessFormEditor. The designer opens it for the form of a user task (wwwroot/js/process-designer.js).
// A file of its own: the designer loads it, no other page pays for it. No eval, no inline script: the CSP holds.
import { FormEditor } from '@bpmn-io/form-js';

window.ProcessFormEditor = { FormEditor };
