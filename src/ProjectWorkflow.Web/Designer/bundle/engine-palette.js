// What the designer offers to draw is what the engine runs (DESIGN.md §4): the palette's generic task becomes a
// user task and a service task, and the replace menu loses the kinds the engine refuses at deploy (script tasks,
// which run in JUEL only, business-rule tasks, complex gateways, ad-hoc sub-processes, transactions and
// compensation). Event sub-processes, event-based gateways, link, signal, escalation, error and conditional events
// run. Anything else the deploy check still names on the element.
const Refused = ['script-task', 'rule-task', 'complex-gateway', 'ad-hoc', 'transaction', 'compensat'];

function EnginePalette(palette, create, elementFactory, translate) {
  const createShape = (type) => (event) => create.start(event, elementFactory.createShape({ type }));
  palette.registerProvider(500, {
    getPaletteEntries() {
      return (entries) => {
        const kept = { ...entries };
        delete kept['create.task'];
        delete kept['create.group'];
        kept['create.user-task'] = {
          group: 'activity', className: 'bpmn-icon-user-task', title: translate('Create user task'),
          action: { dragstart: createShape('bpmn:UserTask'), click: createShape('bpmn:UserTask') },
        };
        kept['create.service-task'] = {
          group: 'activity', className: 'bpmn-icon-service-task', title: translate('Create service task'),
          action: { dragstart: createShape('bpmn:ServiceTask'), click: createShape('bpmn:ServiceTask') },
        };
        return kept;
      };
    },
  });
}
EnginePalette.$inject = ['palette', 'create', 'elementFactory', 'translate'];

function EngineReplaceMenu(popupMenu) {
  popupMenu.registerProvider('bpmn-replace', 500, {
    getPopupMenuEntries() {
      return (entries) => Object.fromEntries(Object.entries(entries).filter(([id]) => !Refused.some((word) => id.includes(word))));
    },
  });
}
EngineReplaceMenu.$inject = ['popupMenu'];

export default {
  __init__: ['enginePalette', 'engineReplaceMenu'],
  enginePalette: ['type', EnginePalette],
  engineReplaceMenu: ['type', EngineReplaceMenu],
};
