// The forms drawn with a process (Engine/Model/EmbeddedForms.cs): <pwf:form>{ form-js JSON }</pwf:form> in the
// process's extensionElements. Described to bpmn-js's moddle so the designer reads, writes and keeps them.
export const formsModdle = {
  name: 'ProjectWorkflowForms',
  uri: 'urn:projectworkflow:forms:1.0',
  prefix: 'pwf',
  xml: { tagAlias: 'lowerCase' },
  types: [
    {
      name: 'Form',
      superClass: ['Element'],
      properties: [{ name: 'body', type: 'String', isBody: true }],
    },
  ],
};
