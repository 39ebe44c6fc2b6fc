// bpmnlint rules that match the engine's own deploy check (Engine/Reading/ElementKinds.cs, ActivityReader.cs,
// Engine/Definitions/FlowRules.cs, ActivityRules.cs), so the designer names a problem on the element while it is
// drawn instead of only when the server refuses the deploy. The plugin is local ('engine/...'), handed to
// bpmn-js-bpmnlint as { config, resolver } (no packing step: the config is the object the linter reads). The
// sentences come from the page (DesignerText.resx, zh-CN and en), so the rules carry keys, never words.
//
// engine/runs-here      error  an element or attribute the engine refuses (DMN, complex gateway, transaction,
//                              ad-hoc, compensation, loops, Java classes, non-JUEL scripts, unsupported events)
// engine/service-topic  error  a service task without camunda:type="external" and a topic
// engine/flows          error  a flow the engine refuses: into a start event, out of an end event, a step no flow
//                              reaches, an event-based gateway with fewer than two ways out, a default flow that
//                              does not leave its gateway
// engine/user-task-form warn   a user task without camunda:formRef (the house gives every user task a form)

const RefusedTypes = [
  'bpmn:BusinessRuleTask', 'bpmn:ComplexGateway', 'bpmn:Transaction', 'bpmn:AdHocSubProcess',
  'bpmn:ImplicitThrowEvent', 'bpmn:CallChoreography', 'bpmn:ChoreographyTask', 'bpmn:SubChoreography',
];
const CodeAttributes = ['class', 'expression', 'delegateExpression'];

const camunda = (node, name) => (node.get ? node.get(`camunda:${name}`) : undefined);
const flowNodes = (container) => (container.flowElements || []).filter((e) => e.$instanceOf('bpmn:FlowNode'));

function runsHere(words) {
  return () => ({
    check(node, reporter) {
      if (!node.$instanceOf || !node.$instanceOf('bpmn:FlowElement')) return;
      if (RefusedTypes.some((type) => node.$instanceOf(type))) {
        reporter.report(node.id, words.lintRefused);
        return;
      }
      if (node.isForCompensation) reporter.report(node.id, words.lintCompensation);
      if (node.loopCharacteristics && node.loopCharacteristics.$instanceOf('bpmn:StandardLoopCharacteristics')) {
        reporter.report(node.id, words.lintLoop);
      }
      if ((node.eventDefinitions || []).some((d) => d.$instanceOf('bpmn:CompensateEventDefinition') || d.$instanceOf('bpmn:CancelEventDefinition'))) {
        reporter.report(node.id, words.lintCompensation);
      }
      if (node.$instanceOf('bpmn:ScriptTask') && String(node.scriptFormat || '').toLowerCase() !== 'juel') {
        reporter.report(node.id, words.lintScript);
      }
      if (node.$instanceOf('bpmn:ServiceTask') || node.$instanceOf('bpmn:SendTask')) {
        const type = camunda(node, 'type');
        if (CodeAttributes.some((name) => camunda(node, name)) || (type && type !== 'external')) {
          reporter.report(node.id, words.lintJava);
        }
      }
    },
  });
}

function serviceTopic(words) {
  return () => ({
    check(node, reporter) {
      if (!node.$instanceOf || !node.$instanceOf('bpmn:ServiceTask')) return;
      if (camunda(node, 'type') !== 'external' || !String(camunda(node, 'topic') || '').trim()) {
        reporter.report(node.id, words.lintTopic);
      }
    },
  });
}

function userTaskForm(words) {
  return () => ({
    check(node, reporter) {
      if (node.$instanceOf && node.$instanceOf('bpmn:UserTask') && !String(camunda(node, 'formRef') || '').trim()) {
        reporter.report(node.id, words.lintForm);
      }
    },
  });
}

const reachedWithoutFlow = (node, container) =>
  node.$instanceOf('bpmn:StartEvent')
  || node.$instanceOf('bpmn:BoundaryEvent')
  || (node.$instanceOf('bpmn:SubProcess') && node.triggeredByEvent)
  || node.isForCompensation
  || (node.$instanceOf('bpmn:IntermediateCatchEvent') && (node.eventDefinitions || []).some((d) => d.$instanceOf('bpmn:LinkEventDefinition')))
  || (container.$instanceOf('bpmn:SubProcess') && container.triggeredByEvent && node.$instanceOf('bpmn:StartEvent'));

function flows(words) {
  return () => ({
    check(container, reporter) {
      if (!container.$instanceOf || !(container.$instanceOf('bpmn:Process') || container.$instanceOf('bpmn:SubProcess'))) return;
      // From the sequence flows themselves, not the nodes' incoming/outgoing lists: BPMN files need not write those
      // (the shipped workflows do not), and the engine reads sourceRef and targetRef.
      const ins = new Map();
      const outs = new Map();
      const add = (map, node, flow) => { if (node) map.set(node, [...(map.get(node) || []), flow]); };
      for (const flow of (container.flowElements || []).filter((e) => e.$instanceOf('bpmn:SequenceFlow'))) {
        add(outs, flow.sourceRef, flow);
        add(ins, flow.targetRef, flow);
      }
      for (const node of flowNodes(container)) {
        const incoming = ins.get(node) || [];
        const outgoing = outs.get(node) || [];
        if (node.$instanceOf('bpmn:StartEvent') && incoming.length > 0) reporter.report(node.id, words.lintStartIncoming);
        if (node.$instanceOf('bpmn:EndEvent') && outgoing.length > 0) reporter.report(node.id, words.lintEndOutgoing);
        if (incoming.length === 0 && !reachedWithoutFlow(node, container)) reporter.report(node.id, words.lintUnreachable);
        if (node.$instanceOf('bpmn:EventBasedGateway') && outgoing.length < 2) reporter.report(node.id, words.lintEventGateway);
        if (node.default && !outgoing.includes(node.default)) reporter.report(node.id, words.lintDefaultFlow);
      }
    },
  });
}

// The { config, resolver } bpmn-js-bpmnlint expects under linting.bpmnlint; words: the page's sentences by key.
export function engineLint(words) {
  const rules = {
    'runs-here': runsHere(words),
    'service-topic': serviceTopic(words),
    'user-task-form': userTaskForm(words),
    flows: flows(words),
  };
  return {
    config: {
      rules: {
        'engine/runs-here': 'error',
        'engine/service-topic': 'error',
        'engine/flows': 'error',
        'engine/user-task-form': 'warn',
      },
    },
    resolver: {
      resolveRule: (pkg, ruleName) => (pkg === 'bpmnlint-plugin-engine' ? rules[ruleName] || null : null),
      resolveConfig: () => null,
    },
  };
}
